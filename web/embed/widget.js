// <nianbao-check>: the checker as one HTML element. One module script defines it:
//
//   <script type="module" src="https://example.org/nianbao/nianbao-widget.js"></script>
//   <nianbao-check lang="zh" ignore="section1-topics" min-severity="warning"></nianbao-check>
//
// A paste area and the results live in an open shadow root: the host page's CSS cannot reach
// them and their styles do not leak. After each check the element dispatches `nianbao-result`
// (bubbles, composed) whose detail is the result object of nianbao.js.
//
// Attributes: lang (zh | en), compact (boolean), text (initial text; else the element's own text
// content), ignore (comma-separated rule ids), min-severity (info | warning | error), scope
// (auto | full | excerpt: the API's options.scope; other values are auto).
// Properties: value (the text; setting it checks at once), previous (the previous year's report as
// text, options.previous; setting it checks again), result, ready; methods check(), openFile().
//
// Report files: a file button ("打开文件") and a drop on the paste area read PDF, Word (.docx),
// HTML and text files with nianbao.js's extraction (web/pdf/browser.mjs attachFileDrop; pdf.js runs
// in the worker nianbao-pdf.js, started only when the first PDF arrives). The recovered text is put
// in the paste area, so the reader sees exactly what is checked and findings point into it.
//
// Source: web/embed/widget.js. web/embed/build.mjs bundles it (esbuild) into dist/nianbao-widget.js
// with the page's own i18n.js, paste.js and tables.js, so the widget renders findings and tables as
// the page does, and with its styles (web/style.css + web/embed/widget.css, as text). The API
// (./api.js) is not bundled: it stays an import of ./nianbao.js, the sibling file that the page's
// other scripts and the widget's worker share. User text is only ever inserted as text
// (textContent), never as HTML.
import { attachFileDrop, createChecker, extractFile } from './api.js';
import { STRINGS, fmt } from '../i18n.js';
import { htmlHasTable, htmlToText } from '../paste.js';
import { cellCatalogue, cellDetail, el, renderLegend, renderTables } from '../tables.js';
import { checkCounts, filterResult, findingTarget, organise, splitLines } from '../results.mjs';
import {
  fillExplanation, filterNote, findingText, renderFindingGroups, renderNotAssessable, sourceLine, summaryText, verdictOf
} from '../findings-view.js';
import { EXAMPLES } from '../examples.js';
import pageCss from '../style.css';
import widgetCss from './widget.css';

const TAG = 'nianbao-check';
// The page's variables live on :root (light, and dark under prefers-color-scheme); in the shadow
// root they go on the widget's own box, where the host page's custom properties cannot override
// them (web/embed/build.mjs checks that style.css has one or two `:root {` blocks).
const WIDGET_CSS = `${pageCss.split(':root {').join('.nb {')}\n${widgetCss}`;
const DEBOUNCE_MS = 250;
const SEVERITIES = ['info', 'warning', 'error'];

// Strings of the widget itself; everything else comes from the page's STRINGS (web/i18n.js).
const WIDGET_STRINGS = {
  zh: {
    placeholder: '在此粘贴政府信息公开工作年度报告全文，或把报告文件（PDF、Word、网页、文本）拖到这里，随即核验。',
    ignored: '已忽略的规则：{ids}',
    unknownRule: '未知规则 {ids}，已略去。',
    foot: '年报核验 nianbao {v} · 在本机浏览器中核验，报告内容不上传。',
    checkFailed: '核验失败：{msg}',
    tablesSummary: '我们如何读取表格',
    openFile: '打开文件',
    fileTitle: '读取报告文件（PDF、Word .docx、网页、文本），也可以把文件拖到输入框。文件只在本机读取，不上传。',
    fileReading: '正在读取 {name}…',
    fileReadPdf: '已读取 {name}（PDF，{pages} 页）。输入框中是从文件读出的文字，核验的就是这些内容。',
    fileReadDocx: '已读取 {name}（Word 文档，合并单元格已展开）。输入框中是从文件读出的文字。',
    fileReadOther: '已读取 {name}（{enc}）。输入框中是从文件读出的文字。',
    fileEmptyPages: '第 {list} 页没有文字层（可能是扫描图片），未核验。',
    fileError: '无法读取 {name}：{msg}',
    loadExample: '加载示例',
    exampleLoaded: '已载入示例：虚构机关的 2025 年报告，其中有意放了几处错误。',
    copySummary: '复制摘要',
    downloadJson: '下载 JSON',
    copied: '已复制。',
    copiedOne: '已复制这一条。',
    copyFailed: '无法访问剪贴板，请手动复制下面的文字。',
    downloaded: 'JSON 已生成下载。'
  },
  en: {
    placeholder: 'Paste the full text of a government information disclosure annual report, or drop the report file (PDF, Word, web page, text) here; it is checked at once.',
    ignored: 'Ignored rules: {ids}',
    unknownRule: 'Unknown rule {ids}, left out.',
    foot: 'nianbao {v} · checked in this browser; the report is not uploaded.',
    checkFailed: 'The check failed: {msg}',
    tablesSummary: 'How we read your tables',
    openFile: 'Open a file',
    fileTitle: 'Read a report file (PDF, Word .docx, web page, text), or drop it on the text box. Files are read on this computer only, never uploaded.',
    fileReading: 'Reading {name}…',
    fileReadPdf: 'Read {name} (PDF, {pages} pages). The text box holds the text recovered from the file: this is what is checked.',
    fileReadDocx: 'Read {name} (Word document, merged cells expanded). The text box holds the text recovered from the file.',
    fileReadOther: 'Read {name} ({enc}). The text box holds the text recovered from the file.',
    fileEmptyPages: 'Page(s) {list} have no text layer (probably scanned images) and were not checked.',
    fileError: 'Could not read {name}: {msg}',
    loadExample: 'Load an example',
    exampleLoaded: 'Example loaded: the 2025 report of a fictional agency, with deliberate errors.',
    copySummary: 'Copy summary',
    downloadJson: 'Download JSON',
    copied: 'Copied.',
    copiedOne: 'This finding was copied.',
    copyFailed: 'The clipboard is not available; copy the text below.',
    downloaded: 'JSON download created.'
  }
};

// The engine: one per page, shared by every element. It runs nianbao.js in a module worker so a
// long report never blocks the host page (a check of a 12 KB report takes tens of ms); where the
// host's CSP forbids blob workers, or workers fail, it runs nianbao.js on the main thread.
// engine: { kind: 'worker' | 'main', version, rules(), cells(), check(text, options) → Promise<{ result, ms }> }
const API_URL = new URL('./nianbao.js', import.meta.url).href;
const WORKER_SOURCE = `import { createChecker } from ${JSON.stringify(API_URL)};
let checker = null;
const started = createChecker().then((c) => {
  checker = c;
  postMessage({ type: 'ready', version: c.version, rules: c.rules(), cells: c.cells() });
}, (e) => postMessage({ type: 'fatal', code: (e && e.code) || 'load-failed', message: String((e && e.message) || e) }));
onmessage = async (ev) => {
  const m = ev.data || {};
  await started;
  try {
    if (!checker) throw Object.assign(new Error('nianbao: the core is not loaded'), { code: 'load-failed' });
    await checker.ready;
    const t0 = performance.now();
    const json = checker.checkJSON(m.text, m.options);
    postMessage({ type: 'result', id: m.id, json, ms: performance.now() - t0 });
  } catch (e) {
    postMessage({ type: 'error', id: m.id, code: (e && e.code) || 'error', message: String((e && e.message) || e) });
  }
};
`;

function codedError(code, message) {
  const e = new Error(message);
  e.code = code;
  return e;
}

function workerEngine() {
  return new Promise((resolve, reject) => {
    let worker;
    try {
      const url = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
      worker = new Worker(url, { type: 'module', name: 'nianbao' });
      setTimeout(() => URL.revokeObjectURL(url), 60000);
    } catch (e) {
      reject(e);  // e.g. the host's CSP has no worker-src for blob:
      return;
    }
    const waiting = new Map();
    let nextId = 1;
    let dead = null;
    const engine = {
      kind: 'worker',
      version: '',
      rules: () => [],
      cells: () => [],
      check(text, options) {
        if (dead) return Promise.reject(dead);
        return new Promise((res, rej) => {
          const id = nextId++;
          waiting.set(id, { res, rej });
          worker.postMessage({ id, text, options });
        });
      }
    };
    worker.onmessage = (ev) => {
      const m = ev.data || {};
      if (m.type === 'ready') {
        const rules = m.rules || [];
        engine.version = m.version;
        engine.rules = () => JSON.parse(JSON.stringify(rules));
        const cells = m.cells || [];
        engine.cells = () => JSON.parse(JSON.stringify(cells));
        resolve(engine);
      } else if (m.type === 'fatal') {
        worker.terminate();
        reject(codedError(m.code, m.message));
      } else {
        const w = waiting.get(m.id);
        if (!w) return;
        waiting.delete(m.id);
        if (m.type === 'result') w.res({ result: JSON.parse(m.json), ms: m.ms });
        else w.rej(codedError(m.code, m.message));
      }
    };
    worker.onerror = (ev) => {
      if (ev && ev.preventDefault) ev.preventDefault();
      dead = codedError('worker-failed', 'nianbao: the worker failed: ' + ((ev && ev.message) || 'error'));
      worker.terminate();
      waiting.forEach((w) => w.rej(dead));
      waiting.clear();
      if (sharedEngine && sharedEngine.worker === worker) sharedEngine = null;  // the next check starts afresh
      reject(dead);
    };
    engine.worker = worker;
  });
}

function mainEngine() {
  return createChecker().then((c) => ({
    kind: 'main',
    version: c.version,
    rules: () => c.rules(),
    cells: () => c.cells(),
    check(text, options) {
      try {
        const t0 = performance.now();
        const result = c.check(text, options);
        return Promise.resolve({ result, ms: performance.now() - t0 });
      } catch (e) {
        return Promise.reject(e);
      }
    }
  }));
}

let sharedEngine = null;   // { promise, worker }
function getEngine() {
  if (!sharedEngine) {
    const entry = { worker: null, promise: null };
    entry.promise = workerEngine().then((engine) => { entry.worker = engine.worker; return engine; }, () => mainEngine());
    entry.promise.catch(() => { if (sharedEngine === entry) sharedEngine = null; });  // a later element tries again
    sharedEngine = entry;
  }
  return sharedEngine.promise;
}

let sharedSheet = null;
function styleInto(root) {
  // A constructed stylesheet is not subject to a host page's CSP style-src; <style> is the fallback.
  try {
    if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
      if (!sharedSheet) {
        sharedSheet = new CSSStyleSheet();
        sharedSheet.replaceSync(WIDGET_CSS);
      }
      root.adoptedStyleSheets = [sharedSheet];
      return;
    }
  } catch { /* fall through */ }
  const style = document.createElement('style');
  style.textContent = WIDGET_CSS;
  root.appendChild(style);
}

function langOf(value) {
  return /^en\b/i.test(String(value || '')) ? 'en' : 'zh';
}

function splitIds(value) {
  return String(value || '').split(',').map((s) => s.trim()).filter((s) => s !== '');
}

function inputError(obj) {
  return obj && obj.error ? (typeof obj.error === 'string' ? obj.error : obj.error.message || JSON.stringify(obj.error)) : null;
}

class NianbaoCheckElement extends HTMLElement {
  static get observedAttributes() { return ['lang', 'compact', 'text', 'ignore', 'min-severity', 'scope']; }

  constructor() {
    super();
    this._shadow = this.attachShadow({ mode: 'open' });
    this._checker = null;        // the engine (see getEngine)
    this._fatal = null;
    this._seq = 0;               // number of the latest check started
    this._latest = Promise.resolve(null);
    this._busy = false;
    this._result = null;
    this._checked = null;       // { text, lines, ms } of the result shown
    this._timer = 0;
    this._started = false;
    this._notice = '';
    this._fileNote = null;      // { key, vars, error } of the last file read, shown above the results
    this._fileSeq = 0;          // number of the latest file read started
    this._fileInfo = null;      // { name, kind, linePages } of the file whose text is in the paste area
    this._full = null;          // the latest result with every severity (the display filters it)
    this._view = null;          // organise() of it for the select's severity
    this._active = -1;          // index of the finding located last
    this._exportNote = null;    // { key } or { key, box } after an export button
    this._previous = '';        // the previous year's report (options.previous)
    this._batch = null;         // several files dropped: { entries: [{ file, blob, status, … }], done, current }
    this._batchSeq = 0;
    this._readyPromise = new Promise((resolve, reject) => { this._readyResolve = resolve; this._readyReject = reject; });
    this._readyPromise.catch(() => { /* shown in the element and as nianbao-error */ });
    this._build();
  }

  // ------------------------------------------------------------------------------------------
  // Public API
  get value() { return this._ta.value; }
  set value(text) {
    this._ta.value = text === undefined || text === null ? '' : String(text);
    this._runCheck();
  }
  // The previous year's report as text: the result gains previous, changes and cross-year findings.
  get previous() { return this._previous; }
  set previous(text) {
    this._previous = text === undefined || text === null ? '' : String(text);
    if (this._started) this._runCheck();
  }
  get result() { return this._result; }
  get ready() { return this._readyPromise; }
  get version() { return this._checker ? this._checker.version : ''; }
  // Where the checks run: 'worker', 'main' (no worker allowed), or '' while loading.
  get engine() { return this._checker ? this._checker.kind : ''; }
  check() { return this._readyPromise.then(() => this._runCheck()); }
  // Reads a report file (a File or Blob) into the paste area and checks it; resolves with the
  // result, or null when the file cannot be read (the reason is shown and sent as nianbao-error).
  openFile(file, fileName) {
    const name = fileName || (file && file.name) || '';
    const seq = this._startFileRead(name);
    return extractFile(file, name, { onProgress: (page, pages) => this._fileProgress(seq, page, pages) }).then(
      (f) => this._fileText(seq, f.text, { name, ...f }),
      (e) => this._fileError(seq, e, name));
  }

  // Several report files (File/Blob objects), read and checked one after another: a compact list
  // (file, agency, year, counts), each row opening its report in the element. Resolves with
  // checkMany()'s entries: { file, result } or { file, error: { code, message } }.
  async checkFiles(files) {
    const list = Array.from(files || []);
    const seq = ++this._batchSeq;
    this._batch = {
      entries: list.map((blob, index) => ({ index, file: (blob && blob.name) || String(index + 1), blob, status: 'pending' })),
      done: 0, current: null, opened: -1
    };
    this._renderBatch();
    try { await this._readyPromise; } catch { return []; }
    const out = [];
    for (const entry of this._batch.entries) {
      if (seq !== this._batchSeq) return out;
      this._batch.current = entry.file;
      this._renderBatch();
      try {
        const f = await extractFile(entry.blob, entry.file);
        const { result } = await this._checker.check(f.text, this._options().options);
        if (result.error) {
          entry.status = 'not-a-report';
          entry.message = result.error.message;
          out.push({ file: entry.file, error: { code: 'not-a-report', message: entry.message }, result });
        } else {
          const sum = (result.summary && result.summary.findings) || {};
          Object.assign(entry, {
            status: 'ok', agency: (result.report && result.report.agency) || '', year: result.report && result.report.year,
            errors: sum.error || 0, warnings: sum.warning || 0, infos: sum.info || 0
          });
          out.push({ file: entry.file, result });
        }
      } catch (e) {
        entry.status = 'unreadable';
        entry.message = this._lang() === 'en' && e && e.message_en ? e.message_en : String((e && e.message) || e);
        out.push({ file: entry.file, error: { code: (e && e.code) || 'error', message: String((e && e.message) || e) } });
      }
      if (seq !== this._batchSeq) return out;
      this._batch.done++;
      this._renderBatch();
    }
    this._batch.current = null;
    this._renderBatch();
    return out;
  }

  _renderBatch() {
    const b = this._batch;
    const box = this._batchEl;
    box.textContent = '';
    box.hidden = !b;
    if (!b) return;
    const S = this._S();
    const en = this._lang() === 'en';
    const head = el('p', { className: 'nb-batch-head', role: 'status' });
    head.textContent = b.current !== null
      ? fmt(S.batchProgress, { i: b.done + 1, total: b.entries.length, name: b.current })
      : fmt(S.batchSummary, {
        n: b.entries.filter((e) => e.status === 'ok').length,
        clean: b.entries.filter((e) => e.status === 'ok' && !e.errors).length,
        bad: b.entries.filter((e) => e.status === 'ok' && e.errors).length,
        e: b.entries.reduce((n, e) => n + (e.errors || 0), 0),
        w: b.entries.reduce((n, e) => n + (e.warnings || 0), 0)
      });
    const failed = b.entries.filter((e) => e.status === 'unreadable' || e.status === 'not-a-report').length;
    if (b.current === null && failed) head.textContent += ' ' + fmt(S.batchUnreadable, { n: failed });
    const close = el('button', { type: 'button', className: 'btn btn-small', 'data-batch-close': '' }, S.batchClose);
    head.appendChild(document.createTextNode(' '));
    head.appendChild(close);
    box.appendChild(head);
    const ol = el('ol', { className: 'nb-batch-list' });
    b.entries.forEach((e) => {
      const li = el('li', { 'data-file': e.file, 'data-status': e.status });
      const btn = el('button', { type: 'button', className: 'nb-batch-row' + (b.opened === e.index ? ' active' : ''), 'data-batch-index': String(e.index) });
      if (e.status === 'pending') btn.disabled = true;
      btn.appendChild(el('span', { className: 'nb-batch-file' }, e.file));
      let what;
      if (e.status === 'ok') {
        what = [e.agency || '–', e.year || '–', `${S.countErrors} ${e.errors}`, `${S.countWarnings} ${e.warnings}`].join(en ? ' · ' : ' · ');
      } else if (e.status === 'pending') {
        what = S.batchPending;
      } else {
        what = `${e.status === 'not-a-report' ? S.batchNotReport : S.batchUnreadableShort}${en ? ': ' : '：'}${e.message || ''}`;
      }
      btn.appendChild(el('span', { className: 'nb-batch-what' + (e.status === 'ok' && e.errors ? ' has-errors' : '') }, what));
      li.appendChild(btn);
      ol.appendChild(li);
    });
    box.appendChild(ol);
  }

  // ------------------------------------------------------------------------------------------
  // Lifecycle
  connectedCallback() {
    if (this._started) return;
    this._applyAttributes();
    this._started = true;
    this._initialText();
    getEngine().then((checker) => {
      this._checker = checker;
      this._readyResolve();
      this._render();
      this._runCheck();
    }, (e) => {
      this._fatal = String((e && e.message) || e);
      this._readyReject(e);
      this._render();
      this._emitError(e);
    });
    this._render();
  }

  disconnectedCallback() { clearTimeout(this._timer); }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue || !this._started) return;
    if (name === 'text') {
      this.value = newValue || '';
      return;
    }
    this._applyAttributes(name);
    if (name === 'ignore' || name === 'min-severity' || name === 'scope') this._runCheck();
    else this._render();
  }

  // ------------------------------------------------------------------------------------------
  // Building and attributes
  _lang() { return langOf(this.getAttribute('lang')); }
  _S() { return STRINGS[this._lang()]; }
  _W() { return WIDGET_STRINGS[this._lang()]; }

  _build() {
    styleInto(this._shadow);
    const root = el('div', { className: 'nb', 'data-state': 'loading' });
    const head = el('div', { className: 'nb-head' });
    this._title = el('span', { className: 'nb-title' });
    this._status = el('span', { className: 'engine-status', role: 'status' });
    head.appendChild(this._title);
    head.appendChild(this._status);
    root.appendChild(head);

    this._label = el('label', { className: 'report-label', for: 'nb-text' });
    this._ta = el('textarea', { className: 'paste', id: 'nb-text', spellcheck: 'false', autocomplete: 'off', lang: 'zh-CN' });
    root.appendChild(this._label);
    root.appendChild(this._ta);

    const options = el('div', { className: 'options' });
    this._sevLabel = el('label', { for: 'nb-sev' });
    this._sev = el('select', { id: 'nb-sev' });
    SEVERITIES.forEach((v) => this._sev.appendChild(el('option', { value: v })));
    this._clear = el('button', { type: 'button', className: 'btn' });
    this._example = el('button', { type: 'button', className: 'btn', 'data-action': 'example' });
    this._ignored = el('span', { className: 'ignored' });
    this._fileBtn = el('button', { type: 'button', className: 'btn file-open' });
    this._fileInput = el('input', {
      type: 'file', className: 'file-input', tabindex: '-1',
      accept: '.pdf,.docx,.html,.htm,.txt,.md,application/pdf,text/html,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      multiple: ''
    });
    options.appendChild(this._sevLabel);
    options.appendChild(this._sev);
    options.appendChild(this._fileBtn);
    options.appendChild(this._fileInput);
    options.appendChild(this._example);
    options.appendChild(this._clear);
    options.appendChild(this._ignored);
    root.appendChild(options);
    this._noticeEl = el('p', { className: 'notice', role: 'status' });
    root.appendChild(this._noticeEl);
    this._fileNoteEl = el('p', { className: 'file-note', role: 'status' });
    root.appendChild(this._fileNoteEl);
    // several files dropped or picked: a compact list, each row opens its report here
    this._batchEl = el('div', { className: 'nb-batch' });
    this._batchEl.hidden = true;
    root.appendChild(this._batchEl);

    const results = el('div', { className: 'results' });
    this._verdict = el('p', { className: 'verdict', role: 'status', 'aria-live': 'polite', 'data-verdict': 'empty' });
    results.appendChild(this._verdict);
    this._filterNote = el('p', { className: 'filter-note' });
    results.appendChild(this._filterNote);
    this._counts = el('dl', { className: 'counts' });
    this._countEls = {};
    ['error', 'warning', 'na', 'pass'].forEach((k) => {
      const box = el('div', { className: 'count c-' + k });
      const dt = el('dt');
      const dd = el('dd', null, '–');
      box.appendChild(dt);
      box.appendChild(dd);
      this._counts.appendChild(box);
      this._countEls[k] = { dt, dd };
    });
    results.appendChild(this._counts);
    this._meta = el('p', { className: 'report-meta' });
    results.appendChild(this._meta);
    const exp = el('div', { className: 'export' });
    this._copyBtn = el('button', { type: 'button', className: 'btn', 'data-action': 'copy-summary', disabled: '' });
    this._jsonBtn = el('button', { type: 'button', className: 'btn', 'data-action': 'download-json', disabled: '' });
    exp.appendChild(this._copyBtn);
    exp.appendChild(this._jsonBtn);
    results.appendChild(exp);
    this._exportEl = el('p', { className: 'export-note', role: 'status' });
    results.appendChild(this._exportEl);
    this._findings = el('ol', { className: 'findings' });
    results.appendChild(this._findings);
    this._na = el('details', { className: 'not-assessable' });
    this._na.hidden = true;
    results.appendChild(this._na);
    this._tables = el('details', { className: 'tables' });
    this._tablesSummary = el('summary');
    this._legend = el('ul', { className: 'legend' });
    this._tablesView = el('div', { className: 'tables-view' });
    this._cellDetailEl = el('p', { className: 'cell-detail', 'aria-live': 'polite' });
    this._tables.appendChild(this._tablesSummary);
    this._tables.appendChild(this._legend);
    this._tables.appendChild(this._tablesView);
    this._tables.appendChild(this._cellDetailEl);
    results.appendChild(this._tables);
    root.appendChild(results);
    this._foot = el('p', { className: 'nb-foot' });
    root.appendChild(this._foot);
    this._shadow.appendChild(root);
    this._rootEl = root;

    this._ta.addEventListener('input', (ev) => {
      if (this._fileNote && !this._fileNote.error) { this._fileNote = null; this._renderFileNote(); }  // edited: no longer the file's text
      this._fileInfo = null;
      if (ev && (ev.inputType === 'insertFromPaste' || ev.inputType === 'insertFromDrop')) this._runCheck();
      else this._schedule();
    });
    this._ta.addEventListener('paste', (ev) => this._onPaste(ev));
    this._sev.addEventListener('change', () => this._runCheck());
    this._clear.addEventListener('click', () => { this._fileNote = null; this._fileInfo = null; this.value = ''; this._ta.focus(); });
    this._example.addEventListener('click', () => {
      this._fileNote = { key: 'exampleLoaded', vars: {} };
      this._fileInfo = null;
      this._ta.value = EXAMPLES[2025].text;
      this._ta.scrollTop = 0;
      this._runCheck();
    });
    this._copyBtn.addEventListener('click', () => this._copy(this._summary(), 'copied'));
    this._jsonBtn.addEventListener('click', () => this._downloadJson());
    // Report files: the button opens the picker; a file dropped on the paste area is read by
    // attachFileDrop (web/pdf/browser.mjs), which calls _fileText / _fileError.
    this._fileBtn.addEventListener('click', () => this._fileInput.click());
    this._fileInput.addEventListener('change', () => {
      const list = this._fileInput.files ? Array.from(this._fileInput.files) : [];
      if (list.length > 1) this.checkFiles(list);
      else if (list.length) this.openFile(list[0]);
      this._fileInput.value = '';  // the same file may be chosen again
    });
    // Several files dropped: the list (before the paste area's own drop, which reads one file).
    root.addEventListener('drop', (ev) => {
      const files = ev.dataTransfer && ev.dataTransfer.files;
      if (!files || files.length < 2) return;
      ev.preventDefault();
      ev.stopPropagation();
      this.checkFiles(Array.from(files));
    }, true);
    this._batchEl.addEventListener('click', (ev) => {
      const b = ev.target.closest ? ev.target.closest('[data-batch-index], [data-batch-close]') : null;
      if (!b || !this._batch) return;
      if (b.hasAttribute('data-batch-close')) { this._batchSeq++; this._batch = null; this._renderBatch(); return; }
      const entry = this._batch.entries[Number(b.getAttribute('data-batch-index'))];
      if (!entry) return;
      this._batch.opened = entry.index;
      this._renderBatch();
      this.openFile(entry.blob, entry.file);
    });
    let dropSeq = 0;
    this._ta.addEventListener('drop', (ev) => {
      const file = ev.dataTransfer && ev.dataTransfer.files && ev.dataTransfer.files[0];
      if (file) dropSeq = this._startFileRead(file.name || '');
    }, true);
    attachFileDrop(this._ta, {
      onText: (text, info) => this._fileText(dropSeq, text, info),
      onError: (e, name) => this._fileError(dropSeq, e, name),
      onProgress: (page, pages) => this._fileProgress(dropSeq, page, pages)
    });
    this._tables.addEventListener('toggle', () => this._renderTables());
    this._findings.addEventListener('click', (ev) => this._onFindingClick(ev));
    this._na.addEventListener('click', (ev) => this._onFindingClick(ev));
    this._tablesView.addEventListener('focusin', (ev) => this._showCell(ev.target));
    this._tablesView.addEventListener('click', (ev) => this._showCell(ev.target));
  }

  // name: the attribute that changed, or undefined for all (on connection). The min-severity
  // attribute sets the select only when it changes, so the reader's own choice stays otherwise.
  _applyAttributes(name) {
    if (name === undefined || name === 'min-severity') {
      const sev = this.getAttribute('min-severity');
      this._sev.value = SEVERITIES.includes(sev) ? sev : 'info';
    }
    this._rootEl.classList.toggle('compact', this.hasAttribute('compact'));
    this._rootEl.setAttribute('lang', this._lang() === 'en' ? 'en' : 'zh-CN');
  }

  _initialText() {
    if (this._ta.value !== '') return;  // `value` was set before the element was connected
    let text = this.getAttribute('text');
    if (text === null) {
      // <nianbao-check>report text</nianbao-check>: the content is not rendered (the shadow root
      // has no slot). A first newline after the tag is dropped, as in <pre>.
      text = (this.textContent || '').replace(/^\r?\n/, '');
      if (text === '' && document.readyState === 'loading') {
        // The element was upgraded before the parser reached its content.
        document.addEventListener('DOMContentLoaded', () => {
          if (this._ta.value === '' && this.getAttribute('text') === null) {
            this._ta.value = (this.textContent || '').replace(/^\r?\n/, '');
            this._runCheck();
          }
        }, { once: true });
      }
    }
    this._ta.value = text;
  }

  // ------------------------------------------------------------------------------------------
  // Report files
  // While a file is read, the verdict says so (a PDF: page N of M).
  _startFileRead(name) {
    this._fileNote = { key: 'fileReading', vars: { name } };
    this._fileInfo = null;
    this._render();
    return ++this._fileSeq;
  }

  _fileProgress(seq, page, pages) {
    if (seq !== this._fileSeq || !this._fileNote || this._fileNote.key !== 'fileReading') return;
    this._fileNote.vars.page = page;
    this._fileNote.vars.pages = pages;
    this._render();
  }

  _fileErrorVars() {
    const n = this._fileNote || {};
    const e = n.err;
    const msg = e && e.code && e.message_en !== undefined && this._lang() === 'en' ? e.message_en : String((e && e.message) || e);
    return { name: (n.vars && n.vars.name) || '', msg };
  }

  _fileText(seq, text, info) {
    if (seq !== this._fileSeq) return this._latest;  // a newer file was given meanwhile
    const key = info.kind === 'pdf' ? 'fileReadPdf' : info.kind === 'docx' ? 'fileReadDocx' : 'fileReadOther';
    this._fileNote = { key, vars: { name: info.name, pages: info.pages, enc: info.encoding || info.kind }, emptyPages: info.emptyPages };
    this._fileInfo = { name: info.name, kind: info.kind, linePages: info.linePages || null };
    this._ta.value = text;
    this._ta.scrollTop = 0;
    this._renderFileNote();
    return this._readyPromise.then(() => this._runCheck(), () => null);
  }

  _fileError(seq, e, name) {
    if (seq !== this._fileSeq) return this._latest;
    // shown once, in the verdict, in the element's language
    this._fileNote = { key: 'fileError', vars: { name }, error: true, err: e };
    this._fileInfo = null;
    // Never leave an earlier text or result on screen for a file that could not be read.
    this._ta.value = '';
    this._renderFileNote();
    this._runCheck();
    this._emitError(e);
    return null;
  }

  _renderFileNote() {
    const n = this._fileNote;
    // a file being read or one that could not be read: the verdict says so (not twice)
    let text = n && n.key !== 'fileReading' && !n.error ? fmt(this._W()[n.key], n.vars) : '';
    if (n && n.emptyPages && n.emptyPages.length) text += ' ' + fmt(this._W().fileEmptyPages, { list: n.emptyPages.join(', ') });
    this._fileNoteEl.textContent = text;
    this._fileNoteEl.classList.toggle('error', !!(n && n.error));
    this._rootEl.classList.toggle('reading', !!(n && n.key === 'fileReading'));
  }

  // ------------------------------------------------------------------------------------------
  // Checking
  _schedule() {
    clearTimeout(this._timer);
    this._timer = setTimeout(() => this._runCheck(), DEBOUNCE_MS);
  }

  _options() {
    const known = new Set(this._checker ? this._checker.rules().map((r) => r.id) : []);
    const ids = splitIds(this.getAttribute('ignore'));
    const unknown = ids.filter((id) => !known.has(id));
    const ignore = ids.filter((id) => known.has(id));
    // every severity: the element shows the true counts and hides by severity itself
    const options = { ignore };
    const scope = this.getAttribute('scope');
    if (scope === 'full' || scope === 'excerpt') options.scope = scope;
    if (this._previous.trim() !== '') options.previous = this._previous;
    return { options, ignore, unknown };
  }

  // Starts a check of the current text; resolves with its result (or, when a newer check
  // superseded it, with the newer one's). Only the latest check is shown and dispatched.
  _runCheck() {
    clearTimeout(this._timer);
    const text = this._ta.value;
    if (!this._checker) { this._render(); return Promise.resolve(null); }
    const { options, ignore, unknown } = this._options();
    const seq = ++this._seq;
    this._notice = unknown.length ? fmt(this._W().unknownRule, { ids: unknown.join(', ') }) : '';
    this._ignoredIds = ignore;
    if (text.trim() === '') {
      this._busy = false;
      this._result = null;
      this._full = null;
      this._view = null;
      this._checked = null;
      this._render();
      this._latest = Promise.resolve(null);
      return this._latest;
    }
    this._busy = true;
    this._rootEl.setAttribute('data-state', 'checking');
    const run = this._checker.check(text, options).then(({ result: full, ms }) => {
      if (seq !== this._seq) return this._latest;
      this._busy = false;
      // the event and `result` are as the API gives them for min-severity (summary.hidden counts
      // what it hides); the display uses the full result
      const result = filterResult(full, this._sev.value || 'info');
      this._result = result;
      this._full = full;
      this._view = inputError(full) ? null : organise(full, this._sev.value || 'info');
      this._active = -1;
      this._exportNote = null;
      this._checked = { text, split: splitLines(text), ms, at: new Date() };
      this._render();
      this.dispatchEvent(new CustomEvent('nianbao-result', { detail: result, bubbles: true, composed: true }));
      return result;
    }, (e) => {
      if (seq !== this._seq) return this._latest;
      this._busy = false;
      this._result = null;
      this._full = null;
      this._view = null;
      this._checked = null;
      this._notice = fmt(this._W().checkFailed, { msg: String((e && e.message) || e) });
      this._render();
      this._emitError(e);
      if (e && e.code === 'worker-failed') {
        // The next check gets a fresh engine.
        getEngine().then((engine) => { this._checker = engine; }, () => {});
      }
      return null;
    });
    this._latest = run;
    return run;
  }

  _emitError(e) {
    this.dispatchEvent(new CustomEvent('nianbao-error', {
      detail: { code: (e && e.code) || 'error', message: String((e && e.message) || e) }, bubbles: true, composed: true
    }));
  }

  _onPaste(ev) {
    const dt = ev.clipboardData;
    if (!dt) return;
    let html;
    try { html = dt.getData('text/html'); } catch { html = ''; }
    if (!html || !htmlHasTable(html)) return;  // plain text: the browser pastes it
    const conv = htmlToText(html);
    if (!conv.text) return;
    ev.preventDefault();
    const ta = this._ta;
    ta.setRangeText(conv.text, ta.selectionStart, ta.selectionEnd, 'end');
    this._runCheck();
  }

  _ctx() {
    const s = this._S();
    const current = this._checked && this._checked.text === this._ta.value;
    return {
      S: s, lang: this._lang(), obj: this._full, view: this._view, cat: this._cellCatalogue(),
      ruleMap: this._checker ? this._ruleMap() : {}, split: current ? this._checked.split : null,
      activeIndex: this._active, idPrefix: 'nb-', linePages: current && this._fileInfo ? this._fileInfo.linePages : null,
      file: this._fileInfo, version: this.version, checkedAt: this._checked ? this._checked.at : null
    };
  }

  _onFindingClick(ev) {
    const t = ev.target;
    if (!t || !t.closest) return;
    const ruleBtn = t.closest('[data-rule-button]');
    if (ruleBtn) {
      const box = this._shadow.getElementById(ruleBtn.getAttribute('aria-controls'));
      const open = ruleBtn.getAttribute('aria-expanded') === 'true';
      if (!open) fillExplanation(this._ctx(), box, ruleBtn.getAttribute('data-rule-button'));
      box.hidden = open;
      ruleBtn.setAttribute('aria-expanded', open ? 'false' : 'true');
      return;
    }
    const copyBtn = t.closest('[data-copy]');
    if (copyBtn) {
      const i = parseInt(copyBtn.getAttribute('data-copy'), 10);
      const item = this._view && this._view.items.find((it) => it.index === i);
      if (item) { const ctx = this._ctx(); this._copy(findingText(ctx, item) + '\n— ' + sourceLine(ctx) + '\n', 'copiedOne'); }
      return;
    }
    if (t.closest('[data-action="show-all"]')) {
      this._sev.value = 'info';
      this._runCheck();
      return;
    }
    if (t.closest('.f-expl')) return;
    const host = t.closest('[data-locate]') || t.closest('.finding');
    if (!host) return;
    const i = parseInt(host.getAttribute('data-locate') || host.getAttribute('data-index'), 10);
    this._locate(i);
  }

  // Selects the finding's spot in the paste area and brings it into view.
  _locate(i) {
    const obj = this._full;
    if (!obj || !obj.findings || !obj.findings[i] || !this._checked || this._checked.text !== this._ta.value) return;
    const target = findingTarget(obj.findings[i], obj, this._checked.split);
    this._active = i;
    this._findings.querySelectorAll('.finding').forEach((n) => n.classList.toggle('active', n.getAttribute('data-index') === String(i)));
    if (!target) return;
    const ta = this._ta;
    ta.focus({ preventScroll: true });
    ta.setSelectionRange(target.cellOnLine ? target.start : target.lineStart, target.cellOnLine ? target.end : target.lineEnd);
    const cs = getComputedStyle(ta);
    const lh = parseFloat(cs.lineHeight) || 19.5;
    // the line's place, counting wrapped lines roughly by the textarea's width in characters
    const cols = Math.max(10, Math.floor(ta.clientWidth / (parseFloat(cs.fontSize) || 13)));
    let rows = 0;
    for (let k = 0; k < target.line - 1; k++) rows += Math.max(1, Math.ceil(Array.from(this._checked.split.lines[k]).length / cols));
    ta.scrollTop = Math.max(0, rows * lh - ta.clientHeight / 3);
    const r = ta.getBoundingClientRect();
    const h = window.innerHeight || document.documentElement.clientHeight;
    if (r.top < 0 || r.bottom > h) ta.scrollIntoView({ block: 'nearest' });
  }

  _showCell(node) {
    const td = node && node.closest ? node.closest('td[data-cell]') : null;
    if (!td || !this._full) return;
    this._cellDetailEl.textContent = cellDetail(td.getAttribute('data-cell'), this._full, this._S(), this._cellCatalogue());
  }

  // Exports: the text summary (clipboard) and the JSON (a download).
  _summary() {
    return this._view ? summaryText(this._ctx()) : '';
  }

  _copy(text, key) {
    const done = (ok) => {
      if (ok) { this._exportNote = { key }; this._renderExportNote(); return; }
      const box = el('textarea', { readonly: '', rows: '5', className: 'summary-box', 'aria-label': this._W().copySummary });
      box.value = text;
      this._exportNote = { key: 'copyFailed', box };
      this._renderExportNote();
      box.focus();
      box.select();
    };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(() => done(true), () => done(false));
    else done(false);
  }

  _downloadJson() {
    if (!this._full) return;
    const r = this._full.report || {};
    const name = 'nianbao-' + String(r.agency || 'report').replace(/[\\/:*?"<>|\s]+/g, '_') + (r.year ? '-' + r.year : '') + '.json';
    const url = URL.createObjectURL(new Blob([JSON.stringify(this._full, null, 2) + '\n'], { type: 'application/json' }));
    const a = el('a', { href: url, download: name });
    a.style.display = 'none';
    this._shadow.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 30000);
    this._exportNote = { key: 'downloaded' };
    this._renderExportNote();
  }

  _renderExportNote() {
    const n = this._exportNote;
    this._exportEl.textContent = n ? this._W()[n.key] || '' : '';
    if (n && n.box) this._exportEl.appendChild(n.box);
  }

  // ------------------------------------------------------------------------------------------
  // Rendering
  _render() {
    if (this._batch) this._renderBatch();
    const s = this._S();
    const w = this._W();
    const lang = this._lang();
    this._title.textContent = '';
    this._title.appendChild(document.createTextNode(s.title + ' '));
    this._title.appendChild(el('span', { className: 'sub' }, 'nianbao'));
    const state = this._fatal ? 'error' : !this._checker ? 'loading' : this._busy ? 'checking' : this._result ? 'done' : 'idle';
    this._rootEl.setAttribute('data-state', state);
    this._status.textContent = this._fatal ? fmt(s.engineFailed, { msg: this._fatal }) : this._checker ? (this._busy ? s.checking : s.ready) : s.loading;
    this._label.textContent = s.reportLabel;
    this._ta.placeholder = w.placeholder;
    this._sevLabel.textContent = s.minSeverity;
    const sevNames = { info: s.sevAll, warning: s.sevWarning, error: s.sevError };
    Array.from(this._sev.options).forEach((o) => { o.textContent = sevNames[o.value]; });
    this._clear.textContent = s.clear;
    this._fileBtn.textContent = w.openFile;
    this._fileBtn.title = w.fileTitle;
    this._renderFileNote();
    const ignored = this._ignoredIds || [];
    this._ignored.textContent = ignored.length ? fmt(w.ignored, { ids: ignored.join(', ') }) : '';
    this._noticeEl.textContent = this._notice || '';
    this._tablesSummary.textContent = w.tablesSummary;
    this._foot.textContent = fmt(w.foot, { v: this._checker ? this._checker.version : '' });

    const obj = this._full;
    if (this._view) this._view = organise(obj, this._sev.value || 'info');
    const ctx = this._view ? this._ctx() : null;
    let kind;
    let vtext;
    const n = this._fileNote;
    if (n && n.key === 'fileReading') {
      kind = 'reading';
      vtext = n.vars.pages ? fmt(s.verdictReadingPage, n.vars) : fmt(s.verdictReading, n.vars);
    } else if (n && n.error && !obj) { kind = 'file-error'; vtext = fmt(w.fileError, this._fileErrorVars()); }
    else if (!obj) { kind = this._ta.value.trim() ? 'waiting' : 'empty'; vtext = this._checker || this._fatal || !this._ta.value.trim() ? s.verdictEmpty : s.verdictWaiting; }
    else if (inputError(obj)) { kind = 'input-error'; vtext = fmt(s.verdictInputError, { msg: inputError(obj) }); }
    else { const v = verdictOf(ctx); kind = v.kind; vtext = v.text; }
    this._verdict.textContent = vtext;
    this._verdict.setAttribute('data-verdict', kind);
    this._verdict.className = 'verdict' + ({ error: ' v-error', 'file-error': ' v-error', 'input-error': ' v-error', warning: ' v-warning', ok: ' v-ok', reading: ' v-busy' }[kind] || '');
    this._filterNote.textContent = ctx ? filterNote(ctx) : '';
    const checks = ctx ? checkCounts(obj) : null;
    const c = ctx ? { error: this._view.counts.error, warning: this._view.counts.warning, na: checks.na, pass: checks.pass } : null;
    const labels = { error: s.countErrors, warning: s.countWarnings, na: s.countNa, pass: s.countPass };
    for (const k of Object.keys(this._countEls)) {
      this._countEls[k].dt.textContent = labels[k];
      this._countEls[k].dd.textContent = c ? String(c[k]) : '–';
    }
    this._copyBtn.textContent = w.copySummary;
    this._jsonBtn.textContent = w.downloadJson;
    this._example.textContent = w.loadExample;
    this._copyBtn.disabled = !ctx;
    this._jsonBtn.disabled = !ctx;
    this._renderExportNote();
    this._renderMeta(ctx ? obj : null);
    if (ctx) {
      renderFindingGroups(this._findings, ctx);
      renderNotAssessable(this._na, ctx);
      this._na.hidden = false;
    } else {
      this._findings.textContent = '';
      this._na.textContent = '';
      this._na.hidden = true;
    }
    this._renderTables();
    void lang;

  }

  _renderMeta(obj) {
    const s = this._S();
    this._meta.textContent = '';
    if (!obj || inputError(obj)) return;
    const r = obj.report || {};
    const parts = [fmt(s.metaAgency, { v: r.agency || s.unknown }), fmt(s.metaYear, { v: r.year || s.unknown }),
      fmt(s.metaFormat, { v: s.formatNames[r.format] || r.format || s.unknown })];
    if (this._checked) parts.push(fmt(s.metaTime, { ms: this._checked.ms.toFixed(1) }));
    this._meta.textContent = parts.join(' · ');
  }

  _ruleTitle(id, lang) {
    const r = this._checker ? this._ruleMap()[id] : null;
    if (!r) return '';
    return lang === 'en' ? r.title_en || r.title || '' : r.title || r.title_en || '';
  }

  _ruleMap() {
    if (!this._rules) {
      this._rules = {};
      this._checker.rules().forEach((r) => { this._rules[r.id] = r; });
    }
    return this._rules;
  }

  // The core's cell catalogue (labels of the cells in findings and tables), indexed once.
  _cellCatalogue() {
    if (!this._cells) {
      if (!this._checker) return cellCatalogue([]);
      this._cells = cellCatalogue(this._checker.cells());
    }
    return this._cells;
  }

  _renderTables() {
    // Built only while the <details> is open (the page's renderTables, ~300 cells).
    if (!this._tables.open) return;
    const s = this._S();
    renderLegend(this._legend, s);
    const obj = this._full;
    this._cellDetailEl.textContent = '';
    if (obj && !inputError(obj)) {
      const marks = { fail: {}, uncertain: {} };
      (obj.findings || []).forEach((f) => (f.cells || []).forEach((id) => {
        if (f.status === 'uncertain') marks.uncertain[id] = true;
        else marks.fail[id] = true;
      }));
      renderTables(this._tablesView, obj, marks, s, this._cellCatalogue());
    } else {
      this._tablesView.textContent = '';
      this._tablesView.appendChild(el('p', { className: 'empty-note' }, s.tablesEmpty));
    }
  }
}

if (typeof customElements !== 'undefined' && !customElements.get(TAG)) {
  customElements.define(TAG, NianbaoCheckElement);
}

export { NianbaoCheckElement, createChecker };
