// pdf.js under Node.js 20: the legacy build of pdfjs-dist 5.6.205 (the modern build needs DOMMatrix and
// 6.x needs Node 22). Only text is extracted, so the optional native canvas (@napi-rs/canvas, 33 MB)
// is not needed: a stub DOMMatrix is enough (../shared/docs/pdf-input.md §2).
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { compactItem } from './layout.mjs';
import { extractFile, makeCheckFile } from './files.mjs';

let pdfjsPromise = null;

export function loadPdfjs() {
  if (!pdfjsPromise) {
    pdfjsPromise = (async () => {
      if (typeof globalThis.DOMMatrix === 'undefined') {
        globalThis.DOMMatrix = class DOMMatrix {
          constructor() { this.a = 1; this.b = 0; this.c = 0; this.d = 1; this.e = 0; this.f = 0; }
        };
      }
      // pdf.js warns on stderr that it cannot polyfill ImageData / Path2D (rendering only): silence.
      const warn = console.log;
      const origWarn = console.warn;
      const quiet = (...a) => { if (!/polyfill|@napi-rs\/canvas/.test(String(a[0]))) origWarn(...a); };
      console.warn = quiet;
      console.log = (...a) => { if (!/polyfill|@napi-rs\/canvas/.test(String(a[0]))) warn(...a); };
      try {
        const require = createRequire(import.meta.url);
        const path = require.resolve('pdfjs-dist/legacy/build/pdf.mjs');
        return await import(pathToFileURL(path).href);
      } finally {
        console.warn = origWarn;
        console.log = warn;
      }
    })();
  }
  return pdfjsPromise;
}

// bytes → [[compact item]] per page. Throws pdf.js errors (classified by files.mjs).
export async function getPdfPages(bytes) {
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),  // pdf.js takes ownership of (detaches) the buffer it is given
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false
  });
  try {
    const doc = await task.promise;
    const pages = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const tc = await page.getTextContent();
      pages.push(tc.items.map(compactItem).filter(Boolean));
      page.cleanup();
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

export function extractFileNode(bytes, fileName) {
  return extractFile(bytes, fileName, { getPdfPages });
}

// checkFile(bytes, fileName, options) for Node.js, given a check(text, options) function.
export function nodeCheckFile(check) {
  return makeCheckFile({ check, getPdfPages });
}
