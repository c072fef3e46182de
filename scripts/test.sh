#!/usr/bin/env bash
# THE test command (CI runs it through .ci/run): set-up, native build + every GoogleTest,
# clang-format check, ASan+UBSan run of the same tests, WebAssembly build + node and browser
# tests (the WASM output is compared byte for byte with the native CLI), then the fuzzers.
#
#   bash scripts/test.sh            everything (CI)
#   bash scripts/test.sh --quick    the quick loop: incremental native build, the unit, rule,
#                                   corpus and snapshot tests (ctest -LE slow), clang-format
#                                   and ESLint on the files changed since HEAD; no set-up,
#                                   no sanitizers, no WebAssembly, no browser, no fuzzing
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--quick" ]; then
  exec bash scripts/quick.sh
fi
build=${NIANBAO_BUILD_ROOT:-build}   # $build/native, $build/asan, $build/wasm
jobs=${JOBS:-2}
start=$SECONDS
current=""
step() { current=$*; printf '\n=== %s (%ds)\n' "$*" $((SECONDS - start)); }
trap 'rc=$?; [ $rc -eq 0 ] || printf "\nnianbao: TESTS FAILED in step \"%s\" (exit %d) after %ds\n" "$current" $rc $((SECONDS - start)) >&2' EXIT

step "set-up"
bash scripts/setup.sh

step "native build (Release)"
cmake -S . -B "$build"/native -DCMAKE_BUILD_TYPE=Release -DNIANBAO_WERROR=ON
cmake --build "$build"/native -j"$jobs"

step "native tests"
ctest --test-dir "$build"/native --output-on-failure -j"$jobs"

step "clang-format"
mapfile -t sources < <(find core cli wasm tests benchmark fuzz \
  \( -name '*.cpp' -o -name '*.hpp' -o -name '*.h' -o -name '*.cc' \) -type f 2>/dev/null | sort)
unformatted=()
for f in "${sources[@]}"; do
  clang-format --dry-run --Werror "$f" >/dev/null 2>&1 || unformatted+=("$f")
done
if [ ${#unformatted[@]} -gt 0 ]; then
  clang-format --dry-run "${unformatted[0]}" 2>&1 | head -n 12
  echo "clang-format: ${#unformatted[@]} of ${#sources[@]} files need formatting; fix with:" >&2
  echo "  clang-format -i ${unformatted[*]}" >&2
  exit 1
fi
echo "clang-format: ${#sources[@]} files clean"

step "ESLint"
npm run --silent lint
echo "ESLint: clean"

step "clang-tidy (core, cli)"
bash scripts/tidy.sh "$build"/native

step "ASan + UBSan build and tests"
cmake -S . -B "$build"/asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNIANBAO_SANITIZE=ON
cmake --build "$build"/asan -j"$jobs" --target nianbao_tests nianbao
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  "$build"/asan/nianbao_tests --gtest_brief=1

step "WebAssembly build"
export NODE_PATH=/usr/share/nodejs
emcmake cmake -S . -B "$build"/wasm -DCMAKE_BUILD_TYPE=Release \
  "-DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node;--no-experimental-fetch"
cmake --build "$build"/wasm -j"$jobs"

step "WebAssembly tests (node, Chromium)"
NIANBAO_CLI="$(cd "$build"/native && pwd)/nianbao" ctest --test-dir "$build"/wasm --output-on-failure

if [ -f scripts/fuzz.sh ]; then
  step "fuzzers"
  bash scripts/fuzz.sh
fi

printf '\nnianbao: ALL TESTS PASSED (native, format, asan+ubsan, wasm%s) in %ds\n' \
  "$([ -f scripts/fuzz.sh ] && echo ', fuzz')" $((SECONDS - start))
