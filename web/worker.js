// nianbao worker: the Emscripten SINGLE_FILE core (nianbao.single.js, wasm inlined) and the message
// loop. web/build.mjs bundles this module with the core (the import below is resolved to the
// build's nianbao.single.js) into the text of <script type="text/plain" id="nianbao-worker">, from
// which the page starts a blob worker. Everything runs inside the worker so a large paste never
// blocks the page.
import './worker-prelude.js';
import createNianbao from './nianbao.single.js';

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

createNianbao().then(function (m) {
  core = m;
  var rules;
  var cells;
  var version;
  try { rules = m.rules(); } catch { rules = '[]'; }
  try { cells = m.cells(); } catch { cells = '[]'; }
  try { version = m.version(); } catch { version = ''; }
  postMessage({ type: 'ready', version: version, rules: rules, cells: cells, ms: performance.now() - t0 });
  var queued = pending;
  pending = [];
  queued.forEach(run);
}, function (e) {
  postMessage({ type: 'fatal', message: String((e && e.message) || e) });
});
