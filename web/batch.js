// Batch view of the page: several report files dropped or picked, or a folder, are read one after
// another (PDF and .docx through web/pdf/, as one file is) and checked in the page's worker; one
// table row per file (file, agency, year, counts by severity, the main rules), sortable, filtered by
// rule; a row opens that report in the page's own single-report view, 「返回批量结果」 comes back
// to the table as it was. The findings and the cells spreadsheets are the CLI's --format csv and
// --format cells (web/batch-csv.js), made in the browser. Nothing leaves the browser.
// Part of the page script (entry web/page.js, evaluated after pdf/page-files.js). One file dropped
// or picked is not a batch: the page reads it as before.
import { S, applyStatic, checkText, onRender, render, setBatchHandler, state, ui } from './app.js';
import { extractReportFile } from './pdf/page-files.js';
import { fmt } from './i18n.js';
import { el } from './tables.js';
import { entryFailure, toCellsCsv, toFindingsCsv } from './batch-csv.js';

// Report files taken from a folder (the CLI's list); a file named on its own is always read.
var REPORT_EXT = /\.(txt|md|html|htm|pdf|docx)$/i;
var TOP_RULES = 3;

var $ = function (id) { return document.getElementById(id); };
var bui = {
  section: $('batch'), back: $('batch-back'), backBtn: $('batch-back-btn'), opened: $('batch-opened'),
  files: $('batch-files'), folder: $('batch-folder'), pageFolder: $('folder-input'), close: $('batch-close'),
  progressBox: $('batch-progress-box'), progress: $('batch-progress'), bar: $('batch-bar'), cancel: $('batch-cancel'),
  summary: $('batch-summary'), rule: $('batch-rule'), csv: $('batch-csv'), cells: $('batch-cells'),
  shown: $('batch-shown'), headRow: $('batch-head-row'), body: $('batch-body'), notice: $('batch-notice'),
  years: $('batch-years')
};

var COLUMNS = [
  { key: 'file', label: 'colFile', type: 'text' },
  { key: 'agency', label: 'colAgency', type: 'text' },
  { key: 'year', label: 'colYear', type: 'number' },
  { key: 'errors', label: 'colErrors', type: 'number' },
  { key: 'warnings', label: 'colWarnings', type: 'number' },
  { key: 'infos', label: 'colInfos', type: 'number' },
  { key: 'rules', label: 'colRules', type: null }
];

var batch = {
  run: 0,            // the batch being read (a newer one supersedes it)
  running: false,
  cancelled: false,
  entries: [],       // per file: { index, file, blob, status, agency, year, errors, warnings, infos, rules, result, error }
  skipped: 0,
  done: 0,
  current: null,     // { index, name }
  started: 0,
  ms: 0,
  sort: null,        // { key, dir: 'ascending' | 'descending' }
  rule: '',          // the filter: '' all, a rule id, or '!failed'
  opened: -1,        // the entry shown in the single-report view
  pairing: false,    // 「按年度配对」 at work
  filledPrevious: false,  // the page's previous-year box holds a paired report's last year
  notice: null       // { key, vars }
};

// ---------------------------------------------------------------------------------------------
// Files: a drop (files and folders), the pickers.
function isHidden(path) {
  return path.split('/').some(function (part) { return part.charAt(0) === '.' || part.slice(0, 2) === '~$'; });
}

function pathOf(file) {
  return file.nianbaoPath || file.webkitRelativePath || file.name || '';
}

// From a folder: report files only (in path order, as the CLI lists a folder), the others counted.
function fromFolder(files) {
  var keep = [];
  var skipped = 0;
  files.forEach(function (f) {
    var p = pathOf(f);
    if (isHidden(p) || !REPORT_EXT.test(p)) skipped++;
    else keep.push(f);
  });
  keep.sort(function (a, b) { var x = pathOf(a), y = pathOf(b); return x < y ? -1 : x > y ? 1 : 0; });
  return { files: keep, skipped: skipped };
}

// A dropped folder, read recursively (FileSystemEntry API): Promise of File[] with nianbaoPath.
function readEntry(entry) {
  if (entry.isFile) {
    return new Promise(function (resolve) {
      entry.file(function (f) {
        try { f.nianbaoPath = entry.fullPath.replace(/^\//, ''); } catch { /* a File that takes no property */ }
        resolve([f]);
      }, function () { resolve([]); });
    });
  }
  if (!entry.isDirectory) return Promise.resolve([]);
  var reader = entry.createReader();
  var all = [];
  return new Promise(function (resolve) {
    (function more() {
      reader.readEntries(function (list) {
        if (!list.length) { resolve(all); return; }
        all = all.concat(list);
        more();
      }, function () { resolve(all); });
    })();
  }).then(function (list) {
    return Promise.all(list.map(readEntry)).then(function (parts) { return [].concat.apply([], parts); });
  });
}

// A drop of several files or of folders: the batch. One file alone is left to the page.
function onDrop(ev) {
  var dt = ev.dataTransfer;
  if (!dt || !dt.files || !dt.files.length) return;
  if (ev.target && ev.target.closest && ev.target.closest('#previous-box')) return;
  var entries = [];
  var hasDir = false;
  if (dt.items) {
    for (var i = 0; i < dt.items.length; i++) {
      var it = dt.items[i];
      var en = it.kind === 'file' && it.webkitGetAsEntry ? it.webkitGetAsEntry() : null;
      if (en) { entries.push(en); if (en.isDirectory) hasDir = true; }
    }
  }
  var files = Array.prototype.slice.call(dt.files);
  if (files.length < 2 && !hasDir) {
    if (!isBatchView()) return;  // the page's own single-file drop (pdf/page-files.js)
    ev.preventDefault();
    ev.stopPropagation();
    closeBatch();
    if (window.nianbao && window.nianbao.readFile) window.nianbao.readFile(files[0]).catch(function () { /* shown in the page */ });
    return;
  }
  ev.preventDefault();
  ev.stopPropagation();
  if (!hasDir) { startBatch(files, 0); return; }
  // Files dropped alongside folders are taken as named; the folders' contents are filtered.
  var named = [];
  var fromDirs = [];
  Promise.all(entries.map(function (en) {
    return readEntry(en).then(function (list) { (en.isDirectory ? fromDirs : named).push.apply(en.isDirectory ? fromDirs : named, list); });
  })).then(function () {
    var folder = fromFolder(fromDirs);
    startBatch(named.concat(folder.files), folder.skipped);
  });
}

function onFolderPicked(input) {
  var list = input.files ? Array.prototype.slice.call(input.files) : [];
  input.value = '';
  if (!list.length) return;
  var folder = fromFolder(list);
  startBatch(folder.files, folder.skipped);
}

function onFilesPicked(input) {
  var list = input.files ? Array.prototype.slice.call(input.files) : [];
  input.value = '';
  if (!list.length) return;
  if (list.length === 1) {
    closeBatch();
    if (window.nianbao && window.nianbao.readFile) window.nianbao.readFile(list[0]).catch(function () { /* shown in the page */ });
    return;
  }
  startBatch(list, 0);
}

// ---------------------------------------------------------------------------------------------
// Reading and checking, one file after another.
function slimResult(obj) {
  var cells = {};
  var src = obj.cells || {};
  for (var id in src) {
    if (src[id] && src[id].status === 'ok') cells[id] = { value: src[id].value, status: 'ok' };
  }
  return {
    report: obj.report || {},
    findings: (obj.findings || []).map(function (f) {
      return {
        rule: f.rule, status: f.status, severity: f.severity, message: f.message, message_en: f.message_en,
        line: f.line, column: f.column, cells: f.cells || [], expected: f.expected, actual: f.actual
      };
    }),
    cells: cells,
    summary: { findings: (obj.summary && obj.summary.findings) || {} }
  };
}

function ruleCounts(findings) {
  var counts = {};
  findings.forEach(function (f) { counts[f.rule] = (counts[f.rule] || 0) + 1; });
  return counts;
}

function checkOptions() {
  return ui.scopeFull && ui.scopeFull.checked ? { scope: 'full' } : {};
}

function readOne(entry, run) {
  return extractReportFile(entry.blob).then(function (f) {
    if (run !== batch.run) return null;
    return checkText(f.text, checkOptions()).then(function (obj) {
      if (obj && obj.error) {
        entry.status = 'not-a-report';
        entry.error = { code: 'not-a-report', message: obj.error.message || String(obj.error) };
        return null;
      }
      entry.status = 'ok';
      setResult(entry, obj);
      entry.agency = entry.result.report.agency || '';
      entry.year = entry.result.report.year === undefined ? null : entry.result.report.year;
      return null;
    }, function (e) {
      entry.status = 'unreadable';
      entry.error = { code: 'core-failed', message: String((e && e.message) || e) };
    });
  }, function (e) {
    entry.status = 'unreadable';
    entry.error = { code: (e && e.code) || 'unreadable', message: String((e && e.message) || e), message_en: e && e.message_en };
  });
}

function startBatch(files, skipped) {
  var run = ++batch.run;
  batch.entries = files.map(function (f, i) {
    return { index: i, file: pathOf(f), blob: f, status: 'pending', agency: '', year: null, errors: 0, warnings: 0, infos: 0, rules: {}, result: null, error: null };
  });
  batch.skipped = skipped;
  batch.done = 0;
  batch.running = files.length > 0;
  batch.cancelled = false;
  batch.started = performance.now();
  batch.ms = 0;
  batch.sort = null;
  batch.rule = '';
  batch.opened = -1;
  batch.notice = null;
  batch.pairing = false;
  showBatchView();
  renderAll();
  document.body.setAttribute('data-batch', files.length ? 'running' : 'done');
  var chain = Promise.resolve();
  batch.entries.forEach(function (entry) {
    chain = chain.then(function () {
      if (run !== batch.run || batch.cancelled) return null;
      batch.current = { index: entry.index, name: entry.file };
      renderProgress();
      return readOne(entry, run).then(function () {
        if (run !== batch.run) return;
        batch.done++;
        renderRow(entry);
        renderProgress();
      });
    });
  });
  chain.then(function () {
    if (run !== batch.run) return;
    batch.running = false;
    batch.current = null;
    batch.ms = performance.now() - batch.started;
    document.body.setAttribute('data-batch', batch.cancelled ? 'cancelled' : 'done');
    renderAll();
    if (bui.years.checked && !batch.cancelled) {
      document.body.setAttribute('data-batch', 'pairing');
      pairYears(run).then(function () {
        if (run === batch.run) document.body.setAttribute('data-batch', 'done');
      });
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Years paired (「按年度配对」, the CLI's --cross-year): once the batch is read, each report is
// checked again against every report of the year before; the core's own verdict on the pair
// (result.previous.compared: the same agency, the year before) decides. Exactly one such report
// (or copies of one text): its check with the previous report replaces the row's. Several: none is
// taken and the row says so. Unticking the box brings the single checks back.
function single(entry) {
  return { result: entry.result, errors: entry.errors, warnings: entry.warnings, infos: entry.infos, rules: entry.rules };
}

function setResult(entry, obj) {
  var r = slimResult(obj);
  var sum = r.summary.findings;
  entry.result = r;
  entry.errors = sum.error || 0;
  entry.warnings = sum.warning || 0;
  entry.infos = sum.info || 0;
  entry.rules = ruleCounts(r.findings);
}

function unpair() {
  batch.entries.forEach(function (e) {
    if (e.single) Object.assign(e, e.single);
    e.single = null;
    e.previousIndex = undefined;
    e.candidates = undefined;
  });
}

function pairYears(run) {
  unpair();
  var ok = batch.entries.filter(function (e) { return e.status === 'ok' && e.agency && Number.isInteger(e.year); });
  var texts = new Map();  // entry index → its text, for this pass only
  var textOf = function (e) {
    if (texts.has(e.index)) return Promise.resolve(texts.get(e.index));
    return extractReportFile(e.blob).then(function (f) { texts.set(e.index, f.text); return f.text; });
  };
  batch.pairing = true;
  renderProgress();
  var chain = Promise.resolve();
  ok.forEach(function (entry) {
    var before = ok.filter(function (o) { return o.year === entry.year - 1; });
    if (!before.length) return;
    chain = chain.then(function () {
      if (run !== batch.run || !bui.years.checked) return null;
      var matches = [];
      return textOf(entry).then(function (text) {
        var next = Promise.resolve();
        before.forEach(function (o) {
          next = next.then(function () {
            return textOf(o).then(function (last) {
              var opts = Object.assign({}, checkOptions(), { previous: last });
              return checkText(text, opts).then(function (obj) {
                if (obj && obj.previous && obj.previous.compared) matches.push({ entry: o, obj: obj, text: last });
              });
            });
          });
        });
        return next;
      }).then(function () {
        if (run !== batch.run || !matches.length) return;
        var copies = matches.every(function (m) { return m.text === matches[0].text; });
        entry.single = single(entry);
        if (copies) {
          setResult(entry, matches[0].obj);
          entry.previousIndex = matches[0].entry.index;
        } else {
          entry.candidates = matches.map(function (m) { return m.entry.index; });
        }
        renderRow(entry);
      }, function () { /* a failed pair check leaves the row as it was */ });
    });
  });
  return chain.then(function () {
    texts.clear();
    if (run !== batch.run) return;
    batch.pairing = false;
    renderAll();
  });
}

function onYearsToggled() {
  if (batch.running || !batch.entries.length) return;  // applied when the batch is read
  if (bui.years.checked) {
    pairYears(batch.run);
  } else {
    unpair();
    renderAll();
  }
}

// ---------------------------------------------------------------------------------------------
// Views: the batch table, or one of its reports in the page's own view with a way back.
function isBatchView() {
  return document.body.getAttribute('data-view') === 'batch';
}

function showBatchView() {
  document.body.setAttribute('data-view', 'batch');
  bui.section.hidden = false;
  bui.back.hidden = true;
}

function closeBatch() {
  batch.run++;  // stops a batch being read
  batch.pairing = false;
  if (batch.filledPrevious) ui.previous.value = '';
  batch.filledPrevious = false;
  batch.running = false;
  batch.entries = [];
  batch.opened = -1;
  document.body.removeAttribute('data-view');
  document.body.removeAttribute('data-batch');
  bui.section.hidden = true;
  bui.back.hidden = true;
}

function openEntry(index) {
  var entry = batch.entries[index];
  if (!entry || entry.status === 'pending') return;
  batch.opened = index;
  document.body.setAttribute('data-view', 'report');
  bui.section.hidden = true;
  bui.back.hidden = false;
  renderOpened();
  window.scrollTo(0, 0);
  bui.backBtn.focus();
  // A paired report opens with last year's report in the page's 「上一年度报告」 box, so the
  // full view shows the same cross-year findings and the changes table; otherwise the box the
  // batch filled is emptied again.
  var last = entry.previousIndex !== undefined ? batch.entries[entry.previousIndex] : null;
  var previous = last ? extractReportFile(last.blob).then(function (f) { return f.text; }, function () { return ''; }) : Promise.resolve('');
  previous.then(function (text) {
    if (batch.opened !== index) return;
    if (text || batch.filledPrevious) {
      ui.previous.value = text;
      batch.filledPrevious = !!text;
      var box = document.getElementById('previous-box');
      if (text && box) box.open = true;
    }
    if (window.nianbao && window.nianbao.readFile) window.nianbao.readFile(entry.blob).catch(function () { /* shown in the page */ });
  });
}

function backToBatch() {
  var index = batch.opened;
  showBatchView();
  var row = bui.body.querySelector('tr[data-index="' + index + '"]');
  if (row) { row.focus(); row.scrollIntoView({ block: 'nearest' }); }
}

// ---------------------------------------------------------------------------------------------
// Rendering
function ruleTitle(id) {
  var r = state.ruleMap[id];
  if (!r) return id;
  return state.lang === 'en' ? r.title_en || r.title || id : r.title || r.title_en || id;
}

function topRules(rules) {
  return Object.keys(rules).sort(function (a, b) { return rules[b] - rules[a] || (a < b ? -1 : 1); });
}

function renderProgress() {
  var s = S();
  var total = batch.entries.length;
  var secs = ((batch.running ? performance.now() - batch.started : batch.ms) / 1000).toFixed(1);
  var text;
  if (batch.running && batch.current) {
    text = fmt(s.batchProgress, { i: batch.current.index + 1, total: total, name: batch.current.name });
  } else if (batch.pairing) {
    text = s.batchPairing;
  } else if (batch.cancelled) {
    text = fmt(s.batchCancelled, { done: batch.done, total: total, s: secs });
  } else if (!total) {
    text = s.batchEmpty;
  } else {
    text = fmt(s.batchDone, { total: total, s: secs });
  }
  bui.progress.textContent = text;
  bui.bar.max = Math.max(1, total);
  bui.bar.value = batch.done;
  bui.bar.hidden = !batch.running;
  bui.cancel.hidden = !batch.running;
  bui.section.setAttribute('aria-busy', batch.running ? 'true' : 'false');
}

function renderSummary() {
  var s = S();
  var ok = batch.entries.filter(function (e) { return e.status === 'ok'; });
  var failed = batch.entries.filter(function (e) { return e.status === 'unreadable' || e.status === 'not-a-report'; });
  var parts = [];
  if (ok.length) {
    var bad = ok.filter(function (e) { return e.errors > 0; }).length;
    var errs = 0, warns = 0;
    ok.forEach(function (e) { errs += e.errors; warns += e.warnings; });
    parts.push(fmt(s.batchSummary, { n: ok.length, clean: ok.length - bad, bad: bad, e: errs, w: warns }));
  } else if (!batch.running && batch.entries.length) {
    parts.push(s.batchSummaryNone);
  }
  if (failed.length) parts.push(fmt(s.batchUnreadable, { n: failed.length }));
  var paired = batch.entries.filter(function (e) { return e.previousIndex !== undefined; }).length;
  var unsure = batch.entries.filter(function (e) { return e.candidates; }).length;
  if (paired || unsure) parts.push(fmt(unsure ? s.batchPairedSome : s.batchPaired, { n: paired, m: unsure }));
  if (batch.skipped) parts.push(fmt(s.batchSkipped, { n: batch.skipped }));
  bui.summary.textContent = parts.join(' ');
  var checked = !batch.running && batch.entries.length > 0;
  bui.csv.disabled = !checked;
  bui.cells.disabled = !checked;
}

function renderHead() {
  var s = S();
  bui.headRow.textContent = '';
  COLUMNS.forEach(function (c) {
    var th = el('th', { scope: 'col', 'data-col': c.key, className: 'bc-' + c.key });
    if (c.type) {
      var sorted = batch.sort && batch.sort.key === c.key;
      th.setAttribute('aria-sort', sorted ? batch.sort.dir : 'none');
      var b = el('button', { type: 'button', className: 'sort-btn', 'data-sort': c.key }, s[c.label]);
      b.appendChild(el('span', { className: 'sort-mark', 'aria-hidden': 'true' }, sorted ? (batch.sort.dir === 'ascending' ? ' ▲' : ' ▼') : ''));
      th.appendChild(b);
    } else {
      th.textContent = s[c.label];
    }
    bui.headRow.appendChild(th);
  });
}

function fillRow(tr, entry) {
  var s = S();
  tr.textContent = '';
  tr.setAttribute('data-status', entry.status);
  tr.appendChild(el('th', { scope: 'row', className: 'bc-file' }, entry.file));
  tr.appendChild(el('td', { className: 'bc-agency' }, entry.agency || (entry.status === 'ok' ? '–' : '')));
  tr.appendChild(el('td', { className: 'bc-year num' }, entry.year === null || entry.year === undefined ? (entry.status === 'ok' ? '–' : '') : entry.year));
  var counts = [['errors', 'c-err'], ['warnings', 'c-warn'], ['infos', 'c-info']];
  counts.forEach(function (k) {
    var v = entry.status === 'ok' ? entry[k[0]] : '';
    tr.appendChild(el('td', { className: 'bc-' + k[0] + ' num' + (v ? ' ' + k[1] : '') }, v === '' ? '–' : v));
  });
  var td = el('td', { className: 'bc-rules' });
  if (entry.status === 'pending') {
    td.appendChild(el('span', { className: 'muted' }, s.batchPending));
  } else if (entry.status !== 'ok') {
    var failed = entryFailure(entry);
    var msg = state.lang === 'en' && failed.message_en ? failed.message_en : failed.message;
    td.appendChild(el('strong', { className: 'b-fail' }, entry.status === 'not-a-report' ? s.batchNotReport : s.batchUnreadableShort));
    if (msg) td.appendChild(document.createTextNode((state.lang === 'en' ? ': ' : '：') + msg));
  } else {
    var ids = topRules(entry.rules);
    if (!ids.length) td.appendChild(el('span', { className: 'muted' }, s.batchNone));
    ids.slice(0, TOP_RULES).forEach(function (id, i) {
      if (i) td.appendChild(document.createTextNode(state.lang === 'en' ? '; ' : '；'));
      var span = el('span', { className: 'b-rule', 'data-rule': id, title: id }, ruleTitle(id));
      if (entry.rules[id] > 1) span.appendChild(el('span', { className: 'b-n' }, ' ×' + entry.rules[id]));
      td.appendChild(span);
    });
    if (ids.length > TOP_RULES) td.appendChild(el('span', { className: 'muted' }, ' ' + fmt(s.batchMore, { n: ids.length - TOP_RULES })));
    if (entry.previousIndex !== undefined) {
      var last = batch.entries[entry.previousIndex];
      td.appendChild(el('div', { className: 'b-pair', 'data-previous': last.file }, fmt(s.batchPairedWith, { name: last.file, year: last.year })));
    } else if (entry.candidates) {
      td.appendChild(el('div', { className: 'b-pair muted', 'data-candidates': String(entry.candidates.length) },
        fmt(s.batchPairCandidates, { n: entry.candidates.length })));
    }
  }
  tr.appendChild(td);
  tr.setAttribute('data-rules', Object.keys(entry.rules).join(' '));
  tr.hidden = !rowShown(entry);
}

function rowShown(entry) {
  if (!batch.rule) return true;
  if (batch.rule === '!failed') return entry.status === 'unreadable' || entry.status === 'not-a-report';
  return !!entry.rules[batch.rule];
}

function makeRow(entry) {
  var tr = el('tr', { 'data-file': entry.file, 'data-index': String(entry.index), tabindex: '0' });
  fillRow(tr, entry);
  return tr;
}

function renderRow(entry) {
  var tr = bui.body.querySelector('tr[data-index="' + entry.index + '"]');
  if (tr) fillRow(tr, entry);
  renderSummary();
  renderFilter();
  renderShown();
}

function sortValue(entry, key) {
  if (key === 'file') return entry.file;
  if (key === 'agency') return entry.agency || '';
  if (key === 'year') return entry.year === null || entry.year === undefined ? null : entry.year;
  return entry.status === 'ok' ? entry[key] : null;
}

function orderedEntries() {
  var list = batch.entries.slice();
  var so = batch.sort;
  if (!so) return list;
  var col = COLUMNS.find(function (c) { return c.key === so.key; });
  var dir = so.dir === 'ascending' ? 1 : -1;
  list.sort(function (a, b) {
    var x = sortValue(a, so.key), y = sortValue(b, so.key);
    if (x === null || x === '') return y === null || y === '' ? a.index - b.index : 1;   // empty last either way
    if (y === null || y === '') return -1;
    var d = col.type === 'number' ? x - y : String(x).localeCompare(String(y), state.lang === 'en' ? 'en' : 'zh-CN');
    return d ? d * dir : a.index - b.index;
  });
  return list;
}

function renderBody() {
  var focused = document.activeElement && document.activeElement.closest ? document.activeElement.closest('#batch-body tr') : null;
  var focusIndex = focused ? focused.getAttribute('data-index') : null;
  bui.body.textContent = '';
  orderedEntries().forEach(function (e) { bui.body.appendChild(makeRow(e)); });
  if (focusIndex !== null) {
    var again = bui.body.querySelector('tr[data-index="' + focusIndex + '"]');
    if (again) again.focus();
  }
}

function renderFilter() {
  var s = S();
  var files = {};
  var findings = {};
  var failed = 0;
  batch.entries.forEach(function (e) {
    if (e.status === 'unreadable' || e.status === 'not-a-report') failed++;
    for (var id in e.rules) { files[id] = (files[id] || 0) + 1; findings[id] = (findings[id] || 0) + e.rules[id]; }
  });
  var ids = Object.keys(files).sort(function (a, b) { return files[b] - files[a] || findings[b] - findings[a] || (a < b ? -1 : 1); });
  if (batch.rule && batch.rule !== '!failed' && !files[batch.rule]) ids.push(batch.rule);
  bui.rule.textContent = '';
  bui.rule.appendChild(el('option', { value: '' }, fmt(s.batchAllRules, { n: batch.entries.length })));
  ids.forEach(function (id) {
    bui.rule.appendChild(el('option', { value: id }, fmt(s.batchRuleOption, { title: ruleTitle(id), files: files[id] || 0, n: findings[id] || 0 })));
  });
  if (failed || batch.rule === '!failed') bui.rule.appendChild(el('option', { value: '!failed' }, fmt(s.batchFailedOption, { n: failed })));
  bui.rule.value = batch.rule;
}

function renderShown() {
  var rows = bui.body.querySelectorAll('tr');
  var shown = 0;
  for (var i = 0; i < rows.length; i++) if (!rows[i].hidden) shown++;
  bui.shown.textContent = batch.rule ? fmt(S().batchShown, { shown: shown, n: rows.length }) : '';
}

function renderNotice() {
  var n = batch.notice;
  bui.notice.textContent = n ? fmt(S()[n.key] || n.key, n.vars) : '';
}

// Which row is shown, while the paste area still holds that file's text (another file or an edit
// makes it the reader's own text: the way back stays, the label goes).
function renderOpened() {
  var e = batch.entries[batch.opened];
  var f = state.file;
  var same = e && (!f || (f.name === (e.blob.name || '') && !f.edited));
  bui.opened.textContent = same ? fmt(S().batchOpened, { i: batch.opened + 1, n: batch.entries.length, name: e.file }) : '';
}

function renderAll() {
  renderHead();
  renderBody();
  renderProgress();
  renderSummary();
  renderFilter();
  renderShown();
  renderNotice();
  renderOpened();
}

// ---------------------------------------------------------------------------------------------
// Exports: Blob downloads, nothing leaves the browser.
function csvEntries() {
  return batch.entries.filter(function (e) { return e.status !== 'pending'; }).map(function (e) {
    return e.status === 'ok' ? { file: e.file, result: e.result } : { file: e.file, error: e.error };
  });
}

function download(text, name) {
  var url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  var a = el('a', { href: url, download: name });
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  document.body.removeChild(a);
  setTimeout(function () { URL.revokeObjectURL(url); }, 30000);
  batch.notice = { key: 'batchDownloaded', vars: { name: name } };
  renderNotice();
}

// ---------------------------------------------------------------------------------------------
// Wiring
setBatchHandler(function (files) { startBatch(files, 0); });
window.addEventListener('drop', onDrop, true);  // before the input pane's own drop (capture, outer first)
window.addEventListener('dragover', function (ev) {
  if (isBatchView() && ev.dataTransfer && Array.prototype.indexOf.call(ev.dataTransfer.types || [], 'Files') >= 0) {
    ev.preventDefault();
    ev.dataTransfer.dropEffect = 'copy';
  }
});
bui.pageFolder.addEventListener('change', function () { onFolderPicked(bui.pageFolder); });
bui.folder.addEventListener('change', function () { onFolderPicked(bui.folder); });
bui.files.addEventListener('change', function () { onFilesPicked(bui.files); });
bui.cancel.addEventListener('click', function () {
  if (!batch.running) return;
  batch.cancelled = true;
  renderProgress();
});
bui.close.addEventListener('click', function () {
  closeBatch();
  render();
  ui.textarea.focus();
});
bui.backBtn.addEventListener('click', backToBatch);
bui.years.addEventListener('change', onYearsToggled);
bui.headRow.addEventListener('click', function (ev) {
  var b = ev.target.closest ? ev.target.closest('[data-sort]') : null;
  if (!b) return;
  var key = b.getAttribute('data-sort');
  var col = COLUMNS.find(function (c) { return c.key === key; });
  var first = col.type === 'number' && key !== 'year' ? 'descending' : 'ascending';
  if (batch.sort && batch.sort.key === key) batch.sort = { key: key, dir: batch.sort.dir === 'ascending' ? 'descending' : 'ascending' };
  else batch.sort = { key: key, dir: first };
  renderHead();
  renderBody();
  var again = bui.headRow.querySelector('[data-sort="' + key + '"]');
  if (again) again.focus();
});
bui.rule.addEventListener('change', function () {
  batch.rule = bui.rule.value;
  var rows = bui.body.querySelectorAll('tr');
  for (var i = 0; i < rows.length; i++) rows[i].hidden = !rowShown(batch.entries[Number(rows[i].getAttribute('data-index'))]);
  renderShown();
});
bui.body.addEventListener('click', function (ev) {
  var tr = ev.target.closest ? ev.target.closest('tr[data-index]') : null;
  if (!tr) return;
  if (window.getSelection && String(window.getSelection()).length > 0) return;  // selecting text to copy
  openEntry(Number(tr.getAttribute('data-index')));
});
bui.body.addEventListener('keydown', function (ev) {
  if (ev.key !== 'Enter' && ev.key !== ' ') return;
  var tr = ev.target.closest ? ev.target.closest('tr[data-index]') : null;
  if (!tr || ev.target !== tr) return;
  ev.preventDefault();
  openEntry(Number(tr.getAttribute('data-index')));
});
bui.csv.addEventListener('click', function () {
  download(toFindingsCsv(csvEntries(), { lang: state.lang }), 'nianbao-findings.csv');
});
bui.cells.addEventListener('click', function () {
  download(toCellsCsv(csvEntries(), state.cells.list), 'nianbao-cells.csv');
});
// The language switch re-renders the page; the batch follows (after app.js's handler).
ui.langToggle.addEventListener('click', function () { if (batch.entries.length) renderAll(); });

onRender(function () { if (document.body.getAttribute('data-view') === 'report') renderOpened(); });

// Hooks for tests and embedders: window.nianbao.batch() → the batch as it stands;
// window.nianbao.checkFiles(files) starts one on File objects (as a drop of several files does).
window.nianbao.checkFiles = function (files) { startBatch(Array.prototype.slice.call(files || []), 0); };
window.nianbao.batch = function () {
  return {
    view: document.body.getAttribute('data-view') || 'single', running: batch.running, cancelled: batch.cancelled,
    total: batch.entries.length, done: batch.done, skipped: batch.skipped, ms: batch.ms, opened: batch.opened,
    sort: batch.sort, rule: batch.rule, pairing: batch.pairing,
    entries: batch.entries.map(function (e) {
      return {
        file: e.file, status: e.status, agency: e.agency, year: e.year, errors: e.errors, warnings: e.warnings, infos: e.infos,
        rules: Object.assign({}, e.rules), error: e.error,
        previousFile: e.previousIndex !== undefined ? batch.entries[e.previousIndex].file : undefined,
        candidates: e.candidates ? e.candidates.map(function (i) { return batch.entries[i].file; }) : undefined
      };
    })
  };
};
window.nianbao.batchCsv = function () { return toFindingsCsv(csvEntries(), { lang: state.lang }); };
window.nianbao.batchCellsCsv = function () { return toCellsCsv(csvEntries(), state.cells.list); };
applyStatic();
