// WebAssembly build in node: check() (the embind binding: text in, JSON out) on every report of
// the corpus, µs per call. Prints JSON on stdout; scripts/bench.sh puts it in the table.
//   node benchmark/wasm_node.mjs [--wasm-dir build/wasm] [--corpus ../shared/corpus]
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { corpusReports } from './corpus.mjs';
import { measure } from './measure.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const wasmDir = resolve(opt('--wasm-dir', process.env.NIANBAO_WASM_DIR ?? join(here, '..', 'build', 'wasm')));
const corpusDir = resolve(opt('--corpus', process.env.NIANBAO_CORPUS_DIR ?? join(here, '..', '..', 'shared', 'corpus')));

if (!existsSync(join(wasmDir, 'nianbao.mjs'))) {
  console.error(`wasm_node: ${join(wasmDir, 'nianbao.mjs')} not found (build the WebAssembly tree first)`);
  process.exit(2);
}
const { default: createNianbao } = await import(pathToFileURL(join(wasmDir, 'nianbao.mjs')));
const t0 = performance.now();
const m = await createNianbao({ wasmBinary: readFileSync(join(wasmDir, 'nianbao.wasm')) });
const instantiateMs = performance.now() - t0;

// User + system CPU time of this process, in ms.
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
// Warm-up: about a second on every report first, so V8's optimising tier has compiled the module
// before the first measurement (else the first report pays for Liftoff code).
const reports = corpusReports(corpusDir).map((name) => [name, readFileSync(join(corpusDir, name), 'utf8')]);
for (const t0w = performance.now(); performance.now() - t0w < 1000;) {
  for (const [, text] of reports) m.check(text, '{}');
}
const results = {};
for (const [name, text] of reports) {
  const fn = () => m.check(text, '{}');
  const wall = measure(fn);
  const cpu = measure(fn, { clock: cpuMs });
  results[name] = { us: cpu.us, wallUs: wall.us, bytes: Buffer.byteLength(text) };
}
console.log(JSON.stringify({ node: process.version, instantiateMs, results }, null, 1));
