#!/usr/bin/env bash
# Bounded libFuzzer runs on the core, one target after another (fuzz/CMakeLists.txt), built
# with Debian's clang: -fsanitize=fuzzer,address,undefined.
#
#   scripts/fuzz.sh                                 60 s in all (what CI runs)
#   FUZZ_SECONDS=3600 nice -n 19 scripts/fuzz.sh    a longer campaign (one fuzzer at a time)
#   FUZZ_TARGETS="check tables" scripts/fuzz.sh     some targets only
#
# Targets and their -max_len (bytes; FUZZ_MAX_LEN_<TARGET> overrides):
#   check   1024  the whole check + to_json + to_text + options JSON (the main target)
#   decode  1024  decode_input, the declared charset, Source, Normalised
#   html    4096  html_to_text and the Document over its text
#   tables  2048  outline and table reader
#   facts   2048  facts extraction and settle_tables
# FUZZ_SECONDS is the total, shared out by weight: check 2 shares, every other target 1
# (60 s: check 20 s, the others 10 s each).
#
# Speed (ASan+UBSan on): about 1,400 executions per CPU second on check with max_len 1024
# (1,100 with 2048, which covers more per second: FUZZ_MAX_LEN_CHECK=2048 for a campaign);
# 40 to 80 with the whole reports of before (max_len 200000). What it took: small inputs cut
# from the corpus at line ends instead of whole reports; -entropic=0; no trace-cmp
# instrumentation (fuzz/CMakeLists.txt); a 16 MB ASan quarantine; -reload=0.
#
# Seeds: made by fuzz/seeds.mjs from the corpus (read in place) and every input kept in
# tests/regress/, cut to each target's max_len, into a temporary folder removed at the end
# (never the repository); the inputs libFuzzer finds interesting go there too. Every kept input
# must pass every target first, whole. A crash, a leak, a sanitizer report, a failed invariant
# or an input slower than 10 s fails the run (exit 1); the input is left in
# build-fuzz/artifacts/<target>-crash-...: keep it in tests/regress/ (with a note, see its
# README), fix the core, rerun.
#
# Prints a line per target and writes build-fuzz/fuzz-summary.json: one object per target
# (target, seconds, max_len, executions, exec_per_sec, cpu_seconds, coverage, features,
# new_units, crashes).
set -euo pipefail
cd "$(dirname "$0")/.."
total=${FUZZ_SECONDS:-60}
build=${FUZZ_BUILD_DIR:-build-fuzz}
corpus=${NIANBAO_CORPUS_DIR:-../shared/corpus}
targets=(${FUZZ_TARGETS:-check decode html tables facts})
# -entropic=0: libFuzzer's entropic schedule updates a frequency for every feature an execution
# hits (this core has ~30,000), which took half of each execution's time; FUZZ_ARGS=-entropic=1
# puts it back (extra arguments go last and win).
extra=(-entropic=0 -reload=0 ${FUZZ_ARGS:-})
# A smaller ASan quarantine (256 MB by default: fresh pages on every execution) and shorter
# allocation stacks: fewer page faults, a quarter of the memory on a shared machine.
export ASAN_OPTIONS=${ASAN_OPTIONS:-quarantine_size_mb=16:malloc_context_size=5}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

declare -A max_len=([check]=1024 [decode]=1024 [html]=4096 [tables]=2048 [facts]=2048)
declare -A weight=([check]=2 [decode]=1 [html]=1 [tables]=1 [facts]=1)
shares=0
for t in "${targets[@]}"; do
  [ -n "${max_len[$t]:-}" ] || { echo "fuzz: unknown target '$t' (check decode html tables facts)" >&2; exit 2; }
  override="FUZZ_MAX_LEN_${t^^}"
  max_len[$t]=${!override:-${max_len[$t]}}
  shares=$((shares + weight[$t]))
done

if ! command -v clang++ >/dev/null 2>&1; then
  echo "fuzz: clang++ not found (apt-get install clang libclang-rt-14-dev)" >&2
  exit 1
fi

mkdir -p "$build"
if [ "${FUZZ_BUILD:-1}" != 0 ]; then  # FUZZ_BUILD=0: the binaries in $build/fuzz/ as they are
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
    -DNIANBAO_FUZZ=ON >"$build/configure.log" 2>&1 || { cat "$build/configure.log" >&2; exit 1; }
  cmake --build "$build" -j"${JOBS:-2}" --target $(printf 'nianbao_fuzz_%s ' "${targets[@]}")
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/nianbao-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$build/artifacts"
limits=()
for t in "${targets[@]}"; do limits+=("$t=${max_len[$t]}"); done
echo -n "fuzz: seeds from $corpus and tests/regress: "
node fuzz/seeds.mjs "$work/seeds" "$corpus" tests/regress "${limits[@]}"

# Every kept regression input must pass every target on its own first (whole, quick, exact).
mapfile -t regress < <(find tests/regress -type f ! -name '*.md' | sort)
for t in "${targets[@]}"; do
  [ ${#regress[@]} -gt 0 ] || break
  "$build/fuzz/nianbao_fuzz_$t" -timeout=10 -rss_limit_mb=4096 "${regress[@]}" \
    >"$work/regress-$t.log" 2>&1 ||
    { tail -n 40 "$work/regress-$t.log" >&2; echo "fuzz: a kept input of tests/regress fails $t" >&2; exit 1; }
done
echo "fuzz: ${#regress[@]} kept inputs of tests/regress pass every target"

failed=()
rows=()
for t in "${targets[@]}"; do
  seconds=$((total * weight[$t] / shares))
  [ "$seconds" -ge 1 ] || seconds=1
  mkdir -p "$work/found-$t" "$work/seeds/$t"
  log="$work/$t.log"
  args=(-max_len="${max_len[$t]}" -timeout=10 -rss_limit_mb=4096 -max_total_time="$seconds"
        -dict=fuzz/nianbao.dict -print_final_stats=1 -artifact_prefix="$build/artifacts/$t-"
        "${extra[@]}")
  rc=0
  start=$(date +%s.%N)
  cpu0=$(awk '{print $14 + $15 + $16 + $17}' /proc/$$/stat)
  # timeout: a hang outside libFuzzer's own -timeout (e.g. in its start-up) still ends.
  timeout -k 10 $((seconds + 300)) "$build/fuzz/nianbao_fuzz_$t" "${args[@]}" \
    "$work/found-$t" "$work/seeds/$t" >"$log" 2>&1 || rc=$?
  wall=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')
  cpu1=$(awk '{print $14 + $15 + $16 + $17}' /proc/$$/stat)
  cpu=$(awk -v a="$cpu0" -v b="$cpu1" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.1f", (b - a) / hz}')
  execs=$(grep -h 'stat::number_of_executed_units' "$log" | awk '{print $2}' | tail -n 1)
  if [ -z "$execs" ]; then  # no final stats (a crash): the last status line
    execs=$(grep -oE '^#[0-9]+' "$log" | tail -n 1 | tr -d '#')
  fi
  execs=${execs:-0}
  rate=$(awk -v n="$execs" -v s="$wall" 'BEGIN {printf "%d", (s > 0) ? n / s : 0}')
  last=$(grep -E '^#[0-9]+\s+(DONE|pulse|NEW|REDUCE|INITED)' "$log" | tail -n 1)
  cov=$(sed -nE 's/.*cov: ([0-9]+).*/\1/p' <<<"$last")
  ft=$(sed -nE 's/.*ft: ([0-9]+).*/\1/p' <<<"$last")
  new=$(grep -h 'stat::new_units_added' "$log" | awk '{print $2}' | tail -n 1)
  crashes=0
  if [ "$rc" -ne 0 ] || grep -qE 'ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer)|runtime error:|invariant failed' "$log"; then
    crashes=1
    failed+=("$t")
    grep -hE -A30 'invariant failed|ERROR: |runtime error:' "$log" | head -n 60 >&2
    cp "$log" "$build/artifacts/$t.log"
  fi
  printf 'fuzz: %-6s %5ss  max_len %5s  %9s executions  %6s exec/s  (cpu %ss)  cov %s ft %s new %s  crashes %s\n' \
    "$t" "$seconds" "${max_len[$t]}" "$execs" "$rate" "$cpu" "${cov:-?}" "${ft:-?}" "${new:-?}" "$crashes"
  rows+=("$(printf '{"target":"%s","seconds":%s,"max_len":%s,"executions":%s,"exec_per_sec":%s,"cpu_seconds":%s,"coverage":%s,"features":%s,"new_units":%s,"crashes":%s}' \
    "$t" "$seconds" "${max_len[$t]}" "$execs" "$rate" "${cpu:-0}" "${cov:-0}" "${ft:-0}" "${new:-0}" "$crashes")")
done
(IFS=,; echo "[${rows[*]}]") >"$build/fuzz-summary.json"
echo "fuzz: summary in $build/fuzz-summary.json"

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: FAILED in ${failed[*]}; inputs and logs in $build/artifacts/:" >&2
  ls -1 "$build/artifacts" >&2
  exit 1
fi
echo "fuzz: OK, every target, 0 crashes"
