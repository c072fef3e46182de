#!/usr/bin/env bash
# Benchmarks, one table: check() natively (Google Benchmark, benchmark/bench_check.cpp) on every
# corpus report and on a 10 KB .. 10 MB scaling series; the WebAssembly build in node
# (benchmark/wasm_node.mjs) and in headless Chromium (benchmark/wasm_chromium.mjs, including
# navigation -> ready of the single-file page); bundle sizes, raw and gzip. Then the batch CLI
# (benchmark/batch.sh: reports per second and peak memory of `nianbao check FOLDER` over 100 and
# 2,000 text reports and over PDFs; NIANBAO_BENCH_BATCH=0 leaves it out); memory at 1 and 10 MB
# natively and in WebAssembly and instructions per byte (benchmark/resources.mjs); fuzzing speed
# per target (scripts/fuzz.sh, short; NIANBAO_BENCH_FUZZ=0 leaves it out). All in one table.
#
#   scripts/bench.sh   (WASM from NIANBAO_WASM_DIR, default build/wasm; when that is absent, built in
#                       build-bench/wasm)
#
# The machine (lscpu) is printed above the table. Native and node times are CPU time (a busy
# machine disturbs them less); Chromium times are wall time on the page's main thread.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${NIANBAO_BENCH_BUILD:-build-bench}
wasm=${NIANBAO_WASM_DIR:-build/wasm}
jobs=${JOBS:-2}
results="$build/results"
mkdir -p "$results"
log() { printf 'bench: %s\n' "$*" >&2; }

log "native build (Release) in $build"
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release >"$results/cmake.log" 2>&1 ||
  { cat "$results/cmake.log" >&2; exit 1; }
cmake --build "$build" --target nianbao_bench nianbao -j"$jobs" >"$results/build.log" 2>&1 ||
  { cat "$results/build.log" >&2; exit 1; }
[ -x "$build/benchmark/nianbao_bench" ] || { log "libbenchmark missing (apt-get install libbenchmark-dev)"; exit 1; }

log "native benchmark (3 repetitions, median)"
"$build/benchmark/nianbao_bench" --benchmark_repetitions=3 --benchmark_report_aggregates_only=true \
  --benchmark_min_time=0.2 --benchmark_out="$results/native.json" --benchmark_out_format=json \
  >"$results/native.txt"

# The WebAssembly build: build/wasm (scripts/test.sh) when present, else our own tree in
# $build/wasm, built (or brought up to date) here.
if [ ! -f "$wasm/nianbao.mjs" ] && [ -z "${NIANBAO_WASM_DIR:-}" ] && command -v emcmake >/dev/null 2>&1; then
  wasm="$build/wasm"
  log "no build/wasm/nianbao.mjs: building the WebAssembly tree in $wasm (as scripts/test.sh does)"
  export NODE_PATH=/usr/share/nodejs
  emcmake cmake -S . -B "$wasm" -DCMAKE_BUILD_TYPE=Release \
    "-DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node;--no-experimental-fetch" >"$results/wasm-build.log" 2>&1 ||
    { tail -30 "$results/wasm-build.log" >&2; exit 1; }
  cmake --build "$wasm" -j"$jobs" >>"$results/wasm-build.log" 2>&1 || { tail -30 "$results/wasm-build.log" >&2; exit 1; }
fi
rm -f "$results/node.json" "$results/chromium.json"
if [ -f "$wasm/nianbao.mjs" ]; then
  log "WebAssembly in node"
  node benchmark/wasm_node.mjs --wasm-dir "$wasm" >"$results/node.json"
  log "WebAssembly in headless Chromium"
  node benchmark/wasm_chromium.mjs --wasm-dir "$wasm" >"$results/chromium.json" ||
    { log "Chromium benchmark failed: its columns stay empty"; rm -f "$results/chromium.json"; }
else
  log "$wasm/nianbao.mjs not found and emcmake absent: WASM columns stay empty"
fi

log "memory (1 MB, 10 MB) and instructions per byte (callgrind): benchmark/resources.mjs"
node benchmark/resources.mjs --cli "$build/nianbao" --wasm-dir "$wasm" >"$results/resources.json" ||
  { log "resources.mjs failed: its rows stay empty"; rm -f "$results/resources.json"; }

# Fuzzing speed: every target for a short while (scripts/fuzz.sh writes build-fuzz/fuzz-summary.json);
# NIANBAO_BENCH_FUZZ=0 leaves it out, NIANBAO_BENCH_FUZZ_SECONDS sets the time shared by the targets.
rm -f "$results/fuzz.json"
if [ "${NIANBAO_BENCH_FUZZ:-1}" != 0 ] && command -v clang++ >/dev/null 2>&1; then
  log "fuzzing speed (scripts/fuzz.sh, ${NIANBAO_BENCH_FUZZ_SECONDS:-100} s over the targets)"
  if FUZZ_SECONDS="${NIANBAO_BENCH_FUZZ_SECONDS:-100}" bash scripts/fuzz.sh >"$results/fuzz.log" 2>&1 &&
    [ -f build-fuzz/fuzz-summary.json ]; then
    cp build-fuzz/fuzz-summary.json "$results/fuzz.json"
  else
    log "fuzz.sh failed (see $results/fuzz.log): its rows stay empty"
  fi
fi

# The batch CLI: its own table, and its rows as JSON for the main one.
rm -f "$results/batch.jsonl"
if [ "${NIANBAO_BENCH_BATCH:-1}" != 0 ]; then
  log "batch CLI (benchmark/batch.sh)"
  NIANBAO_CLI="$build/nianbao" JOBS="$jobs" BATCH_JSON="$results/batch.jsonl" bash benchmark/batch.sh \
    >"$results/batch.md"
fi

model=$(lscpu | sed -n 's/^Model name: *//p' | head -1)
cpus=$(nproc)
echo
echo "Machine: ${model:-unknown CPU}, $cpus cores ($(uname -m), $(uname -sr)); load average at the" \
  "end: $(cut -d' ' -f1-3 /proc/loadavg). $(date -u +'%Y-%m-%d %H:%M UTC')."
echo "Native: g++ $(g++ -dumpfullversion) -O3 (Release), check() + to_json(), CPU time, median of 3." \
  "WASM: em++ Release, embind check(text, options) -> JSON; node $(node --version) (CPU time)," \
  "Chromium $(/usr/bin/chromium --version 2>/dev/null | grep -o '[0-9][0-9.]*' | head -1) (wall time, main thread)."
echo
node benchmark/table.mjs --native "$results/native.json" --node "$results/node.json" \
  --chromium "$results/chromium.json" --wasm-dir "$wasm" --resources "$results/resources.json" \
  --fuzz "$results/fuzz.json" --batch "$results/batch.jsonl"
if [ -f "$results/batch.md" ]; then
  echo
  cat "$results/batch.md"
fi
