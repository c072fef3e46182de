// The page's PDF worker: message loop appended by web/build.mjs after pdf.js (pdfjs-dist 5.6.205,
// build/pdf.min.mjs and build/pdf.worker.min.mjs turned into classic scripts; see build.mjs). pdf.js runs
// its "worker" part in this same thread (globalThis.pdfjsWorker is set), so no second worker and no
// network request is needed: this works from file://. The page starts this worker only when a PDF
// arrives (the source is kept gzip-compressed in the page until then).
//
// Protocol: in {id, bytes: ArrayBuffer}; out {id, pages: [[{s, x, y, w, fs, v}]]} or
// {id, error: {name, message}}.
(function () {
  'use strict';
  var lib = self.pdfjsLib;
  function compact(it) {
    if (!it || typeof it.str !== 'string' || !it.str.trim()) return null;
    var t = it.transform || [1, 0, 0, 1, 0, 0];
    return { s: it.str, x: t[4], y: t[5], w: it.width || 0, fs: Math.hypot(t[2], t[3]) || Math.abs(it.height) || 1, v: it.dir === 'ttb' };
  }
  // No network: every binary-data request (cMaps, standard fonts, image-decoder wasm) is refused.
  function NoNet() {}
  NoNet.prototype.fetch = function (o) { return Promise.reject(new Error('offline: ' + ((o && o.filename) || ''))); };

  async function extract(bytes) {
    var task = lib.getDocument({
      data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, disableFontFace: true,
      useSystemFonts: false, useWorkerFetch: false, BinaryDataFactory: NoNet
    });
    try {
      var doc = await task.promise;
      var pages = [];
      for (var p = 1; p <= doc.numPages; p++) {
        var page = await doc.getPage(p);
        var tc = await page.getTextContent();
        pages.push(tc.items.map(compact).filter(Boolean));
        page.cleanup();
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
    extract(m.bytes).then(function (pages) {
      self.postMessage({ type: 'pdf', id: m.id, pages: pages, ms: performance.now() - t0 });
    }, function (e) {
      self.postMessage({ type: 'pdf', id: m.id, error: { name: (e && e.name) || 'Error', message: String((e && e.message) || e) } });
    });
  };
  self.postMessage({ type: 'pdf-ready', ok: !!lib });
})();
