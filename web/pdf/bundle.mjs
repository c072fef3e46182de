// Build-time helpers (plain Node.js) used by web/build.mjs:
//  - filesScript(): web/pdf/{docx,text,layout,files}.mjs as one classic script defining
//    `var nianbaoFiles = {extractFile, FileReadError, ...}` (the page script is a classic script);
//  - pdfWorkerSource(): pdf.js (pdfjs-dist 5.6.205 modern build: pdf.min.mjs + pdf.worker.min.mjs,
//    turned into classic-script code) + pdf-worker.js, one classic worker script;
//  - pdfPayload(): that worker source gzip -9 compressed and base64-encoded, for a
//    <template id="nianbao-pdfjs"> block that the page unpacks (DecompressionStream) only when a PDF arrives.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const MODULES = ['docx.mjs', 'text.mjs', 'layout.mjs', 'files.mjs'];  // dependency order
const EXPORTS = ['extractFile', 'sniffKind', 'FileReadError', 'pdfError', 'pdfPagesToText', 'docxToText',
  'htmlToText', 'decodeBytes', 'pagesToText'];

export function filesScript() {
  const seen = new Map();
  const parts = MODULES.map((f) => {
    let src = readFileSync(join(here, f), 'utf8');
    src = src.replace(/^import [^;]*;\s*$/gm, '').replace(/^export \{[^}]*\};\s*$/gm, '').replace(/^export /gm, '');
    if (/\bimport\b[\s{*]|\bexport\b\s/.test(src.replace(/\/\/.*$/gm, ''))) throw new Error(`${f}: import/export left after bundling`);
    for (const m of src.matchAll(/^(?:async )?(?:function|class|const|let|var) ([A-Za-z_$][\w$]*)/gm)) {
      if (seen.has(m[1])) throw new Error(`web/pdf: top-level name ${m[1]} in both ${seen.get(m[1])} and ${f}`);
      seen.set(m[1], f);
    }
    return `// ---- pdf/${f}\n${src}`;
  });
  return `var nianbaoFiles = (function () {\n'use strict';\n${parts.join('\n')}\nreturn { ${EXPORTS.join(', ')} };\n})();\n`;
}

function toClassic(src, what) {
  let s = src.replace(/import\.meta\.url/g, 'self.location.href');
  const m = /export\s*\{[^}]*\}\s*;?\s*$/.exec(s);
  if (!m) throw new Error(`${what}: no trailing export statement`);
  s = s.slice(0, m.index);
  if (/import\.meta|^\s*import\s|^\s*export\s/m.test(s)) throw new Error(`${what}: module syntax left`);
  return s;
}

export function pdfjsDir() {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('pdfjs-dist/package.json'));
}

export function pdfWorkerSource() {
  const dir = pdfjsDir();
  const version = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  const lib = toClassic(readFileSync(join(dir, 'build', 'pdf.min.mjs'), 'utf8'), 'pdf.min.mjs');
  const wrk = toClassic(readFileSync(join(dir, 'build', 'pdf.worker.min.mjs'), 'utf8'), 'pdf.worker.min.mjs');
  const loop = readFileSync(join(here, 'pdf-worker.js'), 'utf8');
  // pdf.worker.min.mjs starts a real pdf.js worker on `self` when `window` is undefined: here it must
  // only define globalThis.pdfjsWorker (used in-thread by pdf.js), so `window` is shadowed.
  return `// pdf.js ${version} (Apache-2.0, https://github.com/mozilla/pdf.js)\n${lib}\n;(function (window) {\n${wrk}\n})({});\n${loop}`;
}

// The payload for the page, or '' (a page without PDF support) when pdfjs-dist is not installed.
export function pdfPayloadBase64() {
  try {
    pdfjsDir();
  } catch (e) {
    console.error('build.mjs: warning: pdfjs-dist is not installed (npm install): the page is built without PDF support');
    return '';
  }
  return pdfPayload().base64;
}

export function pdfPayload() {
  const src = pdfWorkerSource();
  const gz = gzipSync(Buffer.from(src, 'utf8'), { level: 9 });
  return { base64: gz.toString('base64'), raw: Buffer.byteLength(src), gzip: gz.length };
}

// node web/pdf/bundle.mjs --worker OUT.js   writes the pdf.js worker for the ES-module API / widget
// (browser.mjs workerPdfPages) and prints its size.
if (process.argv[1] && fileURLToPath(import.meta.url) === (await import('node:path')).resolve(process.argv[1])) {
  const i = process.argv.indexOf('--worker');
  if (i < 0 || !process.argv[i + 1]) {
    console.error('usage: node web/pdf/bundle.mjs --worker OUT.js');
    process.exit(2);
  }
  const { writeFileSync } = await import('node:fs');
  const src = pdfWorkerSource();
  writeFileSync(process.argv[i + 1], src);
  console.log(`wrote ${process.argv[i + 1]}: ${Buffer.byteLength(src)} bytes, ${gzipSync(src, { level: 9 }).length} bytes gzip -9`);
}
