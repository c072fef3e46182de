// nianbao page: main-thread UI. The WASM core runs in a blob Web Worker built from the inlined
// SINGLE_FILE factory (see web/worker.js and web/build.mjs). Pasted text is only ever rendered
// with textContent / text nodes, never as HTML.
// Part of the page script (entry web/page.js, bundled by web/build.mjs). Evaluating this module
// starts the page; pdf/page-files.js adds report files, page-extras.js the example, the share link,
// the draft and the keys through the exports below.
import { STRINGS, fmt } from './i18n.js';
import { htmlHasTable, htmlToText } from './paste.js';
import { cellCatalogue, cellDetail, el, renderLegend, renderTables } from './tables.js';
import { checkCounts, findingTarget, organise, splitLines, targetAt } from './results.mjs';
import {
  fillExplanation, filterNote, findingText, renderFindingGroups, renderNotAssessable, sourceLine, summaryText as viewSummary,
  verdictOf
} from './findings-view.js';
import { drawMarks } from './marks.js';

var DEBOUNCE_MS = 250;
var SLOW_MS = 300;       // a check running longer than this shows the working state

var $ = function (id) { return document.getElementById(id); };
export const ui = {
  textarea: $('report'), backdrop: $('backdrop'), editor: $('editor'), verdict: $('verdict'), results: $('results'),
  findings: $('findings'), tablesView: $('tables-view'), legend: $('legend'), meta: $('report-meta'),
  notice: $('notice'), engine: $('engine-status'), version: $('version'), minSeverity: $('min-severity'),
  langToggle: $('lang-toggle'), copy: $('copy-summary'), download: $('download-json'), print: $('print-view'),
  clear: $('clear-btn'), file: $('file-input'), catalogue: $('catalogue-body'), na: $('not-assessable'),
  filterNote: $('filter-note'), printMeta: $('print-meta'), cellDetail: $('cell-detail'),
  previous: $('previous-text'), scopeFull: $('scope-full'),
  counts: { error: $('count-error'), warning: $('count-warning'), na: $('count-na'), pass: $('count-pass') }
};

export const state = {
  lang: 'zh',
  worker: null,
  ready: false,
  fatal: null,
  version: '',
  rules: [],
  ruleMap: {},
  cells: cellCatalogue([]),  // the core's cell catalogue (tables.js cellCatalogue), from the worker
  nextId: 1,
  waiters: {},          // request id -> { resolve, reject, started }
  uiInflight: false,
  uiDirty: false,
  slow: false,          // the check in flight has taken longer than SLOW_MS
  slowTimer: 0,
  debounce: 0,
  last: null,           // { text, json, obj, ms, split, view, checkedAt }
  activeIndex: -1,
  lastInputAt: 0,
  notice: null,         // { key, vars, kind: 'ok' | 'info' | 'warn', actions: [{ key, action }], extra }
  file: null,           // the report file whose text is in the paste area: { name, kind, pages, linePages, lineCount, emptyPages, ms, encoding }
  reading: null,        // a file being read: { name, page, pages }
  inputError: null,     // { key: 'verdictFileError' | 'verdictLinkError', vars, code } shown in the verdict instead of a result
  undo: null,           // { text, file } to restore after a file, the example, a link or 清空 replaced the text
  reveal: false,        // bring the verdict into view when the next result is shown (phones)
  timing: { ready: null, workerInit: null, lastCheck: null, lastRoundTrip: null, lastInputToRender: null }
};

export function S() { return STRINGS[state.lang]; }

// Hooks of the other page modules: called after every render / on language change.
var renderHooks = [];
export function onRender(fn) { renderHooks.push(fn); }

// ---------------------------------------------------------------------------------------------
// Language
function initialLang() {
  var q = /[?&]lang=(en|zh)/.exec(location.search || '');
  if (q) return q[1];
  try {
    var saved = localStorage.getItem('nianbao.lang');
    if (saved === 'en' || saved === 'zh') return saved;
  } catch { /* storage unavailable (file://, private mode): Chinese first */ }
  return 'zh';
}

export function applyStatic() {
  var s = S();
  document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
  var nodes = document.querySelectorAll('[data-i18n]');
  for (var i = 0; i < nodes.length; i++) {
    var key = nodes[i].getAttribute('data-i18n');
    if (s[key] !== undefined) nodes[i].textContent = s[key];
  }
  var titled = document.querySelectorAll('[data-i18n-title]');
  for (var j = 0; j < titled.length; j++) {
    var tk = titled[j].getAttribute('data-i18n-title');
    if (s[tk] !== undefined) titled[j].title = s[tk];
  }
  ui.langToggle.textContent = s.langSwitch;
  ui.langToggle.setAttribute('lang', s.langSwitchLang);
  document.title = s.title + ' · nianbao';
  renderEngineStatus();
  renderLegend(ui.legend, s);
}

function setLang(lang) {
  state.lang = lang;
  try { localStorage.setItem('nianbao.lang', lang); } catch { /* ignore */ }
  applyStatic();
  renderCatalogue();
  if (state.last && state.last.view) state.last.view = organise(state.last.obj, ui.minSeverity.value);
  render();
}

// ---------------------------------------------------------------------------------------------
// Notices: one line under the export buttons, kept as a key and values so that it follows the
// language switch; cleared when the text it was about changes.
export function setNotice(key, vars, opts) {
  state.notice = key ? { key: key, vars: vars || {}, kind: (opts && opts.kind) || 'ok', actions: (opts && opts.actions) || [], extra: opts && opts.extra } : null;
  renderNotice();
}

export function renderNotice() {
  var n = state.notice;
  ui.notice.textContent = '';
  ui.notice.className = 'notice' + (n ? ' n-' + n.kind : '');
  if (!n) return;
  var s = S();
  var text = typeof n.key === 'function' ? n.key(s) : fmt(s[n.key] || n.key, n.vars);
  ui.notice.appendChild(document.createTextNode(text));
  n.actions.forEach(function (a) {
    ui.notice.appendChild(document.createTextNode(' '));
    ui.notice.appendChild(el('button', { type: 'button', className: 'btn btn-small', 'data-action': a.action }, s[a.key] || a.key));
  });
  if (n.extra) ui.notice.appendChild(n.extra);
}

// ---------------------------------------------------------------------------------------------
// Worker
function startWorker() {
  var t0 = performance.now();
  try {
    // started by the boot script at the top of the page (web/boot.js); a fresh one after a restart
    state.worker = window.nianbaoBoot.worker();
  } catch (e) {
    onFatal(String((e && e.message) || e));
    return;
  }
  state.worker.onmessage = function (ev) {
    var m = ev.data || {};
    if (m.type === 'ready') {
      state.ready = true;
      state.version = m.version || '';
      state.timing.ready = performance.now();
      state.timing.workerInit = m.ms;
      state.timing.workerBoot = performance.now() - t0;
      try { state.rules = JSON.parse(m.rules) || []; } catch { state.rules = []; }
      state.ruleMap = {};
      state.rules.forEach(function (r) { if (r && r.id) state.ruleMap[r.id] = r; });
      var cells;
      try { cells = JSON.parse(m.cells); } catch { cells = []; }
      state.cells = cellCatalogue(cells);
      document.body.setAttribute('data-ready', 'true');
      ui.version.textContent = 'nianbao ' + state.version;
      renderEngineStatus();
      renderCatalogue();
      readyResolve();
      var failedText = state.last && !state.last.json ? state.last.text : null;
      if (ui.textarea.value && ui.textarea.value !== failedText) requestUiCheck();
      else render();
    } else if (m.type === 'result' || m.type === 'error') {
      var w = state.waiters[m.id];
      if (!w) return;
      delete state.waiters[m.id];
      if (m.type === 'error') w.reject(new Error(m.message));
      else w.resolve({ json: m.json, ms: m.ms, roundTrip: performance.now() - w.started });
    } else if (m.type === 'fatal') {
      onFatal(m.message);
    }
  };
  state.worker.onerror = function (ev) {
    onFatal((ev && ev.message) || 'worker error');
    if (ev && ev.preventDefault) ev.preventDefault();
  };
}

function onFatal(msg) {
  state.fatal = msg;
  document.body.setAttribute('data-state', 'error');
  renderEngineStatus();
  readyReject(new Error(msg));
  for (var id in state.waiters) state.waiters[id].reject(new Error(msg));
  state.waiters = {};
  render();
}

var readyResolve, readyReject, readyPromise;
function newReadyPromise() {
  readyPromise = new Promise(function (res, rej) { readyResolve = res; readyReject = rej; });
  readyPromise.catch(function () { /* reported in the page */ });
}
newReadyPromise();
export function whenReady() { return readyPromise; }

// After the core failed on one input (a wasm abort leaves the module unusable), start a fresh
// worker so the next check works.
function restartWorker() {
  if (state.worker) state.worker.terminate();
  for (var id in state.waiters) state.waiters[id].reject(new Error('worker restarted'));
  state.waiters = {};
  state.ready = false;
  document.body.setAttribute('data-ready', 'false');
  newReadyPromise();
  startWorker();
}

function request(text, options) {
  return readyPromise.then(function () {
    return new Promise(function (resolve, reject) {
      var id = state.nextId++;
      state.waiters[id] = { resolve: resolve, reject: reject, started: performance.now() };
      state.worker.postMessage({ type: 'check', id: id, text: text, options: options || {} });
    });
  });
}

// A check for another view (the batch, web/batch.js): the parsed JSON result. A core that failed
// on the text (a wasm abort) is replaced by a fresh worker, and the promise rejects.
export function checkText(text, options) {
  return request(text, options).then(function (r) { return JSON.parse(r.json); }, function (e) {
    if (!state.fatal) restartWorker();
    throw e;
  });
}

// ---------------------------------------------------------------------------------------------
// Checking as the text changes: debounced, at most one check in flight for the UI. The page checks
// with every severity and hides by severity itself, so the counts it shows are always the true ones.
// The options of the page's check: the previous year's report (its box) and the scope (the
// 「按完整报告检查」 box).
export function checkOptions() {
  var o = {};
  if (ui.previous && ui.previous.value.trim() !== '') o.previous = ui.previous.value;
  if (ui.scopeFull && ui.scopeFull.checked) o.scope = 'full';
  return o;
}

function scheduleCheck() {
  clearTimeout(state.debounce);
  state.debounce = setTimeout(requestUiCheck, DEBOUNCE_MS);
}

export function requestUiCheck() {
  clearTimeout(state.debounce);
  var text = ui.textarea.value;
  if (text.trim() === '') {
    state.last = null;
    state.uiDirty = false;
    if (!state.uiInflight) document.body.setAttribute('data-state', 'idle');
    render();
    return;
  }
  if (!state.ready) { render(); return; }
  if (state.uiInflight) { state.uiDirty = true; return; }
  state.uiInflight = true;
  state.uiDirty = false;
  state.slow = false;
  clearTimeout(state.slowTimer);
  state.slowTimer = setTimeout(function () { state.slow = true; render(); }, SLOW_MS);
  document.body.setAttribute('data-state', 'checking');
  renderEngineStatus();
  var options = checkOptions();
  var optionsKey = JSON.stringify(options);
  request(text, options).then(function (r) {
    state.uiInflight = false;
    clearTimeout(state.slowTimer);
    state.slow = false;
    if (state.uiDirty || text !== ui.textarea.value || optionsKey !== JSON.stringify(checkOptions())) { requestUiCheck(); return; }
    var obj;
    try { obj = JSON.parse(r.json); } catch { obj = { error: 'invalid JSON from the core' }; }
    state.last = { text: text, json: r.json, obj: obj, ms: r.ms, split: splitLines(text), checkedAt: new Date(), optionsKey: optionsKey };
    state.last.view = inputError(obj) ? null : organise(obj, ui.minSeverity.value);
    state.timing.lastCheck = r.ms;
    state.timing.lastRoundTrip = r.roundTrip;
    state.activeIndex = -1;
    document.body.setAttribute('data-state', 'done');
    render();
    state.timing.lastInputToRender = state.lastInputAt ? performance.now() - state.lastInputAt : null;
    renderEngineStatus();
  }, function (e) {
    state.uiInflight = false;
    clearTimeout(state.slowTimer);
    state.slow = false;
    state.last = { text: text, json: '', obj: { error: String((e && e.message) || e) }, split: splitLines(text), view: null };
    document.body.setAttribute('data-state', 'error');
    render();
    if (!state.fatal) restartWorker();
  });
}

// ---------------------------------------------------------------------------------------------
// Rendering
function renderEngineStatus() {
  var s = S();
  var t;
  if (state.fatal) t = fmt(s.engineFailed, { msg: state.fatal });
  else if (!state.ready) t = s.loading;
  else if (state.uiInflight) t = s.checking;
  else t = s.ready;
  ui.engine.textContent = t;
}

export function inputError(obj) {
  if (!obj) return null;
  var e = obj.error || obj.input_error || (obj.input && obj.input.error);
  if (!e) return null;
  return typeof e === 'string' ? e : (e.message || JSON.stringify(e));
}

// The result shown: the last check's, while it is about the text in the paste area (or that text
// is being edited: the previous result stays until the next one arrives).
function shownResult() {
  if (!ui.textarea.value.trim() || !state.last) return null;
  return state.last;
}

// The context of web/findings-view.js for the result shown.
export function viewContext(last) {
  last = last || state.last;
  var f = state.file;
  var current = last && last.text === ui.textarea.value;
  return {
    S: S(), lang: state.lang, obj: last ? last.obj : null, view: last ? last.view : null, cat: state.cells,
    ruleMap: state.ruleMap, split: current ? last.split : null, activeIndex: state.activeIndex, idPrefix: '',
    linePages: current && f && f.linePages ? f.linePages : null, file: f, version: state.version,
    checkedAt: last ? last.checkedAt : null
  };
}

function setVerdict(text, kind) {
  ui.verdict.textContent = text;
  ui.verdict.setAttribute('data-verdict', kind);
  var cls = { error: ' v-error', 'file-error': ' v-error', 'link-error': ' v-error', 'input-error': ' v-error', warning: ' v-warning', ok: ' v-ok', reading: ' v-busy', checking: ' v-busy' }[kind] || '';
  ui.verdict.className = 'verdict' + cls;
}

export function render() {
  var s = S();
  var last = shownResult();
  var obj = last ? last.obj : null;
  var err = obj ? inputError(obj) : null;
  var ok = !!(obj && !err && last.view);
  var busy = !!state.reading || (state.slow && state.uiInflight);
  ui.results.setAttribute('aria-busy', busy ? 'true' : 'false');

  // The verdict: a file being read, a file or link that could not be opened, a long check, the
  // result, or what to do.
  if (state.reading) {
    var r = state.reading;
    setVerdict(r.pages ? fmt(s.verdictReadingPage, { name: r.name, page: r.page, pages: r.pages }) : fmt(s.verdictReading, { name: r.name }), 'reading');
  } else if (state.inputError) {
    var ie = state.inputError;
    var vars = Object.assign({}, ie.vars);
    if (ie.error) vars.msg = state.lang === 'en' && ie.error.message_en ? ie.error.message_en : ie.error.message || String(ie.error);
    setVerdict(fmt(s[ie.key], vars), ie.kind);
  } else if (state.fatal && !obj) {
    setVerdict(fmt(s.engineFailed, { msg: state.fatal }), 'error');
  } else if (busy && (!obj || last.text !== ui.textarea.value)) {
    setVerdict(fmt(s.verdictChecking, { kb: Math.max(1, Math.round(ui.textarea.value.length * 3 / 1024)) }), 'checking');
  } else if (!obj) {
    setVerdict(state.ready || !ui.textarea.value.trim() ? s.verdictEmpty : s.verdictWaiting, ui.textarea.value.trim() ? 'waiting' : 'empty');
  } else if (err) {
    setVerdict(fmt(s.verdictInputError, { msg: err }), 'input-error');
  } else {
    var v = verdictOf(viewContext(last));
    setVerdict(v.text, v.kind);
  }
  var showResult = ok && !state.reading && !state.inputError;
  var ctx = showResult ? viewContext(last) : null;
  var c = showResult ? last.view.counts : null;
  var checks = showResult ? checkCounts(obj) : null;
  ui.counts.error.textContent = c ? String(c.error) : '–';
  ui.counts.warning.textContent = c ? String(c.warning) : '–';
  ui.counts.na.textContent = checks ? String(checks.na) : '–';
  ui.counts.pass.textContent = checks ? String(checks.pass) : '–';
  ui.filterNote.textContent = ctx ? filterNote(ctx) : '';
  // Exports only for a report that was checked.
  ui.copy.disabled = !showResult;
  ui.download.disabled = !showResult;
  ui.print.disabled = !showResult;
  renderMeta(showResult ? obj : null);
  ui.printMeta.textContent = ctx ? sourceLine(ctx) : '';
  if (ctx) {
    renderFindingGroups(ui.findings, ctx);
    renderNotAssessable(ui.na, ctx);
    ui.na.hidden = false;
    renderTables(ui.tablesView, obj, failingMarks(obj), s, state.cells);
  } else {
    ui.findings.textContent = '';
    ui.na.textContent = '';
    ui.na.hidden = true;
    ui.tablesView.textContent = '';
    ui.tablesView.appendChild(el('p', { className: 'empty-note' }, s.tablesEmpty));
  }
  ui.cellDetail.textContent = '';
  renderNotice();
  redrawMarks();
  renderHooks.forEach(function (fn) { fn(showResult); });
  if (showResult && state.reveal && last.text === ui.textarea.value) {
    state.reveal = false;
    revealVerdict();
  }
}

// Phones: after a paste, a file, the example or a link, the verdict comes into view (the paste
// area is above the results in one column).
export function revealVerdict() {
  var narrow = window.matchMedia && window.matchMedia('(max-width: 960px)').matches;
  if (!narrow) return;
  var r = ui.verdict.getBoundingClientRect();
  var h = window.innerHeight || document.documentElement.clientHeight;
  // in the upper part of the screen, with the counts and the first findings under it
  if (r.top >= 0 && r.bottom <= h * 0.6) return;
  ui.results.scrollIntoView({ block: 'start' });
}

function renderMeta(obj) {
  var s = S();
  ui.meta.textContent = '';
  if (!obj) return;
  var r = obj.report || {};
  var parts = [];
  parts.push(fmt(s.metaAgency, { v: r.agency || s.unknown }));
  parts.push(fmt(s.metaYear, { v: r.year || s.unknown }));
  parts.push(fmt(s.metaFormat, { v: s.formatNames[r.format] || r.format || s.unknown }));
  if (r.scope === 'excerpt') parts.push(fmt(s.metaExcerpt, { v: '', parts: partsText(r.parts || [], s) }));
  if (obj.input) parts.push(fmt(s.metaSize, { lines: obj.input.lines, bytes: obj.input.bytes }));
  if (state.last && typeof state.last.ms === 'number') parts.push(fmt(s.metaTime, { ms: state.last.ms.toFixed(1) }));
  ui.meta.textContent = parts.join(' · ');
}

// report.parts in words: "表三" / "第1部分、表二".
export function partsText(parts, s) {
  return parts.map(function (p) {
    var m = /^section-(\d+)$/.exec(p);
    if (m) return fmt(s.partNames.section, { n: m[1] });
    return s.partNames[p] || p;
  }).join(s.partSep);
}

function failingMarks(obj) {
  var marks = { fail: {}, uncertain: {} };
  if (!obj || !obj.findings) return marks;
  obj.findings.forEach(function (f) {
    (f.cells || []).forEach(function (id) {
      if (f.status === 'uncertain') marks.uncertain[id] = true;
      else marks.fail[id] = true;
    });
  });
  return marks;
}

export function ruleTitle(id) {
  var r = state.ruleMap[id];
  if (!r) return '';
  return state.lang === 'en' ? (r.title_en || r.title || '') : (r.title || r.title_en || '');
}

function renderCatalogue() {
  var s = S();
  ui.catalogue.textContent = '';
  if (!state.rules.length) return;
  var dl = el('dl');
  var ctx = viewContext();
  state.rules.forEach(function (r) {
    var dt = el('dt', { id: 'rule-' + r.id });
    dt.appendChild(document.createTextNode(ruleTitle(r.id) + ' '));
    dt.appendChild(el('code', { className: 'rule-id' }, r.id));
    var dd = el('dd');
    fillExplanation(Object.assign({}, ctx, { S: s }), dd, r.id);
    dl.appendChild(dt);
    dl.appendChild(dd);
  });
  ui.catalogue.appendChild(dl);
}

// ---------------------------------------------------------------------------------------------
// Marks in the text: every finding shown has a mark on the backdrop under the transparent textarea;
// the active one (located) is marked strongly and selected.
var activeTarget = null;

export function clearHighlight() {
  activeTarget = null;
  ui.backdrop.textContent = '';
}

function markRanges() {
  var last = state.last;
  if (!last || !last.view || last.text !== ui.textarea.value) return [];
  var out = [];
  last.view.groups.forEach(function (g) {
    g.items.forEach(function (it) {
      it.indices.forEach(function (i) {
        var t = findingTarget(last.obj.findings[i], last.obj, last.split);
        if (!t) return;
        var start = t.cellOnLine && t.end > t.start ? t.start : t.lineStart;
        var end = t.cellOnLine && t.end > t.start ? t.end : t.lineEnd;
        if (end > start) out.push({ start: start, end: end, severity: it.severity, index: it.index });
      });
    });
  });
  return out;
}

function redrawMarks() {
  var last = state.last;
  if (!last || last.text !== ui.textarea.value) { ui.backdrop.textContent = ''; return; }
  drawMarks(ui.backdrop, ui.textarea.value, markRanges(), activeTarget);
  ui.backdrop.scrollTop = ui.textarea.scrollTop;
}

function highlight(target) {
  var text = ui.textarea.value;
  if (!state.last || text !== state.last.text || !target) return false;
  activeTarget = target;
  redrawMarks();
  var b = ui.backdrop;
  var anchor = b.querySelector('.hl-cell') || b.querySelector('.hl-line');
  var top = anchor ? anchor.offsetTop : 0;
  var ta = ui.textarea;
  ta.setSelectionRange(target.cellOnLine ? target.start : target.lineStart, target.cellOnLine ? target.end : target.lineEnd);
  ta.scrollTop = Math.max(0, top - ta.clientHeight / 3);
  b.scrollTop = ta.scrollTop;
  var rect = ui.editor.getBoundingClientRect();
  if (rect.top < 0 || rect.bottom > (window.innerHeight || document.documentElement.clientHeight)) {
    ui.editor.scrollIntoView({ block: 'nearest' });
  }
  setNotice('located', { line: target.line });
  return true;
}

export function locateFinding(i) {
  var obj = state.last && state.last.obj;
  if (!obj || !obj.findings || !obj.findings[i]) return false;
  state.activeIndex = i;
  var items = ui.findings.querySelectorAll('.finding');
  for (var k = 0; k < items.length; k++) items[k].classList.toggle('active', items[k].getAttribute('data-index') === String(i));
  return highlight(findingTarget(obj.findings[i], obj, state.last.split));
}

function locateCell(id) {
  var obj = state.last && state.last.obj;
  var c = obj && obj.cells && obj.cells[id];
  if (!c || !c.line) { setNotice('cellNotLocated', null, { kind: 'info' }); return; }
  highlight(targetAt(state.last.split, c.line, c.column, c.raw));
}

// ---------------------------------------------------------------------------------------------
// Export
function summaryText() {
  var last = state.last;
  if (!last || !last.view) return '';
  return viewSummary(viewContext(last));
}

export function copyText(text) {
  function fallback() {
    var active = document.activeElement;
    var t = el('textarea', { 'aria-hidden': 'true', readonly: '' });
    t.value = text;
    t.style.position = 'fixed';
    t.style.left = '-9999px';
    document.body.appendChild(t);
    t.select();
    var ok;
    try { ok = document.execCommand('copy'); } catch { ok = false; }
    document.body.removeChild(t);
    if (active && active.focus) active.focus();
    return ok;
  }
  if (navigator.clipboard && navigator.clipboard.writeText) {
    return navigator.clipboard.writeText(text).then(function () { return true; }, function () { return fallback(); });
  }
  return Promise.resolve(fallback());
}

// Copies text; where the clipboard is refused, the text is shown selected for Ctrl+C.
export function copyWithFallback(text, okKey, label) {
  return copyText(text).then(function (ok) {
    if (ok) { setNotice(okKey); return true; }
    var box = el('textarea', { readonly: '', rows: '6', className: 'summary-box', 'aria-label': label });
    box.value = text;
    setNotice('copyFailed', null, { kind: 'warn', extra: box });
    box.focus();
    box.select();
    return false;
  });
}

function downloadJson() {
  var last = state.last;
  if (!last || !last.json) return;
  var r = (last.obj && last.obj.report) || {};
  var name = 'nianbao-' + String(r.agency || 'report').replace(/[\\/:*?"<>|\s]+/g, '_') + (r.year ? '-' + r.year : '') + '.json';
  var url = URL.createObjectURL(new Blob([last.json], { type: 'application/json' }));
  var a = el('a', { href: url, download: name });
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  document.body.removeChild(a);
  setTimeout(function () { URL.revokeObjectURL(url); }, 30000);
  setNotice('downloaded');
}

// ---------------------------------------------------------------------------------------------
// Input: typing, rich paste, files, replacing the text (with undo)
function decodeFile(buf) {
  var b = new Uint8Array(buf);
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(b.subarray(3)), enc: 'UTF-8 BOM' };
  if (b[0] === 0xff && b[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(b.subarray(2)), enc: 'UTF-16LE' };
  if (b[0] === 0xfe && b[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(b.subarray(2)), enc: 'UTF-16BE' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(b), enc: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(b), enc: 'GB18030' };
  }
}

function insertText(ta, text) {
  ta.focus();
  var ok;
  try { ok = document.execCommand('insertText', false, text); } catch { ok = false; }
  if (!ok || ta.value.indexOf(text) < 0) {
    ta.setRangeText(text, ta.selectionStart, ta.selectionEnd, 'end');
    ta.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

// Replaces the whole text (a file, the example, a share link, 清空) and checks it. What was there
// before can be brought back with 「撤销」 (the browser's own undo does not cover a replaced value).
// opts: { file (state.file for the new text, or null), keepInputError }
export function replaceText(text, opts) {
  opts = opts || {};
  var old = ui.textarea.value;
  if (old.trim() && old !== text) state.undo = { text: old, file: state.file };
  else if (old === text) state.undo = null;
  ui.textarea.value = text;
  ui.textarea.scrollTop = 0;
  state.file = opts.file || null;
  if (!opts.keepInputError) state.inputError = null;
  state.activeIndex = -1;
  clearHighlight();
  if (text.trim()) state.reveal = true;
  requestUiCheck();
  return !!state.undo;
}

export function undoReplace() {
  var u = state.undo;
  if (!u) return;
  state.undo = null;
  ui.textarea.value = u.text;
  state.file = u.file || null;
  state.inputError = null;
  clearHighlight();
  setNotice('undone', null, { kind: 'info' });
  requestUiCheck();
}

// Notice for a replaced text, with 「撤销」 when there is something to bring back.
export function noticeWithUndo(key, vars, kind) {
  setNotice(key, vars, { kind: kind || 'info', actions: state.undo ? [{ key: 'undo', action: 'undo' }] : [] });
}

function onPaste(ev) {
  var dt = ev.clipboardData;
  if (!dt) return;
  var html;
  try { html = dt.getData('text/html'); } catch { html = ''; }
  if (!html || !htmlHasTable(html)) return;  // plain text paste: the browser does it
  var conv = htmlToText(html);
  if (!conv.text) return;
  ev.preventDefault();
  insertText(ui.textarea, conv.text);
  setNotice('richPasted', { n: conv.tables }, { kind: 'info' });
  requestUiCheck();
}

// Reads PDF, Word, HTML and text files when set (by web/pdf/page-files.js): File → Promise.
var reportFileReader = null;
export function setReportFileReader(read) {
  reportFileReader = read;
}

// Several files picked at once go to the batch view (set by web/batch.js): File[] → void.
var batchHandler = null;
export function setBatchHandler(fn) {
  batchHandler = fn;
}

function onFile() {
  var list = ui.file.files;
  if (list && list.length > 1 && batchHandler) {
    batchHandler(Array.prototype.slice.call(list));
    ui.file.value = '';
    return;
  }
  var f = list && list[0];
  if (!f) return;
  if (reportFileReader) {
    reportFileReader(f).catch(function () { /* shown in the page */ });
    ui.file.value = '';
    return;
  }
  var reader = new FileReader();
  reader.onload = function () {
    var d = decodeFile(reader.result);
    replaceText(d.text, { file: { name: f.name, kind: 'text', encoding: d.enc } });
    noticeWithUndo('fileRead', { name: f.name, enc: d.enc });
  };
  reader.onerror = function () { setNotice('fileFailed', { msg: String(reader.error) }, { kind: 'warn' }); };
  reader.readAsArrayBuffer(f);
  ui.file.value = '';
}

// ---------------------------------------------------------------------------------------------
// Wiring
ui.textarea.setAttribute('lang', 'zh-CN');
ui.textarea.addEventListener('input', function (ev) {
  state.lastInputAt = performance.now();
  clearHighlight();
  // The text is the reader's own now: notices about a file, a link or an earlier text are stale,
  // and so is an undo that would throw the edit away.
  state.notice = null;
  state.undo = null;
  state.inputError = null;
  if (state.file) {
    state.file.edited = true;
    var n = ui.textarea.value.split('\n').length;
    if (n !== state.file.lineCount) state.file.linePages = null;
  }
  renderNotice();
  // A paste or drop is one complete change: check at once. Typing is debounced.
  if (ev && (ev.inputType === 'insertFromPaste' || ev.inputType === 'insertFromDrop')) {
    state.reveal = true;
    requestUiCheck();
  } else {
    scheduleCheck();
  }
});
ui.textarea.addEventListener('paste', onPaste);
// The previous year's report and the scope: a new check with the same text.
if (ui.previous) ui.previous.addEventListener('input', function () { if (ui.textarea.value.trim()) scheduleCheck(); });
if (ui.scopeFull) ui.scopeFull.addEventListener('change', function () { if (ui.textarea.value.trim()) requestUiCheck(); });
ui.textarea.addEventListener('scroll', function () { ui.backdrop.scrollTop = ui.textarea.scrollTop; });
ui.minSeverity.addEventListener('change', function () {
  if (state.last && state.last.view) state.last.view = organise(state.last.obj, ui.minSeverity.value);
  render();
});
ui.langToggle.addEventListener('click', function () { setLang(state.lang === 'zh' ? 'en' : 'zh'); });
ui.clear.addEventListener('click', function () {
  var had = ui.textarea.value.trim() !== '';
  replaceText('');
  state.inputError = null;
  if (had) noticeWithUndo('cleared');
  else setNotice(null);
  render();
  ui.textarea.focus();
});
ui.file.addEventListener('change', onFile);
ui.copy.addEventListener('click', function () {
  copyWithFallback(summaryText(), 'copied', S().copySummary);
});
ui.download.addEventListener('click', downloadJson);
ui.print.addEventListener('click', function () { window.print(); });
// The print view carries the checks that could not be made, open.
window.addEventListener('beforeprint', function () { if (!ui.na.hidden) ui.na.open = true; });

// Buttons in notices and lists: data-action="undo" | "show-all" (the others: page-extras.js).
var actions = {
  undo: undoReplace,
  'show-all': function () {
    ui.minSeverity.value = 'info';
    ui.minSeverity.dispatchEvent(new Event('change'));
    ui.findings.focus();
  }
};
export function onAction(name, fn) { actions[name] = fn; }
document.addEventListener('click', function (ev) {
  var b = ev.target && ev.target.closest ? ev.target.closest('[data-action]') : null;
  if (!b || b.disabled) return;
  var fn = actions[b.getAttribute('data-action')];
  if (!fn) return;
  ev.preventDefault();
  fn(b, ev);
});

function copyFinding(index) {
  var last = state.last;
  if (!last || !last.view) return;
  var item = last.view.items.find(function (it) { return it.index === index; });
  if (!item) return;
  var ctx = viewContext(last);
  copyWithFallback(findingText(ctx, item) + '\n— ' + sourceLine(ctx) + '\n', 'copiedOne', S().copyOne);
}

function onListClick(ev) {
  var t = ev.target;
  if (!t.closest) return;
  var ruleBtn = t.closest('[data-rule-button]');
  if (ruleBtn) {
    var box = document.getElementById(ruleBtn.getAttribute('aria-controls'));
    var open = ruleBtn.getAttribute('aria-expanded') === 'true';
    if (!open) fillExplanation(viewContext(), box, ruleBtn.getAttribute('data-rule-button'));
    box.hidden = open;
    ruleBtn.setAttribute('aria-expanded', open ? 'false' : 'true');
    return;
  }
  var copyBtn = t.closest('[data-copy]');
  if (copyBtn) { copyFinding(parseInt(copyBtn.getAttribute('data-copy'), 10)); return; }
  if (t.closest('.f-expl') || t.closest('[data-action]')) return;
  var locBtn = t.closest('[data-locate]');
  if (locBtn) { locateFinding(parseInt(locBtn.getAttribute('data-locate'), 10)); return; }
  var li = t.closest('.finding');
  if (!li) return;
  if (window.getSelection && String(window.getSelection()).length > 0 && !t.closest('button')) return;  // selecting text to copy
  locateFinding(parseInt(li.getAttribute('data-index'), 10));
}
ui.findings.addEventListener('click', onListClick);
ui.na.addEventListener('click', onListClick);
ui.tablesView.addEventListener('click', function (ev) {
  var td = ev.target.closest ? ev.target.closest('td[data-cell]') : null;
  if (!td) return;
  showCellDetail(td);
  locateCell(td.getAttribute('data-cell'));
});
// A cell's details (value, text, status, the checker's note) for the cell in focus: touch and
// keyboard users get what the title shows on hover.
function showCellDetail(td) {
  var last = state.last;
  ui.cellDetail.textContent = td && last ? cellDetail(td.getAttribute('data-cell'), last.obj, S(), state.cells) : '';
}
ui.tablesView.addEventListener('focusin', function (ev) {
  var td = ev.target.closest ? ev.target.closest('td[data-cell]') : null;
  if (td) showCellDetail(td);
});
ui.tablesView.addEventListener('keydown', function (ev) {
  if (ev.key !== 'Enter' && ev.key !== ' ') return;
  var td = ev.target.closest ? ev.target.closest('td[data-cell]') : null;
  if (!td) return;
  ev.preventDefault();
  locateCell(td.getAttribute('data-cell'));
});

// Public hook for embedders and tests: window.nianbao.
window.nianbao = {
  get ready() { return readyPromise; },
  // Checks text in the worker without touching the page; resolves with the parsed JSON result.
  check: function (text, options) {
    return request(String(text), options).then(function (r) { return JSON.parse(r.json); });
  },
  htmlToText: function (html) { return htmlToText(html).text; },
  // The rule catalogue bundled in the core (array of {id, title, title_en, severity, ...}).
  rules: function () { return JSON.parse(JSON.stringify(state.rules)); },
  // The cell catalogue of the core (array of {id, table, label, label_en, row_heading, ...}).
  cells: function () { return JSON.parse(JSON.stringify(state.cells.list)); },
  summaryText: summaryText,
  state: function () {
    return {
      ready: state.ready, fatal: state.fatal, version: state.version, lang: state.lang,
      checkedText: state.last ? state.last.text : null, result: state.last ? state.last.obj : null,
      checkedOptions: state.last ? state.last.optionsKey || null : null, options: JSON.stringify(checkOptions()),
      busy: state.uiInflight, timing: JSON.parse(JSON.stringify(state.timing)), rules: state.rules.length,
      file: state.file ? { name: state.file.name, kind: state.file.kind, pages: state.file.pages, edited: !!state.file.edited } : null,
      activeIndex: state.activeIndex, undo: !!state.undo
    };
  }
};

state.lang = initialLang();
applyStatic();
render();
startWorker();
