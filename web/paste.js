// Rich paste: turn clipboard HTML (from a government web page or Word) into the text the core
// reads. Tables become one line per row with cells joined by tabs; rowspan/colspan are expanded
// so every row has its cells in the right columns (a spanned position is an empty cell, as in a
// text copy of the same table). Paragraphs and other blocks become lines.
// The HTML is parsed with DOMParser into an inert document: no script runs, nothing loads.
// Used by the page (app.js) and the widget (embed/widget.js).

var BLOCK_TAGS = {
  ADDRESS: 1, ARTICLE: 1, ASIDE: 1, BLOCKQUOTE: 1, CAPTION: 1, CENTER: 1, DD: 1, DIV: 1, DL: 1, DT: 1,
  FIELDSET: 1, FIGCAPTION: 1, FIGURE: 1, FOOTER: 1, FORM: 1, H1: 1, H2: 1, H3: 1, H4: 1, H5: 1,
  H6: 1, HEADER: 1, HR: 1, LI: 1, MAIN: 1, NAV: 1, OL: 1, P: 1, PRE: 1, SECTION: 1, UL: 1
};
var SKIP_TAGS = { SCRIPT: 1, STYLE: 1, TEMPLATE: 1, NOSCRIPT: 1, HEAD: 1, TITLE: 1, META: 1, LINK: 1, OBJECT: 1, IFRAME: 1, SVG: 1, svg: 1 };

export function htmlHasTable(html) {
  return /<table[\s>]/i.test(html || '');
}

// Collapses HTML whitespace in an inline run (not inside <pre>). NBSP becomes a plain space (Word
// pads cells with it); the ideographic space U+3000 is text and stays.
function collapseSpaces(s) {
  return s.replace(/[\t\n\r\f ]+/g, ' ').replace(/\u00a0/g, ' ');
}

// Returns the text of one table cell on one line: inner blocks and <br> become single spaces.
function cellText(cell) {
  var out = [];
  blockLines(cell, out, true);
  return out.map(function (l) { return l.trim(); }).filter(function (l) { return l !== ''; }).join(' ');
}

// Rows of a table in document order, excluding rows of nested tables.
function tableRows(table) {
  var rows = [];
  for (var i = 0; i < table.rows.length; i++) rows.push(table.rows[i]);
  return rows;
}

// A layout table holds a nested table, or has at most one cell in every row.
function isLayoutTable(table) {
  if (table.getElementsByTagName('table').length > 0) return true;
  for (var r = 0; r < table.rows.length; r++) {
    if (table.rows[r].cells.length > 1) return false;
  }
  return true;
}

// Expands a table into a grid of strings, honouring rowspan and colspan. Spanned positions are ''.
function tableGrid(table) {
  var rows = tableRows(table);
  var grid = [];      // grid[r][c] = string
  var taken = [];     // taken[r][c] = true when a cell (or its span) covers it
  for (var r = 0; r < rows.length; r++) {
    if (!grid[r]) { grid[r] = []; taken[r] = []; }
    var c = 0;
    var cells = rows[r].cells;
    for (var k = 0; k < cells.length; k++) {
      var cell = cells[k];
      while (taken[r][c]) c++;
      var colspan = Math.min(Math.max(parseInt(cell.getAttribute('colspan'), 10) || 1, 1), 1000);
      var rsAttr = parseInt(cell.getAttribute('rowspan'), 10);
      var rowspan = rsAttr === 0 ? rows.length - r : Math.min(Math.max(rsAttr || 1, 1), rows.length - r);
      var text = cellText(cell);
      for (var dr = 0; dr < rowspan; dr++) {
        var rr = r + dr;
        if (!grid[rr]) { grid[rr] = []; taken[rr] = []; }
        for (var dc = 0; dc < colspan; dc++) {
          grid[rr][c + dc] = dr === 0 && dc === 0 ? text : '';
          taken[rr][c + dc] = true;
        }
      }
      c += colspan;
    }
  }
  return grid.map(function (row) {
    var out = [];
    for (var i = 0; i < row.length; i++) out.push(row[i] === undefined ? '' : row[i]);
    return out;
  });
}

// Walks a node and appends lines to `out`. `inCell` flattens tables found inside a table cell.
function blockLines(node, out, inCell) {
  var current = '';
  function flush() {
    out.push(current);
    current = '';
  }
  function walk(n, pre) {
    for (var child = n.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        current += pre ? child.data.replace(/\r\n?/g, '\n') : collapseSpaces(child.data);
        if (pre && current.indexOf('\n') >= 0) {
          var parts = current.split('\n');
          for (var i = 0; i < parts.length - 1; i++) { current = parts[i]; flush(); }
          current = parts[parts.length - 1];
        }
        continue;
      }
      if (child.nodeType !== 1) continue;
      var tag = child.tagName.toUpperCase();
      if (SKIP_TAGS[tag] || SKIP_TAGS[child.tagName]) continue;
      if (tag === 'BR') { flush(); continue; }
      if (tag === 'TABLE') {
        if (current.trim() !== '') flush(); else current = '';
        if (inCell) {
          out.push(cellText(child));
        } else if (isLayoutTable(child)) {
          // A table used for page layout (older government sites wrap the whole article in
          // one): its cells are read as ordinary blocks, so data tables inside keep their rows.
          for (var r = 0; r < child.rows.length; r++) {
            for (var k = 0; k < child.rows[r].cells.length; k++) blockLines(child.rows[r].cells[k], out, false);
          }
        } else {
          tableGrid(child).forEach(function (row) { out.push(row.join('\t')); });
        }
        continue;
      }
      if (tag === 'TD' || tag === 'TH' || tag === 'TR') {
        // Stray table parts outside a table (rare in clipboard HTML): one cell per tab.
        walk(child, pre);
        current += tag === 'TR' ? '' : '\t';
        if (tag === 'TR') flush();
        continue;
      }
      if (BLOCK_TAGS[tag]) {
        if (current.trim() !== '') flush(); else current = '';
        walk(child, pre || tag === 'PRE');
        if (current.trim() !== '') flush(); else current = '';
        continue;
      }
      walk(child, pre);
    }
  }
  walk(node, false);
  if (current.trim() !== '') flush();
}

// Converts clipboard HTML to text lines. Returns { text, tables }.
export function htmlToText(html) {
  var doc = new DOMParser().parseFromString(String(html), 'text/html');
  var lines = [];
  blockLines(doc.body, lines, false);
  var cleaned = lines.map(function (l) {
    // Trim ordinary spaces at both ends of non-table lines; table lines keep their tabs.
    return l.indexOf('\t') >= 0 ? l.replace(/ +\t/g, '\t').replace(/\t +/g, '\t').replace(/^ +| +$/g, '') : l.trim();
  });
  // Drop leading/trailing empty lines and collapse runs of empty lines to one.
  var out = [];
  for (var i = 0; i < cleaned.length; i++) {
    if (cleaned[i] === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(cleaned[i]);
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return { text: out.join('\n'), tables: doc.getElementsByTagName('table').length };
}
