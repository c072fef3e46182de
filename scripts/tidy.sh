#!/usr/bin/env bash
# clang-tidy (.clang-tidy: bugprone-*, performance-*, function size and cognitive complexity) on
# every C++ file of core/ and cli/, with the compile commands of a native build tree.
#   bash scripts/tidy.sh [build dir, default build/native]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-${NIANBAO_BUILD_ROOT:-build}/native}
jobs=${JOBS:-2}
if [ ! -f "$build/compile_commands.json" ]; then
  echo "tidy: $build/compile_commands.json missing: configure a native build first" >&2
  exit 2
fi
command -v clang-tidy >/dev/null || { echo "tidy: clang-tidy not installed (scripts/setup.sh)" >&2; exit 2; }
mapfile -t files < <(find core cli -name '*.cpp' -type f | sort)
log=$(mktemp -d)
# Files in parallel, one log each; a failing file prints its log.
printf '%s\n' "${files[@]}" |
  xargs -P "$jobs" -I{} sh -c 'clang-tidy --quiet -p "$1" "$2" >"$3/$(echo "$2" | tr / _).log" 2>&1 || echo "$2" >>"$3/failed"' _ "$build" {} "$log"
if [ -f "$log/failed" ]; then
  while read -r f; do
    grep -E 'warning:|error:' "$log/$(echo "$f" | tr / _).log" | grep -v 'warnings generated' || true
  done <"$log/failed"
  echo "tidy: $(wc -l <"$log/failed") of ${#files[@]} files have findings" >&2
  rm -rf "$log"
  exit 1
fi
rm -rf "$log"
echo "tidy: ${#files[@]} files clean"
