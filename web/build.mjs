// Assembles the self-contained page dist/nianbao.html: CSS, the page script (web/page.js and the
// modules it imports) and the worker (web/worker.js with the Emscripten SINGLE_FILE factory, wasm
// inlined as base64), bundled by esbuild (web/bundler.mjs) into classic scripts and inlined, so the
// file works when opened from disk (file://) and makes no network request.
//
//   node web/build.mjs --core build/wasm/nianbao.single.js --out build/wasm/dist/nianbao.html [--no-pdf]
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { bundle } from './bundler.mjs';
import { pdfPayloadBase64 } from './pdf/bundle.mjs';

const webDir = dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
  const args = { core: null, out: null, quiet: false, pdf: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--core') args.core = argv[++i];
    else if (a === '--out') args.out = argv[++i];
    else if (a === '--quiet') args.quiet = true;
    else if (a === '--no-pdf') args.pdf = false;  // page without pdf.js (dist/nianbao-text.html)
    else throw new Error(`unknown argument: ${a}`);
  }
  if (!args.core || !args.out) {
    throw new Error('usage: node web/build.mjs --core nianbao.single.js --out dist/nianbao.html');
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

// corePath: the Emscripten SINGLE_FILE build (nianbao.single.js), which web/worker.js imports.
export async function buildPage(corePath, { pdf = true } = {}) {
  const read = (f) => readFileSync(join(webDir, f), 'utf8');
  if (!/createNianbao/.test(readFileSync(corePath, 'utf8'))) throw new Error(`${corePath} does not define createNianbao`);
  // The Emscripten output is whitespace-minified already: printed so again, not reformatted.
  const workerSource = await bundle(join(webDir, 'worker.js'), {
    format: 'iife', strict: true, minifyWhitespace: true,
    replace: { [join(webDir, 'nianbao.single.js')]: resolve(corePath) }
  });
  const appSource = await bundle(join(webDir, 'page.js'), { format: 'iife', strict: true, loader: { '.txt': 'text' } });
  let html = read('index.html');
  html = replaceOnce(html, '/*__NIANBAO_STYLE__*/', styleSafe(read('style.css')));
  html = replaceOnce(html, '/*__NIANBAO_WORKER__*/', scriptSafe(workerSource, 'the worker'));
  html = replaceOnce(html, '/*__NIANBAO_APP__*/', scriptSafe(appSource, 'the page script'));
  // pdf.js, gzip + base64, unpacked by the page only when a PDF arrives (web/pdf/page-files.js)
  if (html.includes('/*__NIANBAO_PDFJS__*/')) html = replaceOnce(html, '/*__NIANBAO_PDFJS__*/', pdf ? await pdfPayloadBase64() : '');
  // Only the page's own inline script may run: its hash goes into script-src. Browsers that know
  // hashes then ignore 'unsafe-inline', so injected inline handlers (onerror=...) would not run.
  const open = '<script>';
  const start = html.lastIndexOf(open) + open.length;
  const end = html.indexOf('</script>', start);
  const hash = createHash('sha256').update(html.slice(start, end), 'utf8').digest('base64');
  html = replaceOnce(html, '__NIANBAO_SCRIPT_HASH__', `'sha256-${hash}'`);
  return html;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const html = await buildPage(resolve(args.core), { pdf: args.pdf });
  const out = resolve(args.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, html);
  if (!args.quiet) {
    const raw = Buffer.byteLength(html);
    const gz = gzipSync(html, { level: 9 }).length;
    console.log(`wrote ${out}: ${raw} bytes, ${gz} bytes gzip -9`);
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
