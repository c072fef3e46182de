// Plain text and HTML files → text. Encoding: BOM, then <meta charset> (HTML), then strict UTF-8,
// then GB18030 (which covers GBK and GB2312). HTML tables become TAB-separated rows with colspan /
// rowspan expanded the same way as Word tables (see docx.mjs gridToLines).
import { decodeEntities, gridToLines } from './docx.mjs';

const LABELS = {
  'utf-8': 'UTF-8', utf8: 'UTF-8', gbk: 'GB18030', gb2312: 'GB18030', gb18030: 'GB18030', 'x-gbk': 'GB18030',
  big5: 'Big5', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE', 'utf-16': 'UTF-16LE'
};

export function decodeBytes(bytes, { html = false } = {}) {
  const b = bytes;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(b.subarray(3)), encoding: 'UTF-8 BOM' };
  if (b[0] === 0xff && b[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(b.subarray(2)), encoding: 'UTF-16LE' };
  if (b[0] === 0xfe && b[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(b.subarray(2)), encoding: 'UTF-16BE' };
  if (html) {
    const head = new TextDecoder('latin1').decode(b.subarray(0, 4096));
    const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
    const label = m && LABELS[m[1].toLowerCase()];
    if (label && label !== 'UTF-8') {
      try {
        return { text: new TextDecoder(label.toLowerCase()).decode(b), encoding: label };
      } catch { /* unknown to this platform: sniff below */ }
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(b), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(b), encoding: 'GB18030' };
  }
}

const BLOCK = /^(p|div|br|h[1-6]|li|tr|table|section|article|header|footer|blockquote|pre|ul|ol|dl|dt|dd|title|hr)$/;

// HTML → text lines, tables as TAB rows. A tolerant scan, no DOM needed (runs in Node.js too).
export function htmlToText(html) {
  const src = html.replace(/<!-{2}[\s\S]*?-{2}>/g, '')
    .replace(/<(script|style|noscript|template|head)\b[\s\S]*?<\/\1\s*>/gi, (m, t) => (t.toLowerCase() === 'head' ? titleOf(m) : ''));
  const re = /<(\/?)([a-zA-Z][\w:-]*)\b([^>]*)>|([^<]+)/g;
  const out = [];
  let line = '';
  const tables = [];
  const flush = () => {
    const t = tables[tables.length - 1];
    if (t && t.cell) { t.cell.parts.push(line); line = ''; return; }
    const s = line.replace(/[ \t\u00a0]+/g, ' ').trim();
    if (s) out.push(s);
    line = '';
  };
  const attr = (a, n) => { const m = new RegExp('\\b' + n + '\\s*=\\s*["\']?(\\d+)', 'i').exec(a); return m ? parseInt(m[1], 10) : 1; };
  let m;
  while ((m = re.exec(src))) {
    if (m[4] !== undefined) { line += decodeEntities(m[4].replace(/\s+/g, ' ')); continue; }
    const close = m[1] === '/';
    const tag = m[2].toLowerCase();
    const t = tables[tables.length - 1];
    if (tag === 'table') {
      flush();
      if (!close) tables.push({ rows: [], row: null, cell: null, pending: [] });
      else if (t) {
        tables.pop();
        const lines = gridToLines(expandRowspans(t.rows));
        const outer = tables[tables.length - 1];
        if (outer && outer.cell) outer.cell.parts.push(lines.join(' '));
        else out.push(...lines);
      }
    } else if (tag === 'tr' && t) {
      if (t.cell) closeCell(t);
      if (!close) t.row = [];
      else if (t.row) { t.rows.push(t.row); t.row = null; }
    } else if ((tag === 'td' || tag === 'th') && t) {
      if (t.cell) { t.cell.parts.push(line); line = ''; closeCell(t); }
      if (!close) {
        if (!t.row) t.row = [];
        t.cell = { parts: [], span: Math.min(64, attr(m[3], 'colspan')), rows: Math.min(500, attr(m[3], 'rowspan')) };
      }
    } else if (BLOCK.test(tag)) {
      flush();
    }
  }
  flush();
  return out.join('\n');
}

function titleOf(head) {
  const m = /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(head);
  return m ? '<p>' + m[1] + '</p>' : '';
}

function closeCell(t) {
  const c = t.cell;
  t.cell = null;
  const text = c.parts.map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean).join('');
  t.row.push({ text, span: c.span, rows: c.rows });
}

// HTML rows with rowspan → Word-like grid rows (vmerge restart / continue).
function expandRowspans(rows) {
  const pending = [];  // column → {left, cell}
  const out = [];
  for (const row of rows) {
    const cells = [];
    let col = 0;
    let i = 0;
    while (i < row.length || pending.some((p, k) => p && p.left > 0 && k >= col)) {
      const p = pending[col];
      if (p && p.left > 0) {
        cells.push({ text: '', span: p.span, vmerge: 'continue' });
        p.left--;
        col += p.span;
        continue;
      }
      if (i >= row.length) { col++; continue; }
      const c = row[i++];
      cells.push({ text: c.text, span: c.span, vmerge: c.rows > 1 ? 'restart' : null });
      if (c.rows > 1) pending[col] = { left: c.rows - 1, span: c.span };
      else pending[col] = null;
      col += c.span;
    }
    out.push(cells);
  }
  return out;
}
