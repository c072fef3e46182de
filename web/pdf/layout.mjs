// PDF text items (pdf.js getTextContent) → lines of text, table rows as TAB-separated cells.
// Pure functions, no I/O: the same code runs in Node.js (CLI, tests) and in the page.
//
// Input per page: items {s, x, y, w, fs, v} (x/y: baseline origin in PDF points, y up; w: width;
// fs: font size; v: vertical (ttb) text). Whitespace items are ignored (WPS PDFs give them widths
// 20× too large, see ../shared/docs/pdf-input.md §3).

const NUM_RE = /^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?$/;
const PAGE_NO_RE = /^(-|—|–)\s*\d+\s*(-|—|–)$|^第\s*\d+\s*页(\s*[/，,]?\s*共\s*\d+\s*页)?$|^\d+\s*\/\s*\d+$/;
const CJK_RE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

export function isNumberCell(s) {
  return NUM_RE.test(s.trim());
}

// pdf.js item → compact item. Returns null for whitespace-only items.
export function compactItem(it) {
  if (!it || typeof it.str !== 'string' || !it.str.trim()) return null;
  const t = it.transform || [1, 0, 0, 1, 0, 0];
  const fs = Math.hypot(t[2], t[3]) || Math.abs(it.height) || 1;
  return { s: it.str, x: t[4], y: t[5], w: it.width || 0, fs, v: it.dir === 'ttb' };
}

function joinText(a, b, gap, fs) {
  // CJK text is joined without spaces; Latin words keep one space when there was a visible gap.
  const la = a.slice(-1);
  const fb = b.charAt(0);
  if (gap > 0.2 * fs && !CJK_RE.test(la) && !CJK_RE.test(fb)) return a + ' ' + b;
  return a + b;
}

// Groups one page's items into rows: [{yc, fs, cells:[{s, x, x2, fs}]}], top to bottom.
export function pageRows(items) {
  const its = [];
  const vertical = [];
  for (const raw of items) {
    const it = raw && raw.s !== undefined ? raw : compactItem(raw);
    if (!it || !it.s.trim()) continue;
    const s = it.s.trim() === it.s ? it.s : it.s.replace(/^\s+|\s+$/g, '');
    if (it.v) {
      vertical.push({ s, x: it.x, yc: it.y, fs: it.fs });
      continue;
    }
    its.push({ s, x: it.x, x2: it.x + Math.max(0, it.w), yc: it.y + 0.35 * it.fs, fs: it.fs });
  }
  its.sort((a, b) => b.yc - a.yc || a.x - b.x);
  const rows = [];
  for (const it of its) {
    let row = null;
    for (let k = rows.length - 1; k >= 0 && k >= rows.length - 4; k--) {
      const r = rows[k];
      // single linkage on the lowest member, with the whole row at most one font size tall
      const tol = 0.45 * Math.min(r.fs, it.fs);
      if (Math.abs(r.ymin - it.yc) <= tol && r.yc - it.yc <= Math.max(r.fs, it.fs)) { row = r; break; }
    }
    if (!row) { row = { yc: it.yc, ymin: it.yc, fs: it.fs, items: [] }; rows.push(row); }
    row.ymin = Math.min(row.ymin, it.yc);
    row.items.push(it);
    row.fs = Math.min(row.fs, it.fs);
  }
  const out = [];
  for (const r of rows) {
    r.items.sort((a, b) => a.x - b.x);
    const cells = [];
    for (const it of r.items) {
      const c = cells[cells.length - 1];
      const gap = c ? it.x - c.x2 : Infinity;
      // Two numbers are never one cell unless they touch (digits of one number split by a font change).
      const bothNum = c && isNumberCell(c.s) && isNumberCell(it.s);
      if (c && gap < 0.6 * Math.min(c.fs, it.fs) && !(bothNum && gap > 0.15 * it.fs)) {
        c.s = joinText(c.s, it.s, gap, it.fs);
        c.x2 = Math.max(c.x2, it.x2);
        c.fs = Math.min(c.fs, it.fs);
      } else {
        cells.push({ s: it.s, x: it.x, x2: it.x2, fs: it.fs, yc: it.yc });
      }
    }
    const text = cells.map((c) => c.s).join('');
    if (cells.length === 1 && PAGE_NO_RE.test(text.trim())) continue;  // page number
    out.push({ yc: r.yc, fs: r.fs, cells });
  }
  // Vertical (ttb) text: one row per column of glyphs, placed at its top.
  if (vertical.length) {
    vertical.sort((a, b) => a.x - b.x || b.yc - a.yc);
    const cols = [];
    for (const v of vertical) {
      const c = cols[cols.length - 1];
      if (c && Math.abs(c.x - v.x) < 0.5 * v.fs) { c.s += v.s; c.yc = Math.max(c.yc, v.yc); } else cols.push({ ...v });
    }
    for (const c of cols) out.push({ yc: c.yc, fs: c.fs, cells: [{ s: c.s, x: c.x, x2: c.x + c.fs, fs: c.fs }] });
    out.sort((a, b) => b.yc - a.yc);
  }
  return out;
}

function numericCount(row) {
  let n = 0;
  for (const c of row.cells) if (isNumberCell(c.s)) n++;
  return n;
}

// Multi-line labels: a text-only fragment row sitting in the label column, close above or below
// a row of numbers, belongs to that row's label (e.g. "（二）部分公开（区分处理的，只计这一情" /
// "形，不计其他情形）" around the centred numbers). Stacked single glyphs of a merged cell (三/本/年/…)
// are collected into one label line placed above the rows they span.
export function attachLabels(rows) {
  const isNumRow = rows.map((r) => numericCount(r) >= 5);
  const firstNumX = rows.map((r) => {
    for (const c of r.cells) if (isNumberCell(c.s)) return c.x;
    return Infinity;
  });
  const absorbed = new Array(rows.length).fill(false);
  const extra = rows.map(() => []);  // label fragments per number row: {x, x2, yc, s}

  // Stacks: a merged cell typeset one or two glyphs per line (三、/本/年度/办/理结/果) at one x over
  // three or more lines; the glyphs are taken out of the rows they share a baseline with.
  const short = (c) => !isNumberCell(c.s) && Array.from(c.s).length <= 3;
  const stacks = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const c = r.cells[0];
    if (!c || !short(c) || (r.cells.length > 1 && !(r.cells[1].x - c.x2 > 2 * c.fs))) continue;
    let st = null;
    for (const s of stacks) {
      const last = s.parts[s.parts.length - 1];
      if (s.page === r.page && Math.abs(s.x - c.x) <= 2 && last.yc - r.yc > 0 && last.yc - r.yc <= 3 * c.fs) st = s;
    }
    if (!st) { st = { page: r.page, x: c.x, parts: [] }; stacks.push(st); }
    st.parts.push({ i, yc: r.yc, fs: c.fs, s: c.s, x2: c.x2, cell: c, alone: r.cells.length === 1 });
  }
  // A stack has lines of its own between the rows (its glyph pitch is not the row pitch): this keeps
  // one-glyph row labels of an ordinary table (甲/乙/丙) out of it.
  const stackGroups = stacks.filter((st) => st.parts.length >= 3 &&
    2 * st.parts.filter((p) => p.alone).length >= st.parts.length);
  const stackCell = new Set();
  for (const st of stackGroups) {
    st.stack = true;
    for (const p of st.parts) stackCell.add(p.cell);
  }
  const inStack = (r) => r.cells.length === 1 && stackCell.has(r.cells[0]);

  // Continuations: a lone text line right under a label cell of a number row, at the same x, is the
  // second line of that cell (e.g. "（三）不" / "予公开"), even when it lies nearer the next row.
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i];
    if (absorbed[i] || isNumRow[i] || r.cells.length !== 1 || numericCount(r) > 0 || inStack(r)) continue;
    const f = r.cells[0];
    let k = i - 1;
    while (k >= 0 && (absorbed[k] || inStack(rows[k]))) k--;
    if (k < 0 || !isNumRow[k] || rows[k].page !== r.page) continue;
    const above = rows[k].cells.find((c) => !isNumberCell(c.s) && !stackCell.has(c) && Math.abs(c.x - f.x) <= 2);
    if (!above || (above.yc ?? rows[k].yc) - r.yc > 2.3 * f.fs || f.x2 > firstNumX[k] + 1) continue;
    // not when the next number row has its own label in this column (then f starts that label),
    let n = i + 1;
    while (n < rows.length && !isNumRow[n]) n++;
    // nor when that row has no label at all (then f is a line of its label, set around its numbers)
    if (n < rows.length && rows[n].page === r.page) {
      const labels = rows[n].cells.filter((c) => !isNumberCell(c.s));
      if (!labels.length || labels.some((c) => Math.abs(c.x - f.x) <= 2)) continue;
    }
    above.s += f.s;
    absorbed[i] = true;
  }

  // Fragment rows: text only (no number). Fragments in one column on consecutive lines (one line pitch
  // apart, same page) are one multi-line label, even when rows of numbers lie between them.
  const groups = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (absorbed[i] || isNumRow[i] || numericCount(r) > 0 || r.cells.length !== 1 || inStack(r)) continue;
    const c = r.cells[0];
    let g = null;
    for (let k = groups.length - 1; k >= 0 && k >= groups.length - 6; k--) {
      const h = groups[k];
      const last = h.parts[h.parts.length - 1];
      if (h.page === r.page && Math.abs(h.x - c.x) <= 2 && last.yc - r.yc <= 2.3 * Math.max(r.fs, last.fs) &&
          last.yc - r.yc > 0) { g = h; break; }
    }
    if (!g) { g = { page: r.page, x: c.x, parts: [] }; groups.push(g); }
    g.parts.push({ i, yc: r.yc, fs: r.fs, s: c.s, x2: c.x2 });
  }
  for (const g of groups.concat(stackGroups)) {
    const top = g.parts[0].yc;
    const bottom = g.parts[g.parts.length - 1].yc;
    const mid = (top + bottom) / 2;
    const fs = Math.min(...g.parts.map((p) => p.fs));
    const x2 = Math.max(...g.parts.map((p) => p.x2));
    const lim = Math.max(16, 2.2 * fs);
    let best = -1;
    let bestD = Infinity;
    const i0 = g.parts[0].i;
    const i1 = g.parts[g.parts.length - 1].i;
    for (let k = Math.max(0, i0 - 3); k <= Math.min(rows.length - 1, i1 + 3); k++) {
      if (!isNumRow[k] || rows[k].page !== g.page || x2 > firstNumX[k] + 1) continue;
      const y = rows[k].yc;
      const d = y > top ? y - top : y < bottom ? bottom - y : 0;
      if (d > lim) continue;
      const score = d * 1000 + Math.abs(y - mid);
      if (score < bestD) { best = k; bestD = score; }
    }
    if (best < 0) continue;
    for (const p of g.parts) {
      if (!g.stack) { absorbed[p.i] = true; continue; }
      // a stack's glyphs leave the rows they share a baseline with
      const r = rows[p.i];
      r.cells = r.cells.filter((c) => c !== p.cell);
      if (!r.cells.length) absorbed[p.i] = true;
    }
    extra[best].push({ x: g.x, x2, yc: top, s: g.parts.map((p) => p.s).join('') });
  }
  const out = [];
  for (let i = 0; i < rows.length; i++) {
    if (absorbed[i]) continue;
    const r = rows[i];
    if (!extra[i].length) { out.push(r); continue; }
    // merge: label cells of the row plus fragments, grouped by column x, each column top-down
    const frags = extra[i].slice();
    const numCells = [];
    for (const c of r.cells) {
      if (c.x < firstNumX[i]) frags.push({ x: c.x, x2: c.x2, yc: c.yc ?? r.yc, s: c.s });
      else numCells.push(c);
    }
    frags.sort((a, b) => a.x - b.x);
    const cols = [];
    for (const f of frags) {
      // same column, or a continuation line set inside the span of the row's own label cell
      const col = cols.find((c) => Math.abs(c.x - f.x) <= 8);
      if (col) { col.parts.push(f); col.x2 = Math.max(col.x2, f.x2); } else cols.push({ x: f.x, x2: f.x2, parts: [f] });
    }
    cols.sort((a, b) => a.x - b.x);
    // a line set inside the span of a wider label on another line (indented or centred) is part of it
    for (let j = cols.length - 1; j > 0; j--) {
      const host = cols.slice(0, j).find((c) => cols[j].x > c.x + 8 && cols[j].x < c.x2 - 8);
      if (host) { host.parts.push(...cols[j].parts); cols.splice(j, 1); }
    }
    const labelCells = cols.map((col) => {
      col.parts.sort((a, b) => b.yc - a.yc);
      return { s: col.parts.map((p) => p.s).join(''), x: col.x, x2: col.x, fs: r.fs };
    });
    out.push({ yc: r.yc, fs: r.fs, page: r.page, cells: labelCells.concat(numCells) });
  }
  return out;
}

// Rows → text: one row per line, cells TAB-separated.
// Blank cells: pdf.js gives nothing for an empty cell, so a row of a table with a blank cell has fewer
// numbers than its neighbours. In a run of number rows (two or more numbers each, at most three other
// lines between them) whose most common count K of numbers is also the largest, the columns are
// the centres of the numbers of the full rows; a shorter row whose numbers each fall clearly into a
// distinct column gets empty cells for the columns it lacks (up to its last number).
export function fillBlankColumns(rows) {
  const numCells = (r) => r.cells.filter((c) => isNumberCell(c.s));
  let i = 0;
  while (i < rows.length) {
    if (numCells(rows[i]).length < 2) { i++; continue; }
    const block = [i];
    let gap = 0;
    let j = i + 1;
    for (; j < rows.length && gap <= 3; j++) {
      if (numCells(rows[j]).length >= 2) { block.push(j); gap = 0; } else gap++;
    }
    i = block[block.length - 1] + 1;
    const counts = block.map((k) => numCells(rows[k]).length);
    const K = Math.max(...counts);
    const full = block.filter((k, n) => counts[n] === K);
    if (K < 3 || full.length < 2 || full.length * 2 < block.length) continue;
    const centres = [];
    for (let c = 0; c < K; c++) {
      let sum = 0;
      for (const k of full) { const cell = numCells(rows[k])[c]; sum += (cell.x + cell.x2) / 2; }
      centres.push(sum / full.length);
    }
    let minGap = Infinity;
    for (let c = 1; c < K; c++) minGap = Math.min(minGap, centres[c] - centres[c - 1]);
    if (!(minGap > 0)) continue;
    const tol = minGap / 2.5;
    block.forEach((k, n) => {
      if (counts[n] === K) return;
      const r = rows[k];
      const nums = numCells(r);
      const cols = nums.map((cell) => {
        const x = (cell.x + cell.x2) / 2;
        let best = 0;
        for (let c = 1; c < K; c++) if (Math.abs(centres[c] - x) < Math.abs(centres[best] - x)) best = c;
        return Math.abs(centres[best] - x) <= tol ? best : -1;
      });
      if (cols.some((c, m) => c < 0 || (m > 0 && c <= cols[m - 1]))) return;
      const firstNum = r.cells.indexOf(nums[0]);
      if (r.cells.slice(firstNum).some((c) => !isNumberCell(c.s))) return;  // text among the numbers
      const out = r.cells.slice(0, firstNum);
      let m = 0;
      for (let c = 0; c <= cols[cols.length - 1]; c++) {
        if (cols[m] === c) out.push(nums[m++]);
        else out.push({ s: '', x: centres[c], x2: centres[c], fs: r.fs });
      }
      r.cells = out;
    });
  }
  return rows;
}

export function rowsToText(rows) {
  return rows.map((r) => r.cells.map((c) => c.s.replace(/\t/g, ' ')).join('\t')).join('\n');
}

// The page of every line of rowsToText(rows): linePages[i] is the 1-based page of line i + 1 (a row
// whose label was joined from fragments keeps the page of its numbers).
export function rowsLinePages(rows) {
  const out = [];
  for (const r of rows) {
    const n = r.cells.reduce((k, c) => k + (c.s.match(/\n/g) || []).length, 0) + 1;
    for (let i = 0; i < n; i++) out.push(r.page || 0);
  }
  return out;
}

// pages: [[item, ...], ...] (pdf.js items or compact items) → { text, rows, chars, linePages }
export function pagesToText(pages) {
  const all = [];
  let chars = 0;
  pages.forEach((items, p) => {
    for (const r of pageRows(items)) {
      r.page = p + 1;
      for (const c of r.cells) chars += c.s.replace(/\s+/g, '').length;
      all.push(r);
    }
  });
  const rows = fillBlankColumns(attachLabels(all));
  return { text: rowsToText(rows) + (rows.length ? '\n' : ''), rows: rows.length, chars, linePages: rowsLinePages(rows) };
}
