// Assembles the embeddable files into a dist folder (plain node, no dependencies):
//
//   node web/embed/build.mjs --glue build/wasm/nianbao.mjs --wasm build/wasm/nianbao.wasm \
//        --out build/wasm/dist
//
//   nianbao.js          ES module API (web/embed/api.js with the Emscripten glue and the report-file
//                       extraction of web/pdf/ inlined)
//   nianbao.wasm        the core, loaded by nianbao.js from next to itself
//   nianbao-pdf.js      pdf.js as a classic worker (web/pdf/bundle.mjs pdfWorkerSource()), started by
//                       nianbao.js in browsers only when the first PDF arrives (not written, with a
//                       warning, when pdfjs-dist is not installed: PDFs then get a clear error)
//   nianbao.d.ts        TypeScript declarations (web/embed/nianbao.d.ts)
//   nianbao-widget.js   <nianbao-check> (web/embed/widget.js + the page's i18n.js, paste.js,
//                       tables.js and style.css), imports ./nianbao.js
//   embed.html, embed.js  the iframe embed
//   widget-demo.html    the widget on a host page with hostile global CSS
//
// Prints the widget bundle's size (nianbao-widget.js + nianbao.js + nianbao.wasm, raw and gzip -9).
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

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

// web/pdf/{docx,text,layout,files,browser}.mjs as one block of module-local code that stands in
// for api.js's `import * as reportFiles from '../pdf/browser.mjs'`: the same names as that namespace.
const FILE_MODULES = ['docx.mjs', 'text.mjs', 'layout.mjs', 'files.mjs', 'browser.mjs'];  // dependency order
const FILE_EXPORTS = ['extractFile', 'makeCheckFile', 'sniffKind', 'FileReadError', 'workerPdfPages',
  'attachFileDrop', 'readFileInto'];

export function filesBlock() {
  const seen = new Map();
  const parts = FILE_MODULES.map((f) => {
    let src = readFileSync(join(webDir, 'pdf', f), 'utf8');
    src = src.replace(/^import [^;]*;[ \t]*$/gm, '').replace(/^export \{[^}]*\}( from [^;]*)?;[ \t]*$/gm, '')
      .replace(/^export (?=(async )?(function|class|const|let|var) )/gm, '');
    if (/^\s*(import|export)\b/m.test(src)) throw new Error(`web/pdf/${f}: import/export left after inlining`);
    for (const m of src.matchAll(/^(?:async )?(?:function|class|const|let|var) ([A-Za-z_$][\w$]*)/gm)) {
      if (seen.has(m[1])) throw new Error(`web/pdf: top-level name ${m[1]} in both ${seen.get(m[1])} and ${f}`);
      seen.set(m[1], f);
    }
    return `// ---- web/pdf/${f}\n${src}`;
  });
  for (const name of FILE_EXPORTS) if (!seen.has(name)) throw new Error(`web/pdf: ${name} is not defined`);
  return `const reportFiles = (() => {\n${parts.join('\n')}\nreturn { ${FILE_EXPORTS.join(', ')} };\n})();\n// ---- end of web/pdf\n`;
}

function replaceOnce(haystack, marker, value, what) {
  const i = haystack.indexOf(marker);
  if (i < 0 || haystack.indexOf(marker, i + 1) >= 0) throw new Error(`${what}: marker ${JSON.stringify(marker)} missing or repeated`);
  return haystack.slice(0, i) + value + haystack.slice(i + marker.length);
}

// The Emscripten ES6 glue (-sEXPORT_ES6 -sMODULARIZE -sEXPORT_NAME=createNianbao) without its
// `export default`, so that it can live inside nianbao.js as a module-local function.
export function glueBody(glue) {
  const exp = /\nexport default createNianbao;\s*$/;
  if (!exp.test(glue)) throw new Error('the glue does not end with `export default createNianbao;`');
  if (!/var createNianbao\b/.test(glue)) throw new Error('the glue does not define createNianbao');
  return glue.replace(exp, '\n');
}

export function buildApi(glue) {
  const api = readFileSync(join(embedDir, 'api.js'), 'utf8');
  const line = "import createNianbao from './nianbao.mjs'; /*__NIANBAO_GLUE__*/";
  const body = `// ---- Emscripten glue (nianbao.mjs), defines createNianbao\n${glueBody(glue)}// ---- end of the glue\n`;
  const files = "import * as reportFiles from '../pdf/browser.mjs'; /*__NIANBAO_FILES__*/";
  return replaceOnce(replaceOnce(api, line, body, 'api.js'), files, filesBlock(), 'api.js');
}

export function widgetCss() {
  // The page's variables live on :root; in the shadow root they go on the widget's own box,
  // where the host page's custom properties cannot override them.
  const page = replaceOnce(readFileSync(join(webDir, 'style.css'), 'utf8'), ':root {', '.nb {', 'style.css');
  return `${page}\n${readFileSync(join(embedDir, 'widget.css'), 'utf8')}`;
}

export function buildWidget() {
  const src = readFileSync(join(embedDir, 'widget.js'), 'utf8');
  const importLine = "import { createChecker } from './nianbao.js';\n";
  const page = ['i18n.js', 'paste.js', 'tables.js']
    .map((f) => `// ---- web/${f} (the page's own code)\n${readFileSync(join(webDir, f), 'utf8')}`)
    .join('\n');
  const prelude = `${importLine}\nconst WIDGET_CSS = ${JSON.stringify(widgetCss())};\n\n${page}\n// ---- web/embed/widget.js\n`;
  return replaceOnce(src, importLine, prelude, 'widget.js');
}

function gz(buf) {
  return gzipSync(buf, { level: 9 }).length;
}

// pdf.js as the classic worker nianbao-pdf.js, or null when pdfjs-dist is not installed.
async function pdfWorker() {
  const bundle = await import('../pdf/bundle.mjs');
  try {
    bundle.pdfjsDir();
  } catch (e) {
    return null;
  }
  return { source: bundle.pdfWorkerSource(), version: JSON.parse(readFileSync(join(bundle.pdfjsDir(), 'package.json'), 'utf8')).version };
}

export async function build({ glue, wasm, out, quiet }) {
  const dist = resolve(out);
  mkdirSync(dist, { recursive: true });
  const files = {
    'nianbao.js': buildApi(readFileSync(resolve(glue), 'utf8')),
    'nianbao-widget.js': buildWidget(),
    'nianbao.d.ts': readFileSync(join(embedDir, 'nianbao.d.ts'), 'utf8'),
    'embed.html': readFileSync(join(embedDir, 'embed.html'), 'utf8'),
    'embed.js': readFileSync(join(embedDir, 'embed.js'), 'utf8'),
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
