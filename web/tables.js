// "How we read your tables": tables 2, 3 and 4 rebuilt from result.cells (canonical ids of
// ../shared/spec/cells.md). Every cell shows its value and status; cells named by a failing or
// uncertain finding are outlined. All text goes in with textContent.
// Used by the page (app.js) and the widget (embed/widget.js).
import { fmt } from './i18n.js';

var T3_COLS = ['natural_person', 'commercial', 'research', 'social_welfare', 'legal_service', 'other_org', 'total'];
var T3_ROWS = ['new', 'carried_in', 'granted', 'partial',
  'withheld.state_secret', 'withheld.prohibited', 'withheld.security', 'withheld.third_party',
  'withheld.internal', 'withheld.process', 'withheld.enforcement', 'withheld.query',
  'unavailable.not_held', 'unavailable.needs_creation', 'unavailable.unclear',
  'declined.complaint', 'declined.duplicate', 'declined.publication', 'declined.excessive', 'declined.confirmation',
  'other.no_correction', 'other.unpaid_fee', 'other.other', 'results_total', 'carried_out'];
var T4_GROUPS = ['review', 'suit_direct', 'suit_after_review'];
var T4_COLS = ['upheld', 'corrected', 'other', 'pending', 'total'];
var CELL_STATUSES = ['ok', 'blank', 'placeholder', 'ambiguous', 'unreadable', 'missing'];

// A short human label for a canonical cell id, e.g. "表三 · 一、本年新收申请数量 · 自然人".
export function cellLabel(id, S) {
  var p = String(id).split('.');
  if (p[0] === 't2') {
    if (p[1] === 'rules' || p[1] === 'normative') {
      return S.tablePrefix.t2 + ' · ' + S.t2rows[p[1]] + ' · ' + (S.t2head[p[2]] || p[2]);
    }
    return S.tablePrefix.t2 + ' · ' + (S.t2rows[p[1]] || p[1]);
  }
  if (p[0] === 't3' && p.length >= 3) {
    var col = p[p.length - 1];
    var row = p.slice(1, -1).join('.');
    return S.tablePrefix.t3 + ' · ' + (S.t3rows[row] || row) + ' · ' + (S.t3cols[col] || col);
  }
  if (p[0] === 't4' && p.length === 3) {
    return S.tablePrefix.t4 + ' · ' + (S.t4groups[p[1]] || p[1]) + ' · ' + (S.t4cols[p[2]] || p[2]);
  }
  return String(id);
}

export function el(tag, attrs, text) {
  var e = document.createElement(tag);
  if (attrs) {
    for (var k in attrs) {
      if (!Object.prototype.hasOwnProperty.call(attrs, k) || attrs[k] === undefined || attrs[k] === null) continue;
      if (k === 'className') e.className = attrs[k];
      else e.setAttribute(k, attrs[k]);
    }
  }
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

function cellDisplay(cell) {
  if (!cell) return '—';
  if (cell.raw !== undefined && cell.raw !== null && String(cell.raw) !== '') {
    // A cell that could not be settled may carry the whole row as its raw text: shorten it here
    // (the full text is in the cell's title and in the source extract of the finding).
    var cps = Array.from(String(cell.raw));
    return cps.length > 10 && cell.status !== 'ok' ? cps.slice(0, 8).join('') + '…' : String(cell.raw);
  }
  if (cell.value !== undefined && cell.value !== null) return String(cell.value);
  return '';
}

// marks: { fail: Set-like object id->true, uncertain: id->true }
function makeCellTd(id, cells, marks, S) {
  var cell = cells[id];
  var status = cell ? String(cell.status || 'ok') : 'missing';
  var cls = 'st-' + (CELL_STATUSES.indexOf(status) >= 0 ? status : 'unreadable');
  var flag = '';
  if (marks.fail[id]) { cls += ' cell-fail'; flag = S.cellFail; } else if (marks.uncertain[id]) { cls += ' cell-uncertain'; flag = S.cellUncertain; }
  var td = el('td', { className: cls, 'data-cell': id, 'data-status': status });
  if (cell && cell.line) td.setAttribute('data-line', String(cell.line));
  var label = cellLabel(id, S) + S.colon + (S.cellStatus[status] || status) + (flag ? S.comma + flag : '');
  if (cell && cell.raw && cellDisplay(cell) !== String(cell.raw)) label += ' “' + cell.raw + '”';
  if (cell && cell.note) label += fmt(S.paren, { v: cell.note });
  td.title = label;
  if (flag) td.appendChild(el('span', { className: 'flag', 'aria-hidden': 'true' }, '! '));
  td.appendChild(document.createTextNode(cellDisplay(cell)));
  if (status !== 'ok') td.appendChild(el('span', { className: 'stl' }, S.cellStatus[status] || status));
  if (flag) td.appendChild(el('span', { className: 'vh' }, fmt(S.paren, { v: flag })));
  return td;
}

function tableSection(container, key, S, cells, prefix) {
  var any = Object.keys(cells).some(function (id) { return id.indexOf(prefix) === 0; });
  var h = el('h4', { id: 'tbl-' + key }, S.tableNames[key]);
  container.appendChild(h);
  if (!any) container.appendChild(el('p', { className: 'empty-note' }, S.tableNotFound));
  var wrap = el('div', { className: 'tbl-wrap', role: 'region', tabindex: '0', 'aria-labelledby': 'tbl-' + key });
  container.appendChild(wrap);
  return wrap;
}

function headRow(labels) {
  var thead = el('thead');
  var tr = el('tr');
  labels.forEach(function (l) { tr.appendChild(el('th', { scope: 'col' }, l)); });
  thead.appendChild(tr);
  return thead;
}

export function renderTables(container, result, marks, S) {
  container.textContent = '';
  var cells = (result && result.cells) || {};

  // Table 2: two small tables (the first block has three columns, the others one).
  var w2 = tableSection(container, 't2', S, cells, 't2.');
  var t2a = el('table', { className: 'read' });
  t2a.appendChild(el('caption', { className: 'vh' }, S.tableNames.t2 + ' (1)'));
  t2a.appendChild(headRow([S.t2head.content, S.t2head.made, S.t2head.repealed, S.t2head.in_force]));
  var b2a = el('tbody');
  ['rules', 'normative'].forEach(function (row) {
    var tr = el('tr');
    tr.appendChild(el('th', { scope: 'row' }, S.t2rows[row]));
    ['made', 'repealed', 'in_force'].forEach(function (col) { tr.appendChild(makeCellTd('t2.' + row + '.' + col, cells, marks, S)); });
    b2a.appendChild(tr);
  });
  t2a.appendChild(b2a);
  w2.appendChild(t2a);
  var t2b = el('table', { className: 'read' });
  t2b.appendChild(el('caption', { className: 'vh' }, S.tableNames.t2 + ' (2)'));
  t2b.appendChild(headRow([S.t2head.content, S.t2head.decisions + ' / ' + S.t2head.fees]));
  var b2b = el('tbody');
  ['licensing', 'penalty', 'coercion', 'fees'].forEach(function (row) {
    var tr = el('tr');
    tr.appendChild(el('th', { scope: 'row' }, S.t2rows[row]));
    tr.appendChild(makeCellTd('t2.' + row, cells, marks, S));
    b2b.appendChild(tr);
  });
  t2b.appendChild(b2b);
  w2.appendChild(t2b);

  // Table 3: 25 rows x 7 columns.
  var w3 = tableSection(container, 't3', S, cells, 't3.');
  var t3 = el('table', { className: 'read' });
  t3.appendChild(el('caption', { className: 'vh' }, S.tableNames.t3));
  t3.appendChild(headRow([S.colItem].concat(T3_COLS.map(function (c) { return S.t3cols[c]; }))));
  var b3 = el('tbody');
  T3_ROWS.forEach(function (row) {
    var tr = el('tr');
    tr.appendChild(el('th', { scope: 'row' }, S.t3rows[row] || row));
    T3_COLS.forEach(function (col) { tr.appendChild(makeCellTd('t3.' + row + '.' + col, cells, marks, S)); });
    b3.appendChild(tr);
  });
  t3.appendChild(b3);
  w3.appendChild(t3);

  // Table 4: one row per group (the report prints them side by side).
  var w4 = tableSection(container, 't4', S, cells, 't4.');
  var t4 = el('table', { className: 'read' });
  t4.appendChild(el('caption', { className: 'vh' }, S.tableNames.t4));
  t4.appendChild(headRow([S.colItem].concat(T4_COLS.map(function (c) { return S.t4cols[c]; }))));
  var b4 = el('tbody');
  T4_GROUPS.forEach(function (g) {
    var tr = el('tr');
    tr.appendChild(el('th', { scope: 'row' }, S.t4groups[g]));
    T4_COLS.forEach(function (col) { tr.appendChild(makeCellTd('t4.' + g + '.' + col, cells, marks, S)); });
    b4.appendChild(tr);
  });
  t4.appendChild(b4);
  w4.appendChild(t4);
}

export function renderLegend(ul, S) {
  ul.textContent = '';
  CELL_STATUSES.forEach(function (st) {
    var li = el('li');
    li.appendChild(el('span', { className: 'swatch st-' + st, 'aria-hidden': 'true' }));
    li.appendChild(document.createTextNode(S.cellStatus[st]));
    ul.appendChild(li);
  });
  [['cell-fail', S.cellFail], ['cell-uncertain', S.cellUncertain]].forEach(function (p) {
    var li = el('li');
    li.appendChild(el('span', { className: 'swatch ' + p[0], 'aria-hidden': 'true' }));
    li.appendChild(document.createTextNode(p[1]));
    ul.appendChild(li);
  });
}
