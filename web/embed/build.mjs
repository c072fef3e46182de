// Assembles the embeddable files into a dist folder (plain node; esbuild via web/bundler.mjs):
//
//   node web/embed/build.mjs --glue build/wasm/nianbao.mjs --wasm build/wasm/nianbao.wasm \
//        --out build/wasm/dist
//
//   nianbao.js          ES module API: web/embed/api.js bundled with the Emscripten glue and the
//                       report-file extraction of web/pdf/
//   nianbao.wasm        the core, loaded by nianbao.js from next to itself
//   nianbao-pdf.js      pdf.js as a classic worker (web/pdf/bundle.mjs pdfWorkerSource()), started by
//                       nianbao.js in browsers only when the first PDF arrives (not written, with a
//                       warning, when pdfjs-dist is not installed: PDFs then get a clear error)
//   nianbao.d.ts        TypeScript declarations (web/embed/nianbao.d.ts)
//   nianbao-widget.js   <nianbao-check>: web/embed/widget.js bundled with the page's i18n.js, paste.js,
//                       tables.js and style.css; imports ./nianbao.js
//   embed.html, embed.js  the iframe embed (embed.js imports ./nianbao-widget.js)
//   widget-demo.html    the widget on a host page with hostile global CSS
//
// Prints the widget bundle's size (nianbao-widget.js + nianbao.js + nianbao.wasm, raw and gzip -9).
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { bundle } from '../bundler.mjs';
import { pdfjsDir, pdfjsVersion, pdfWorkerSource } from '../pdf/bundle.mjs';

const embedDir = dirname(fileURLToPath(import.meta.url));
const webDir = join(embedDir, '..');

function parseArgs(argv) {
  const args = { glue: null, wasm: null, out: null, quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--glue') args.glue = argv[++i];
    else if (a === '--wasm') args.wasm = argv[++i];
    else if (a === '--out') args.out = argv[++i];
    else if (a === '--quiet') args.quiet = true;
    else throw new Error(`unknown argument: ${a}`);
  }
  if (!args.glue || !args.wasm || !args.out) {
    throw new Error('usage: node web/embed/build.mjs --glue nianbao.mjs --wasm nianbao.wasm --out DIST');
  }
  return args;
}

// nianbao.js: web/embed/api.js with the Emscripten ES6 glue (-sEXPORT_ES6 -sMODULARIZE
// -sEXPORT_NAME=createNianbao; api.js imports it as ./nianbao.mjs) and web/pdf/ bundled in.
export async function buildApi(gluePath) {
  const glue = readFileSync(gluePath, 'utf8');
  if (!/\nexport default createNianbao;\s*$/.test(glue)) throw new Error('the glue does not end with `export default createNianbao;`');
  return bundle(join(embedDir, 'api.js'), {
    format: 'esm', replace: { [join(embedDir, 'nianbao.mjs')]: resolve(gluePath) },
    banner: '// nianbao.js: the nianbao checker (年报核验) as an ES module for browsers and Node.js.\n' +
      "//   import { createChecker } from './nianbao.js'; const result = (await createChecker()).check(text);\n" +
      '// Types and documentation: nianbao.d.ts. Built from web/embed/api.js by web/embed/build.mjs.'
  });
}

// nianbao-widget.js: web/embed/widget.js with the page's modules and styles; its import of the API
// stays an import of the sibling ./nianbao.js.
export async function buildWidget() {
  // widget.js moves the page's variables from `:root {` (the light set, and the dark set inside
  // @media (prefers-color-scheme: dark)) to the widget's box (.nb)
  const roots = readFileSync(join(webDir, 'style.css'), 'utf8').split(':root {').length - 1;
  if (roots < 1 || roots > 2) throw new Error(`style.css: ${roots} \`:root {\` blocks (the widget moves them to .nb; 1 or 2 expected)`);
  return bundle(join(embedDir, 'widget.js'), {
    format: 'esm', loader: { '.css': 'text', '.txt': 'text' }, replace: { [join(embedDir, 'api.js')]: { external: './nianbao.js' } },
    banner: '// nianbao-widget.js: <nianbao-check>, the checker (年报核验) as one HTML element; needs ./nianbao.js.\n' +
      '//   <script type="module" src="nianbao-widget.js"></script> <nianbao-check lang="zh"></nianbao-check>\n' +
      '// Built from web/embed/widget.js by web/embed/build.mjs.'
  });
}

// embed.js: the iframe embed; its import of the widget stays an import of ./nianbao-widget.js.
export async function buildEmbed() {
  return bundle(join(embedDir, 'embed.js'), {
    format: 'esm', replace: { [join(embedDir, 'widget.js')]: { external: './nianbao-widget.js' } }
  });
}

function gz(buf) {
  return gzipSync(buf, { level: 9 }).length;
}

// pdf.js as the classic worker nianbao-pdf.js, or null when pdfjs-dist is not installed.
async function pdfWorker() {
  try {
    pdfjsDir();
  } catch {
    return null;
  }
  return { source: await pdfWorkerSource(), version: pdfjsVersion() };
}

export async function build({ glue, wasm, out, quiet }) {
  const dist = resolve(out);
  mkdirSync(dist, { recursive: true });
  const files = {
    'nianbao.js': await buildApi(resolve(glue)),
    'nianbao-widget.js': await buildWidget(),
    'nianbao.d.ts': readFileSync(join(embedDir, 'nianbao.d.ts'), 'utf8'),
    'embed.html': readFileSync(join(embedDir, 'embed.html'), 'utf8'),
    'embed.js': await buildEmbed(),
    'widget-demo.html': readFileSync(join(embedDir, 'demo.html'), 'utf8')
  };
  // dist/ as a package: node reads nianbao.js as an ES module without guessing (and without the
  // MODULE_TYPELESS_PACKAGE_JSON warning), and `npm pack` of the folder gives an installable one.
  const header = readFileSync(join(webDir, '..', 'core', 'include', 'nianbao', 'nianbao.hpp'), 'utf8');
  const version = (/kVersion = "([^"]+)"/.exec(header) || [])[1] || '0.0.0';
  const pdf = await pdfWorker();
  if (pdf) files['nianbao-pdf.js'] = pdf.source;
  else console.error('web/embed/build.mjs: warning: pdfjs-dist is not installed (npm install): no nianbao-pdf.js, PDF files cannot be read');
  files['package.json'] = JSON.stringify({
    name: 'nianbao', version, private: true, type: 'module',
    description: '年报核验: checks government information disclosure annual reports (WebAssembly core)',
    main: './nianbao.js', types: './nianbao.d.ts',
    exports: { '.': { types: './nianbao.d.ts', default: './nianbao.js' }, './widget': './nianbao-widget.js', './nianbao.wasm': './nianbao.wasm' },
    files: ['nianbao.js', 'nianbao.wasm', 'nianbao.d.ts', 'nianbao-widget.js', 'nianbao-pdf.js', 'embed.html', 'embed.js'],
    // PDF files in Node.js: checkFile() imports pdfjs-dist (browsers use nianbao-pdf.js instead).
    peerDependencies: { 'pdfjs-dist': pdf ? pdf.version : '5.6.205' },
    peerDependenciesMeta: { 'pdfjs-dist': { optional: true } },
    engines: { node: '>=18' }
  }, null, 2) + '\n';
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dist, name), text);
  copyFileSync(resolve(wasm), join(dist, 'nianbao.wasm'));

  const sizes = {};
  for (const name of ['nianbao-widget.js', 'nianbao.js', 'nianbao.wasm']) {
    const b = readFileSync(join(dist, name));
    sizes[name] = { bytes: b.length, gzip: gz(b) };
  }
  const total = Object.values(sizes).reduce((a, s) => ({ bytes: a.bytes + s.bytes, gzip: a.gzip + s.gzip }), { bytes: 0, gzip: 0 });
  if (!quiet) {
    for (const [name, s] of Object.entries(sizes)) console.log(`  ${name}: ${s.bytes} bytes, ${s.gzip} gzip -9`);
    console.log(`widget bundle (widget + nianbao.js + wasm): ${total.bytes} bytes, ${total.gzip} bytes gzip -9 (${(total.gzip / 1024).toFixed(1)} KiB; limit 300 KB)`);
    if (pdf) {
      const b = Buffer.from(pdf.source);
      console.log(`  nianbao-pdf.js (loaded on the first PDF only): ${b.length} bytes, ${gz(b)} gzip -9`);
    }
  }
  return { sizes, total };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await build(parseArgs(process.argv.slice(2)));
  } catch (e) {
    console.error(`web/embed/build.mjs: ${e.message}`);
    process.exit(1);
  }
}
