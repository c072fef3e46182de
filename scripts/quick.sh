#!/usr/bin/env bash
# The quick loop (bash scripts/test.sh --quick): what to run after every edit.
# Incremental native build, then every native test except those labelled slow (unit, rule cases,
# corpus, snapshots, CLI), then clang-format and ESLint on the files changed since HEAD
# (staged, unstaged and untracked). Set-up is not run: the first time, run scripts/setup.sh
# (or the full scripts/test.sh) once.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${NIANBAO_BUILD_ROOT:-build}/native
jobs=${JOBS:-2}
start=$(date +%s%N)
elapsed() {
  local ms=$((($(date +%s%N) - start) / 1000000))
  printf '%d.%01ds' $((ms / 1000)) $((ms % 1000 / 100))
}

if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DNIANBAO_WERROR=ON >/dev/null
fi
# Progress lines trimmed; with pipefail the pipeline fails when the build does.
cmake --build "$build" -j"$jobs" 2>&1 |
  { grep -v -E '^\[ *[0-9]+%\] (Building|Linking|Built)|^(Consolidate|Scanning)' || true; }
echo "quick: built ($(elapsed))"

log=$(mktemp)
if ! ctest --test-dir "$build" -LE slow -j"$jobs" --output-on-failure >"$log" 2>&1; then
  cat "$log"
  rm -f "$log"
  echo "quick: TESTS FAILED ($(elapsed))" >&2
  exit 1
fi
grep -E 'tests passed' "$log"
rm -f "$log"
echo "quick: native tests ($(elapsed))"

mapfile -t changed < <({ git diff --name-only HEAD 2>/dev/null; git ls-files --others --exclude-standard; } |
  sort -u | while read -r f; do [ -f "$f" ] && echo "$f"; done)
cpp=() js=()
for f in "${changed[@]}"; do
  case "$f" in
    *.cpp | *.hpp | *.h | *.cc) cpp+=("$f") ;;
    *.js | *.mjs) js+=("$f") ;;
  esac
done
if [ ${#cpp[@]} -gt 0 ]; then
  bad=()
  for f in "${cpp[@]}"; do clang-format --dry-run --Werror "$f" >/dev/null 2>&1 || bad+=("$f"); done
  if [ ${#bad[@]} -gt 0 ]; then
    echo "quick: clang-format: fix with: clang-format -i ${bad[*]}" >&2
    exit 1
  fi
fi
echo "quick: clang-format clean on ${#cpp[@]} changed C++ file(s)"
if [ ${#js[@]} -gt 0 ] && [ -x node_modules/.bin/eslint ]; then
  node_modules/.bin/eslint --no-warn-ignored "${js[@]}"
  echo "quick: ESLint clean on ${#js[@]} changed JS file(s)"
fi
echo "quick: passed in $(elapsed)"
