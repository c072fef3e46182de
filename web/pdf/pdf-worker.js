// The PDF worker: pdf.js (pdfjs-dist 5.6.205, build/pdf.min.mjs and build/pdf.worker.min.mjs) and the
// message loop, bundled by web/pdf/bundle.mjs into one classic worker script: inlined gzip-compressed
// in the page, and dist/nianbao-pdf.js for the API and the widget. pdf.js runs its "worker" part in
// this same thread (globalThis.pdfjsWorker is set), so no second worker and no network request is
// needed: this works from file://. The page starts this worker only when a PDF arrives.
//
// Protocol: in {id, bytes: ArrayBuffer}; out {id, pages: [[{s, x, y, w, fs, v}]]} or
// {id, error: {name, message}}, and while reading {type: 'progress', id, page, pages} (page N of M read).
import { getDocument } from 'pdfjs-dist/build/pdf.min.mjs';
import { compactItem } from './layout.mjs';
import { removeWindow } from './pdf-window.js';
import 'pdfjs-dist/build/pdf.worker.min.mjs';

removeWindow();

// No network: every binary-data request (cMaps, standard fonts, image-decoder wasm) is refused.
function NoNet() {}
NoNet.prototype.fetch = function (o) { return Promise.reject(new Error('offline: ' + ((o && o.filename) || ''))); };

async function extract(bytes, progress) {
  var task = getDocument({
    data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, disableFontFace: true,
    useSystemFonts: false, useWorkerFetch: false, BinaryDataFactory: NoNet
  });
  try {
    var doc = await task.promise;
    var pages = [];
    for (var p = 1; p <= doc.numPages; p++) {
      var page = await doc.getPage(p);
      var tc = await page.getTextContent();
      pages.push(tc.items.map(compactItem).filter(Boolean));
      page.cleanup();
      if (progress) progress(p, doc.numPages);
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

self.onmessage = function (ev) {
  var m = ev.data || {};
  if (m.type !== 'pdf') return;
  var t0 = performance.now();
  extract(m.bytes, function (page, pages) {
    self.postMessage({ type: 'progress', id: m.id, page: page, pages: pages });
  }).then(function (pages) {
    self.postMessage({ type: 'pdf', id: m.id, pages: pages, ms: performance.now() - t0 });
  }, function (e) {
    self.postMessage({ type: 'pdf', id: m.id, error: { name: (e && e.name) || 'Error', message: String((e && e.message) || e) } });
  });
};
self.postMessage({ type: 'pdf-ready', ok: typeof getDocument === 'function' });
