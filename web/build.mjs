// Assembles the self-contained page dist/nianbao.html, bundled by esbuild (web/bundler.mjs) into
// classic scripts and inlined, so the file works when opened from disk (file://) and makes no
// network request. In the order of the file (the order the browser parses it):
//   <style>                                   style.css
//   <script type="text/plain" nianbao-worker> web/worker.js with the Emscripten glue (nianbao.mjs)
//   <script type="text/plain" nianbao-wasm>   nianbao.wasm, gzip -9 + base64
//   <script>                                  web/boot.js: starts the worker and compiles the wasm
//                                             before the rest of the page is parsed
//   ... markup ...
//   <script>                                  the page script (web/page.js and what it imports)
//   <template id="nianbao-pdfjs">             pdf.js, gzip + base64, inert until the first PDF
// Both inline scripts are pinned by their hashes in the Content-Security-Policy.
//
//   node web/build.mjs --glue build/wasm/nianbao.mjs --wasm build/wasm/nianbao.wasm \
//     --out build/wasm/dist/nianbao.html [--no-pdf]
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { bundle } from './bundler.mjs';
import { pdfPayloadBase64 } from './pdf/bundle.mjs';

const webDir = dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
  const args = { glue: null, wasm: null, out: null, quiet: false, pdf: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--glue') args.glue = argv[++i];
    else if (a === '--wasm') args.wasm = argv[++i];
    else if (a === '--out') args.out = argv[++i];
    else if (a === '--quiet') args.quiet = true;
    else if (a === '--no-pdf') args.pdf = false;  // page without pdf.js (dist/nianbao-text.html)
    else throw new Error(`unknown argument: ${a}`);
  }
  if (!args.glue || !args.wasm || !args.out) {
    throw new Error('usage: node web/build.mjs --glue nianbao.mjs --wasm nianbao.wasm --out dist/nianbao.html [--no-pdf]');
  }
  return args;
}

// Text placed inside <script> must not close the element or open an HTML comment there.
function scriptSafe(text, what) {
  let t = text.replace(/<\/script/gi, '<\\/script');
  if (/<!--/.test(t)) throw new Error(`${what} contains "<!--", which cannot be inlined in <script>`);
  return t;
}
function styleSafe(text) {
  if (/<\/style/i.test(text)) throw new Error('style.css contains </style');
  return text;
}

function replaceOnce(haystack, marker, value) {
  const i = haystack.indexOf(marker);
  if (i < 0 || haystack.indexOf(marker, i + 1) >= 0) throw new Error(`marker ${marker} missing or repeated`);
  // A function replacement: `$` sequences in the value are not special.
  return haystack.slice(0, i) + value + haystack.slice(i + marker.length);
}

// The core's rule and cell catalogues and version (JSON strings), from the build's own core run
// here in Node.js: the worker hands them to the page when it is ready instead of computing them.
async function catalogue(gluePath, wasmPath) {
  const { default: createNianbao } = await import(pathToFileURL(gluePath).href);
  const m = await createNianbao({ wasmBinary: readFileSync(wasmPath) });
  return { version: m.version(), rules: m.rules(), cells: m.cells() };
}

// gluePath, wasmPath: the Emscripten ES6 build (nianbao.mjs, -sEXPORT_ES6) and its nianbao.wasm.
export async function buildPage(gluePath, wasmPath, { pdf = true } = {}) {
  const read = (f) => readFileSync(join(webDir, f), 'utf8');
  if (!/export default createNianbao;\s*$/.test(readFileSync(gluePath, 'utf8'))) throw new Error(`${gluePath} does not export createNianbao`);
  // The Emscripten output is whitespace-minified already: printed so again, not reformatted. Its
  // import.meta.url (the folder of the wasm file) becomes the worker's own URL: the glue is given
  // the compiled module and locateFile, so it never uses it.
  const workerSource = await bundle(join(webDir, 'worker.js'), {
    format: 'iife', strict: true, minifyWhitespace: true,
    define: { 'import.meta.url': 'self.location.href', NIANBAO_CATALOGUE: JSON.stringify(JSON.stringify(await catalogue(gluePath, wasmPath))) },
    replace: { [join(webDir, 'nianbao.mjs')]: resolve(gluePath) }
  });
  const wasm = readFileSync(wasmPath);
  if (wasm.readUInt32BE(0) !== 0x0061736d) throw new Error(`${wasmPath} is not WebAssembly`);
  const wasmBase64 = gzipSync(wasm, { level: 9 }).toString('base64');
  const bootSource = await bundle(join(webDir, 'boot.js'), { format: 'iife', strict: true, minifyWhitespace: true });
  const appSource = await bundle(join(webDir, 'page.js'), { format: 'iife', strict: true, loader: { '.txt': 'text' } });
  let html = read('index.html');
  html = replaceOnce(html, '/*__NIANBAO_STYLE__*/', styleSafe(read('style.css')));
  html = replaceOnce(html, '/*__NIANBAO_WORKER__*/', scriptSafe(workerSource, 'the worker'));
  html = replaceOnce(html, '/*__NIANBAO_WASM__*/', wasmBase64);
  html = replaceOnce(html, '/*__NIANBAO_BOOT__*/', scriptSafe(bootSource, 'the boot script'));
  html = replaceOnce(html, '/*__NIANBAO_APP__*/', scriptSafe(appSource, 'the page script'));
  // pdf.js, gzip + base64, unpacked by the page only when a PDF arrives (web/pdf/page-files.js)
  html = replaceOnce(html, '/*__NIANBAO_PDFJS__*/', pdf ? await pdfPayloadBase64() : '');
  // Only the page's own inline scripts may run: their hashes go into script-src. Browsers that know
  // hashes then ignore 'unsafe-inline', so injected inline handlers (onerror=...) would not run.
  // (Script elements in order, each to its </script>: text inside one is never taken for a tag.)
  const hashes = [];
  const open = /<script[^>]*>/g;
  for (let m; (m = open.exec(html));) {
    const start = m.index + m[0].length;
    const end = html.indexOf('</script>', start);
    if (m[0] === '<script>') hashes.push(`'sha256-${createHash('sha256').update(html.slice(start, end), 'utf8').digest('base64')}'`);
    open.lastIndex = end;
  }
  if (hashes.length !== 2) throw new Error(`index.html has ${hashes.length} inline scripts, expected 2 (boot, page)`);
  html = replaceOnce(html, '__NIANBAO_SCRIPT_HASH__', hashes.join(' '));
  return html;
}

// What the browser parses when the page loads (issue 16): the file without the pdf.js payload,
// which stays inert text until the first PDF; and its parts. Bytes raw and gzip -9.
export function pageParts(html) {
  const gz = (t) => gzipSync(Buffer.from(t, 'utf8'), { level: 9 }).length;
  const size = (t) => ({ raw: Buffer.byteLength(t), gzip: gz(t) });
  const block = (re) => {
    const m = re.exec(html);
    return m ? m[1] : '';
  };
  const pdfjs = block(/<template id="nianbao-pdfjs">([\s\S]*?)<\/template>/);
  const atLoad = html.replace(pdfjs, '');
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  return {
    file: size(html),
    atLoad: size(atLoad),
    pdfjs: size(pdfjs),
    style: size(block(/<style>([\s\S]*?)<\/style>/)),
    worker: size(block(/<script type="text\/plain" id="nianbao-worker">([\s\S]*?)<\/script>/)),
    wasm: size(block(/<script type="text\/plain" id="nianbao-wasm">([\s\S]*?)<\/script>/)),
    boot: size(scripts[0] || ''),
    page: size(scripts[scripts.length - 1] || '')
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const html = await buildPage(resolve(args.glue), resolve(args.wasm), { pdf: args.pdf });
  const out = resolve(args.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, html);
  if (!args.quiet) {
    const p = pageParts(html);
    console.log(`wrote ${out}: ${p.file.raw} bytes, ${p.file.gzip} bytes gzip -9; parsed at load ` +
      `(all but the pdf.js payload) ${p.atLoad.raw} bytes, ${p.atLoad.gzip} bytes gzip -9`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await main();
  } catch (e) {
    console.error(`build.mjs: ${e.message}`);
    process.exit(1);
  }
}
