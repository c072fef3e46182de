#!/usr/bin/env bash
# Set up, build (native + WebAssembly), check the sample report in examples/, then serve the page.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${NIANBAO_BUILD_ROOT:-build}
jobs=${JOBS:-2}

bash scripts/setup.sh

echo "== native build"
cmake -S . -B "$build"/native -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build"/native -j"$jobs" --target nianbao   # the CLI only; test.sh builds the rest

echo "== WebAssembly build"
export NODE_PATH=/usr/share/nodejs
emcmake cmake -S . -B "$build"/wasm -DCMAKE_BUILD_TYPE=Release \
  "-DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node;--no-experimental-fetch" >/dev/null
cmake --build "$build"/wasm -j"$jobs"

# The project's own sample report (examples/README.md: a fictional agency, deliberate errors).
sample=examples/qinghe-shengtai-2025.txt
echo
echo "== nianbao check $sample"
code=0
"$build"/native/nianbao check "$sample" || code=$?
echo "(exit code $code: 0 no error finding, 1 at least one error, 2 input error; this sample has errors on purpose)"

echo
if [ -f "$build"/wasm/dist/nianbao.html ]; then
  exec node scripts/serve.mjs "$build"/wasm/dist
else
  echo "== $build/wasm/dist/nianbao.html not built yet; nothing to serve"
fi
