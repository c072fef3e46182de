// nianbao worker: the Emscripten glue (nianbao.mjs, -sEXPORT_ES6, bundled here into a classic
// script) and the message loop. web/build.mjs bundles this module (the import below is resolved
// to the build's nianbao.mjs) into the text of <script type="text/plain" id="nianbao-worker">;
// the page's boot script (web/boot.js) starts it as a blob worker and sends it the compiled
// WebAssembly module ({type: 'module', module} or, where a Module cannot be posted, {bytes}), which
// is only instantiated here. Everything runs inside the worker so a large paste never blocks the
// page.
//
// Protocol: in {type: 'module', module | bytes | error} once, then {type: 'check', id, text,
// options}; out {type: 'ready', version, rules, cells, ms, marks}, {type: 'result', id, json, ms},
// {type: 'error', id, message}, {type: 'fatal', message}. Checks sent before the module are kept.
import './worker-prelude.js';
import createNianbao from './nianbao.mjs';

// The rule and cell catalogues (rules() and cells() of this same core, JSON), written in by
// web/build.mjs, which computes them once at build time: asking the core here costs tens of ms
// of its first calls before the page can be told it is ready. Without them, the core is asked.
/* global NIANBAO_CATALOGUE */
var built = typeof NIANBAO_CATALOGUE === 'string' ? JSON.parse(NIANBAO_CATALOGUE) : null;

var core = null;
var started = false;
var pending = [];
var t0 = performance.now();
// Times of the start-up (ms since this worker's time origin, and the origin itself): for the
// benchmarks (benchmark/page_chromium.mjs), which read them from the ready message.
var marks = { origin: performance.timeOrigin, start: t0 };

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

function fatal(e) {
  postMessage({ type: 'fatal', message: String((e && e.message) || e) });
}

function init(msg) {
  marks.module = performance.now();
  if (msg.error) {
    fatal(msg.error);
    return;
  }
  createNianbao({
    // the glue would otherwise resolve nianbao.wasm against its own (blob:) URL; nothing is fetched
    locateFile: function (path) { return path; },
    instantiateWasm: function (imports, receive) {
      var p = msg.module
        ? WebAssembly.instantiate(msg.module, imports).then(function (instance) { receive(instance, msg.module); })
        : WebAssembly.instantiate(msg.bytes, imports).then(function (r) { receive(r.instance, r.module); });
      p.then(function () { marks.instantiated = performance.now(); }, fatal);
      return {};
    }
  }).then(function (m) {
    marks.runtime = performance.now();
    core = m;
    var rules;
    var cells;
    var version;
    try { version = m.version(); } catch { version = ''; }
    if (built && built.version === version) {
      rules = built.rules;
      cells = built.cells;
    } else {
      try { rules = m.rules(); } catch { rules = '[]'; }
      try { cells = m.cells(); } catch { cells = '[]'; }
    }
    marks.ready = performance.now();
    postMessage({ type: 'ready', version: version, rules: rules, cells: cells, ms: marks.ready - t0, marks: marks });
    var queued = pending;
    pending = [];
    queued.forEach(run);
  }, fatal);
}

self.onmessage = function (ev) {
  var msg = ev.data || {};
  if (msg.type === 'module') {
    if (!started) init(msg);
    started = true;
  } else if (!core) {
    pending.push(msg);
  } else {
    run(msg);
  }
};
