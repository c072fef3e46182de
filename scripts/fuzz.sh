#!/usr/bin/env bash
# Bounded libFuzzer run on the core (fuzz/fuzz_check.cpp: decode_input, check, to_json, to_text,
# check_to_json), built with Debian's clang: -fsanitize=fuzzer,address,undefined.
#
#   scripts/fuzz.sh                  60 s (FUZZ_SECONDS=600 scripts/fuzz.sh for longer)
#
# Seeds: every file of the corpus (read in place, copied into a temporary folder that is removed
# at the end, never into the repository) and every input kept in tests/regress/. The inputs
# libFuzzer finds interesting go to the same temporary folder. A crash, a leak, a sanitizer report
# or an input slower than 10 s fails the run (exit 1); the input is left in build-fuzz/artifacts/.
# Keep it in tests/regress/, fix the core, rerun.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
build=${FUZZ_BUILD_DIR:-build-fuzz}
corpus=${NIANBAO_CORPUS_DIR:-../shared/corpus}

if ! command -v clang++ >/dev/null 2>&1; then
  echo "fuzz: clang++ not found (apt-get install clang libclang-rt-14-dev)" >&2
  exit 1
fi

mkdir -p "$build"
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DNIANBAO_FUZZ=ON >"$build/configure.log" 2>&1 || { cat "$build/configure.log" >&2; exit 1; }
cmake --build "$build" --target nianbao_fuzz -j"${JOBS:-2}"
fuzzer="$build/fuzz/nianbao_fuzz"

work=$(mktemp -d "${TMPDIR:-/tmp}/nianbao-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/seeds" "$build/artifacts"
n=0
while IFS= read -r -d '' f; do
  n=$((n + 1))
  cp "$f" "$work/seeds/corpus-$n-$(basename "$f")"
done < <(find "$corpus" -type f -print0 | sort -z)
regress=0
while IFS= read -r -d '' f; do
  regress=$((regress + 1))
  cp "$f" "$work/seeds/regress-$(basename "$f")"
done < <(find tests/regress -type f ! -name '*.md' -print0 2>/dev/null | sort -z)
echo "fuzz: $n corpus files + $regress regression inputs as seeds; ${seconds}s"

# Every kept regression input must pass on its own first (quick, exact).
if [ "$regress" -gt 0 ]; then
  "$fuzzer" -timeout=10 -rss_limit_mb=4096 "$work"/seeds/regress-* >"$work/regress.log" 2>&1 ||
    { cat "$work/regress.log" >&2; echo "fuzz: a regression input fails" >&2; exit 1; }
fi

args=(-max_len=200000 -timeout=10 -rss_limit_mb=4096 -max_total_time="$seconds"
      -dict=fuzz/nianbao.dict -print_final_stats=1 -artifact_prefix="$build/artifacts/")
rc=0
"$fuzzer" "${args[@]}" "$work/seeds" >"$work/fuzz.log" 2>&1 || rc=$?

execs=$(grep -h 'stat::number_of_executed_units' "$work/fuzz.log" | awk '{s += $2} END {print s + 0}')
units=$(ls "$work/seeds" | wc -l)
if [ "$rc" -ne 0 ] || grep -qE 'ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer)|runtime error:' "$work/fuzz.log"; then
  grep -hE -A30 'ERROR: |runtime error:' "$work/fuzz.log" | head -60 >&2
  echo "fuzz: FAILED after $execs executions (exit $rc); inputs in $build/artifacts/:" >&2
  ls -1 "$build/artifacts" >&2
  exit 1
fi
echo "fuzz: OK, $execs executions in ${seconds}s, 0 crashes ($units inputs in the final set)"
