// The previous year's report and several reports in one paste (the page): the box 「上一年度报告」
// (a file read as the paste area's files are; its text goes to the check as options.previous, see
// checkOptions() in app.js), the table 「与上年比较」 from result.changes, the previous report's
// line in the meta, and the list of the reports found (result.reports).
import { S, onRender, requestUiCheck, state, ui } from './app.js';
import { fmt } from './i18n.js';
import { extractReportFile } from './pdf/page-files.js';
import { el } from './tables.js';

var $ = function (id) { return document.getElementById(id); };
var box = {
  details: $('previous-box'), file: $('previous-file'), clear: $('previous-clear'), status: $('previous-status'),
  changes: $('changes'), previousMeta: $('previous-meta'), changesView: $('changes-view'), reports: $('reports-found')
};
var status = null;  // { key, vars } of the previous box's status line

function renderStatus() {
  box.status.textContent = status ? fmt(S()[status.key], status.vars) : '';
}

function setPrevious(text) {
  ui.previous.value = text;
  if (ui.textarea.value.trim()) requestUiCheck();
}

// Reads a file (PDF, Word, HTML, text) into the box, as the paste area's files are read.
var readSeq = 0;
function readPrevious(f) {
  var seq = ++readSeq;
  var name = f.name || '';
  status = { key: 'previousReading', vars: { name: name } };
  renderStatus();
  return extractReportFile(f).then(function (r) {
    if (seq !== readSeq) return;
    status = { key: 'previousRead', vars: { name: name, lines: r.text.split('\n').length } };
    renderStatus();
    setPrevious(r.text);
  }, function (e) {
    if (seq !== readSeq) return;
    var msg = state.lang === 'en' && e && e.message_en ? e.message_en : String((e && e.message) || e);
    status = { key: 'previousFailed', vars: { name: name, msg: msg } };
    renderStatus();
  });
}
box.file.setAttribute('accept', ui.file.getAttribute('accept') || box.file.getAttribute('accept'));
box.file.addEventListener('change', function () {
  var f = box.file.files && box.file.files[0];
  box.file.value = '';
  if (f) readPrevious(f);
});
// A file dropped on the box is read the same way (the input pane's drop zone leaves it to us).
box.details.addEventListener('drop', function (ev) {
  var files = ev.dataTransfer && ev.dataTransfer.files;
  if (!files || !files.length) return;  // a text drop: the textarea takes it
  ev.preventDefault();
  if (!box.details.open) box.details.open = true;
  readPrevious(files[0]);
});
box.clear.addEventListener('click', function () {
  readSeq++;
  status = null;
  renderStatus();
  setPrevious('');
});
ui.previous.addEventListener('input', function () {
  if (status) { status = null; renderStatus(); }
});

function amount(v, unit) {
  if (v === null || v === undefined) return '–';
  var n = Number(v);
  var t = unit === '件' ? String(n) : n.toFixed(unit === '%' ? 1 : 2).replace(/\.?0+$/, '');
  return unit === '%' ? t + '%' : t;
}

function signed(v, unit) {
  if (v === null || v === undefined) return '–';
  var t = amount(Math.abs(v), unit === '%' ? '' : unit);
  if (unit === '%') t += state.lang === 'en' ? ' pp' : ' 个百分点';
  return (v > 0 ? '+' : v < 0 ? '−' : '') + t;
}

function renderChanges(obj) {
  var s = S();
  box.changesView.textContent = '';
  box.previousMeta.textContent = '';
  var p = obj && obj.previous;
  box.changes.hidden = !p;
  if (!p) return;
  if (p.error || !p.compared) {
    box.previousMeta.textContent = fmt(s.previousNotCompared, { msg: p.error || '' });
  } else {
    box.previousMeta.textContent = fmt(s.previousMeta, { agency: p.agency || s.unknown, year: p.year || s.unknown, lines: p.lines });
  }
  var list = obj.changes || [];
  if (!list.length) {
    box.changesView.appendChild(el('p', { className: 'empty-note' }, s.changesNone));
    return;
  }
  var table = el('table', { className: 'changes-table' });
  var head = el('tr');
  [s.changesItem, s.changesPrevious, s.changesCurrent, s.changesChange, s.changesPercent].forEach(function (h) {
    head.appendChild(el('th', { scope: 'col' }, h));
  });
  var thead = el('thead');
  thead.appendChild(head);
  table.appendChild(thead);
  var body = el('tbody');
  list.forEach(function (c) {
    var tr = el('tr', { 'data-change': c.id, className: c.change > 0 ? 'up' : c.change < 0 ? 'down' : '' });
    tr.appendChild(el('th', { scope: 'row' }, (state.lang === 'en' ? c.label_en : c.label) + (c.unit && c.unit !== '%' ? fmt(s.paren, { v: c.unit }) : '')));
    tr.appendChild(el('td', null, amount(c.previous, c.unit)));
    tr.appendChild(el('td', null, amount(c.current, c.unit)));
    tr.appendChild(el('td', null, signed(c.change, c.unit)));
    tr.appendChild(el('td', null, c.percent === null || c.percent === undefined ? '–' : (c.percent > 0 ? '+' : '') + Number(c.percent).toFixed(1) + '%'));
    body.appendChild(tr);
  });
  table.appendChild(body);
  box.changesView.appendChild(table);
}

function renderReports(obj) {
  var s = S();
  box.reports.textContent = '';
  var list = obj && obj.reports;
  box.reports.hidden = !(list && list.length);
  if (box.reports.hidden) return;
  box.reports.appendChild(el('p', null, fmt(s.reportsFound, { n: list.length })));
  var ol = el('ol');
  list.forEach(function (r) {
    var rep = r.report || {};
    var f = (r.summary && r.summary.findings) || {};
    ol.appendChild(el('li', null, fmt(s.reportsItem, {
      agency: rep.agency || s.unknown, year: rep.year || s.unknown, first: r.lines.first, last: r.lines.last,
      errors: f.error || 0, warnings: f.warning || 0
    })));
  });
  box.reports.appendChild(ol);
}

onRender(function (shown) {
  var obj = shown && state.last ? state.last.obj : null;
  renderChanges(obj);
  renderReports(obj);
  renderStatus();
});
