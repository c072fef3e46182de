// nianbao page: main-thread UI. The WASM core runs in a blob Web Worker built from the inlined
// SINGLE_FILE factory (see web/worker.js and web/build.mjs). Pasted text is only ever rendered
// with textContent / text nodes, never as HTML.
// Part of the page script (entry web/page.js, bundled by web/build.mjs). Evaluating this module
// starts the page; pdf/page-files.js adds report files through the exports below.
import { STRINGS, fmt } from './i18n.js';
import { htmlHasTable, htmlToText } from './paste.js';
import { cellCatalogue, cellLabel, el, renderLegend, renderTables } from './tables.js';

var DEBOUNCE_MS = 250;

var $ = function (id) { return document.getElementById(id); };
export const ui = {
  textarea: $('report'), backdrop: $('backdrop'), editor: $('editor'), verdict: $('verdict'),
  findings: $('findings'), tablesView: $('tables-view'), legend: $('legend'), meta: $('report-meta'),
  notice: $('notice'), engine: $('engine-status'), version: $('version'), minSeverity: $('min-severity'),
  langToggle: $('lang-toggle'), copy: $('copy-summary'), download: $('download-json'), print: $('print-view'),
  clear: $('clear-btn'), file: $('file-input'), catalogue: $('catalogue-body'),
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
  debounce: 0,
  last: null,           // { text, json, obj, ms, lines, starts }
  activeIndex: -1,
  lastInputAt: 0,
  timing: { ready: null, workerInit: null, lastCheck: null, lastRoundTrip: null, lastInputToRender: null }
};

export function S() { return STRINGS[state.lang]; }

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
  render();
}

// ---------------------------------------------------------------------------------------------
// Worker
function startWorker() {
  var src = $('nianbao-worker');
  var t0 = performance.now();
  try {
    var blob = new Blob([src.textContent], { type: 'text/javascript' });
    var url = URL.createObjectURL(blob);
    state.worker = new Worker(url);
    // The worker keeps its own copy of the script; the URL is not needed after start-up.
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
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
}

var readyResolve, readyReject, readyPromise;
function newReadyPromise() {
  readyPromise = new Promise(function (res, rej) { readyResolve = res; readyReject = rej; });
  readyPromise.catch(function () { /* reported in the page */ });
}
newReadyPromise();

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

function currentOptions() {
  return { minSeverity: ui.minSeverity.value };
}

// ---------------------------------------------------------------------------------------------
// Checking as the text changes: debounced, at most one check in flight for the UI.
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
    document.body.setAttribute('data-state', 'idle');
    render();
    return;
  }
  if (!state.ready) { render(); return; }
  if (state.uiInflight) { state.uiDirty = true; return; }
  state.uiInflight = true;
  state.uiDirty = false;
  document.body.setAttribute('data-state', 'checking');
  renderEngineStatus();
  var options = currentOptions();
  request(text, options).then(function (r) {
    state.uiInflight = false;
    if (state.uiDirty || text !== ui.textarea.value) { requestUiCheck(); return; }
    var obj;
    try { obj = JSON.parse(r.json); } catch { obj = { error: 'invalid JSON from the core' }; }
    var lines = text.split('\n');
    var starts = [0];
    for (var i = 0; i < lines.length; i++) starts.push(starts[i] + lines[i].length + 1);
    state.last = { text: text, json: r.json, obj: obj, ms: r.ms, lines: lines, starts: starts, options: options };
    state.timing.lastCheck = r.ms;
    state.timing.lastRoundTrip = r.roundTrip;
    state.activeIndex = -1;
    clearHighlight();
    render();
    state.timing.lastInputToRender = state.lastInputAt ? performance.now() - state.lastInputAt : null;
    document.body.setAttribute('data-state', 'done');
    renderEngineStatus();
  }, function (e) {
    state.uiInflight = false;
    state.last = { text: text, json: '', obj: { error: String((e && e.message) || e) }, lines: [], starts: [0] };
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

function inputError(obj) {
  if (!obj) return null;
  var e = obj.error || obj.input_error || (obj.input && obj.input.error);
  if (!e) return null;
  return typeof e === 'string' ? e : (e.message || JSON.stringify(e));
}

function counts(obj) {
  var sum = (obj && obj.summary) || {};
  var f = sum.findings || {};
  var c = sum.checks || {};
  return {
    error: f.error || 0, warning: f.warning || 0, info: f.info || 0,
    na: (c.not_assessable || 0) + (c.uncertain || 0), pass: c.pass || 0, hidden: sum.hidden || 0
  };
}

function verdictText(obj) {
  var t = verdictTextRaw(obj);
  // English singulars: "1 warnings" -> "1 warning"
  return state.lang === 'en' ? t.replace(/\b1 (error|warning|check)s\b/g, '1 $1') : t;
}

function verdictTextRaw(obj) {
  var s = S();
  if (!obj) return state.ready || !ui.textarea.value.trim() ? s.verdictEmpty : s.verdictWaiting;
  var err = inputError(obj);
  if (err) return fmt(s.verdictInputError, { msg: err });
  var c = counts(obj);
  if (c.error) return fmt(s.verdictErrors, { e: c.error, w: c.warning, n: c.na });
  if (c.warning) return fmt(s.verdictWarnings, { w: c.warning, n: c.na });
  if (c.na) return fmt(s.verdictNa, { n: c.na });
  return fmt(s.verdictOk, { p: c.pass });
}

function render() {
  var s = S();
  var last = state.last;
  var obj = last ? last.obj : null;
  if (!ui.textarea.value.trim()) obj = null;
  ui.verdict.textContent = verdictText(obj);
  var c = obj && !inputError(obj) ? counts(obj) : null;
  ui.verdict.className = 'verdict' + (c ? (c.error ? ' v-error' : c.warning ? ' v-warning' : c.na ? '' : ' v-ok') : '');
  ui.counts.error.textContent = c ? String(c.error) : '–';
  ui.counts.warning.textContent = c ? String(c.warning) : '–';
  ui.counts.na.textContent = c ? String(c.na) : '–';
  ui.counts.pass.textContent = c ? String(c.pass) : '–';
  var has = !!(obj && last && last.json);
  ui.copy.disabled = !has;
  ui.download.disabled = !has;
  ui.print.disabled = !has;
  renderMeta(obj);
  renderFindings(obj);
  if (obj && !inputError(obj)) {
    renderTables(ui.tablesView, obj, failingMarks(obj), s, state.cells);
  } else {
    ui.tablesView.textContent = '';
    ui.tablesView.appendChild(el('p', { className: 'empty-note' }, s.tablesEmpty));
  }
}

function renderMeta(obj) {
  var s = S();
  ui.meta.textContent = '';
  if (!obj || inputError(obj)) return;
  var r = obj.report || {};
  var parts = [];
  parts.push(fmt(s.metaAgency, { v: r.agency || s.unknown }));
  parts.push(fmt(s.metaYear, { v: r.year || s.unknown }));
  parts.push(fmt(s.metaFormat, { v: s.formatNames[r.format] || r.format || s.unknown }));
  if (obj.input) parts.push(fmt(s.metaSize, { lines: obj.input.lines, bytes: obj.input.bytes }));
  if (state.last && typeof state.last.ms === 'number') parts.push(fmt(s.metaTime, { ms: state.last.ms.toFixed(1) }));
  ui.meta.textContent = parts.join(' · ');
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

function formatNumber(v) {
  if (v === null || v === undefined) return '—';
  return String(v);
}

function ruleTitle(id) {
  var r = state.ruleMap[id];
  if (!r) return '';
  return state.lang === 'en' ? (r.title_en || r.title || '') : (r.title || r.title_en || '');
}

function findingMessage(f) {
  if (state.lang === 'en' && f.message_en) return f.message_en;
  return f.message || f.message_en || '';
}

// Where a finding points in the text: { line, start, end } as UTF-16 offsets into the text, or null.
function findingTarget(f) {
  var last = state.last;
  if (!last || !f) return null;
  var cells = (last.obj && last.obj.cells) || {};
  var line = f.line || 0;
  var col = f.column || 0;
  var raw = null;
  var ids = f.cells || [];
  var best = null;
  for (var i = 0; i < ids.length; i++) {
    var c = cells[ids[i]];
    if (!c || !c.line) continue;
    if (!line) { best = c; break; }
    if (c.line === line && (best === null || c.column === col)) best = c;
  }
  if (best) {
    if (!line) line = best.line;
    if (best.line === line) { col = best.column; raw = best.raw; }
  }
  return targetAt(line, col, raw);
}

function targetAt(line, col, raw) {
  var last = state.last;
  if (!last || !line || line > last.lines.length) return null;
  var text = last.lines[line - 1];
  var lineStart = last.starts[line - 1];
  var start = 0;
  var end = text.length;
  if (col && col > 0) {
    // Columns count Unicode code points; JS strings count UTF-16 units.
    var cps = Array.from(text);
    start = cps.slice(0, col - 1).join('').length;
    if (raw !== null && raw !== undefined && raw !== '' && text.substr(start, String(raw).length) === String(raw)) {
      end = start + String(raw).length;
    } else if (col > 1) {
      // No cell text to match: mark the token at the column (up to the next separator, at most
      // 20 code points), e.g. "33次" in a sentence or one tab-separated field of a table row.
      var rest = Array.from(text.slice(start));
      var n = 0;
      while (n < rest.length && n < 20 && !/[\t ，。；;,、：:）)]/.test(rest[n])) n++;
      end = start + rest.slice(0, Math.max(n, 1)).join('').length;
    }
  }
  return { line: line, lineStart: lineStart, lineEnd: lineStart + text.length, start: lineStart + start, end: lineStart + end, cellOnLine: !!col };
}

function sourceExtract(target) {
  var last = state.last;
  var pre = el('pre', { className: 'f-src', lang: 'zh-CN' });
  if (!target) return null;
  var text = last.lines[target.line - 1];
  var a = target.start - target.lineStart;
  var b = target.end - target.lineStart;
  var from = 0;
  var to = text.length;
  var MAX = 160;
  if (text.length > MAX) {
    from = Math.max(0, Math.min(a - 40, text.length - MAX));
    to = Math.min(text.length, from + MAX);
  }
  pre.appendChild(el('span', { className: 'ln', 'aria-hidden': 'true' }, String(target.line) + ' │ '));
  pre.appendChild(document.createTextNode((from > 0 ? '…' : '') + text.slice(from, Math.max(from, Math.min(a, to)))));
  if (target.cellOnLine && b > a) pre.appendChild(el('mark', null, text.slice(Math.max(a, from), Math.min(b, to))));
  pre.appendChild(document.createTextNode(text.slice(Math.min(Math.max(b, from), to), to) + (to < text.length ? '…' : '')));
  return pre;
}

function renderFindings(obj) {
  var s = S();
  ui.findings.textContent = '';
  if (!obj || inputError(obj)) return;
  var list = obj.findings || [];
  if (!list.length) {
    ui.findings.appendChild(el('li', { className: 'empty-note' }, s.noFindings));
  }
  list.forEach(function (f, i) {
    var sev = f.severity || 'info';
    var li = el('li', {
      className: 'finding sev-' + sev + (i === state.activeIndex ? ' active' : ''),
      'data-rule': f.rule, 'data-line': f.line ? String(f.line) : '', 'data-severity': sev,
      'data-status': f.status || '', 'data-index': String(i)
    });
    var head = el('div', { className: 'f-head' });
    head.appendChild(el('span', { className: 'sev' }, s.severity[sev] || sev));
    var explId = 'expl-' + i;
    var ruleBtn = el('button', {
      type: 'button', className: 'rule-id', 'aria-expanded': 'false', 'aria-controls': explId,
      'aria-label': fmt(s.showRule, { id: f.rule }), 'data-rule-button': f.rule
    }, f.rule);
    head.appendChild(ruleBtn);
    var title = ruleTitle(f.rule);
    if (title) head.appendChild(el('span', { className: 'f-title' }, title));
    if (f.status === 'uncertain') head.appendChild(el('span', { className: 'f-status' }, fmt(s.paren, { v: s.status.uncertain })));
    li.appendChild(head);
    li.appendChild(el('p', { className: 'f-msg', lang: state.lang === 'en' && f.message_en ? 'en' : 'zh-CN' }, findingMessage(f)));

    var nums = [];
    if (f.expected !== undefined && f.expected !== null) nums.push(fmt(s.expected, { v: formatNumber(f.expected) }));
    if (f.actual !== undefined && f.actual !== null) nums.push(fmt(s.actual, { v: formatNumber(f.actual) }));
    var ops = (f.cells || []).map(function (id) {
      var c = obj.cells && obj.cells[id];
      var v;
      if (!c) v = s.cellStatus.missing;
      else if (c.value !== null && c.value !== undefined) v = String(c.value);
      else if (c.raw && Array.from(String(c.raw)).length <= 12) v = '“' + c.raw + '”' + fmt(s.paren, { v: s.cellStatus[c.status] || c.status });
      else v = s.cellStatus[c.status] || c.status;
      return cellLabel(id, s, state.cells) + ' = ' + v;
    });
    if (nums.length || ops.length) {
      var p = el('p', { className: 'f-nums' });
      if (nums.length) p.appendChild(el('strong', null, nums.join(s.comma)));
      if (ops.length) {
        if (nums.length) p.appendChild(document.createTextNode(' '));
        var MAXOPS = 6;
        p.appendChild(el('span', { className: 'ops' }, s.operands + ops.slice(0, MAXOPS).join(s.semi) +
          (ops.length > MAXOPS ? fmt(s.moreCells, { n: ops.length }) : '')));
      }
      li.appendChild(p);
    }

    var target = findingTarget(f);
    var loc = el('button', { type: 'button', className: 'btn f-loc', 'data-locate': String(i) },
      target ? (f.column ? fmt(s.lineCol, { line: target.line, col: f.column }) : fmt(s.lineOnly, { line: target.line })) + ' · ' + s.locate : s.notTied);
    if (!target) loc.disabled = true;
    li.appendChild(loc);
    var src = sourceExtract(target);
    if (src) li.appendChild(src);
    var expl = el('div', { className: 'f-expl', id: explId, hidden: '' });
    li.appendChild(expl);
    ui.findings.appendChild(li);
  });
  var c = counts(obj);
  if (c.hidden) ui.findings.appendChild(el('li', { className: 'empty-note' }, fmt(s.hiddenFindings, { n: c.hidden })));
}

function fillExplanation(box, id) {
  var s = S();
  box.textContent = '';
  var r = state.ruleMap[id];
  box.appendChild(el('h4', null, s.ruleExplain + ' · ' + id + (r ? ' · ' + ruleTitle(id) : '')));
  if (!r) { box.appendChild(el('p', null, s.ruleUnknown)); return; }
  var en = state.lang === 'en';
  box.appendChild(el('p', null, en ? (r.explanation_en || r.explanation) : (r.explanation || r.explanation_en)));
  if (r.severity) box.appendChild(el('p', { className: 'basis' }, s.ruleDefaultSeverity + (s.severity[r.severity] || r.severity)));
  if (r.basis) box.appendChild(el('p', { className: 'basis' }, s.ruleBasis + r.basis));
}

function renderCatalogue() {
  var s = S();
  ui.catalogue.textContent = '';
  if (!state.rules.length) return;
  var dl = el('dl');
  state.rules.forEach(function (r) {
    var dt = el('dt', { id: 'rule-' + r.id }, r.id + ' · ' + ruleTitle(r.id));
    var dd = el('dd');
    var en = state.lang === 'en';
    dd.appendChild(el('p', null, en ? (r.explanation_en || r.explanation) : (r.explanation || r.explanation_en)));
    var meta = s.ruleDefaultSeverity + (s.severity[r.severity] || r.severity || '');
    if (r.basis) meta += ' · ' + s.ruleBasis + r.basis;
    dd.appendChild(el('p', { className: 'basis' }, meta));
    dl.appendChild(dt);
    dl.appendChild(dd);
  });
  ui.catalogue.appendChild(dl);
}

// ---------------------------------------------------------------------------------------------
// Locating a finding or a cell in the pasted text: select it in the textarea and mark it on the
// backdrop (visible even while the focus stays in the results list).
export function clearHighlight() {
  ui.backdrop.textContent = '';
}

function highlight(target) {
  var text = ui.textarea.value;
  if (!state.last || text !== state.last.text || !target) return false;
  var b = ui.backdrop;
  b.textContent = '';
  b.appendChild(document.createTextNode(text.slice(0, target.lineStart)));
  var lineMark = el('mark', { className: 'hl-line', 'data-line': String(target.line) });
  if (target.cellOnLine && target.end > target.start) {
    lineMark.appendChild(document.createTextNode(text.slice(target.lineStart, target.start)));
    lineMark.appendChild(el('mark', { className: 'hl-cell' }, text.slice(target.start, target.end)));
    lineMark.appendChild(document.createTextNode(text.slice(target.end, target.lineEnd)));
  } else {
    lineMark.textContent = text.slice(target.lineStart, target.lineEnd);
  }
  b.appendChild(lineMark);
  b.appendChild(document.createTextNode(text.slice(target.lineEnd) + '\n\u200b'));
  var anchor = b.querySelector('.hl-cell') || lineMark;
  var top = anchor.offsetTop;
  var ta = ui.textarea;
  ta.setSelectionRange(target.cellOnLine ? target.start : target.lineStart, target.cellOnLine ? target.end : target.lineEnd);
  ta.scrollTop = Math.max(0, top - ta.clientHeight / 3);
  b.scrollTop = ta.scrollTop;
  var rect = ui.editor.getBoundingClientRect();
  if (rect.top < 0 || rect.bottom > (window.innerHeight || document.documentElement.clientHeight)) {
    ui.editor.scrollIntoView({ block: 'nearest' });
  }
  ui.notice.textContent = fmt(S().located, { line: target.line });
  return true;
}

function locateFinding(i) {
  var obj = state.last && state.last.obj;
  if (!obj || !obj.findings || !obj.findings[i]) return;
  state.activeIndex = i;
  var items = ui.findings.querySelectorAll('.finding');
  for (var k = 0; k < items.length; k++) items[k].classList.toggle('active', k === i);
  highlight(findingTarget(obj.findings[i]));
}

function locateCell(id) {
  var obj = state.last && state.last.obj;
  var c = obj && obj.cells && obj.cells[id];
  if (!c || !c.line) { ui.notice.textContent = S().cellNotLocated; return; }
  highlight(targetAt(c.line, c.column, c.raw));
}

// ---------------------------------------------------------------------------------------------
// Export
function summaryText() {
  var s = S();
  var last = state.last;
  if (!last || !last.obj) return '';
  var obj = last.obj;
  var out = [fmt(s.summaryTitle, { v: state.version })];
  var meta = ui.meta.textContent;
  if (meta) out.push(meta);
  out.push(s.summaryVerdict + verdictText(obj));
  out.push('');
  out.push(s.summaryFindings);
  var list = obj.findings || [];
  if (!list.length) out.push(s.summaryNone);
  list.forEach(function (f, i) {
    var where = f.line ? fmt(f.column ? s.lineCol : s.lineOnly, { line: f.line, col: f.column }) : s.notTied;
    var line = (i + 1) + '. [' + (s.severity[f.severity] || f.severity) + '] ' + f.rule;
    var title = ruleTitle(f.rule);
    if (title) line += ' ' + title;
    line += fmt(s.paren, { v: where }) + s.colon + findingMessage(f);
    out.push(line);
  });
  return out.join('\n') + '\n';
}

function copyText(text) {
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
  ui.notice.textContent = S().downloaded;
}

// ---------------------------------------------------------------------------------------------
// Input: typing, rich paste, files
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
  ui.notice.textContent = fmt(S().richPasted, { n: conv.tables });
  requestUiCheck();
}

// Reads PDF, Word, HTML and text files when set (by web/pdf/page-files.js): File → Promise.
var reportFileReader = null;
export function setReportFileReader(read) {
  reportFileReader = read;
}

function onFile() {
  var f = ui.file.files && ui.file.files[0];
  if (!f) return;
  if (reportFileReader) {
    reportFileReader(f).catch(function () { /* shown in the page */ });
    ui.file.value = '';
    return;
  }
  var reader = new FileReader();
  reader.onload = function () {
    var d = decodeFile(reader.result);
    ui.textarea.value = d.text;
    clearHighlight();
    ui.notice.textContent = fmt(S().fileRead, { name: f.name, enc: d.enc });
    requestUiCheck();
  };
  reader.onerror = function () { ui.notice.textContent = fmt(S().fileFailed, { msg: String(reader.error) }); };
  reader.readAsArrayBuffer(f);
  ui.file.value = '';
}

// ---------------------------------------------------------------------------------------------
// Wiring
ui.textarea.setAttribute('lang', 'zh-CN');
ui.textarea.addEventListener('input', function (ev) {
  state.lastInputAt = performance.now();
  clearHighlight();
  // A paste or drop is one complete change: check at once. Typing is debounced.
  if (ev && (ev.inputType === 'insertFromPaste' || ev.inputType === 'insertFromDrop')) requestUiCheck();
  else scheduleCheck();
});
ui.textarea.addEventListener('paste', onPaste);
ui.textarea.addEventListener('scroll', function () { ui.backdrop.scrollTop = ui.textarea.scrollTop; });
ui.minSeverity.addEventListener('change', requestUiCheck);
ui.langToggle.addEventListener('click', function () { setLang(state.lang === 'zh' ? 'en' : 'zh'); });
ui.clear.addEventListener('click', function () {
  ui.textarea.value = '';
  clearHighlight();
  requestUiCheck();
  ui.textarea.focus();
});
ui.file.addEventListener('change', onFile);
ui.copy.addEventListener('click', function () {
  var text = summaryText();
  copyText(text).then(function (ok) {
    ui.notice.textContent = ok ? S().copied : S().copyFailed;
    if (!ok) {
      // No clipboard access: show the summary selected, ready for Ctrl+C.
      var box = el('textarea', { readonly: '', rows: '8', className: 'summary-box', 'aria-label': S().copySummary });
      box.value = text;
      ui.notice.appendChild(box);
      box.focus();
      box.select();
    }
  });
});
ui.download.addEventListener('click', downloadJson);
ui.print.addEventListener('click', function () { window.print(); });

ui.findings.addEventListener('click', function (ev) {
  var t = ev.target;
  var ruleBtn = t.closest ? t.closest('[data-rule-button]') : null;
  if (ruleBtn) {
    var box = document.getElementById(ruleBtn.getAttribute('aria-controls'));
    var open = ruleBtn.getAttribute('aria-expanded') === 'true';
    if (!open) fillExplanation(box, ruleBtn.getAttribute('data-rule-button'));
    box.hidden = open;
    ruleBtn.setAttribute('aria-expanded', open ? 'false' : 'true');
    return;
  }
  if (t.closest && t.closest('.f-expl')) return;
  var li = t.closest ? t.closest('.finding') : null;
  if (!li) return;
  if (window.getSelection && String(window.getSelection()).length > 0 && !t.closest('button')) return;  // selecting text to copy
  locateFinding(parseInt(li.getAttribute('data-index'), 10));
});
ui.tablesView.addEventListener('click', function (ev) {
  var td = ev.target.closest ? ev.target.closest('td[data-cell]') : null;
  if (td) locateCell(td.getAttribute('data-cell'));
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
      busy: state.uiInflight, timing: JSON.parse(JSON.stringify(state.timing)), rules: state.rules.length
    };
  }
};

state.lang = initialLang();
applyStatic();
render();
startWorker();
