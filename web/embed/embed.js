// The iframe embed (dist/embed.html): hosts <nianbao-check>, configured by the URL query, and
// talks to the parent page with postMessage. Messages out (to `origin`, default any):
//   { source: 'nianbao', type: 'nianbao-ready', version }
//   { source: 'nianbao', type: 'nianbao-result', result }   after each check
//   { source: 'nianbao', type: 'nianbao-resize', height }   when the content height changes
// Messages in (from the parent window only; from `origin` only when it is given):
//   { type: 'nianbao-set-text', text }                      puts text in the paste area and checks
import './widget.js';  // dist/nianbao-widget.js, loaded as a sibling file (not bundled)

const params = new URLSearchParams(location.search);
const widget = document.getElementById('nianbao');
const flag = (v) => v !== null && !/^(0|false|no|off)$/i.test(v);

widget.setAttribute('lang', params.get('lang') === 'en' ? 'en' : 'zh');
document.documentElement.lang = params.get('lang') === 'en' ? 'en' : 'zh-CN';
if (flag(params.get('compact'))) widget.setAttribute('compact', '');
for (const name of ['ignore', 'min-severity']) {
  const v = params.get(name) ?? params.get(name === 'min-severity' ? 'minSeverity' : name);
  if (v !== null) widget.setAttribute(name, v);
}
let origin = params.get('origin');
try {
  origin = origin ? new URL(origin).origin : '*';
} catch {
  origin = null;  // an invalid origin: post nothing
}

const framed = window.parent && window.parent !== window;
function post(message) {
  if (framed && origin) window.parent.postMessage(Object.assign({ source: 'nianbao' }, message), origin);
}

widget.addEventListener('nianbao-result', (ev) => post({ type: 'nianbao-result', result: ev.detail }));
widget.addEventListener('nianbao-error', (ev) => post({ type: 'nianbao-error', error: ev.detail }));
widget.ready.then(() => post({ type: 'nianbao-ready', version: widget.version }), () => {});

window.addEventListener('message', (ev) => {
  if (!framed || ev.source !== window.parent) return;
  if (origin && origin !== '*' && ev.origin !== origin) return;
  const m = ev.data;
  if (m && m.type === 'nianbao-set-text' && typeof m.text === 'string') widget.value = m.text;
});

let lastHeight = 0;
const sendHeight = () => {
  const h = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (h !== lastHeight) {
    lastHeight = h;
    post({ type: 'nianbao-resize', height: h });
  }
};
if (typeof ResizeObserver === 'function') new ResizeObserver(sendHeight).observe(document.body);
sendHeight();
