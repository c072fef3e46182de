// "How we read your tables": tables 2, 3 and 4 rebuilt from result.cells (canonical ids of
// ../shared/spec/cells.md). Every cell shows its value and status; cells named by a failing or
// uncertain finding are outlined. All text goes in with textContent.
// The cells, their order and their zh/en labels come from the core's catalogue (`cells()` of the
// WebAssembly module, core/src/cells.cpp), indexed by cellCatalogue(); nothing here names a cell.
// Used by the page (app.js) and the widget (embed/widget.js).
import { fmt } from './i18n.js';

var CELL_STATUSES = ['ok', 'blank', 'placeholder', 'ambiguous', 'unreadable', 'missing'];

// Indexes the core's catalogue (the parsed JSON of cells(): [{id, table, row, row_heading,
// column_heading, column_group, label, …, and the same with _en}] in canonical order):
// { list, byId: id → entry, tables: { t2, t3, t4: [{ cells: [entry, …] }, …] } }, a table's rows
// in order, a row's cells in column order.
export function cellCatalogue(list) {
  var cells = Array.isArray(list) ? list : [];
  var byId = {};
  var tables = { t2: [], t3: [], t4: [] };
  cells.forEach(function (c) {
    if (!c || typeof c.id !== 'string') return;
    byId[c.id] = c;
    var rows = tables['t' + c.table];
    if (!rows) return;
    var last = rows[rows.length - 1];
    if (!last || last.key !== c.row) {
      last = { key: c.row, cells: [] };
      rows.push(last);
    }
    last.cells.push(c);
  });
  return { list: cells, byId: byId, tables: tables };
}

// A catalogue entry's text in the language of S: field 'label' → label or label_en.
function text(entry, field, S) {
  var en = entry[field + '_en'];
  var zh = entry[field];
  return S.lang === 'en' ? en || zh || '' : zh || en || '';
}

// A cell's label on its own, e.g. "表三 · 一、本年新收政府信息公开申请数量 · 自然人" (the core's);
// the id itself for an id the catalogue does not know.
export function cellLabel(id, S, cat) {
  var c = cat && cat.byId[id];
  return c ? text(c, 'label', S) || String(id) : String(id);
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

// marks: { fail: Set-like object id->true, uncertain: id->true }; info: the cell's catalogue entry;
// notes: the table's footnotes ({ list: [text], byText: text → number }), which the cell's note
// joins. A cell is focusable (tabindex): Enter locates it, focus shows its details (page/widget).
function makeCellTd(id, cells, marks, S, info, notes) {
  var cell = cells[id];
  var status = cell ? String(cell.status || 'ok') : 'missing';
  var cls = 'st-' + (CELL_STATUSES.indexOf(status) >= 0 ? status : 'unreadable');
  var flag = '';
  if (marks.fail[id]) { cls += ' cell-fail'; flag = S.cellFail; } else if (marks.uncertain[id]) { cls += ' cell-uncertain'; flag = S.cellUncertain; }
  var inferred = !!(cell && cell.note && status === 'ok');
  if (inferred) cls += ' inferred';
  var td = el('td', { className: cls, 'data-cell': id, 'data-status': status, tabindex: '0' });
  if (inferred) td.setAttribute('data-inferred', 'true');
  if (cell && cell.line) td.setAttribute('data-line', String(cell.line));
  var label = (info ? text(info, 'label', S) : String(id)) + S.colon + (S.cellStatus[status] || status) + (inferred ? S.comma + S.cellInferred : '') + (flag ? S.comma + flag : '');
  if (cell && cell.raw && cellDisplay(cell) !== String(cell.raw)) label += ' “' + cell.raw + '”';
  if (cell && cell.note) label += fmt(S.paren, { v: cell.note });
  td.title = label;
  if (flag) td.appendChild(el('span', { className: 'flag', 'aria-hidden': 'true' }, '! '));
  td.appendChild(document.createTextNode(cellDisplay(cell)));
  if (cell && cell.note && notes) {
    var n = notes.byText[cell.note];
    if (!n) { notes.list.push(cell.note); n = notes.byText[cell.note] = notes.list.length; }
    td.appendChild(el('sup', { className: 'fn', 'aria-hidden': 'true' }, S.noteMark + n));
    td.setAttribute('data-note', String(n));
    td.setAttribute('aria-describedby', 'note-' + id.slice(0, 2) + '-' + n);
  }
  if (status !== 'ok') td.appendChild(el('span', { className: 'stl' }, S.cellStatus[status] || status));
  else if (inferred) td.appendChild(el('span', { className: 'stl' }, S.cellInferred));
  if (flag) td.appendChild(el('span', { className: 'vh' }, fmt(S.paren, { v: flag })));
  return td;
}

// One cell's details in words (the page's and the widget's detail line under the tables).
export function cellDetail(id, result, S, cat) {
  var cell = result && result.cells ? result.cells[id] : null;
  var status = cell ? String(cell.status || 'ok') : 'missing';
  var parts = [cellLabel(id, S, cat)];
  parts.push(S.cellStatus[status] || status);
  if (cell && cell.value !== null && cell.value !== undefined) parts.push(fmt(S.cellValue, { v: cell.value }));
  if (cell && cell.raw !== undefined && cell.raw !== null && String(cell.raw) !== '' && String(cell.raw) !== String(cell.value)) parts.push(fmt(S.cellRaw, { v: cell.raw }));
  if (cell && cell.line) parts.push(fmt(S.lineCol, { line: cell.line, col: cell.column }));
  if (cell && cell.note) parts.push((S.lang === 'en' ? S.noteInChinese : '') + cell.note);
  return parts.join(S.semi);
}

// Footnotes under a table: the notes of its cells (how a cell was recovered, or why it is
// ambiguous, with the candidate readings), visible without hovering.
function notesList(notes, S, key) {
  if (!notes.list.length) return null;
  var ol = el('ol', { className: 'tbl-notes', 'data-table': key });
  notes.list.forEach(function (t, i) {
    var li = el('li', { id: 'note-' + key + '-' + (i + 1), value: String(i + 1) });
    li.appendChild(el('span', { 'aria-hidden': 'true' }, S.noteMark + (i + 1) + ' '));
    if (S.lang === 'en') li.appendChild(document.createTextNode(S.noteInChinese));
    li.appendChild(el('span', { lang: 'zh-CN' }, t));
    ol.appendChild(li);
  });
  return ol;
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

// The head of a table whose columns are those of `row`: one line, or two where columns stand under
// a common heading (table 3: 法人或其他组织 over five columns; the others span both lines).
function headOf(first, row, S) {
  var thead = el('thead');
  var grouped = row.cells.some(function (c) { return c.column_group; });
  var top = el('tr');
  var below = el('tr');
  top.appendChild(el('th', { scope: 'col', rowspan: grouped ? '2' : null }, first));
  row.cells.forEach(function (c, k) {
    var group = c.column_group;
    if (!group) {
      top.appendChild(el('th', { scope: 'col', rowspan: grouped ? '2' : null }, text(c, 'column_heading', S)));
      return;
    }
    if (k === 0 || row.cells[k - 1].column_group !== group) {
      var span = 0;
      while (k + span < row.cells.length && row.cells[k + span].column_group === group) span++;
      top.appendChild(el('th', { scope: 'colgroup', colspan: String(span) }, text(c, 'column_group', S)));
    }
    below.appendChild(el('th', { scope: 'col' }, text(c, 'column_heading', S)));
  });
  thead.appendChild(top);
  if (grouped) thead.appendChild(below);
  return thead;
}

// One table: `rows` of the catalogue, each headed by its row heading.
function gridTable(caption, first, rows, cells, marks, S, notes) {
  var t = el('table', { className: 'read' });
  t.appendChild(el('caption', { className: 'vh' }, caption));
  t.appendChild(headOf(first, rows[0], S));
  var body = el('tbody');
  rows.forEach(function (row) {
    var tr = el('tr');
    tr.appendChild(el('th', { scope: 'row' }, text(row.cells[0], 'row_heading', S)));
    row.cells.forEach(function (c) { tr.appendChild(makeCellTd(c.id, cells, marks, S, c, notes)); });
    body.appendChild(tr);
  });
  t.appendChild(body);
  return t;
}

// cat: cellCatalogue() of the core's cells().
export function renderTables(container, result, marks, S, cat) {
  container.textContent = '';
  var cells = (result && result.cells) || {};
  var tables = (cat && cat.tables) || { t2: [], t3: [], t4: [] };
  var newNotes = function () { return { list: [], byText: {} }; };

  // Table 2: as in the form, one small table per block of rows with the same columns
  // (本年制发件数 / 本年废止件数 / 现行有效件数; 本年处理决定数量; 本年收费金额).
  var w2 = tableSection(container, 't2', S, cells, 't2.');
  var notes2 = newNotes();
  var blocks = [];
  tables.t2.forEach(function (row) {
    var cols = row.cells.map(function (c) { return text(c, 'column_heading', S); }).join('\n');
    var last = blocks[blocks.length - 1];
    if (!last || last.cols !== cols) {
      last = { cols: cols, rows: [] };
      blocks.push(last);
    }
    last.rows.push(row);
  });
  blocks.forEach(function (b, k) {
    w2.appendChild(gridTable(S.tableNames.t2 + ' (' + (k + 1) + ')', S.colContent, b.rows, cells, marks, S, notes2));
  });
  var n2 = notesList(notes2, S, 't2');
  if (n2) container.appendChild(n2);

  // Table 3: 25 rows x 7 columns; table 4: one row per group (the report prints them side by side).
  [['t3', tables.t3], ['t4', tables.t4]].forEach(function (p) {
    var w = tableSection(container, p[0], S, cells, p[0] + '.');
    var notes = newNotes();
    if (p[1].length) w.appendChild(gridTable(S.tableNames[p[0]], S.colItem, p[1], cells, marks, S, notes));
    var n = notesList(notes, S, p[0]);
    if (n) container.appendChild(n);
  });
}

export function renderLegend(ul, S) {
  ul.textContent = '';
  CELL_STATUSES.forEach(function (st) {
    var li = el('li');
    li.appendChild(el('span', { className: 'swatch st-' + st, 'aria-hidden': 'true' }));
    li.appendChild(document.createTextNode(S.cellStatus[st]));
    ul.appendChild(li);
  });
  [['cell-fail', S.cellFail], ['cell-uncertain', S.cellUncertain], ['inferred', S.cellInferredLegend]].forEach(function (p) {
    var li = el('li');
    li.appendChild(el('span', { className: 'swatch ' + p[0], 'aria-hidden': 'true' }, p[0] === 'inferred' ? '12' : null));
    li.appendChild(document.createTextNode(p[1]));
    ul.appendChild(li);
  });
}
