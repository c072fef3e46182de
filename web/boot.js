// The boot script: the first inline script of dist/nianbao.html, at the top of <body>, so it runs
// before the browser parses the rest of the page (markup, the page script, the pdf.js payload).
// It starts the core at once, in parallel with everything the page does next:
//  - the worker (web/worker.js: the Emscripten glue and the message loop, about 35 KB, the text
//    of <script type="text/plain" id="nianbao-worker">) is started from a blob URL;
//  - the WebAssembly module, gzip + base64 in <script type="text/plain" id="nianbao-wasm">, is
//    decoded (atob or Uint8Array.fromBase64, DecompressionStream: native code, off the parser's
//    way), compiled here (WebAssembly.compile: V8 compiles in the background, functions lazily)
//    and handed to the worker as a WebAssembly.Module (or as bytes when a browser cannot post a
//    Module), which only instantiates it.
// The page script (web/app.js startWorker) takes the worker with window.nianbaoBoot.worker();
// messages the worker sent before that are replayed to it. Later calls (a fresh worker after a
// wasm abort) start another worker from the same blob URL and the same compiled module.
// web/build.mjs bundles this file as a classic script (its hash goes into the page's CSP).
(function () {
  var t0 = performance.now();
  function text(id) {
    var e = document.getElementById(id);
    return e ? e.textContent : '';
  }
  function decodeBase64(b64) {
    if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(b64);
    var bin = atob(b64);
    var out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }
  function gunzip(bytes) {
    return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
  }
  var marks = { start: t0 };
  var url = URL.createObjectURL(new Blob([text('nianbao-worker')], { type: 'text/javascript' }));
  // { module, bytes }: compiled once for the page's lifetime
  var core = Promise.resolve(text('nianbao-wasm')).then(function (b64) {
    return gunzip(decodeBase64(b64.trim()));
  }).then(function (bytes) {
    marks.decoded = performance.now();
    return WebAssembly.compile(bytes).then(function (module) {
      marks.compiled = performance.now();
      return { module: module, bytes: bytes };
    });
  });
  function start() {
    var w = new Worker(url);
    core.then(function (c) {
      try {
        w.postMessage({ type: 'module', module: c.module });
      } catch {
        w.postMessage({ type: 'module', bytes: c.bytes });  // a WebAssembly.Module that cannot be posted
      }
    }, function (e) {
      w.postMessage({ type: 'module', error: String((e && e.message) || e) });
    });
    return w;
  }
  // The first worker, started now; what it says before the page script takes it is kept.
  var first = start();
  var early = [];
  function keep(ev) { early.push(ev.data); }
  first.addEventListener('message', keep);
  window.nianbaoBoot = {
    marks: marks,
    worker: function () {
      if (!first) return start();
      var w = first;
      first = null;
      w.removeEventListener('message', keep);
      if (early.length) {
        var queued = early;
        early = [];
        // after the caller has set w.onmessage (it does so right away)
        setTimeout(function () {
          queued.forEach(function (data) { w.dispatchEvent(new MessageEvent('message', { data: data })); });
        }, 0);
      }
      return w;
    }
  };
})();
