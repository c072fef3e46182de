// The PDF worker at build time (plain Node.js; used by web/build.mjs and web/embed/build.mjs):
//  - pdfWorkerSource(): web/pdf/pdf-worker.js bundled with pdf.js (pdfjs-dist 5.6.205 modern build:
//    pdf.min.mjs + pdf.worker.min.mjs) by esbuild into one classic worker script;
//  - pdfPayload(): that worker source gzip -9 compressed and base64-encoded, for a
//    <template id="nianbao-pdfjs"> block that the page unpacks (DecompressionStream) only when a PDF arrives.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { bundle } from '../bundler.mjs';

const here = dirname(fileURLToPath(import.meta.url));

export function pdfjsDir() {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('pdfjs-dist/package.json'));
}

export function pdfjsVersion() {
  return JSON.parse(readFileSync(join(pdfjsDir(), 'package.json'), 'utf8')).version;
}

// pdf.js's own licence notice (the comment that opens pdf.min.mjs), kept at the top of the bundle.
function pdfjsNotice() {
  const m = /^\/\*\*[\s\S]*?\*\//.exec(readFileSync(join(pdfjsDir(), 'build', 'pdf.min.mjs'), 'utf8'));
  return m ? m[0] : '';
}

export async function pdfWorkerSource() {
  return bundle(join(here, 'pdf-worker.js'), {
    format: 'iife',
    strict: true,
    // pdf.js is minified already: printed minified again rather than reformatted. Its own build keeps
    // the names of classes and functions (it reads constructor.name); so does this one.
    minify: true,
    keepNames: true,
    // pdf.js's wasm decoders look for their files next to import.meta.url; a classic worker has
    // no import.meta (their files are never fetched here: the worker has no network).
    define: { 'import.meta.url': 'self.location.href' },
    banner: `// pdf.js ${pdfjsVersion()} (Apache-2.0, https://github.com/mozilla/pdf.js)\n${pdfjsNotice()}`
  });
}

// The payload for the page, or '' (a page without PDF support) when pdfjs-dist is not installed.
export async function pdfPayloadBase64() {
  try {
    pdfjsDir();
  } catch (e) {
    console.error(`build.mjs: warning: pdfjs-dist is not installed (npm install): the page is built without PDF support (${e.code || e.message})`);
    return '';
  }
  return (await pdfPayload()).base64;
}

export async function pdfPayload() {
  const src = await pdfWorkerSource();
  const gz = gzipSync(Buffer.from(src, 'utf8'), { level: 9 });
  return { base64: gz.toString('base64'), raw: Buffer.byteLength(src), gzip: gz.length };
}

// node web/pdf/bundle.mjs --worker OUT.js   writes the pdf.js worker for the ES-module API / widget
// (browser.mjs workerPdfPages) and prints its size.
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const i = process.argv.indexOf('--worker');
  if (i < 0 || !process.argv[i + 1]) {
    console.error('usage: node web/pdf/bundle.mjs --worker OUT.js');
    process.exit(2);
  }
  const { writeFileSync } = await import('node:fs');
  const src = await pdfWorkerSource();
  writeFileSync(process.argv[i + 1], src);
  console.log(`wrote ${process.argv[i + 1]}: ${Buffer.byteLength(src)} bytes, ${gzipSync(src, { level: 9 }).length} bytes gzip -9`);
}
