// nianbao worker. web/build.mjs makes the worker script from three parts: the prelude (this file
// up to the PRELUDE_END marker), the Emscripten SINGLE_FILE factory (nianbao.single.js, which
// defines createNianbao), and the message loop (the rest of this file). Everything runs inside
// the worker so a large paste never blocks the page. The worker has no network access: the CSP
// forbids connections, and fetch/XHR are removed here so the SINGLE_FILE loader decodes its
// inlined wasm instead of fetching a data: URL.
self.fetch = undefined;
self.XMLHttpRequest = undefined;
/*__PRELUDE_END__*/
(function () {
  'use strict';
  var core = null;
  var pending = [];
  var t0 = performance.now();

  function run(msg) {
    if (msg.type !== 'check') return;
    var start = performance.now();
    var json;
    try {
      json = core.check(String(msg.text), JSON.stringify(msg.options || {}));
    } catch (e) {
      postMessage({ type: 'error', id: msg.id, message: String((e && e.message) || e) });
      return;
    }
    postMessage({ type: 'result', id: msg.id, json: json, ms: performance.now() - start });
  }

  self.onmessage = function (ev) {
    var msg = ev.data || {};
    if (!core) pending.push(msg);
    else run(msg);
  };

  /* global createNianbao */
  createNianbao().then(function (m) {
    core = m;
    var rules = '[]';
    var version = '';
    try { rules = m.rules(); } catch (e) { rules = '[]'; }
    try { version = m.version(); } catch (e) { version = ''; }
    postMessage({ type: 'ready', version: version, rules: rules, ms: performance.now() - t0 });
    var queued = pending;
    pending = [];
    queued.forEach(run);
  }, function (e) {
    postMessage({ type: 'fatal', message: String((e && e.message) || e) });
  });
})();
