// .docx → text: paragraphs as lines, tables as TAB-separated rows with gridSpan / vMerge expanded.
// No dependencies: the ZIP central directory is read by hand and the entry inflated with the
// platform's DecompressionStream('deflate-raw') (Chromium, Node.js ≥ 18).

export class FileReadError extends Error {
  // code: 'no-text' | 'encrypted' | 'corrupt' | 'unsupported' | 'empty'
  constructor(code, message, messageEn) {
    super(message);
    this.name = 'FileReadError';
    this.code = code;
    this.message_en = messageEn;
  }
}

function u16(b, o) { return b[o] | (b[o + 1] << 8); }
function u32(b, o) { return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0; }

const CORRUPT_ZIP = () => new FileReadError('corrupt', '文件已损坏，或不是有效的 .docx（ZIP）文件。',
  'The file is damaged or not a valid .docx (ZIP) file.');

// Lists the entries of a ZIP archive: [{name, method, csize, size, offset}].
export function zipEntries(bytes) {
  const b = bytes;
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65557); i--) {
    if (u32(b, i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw CORRUPT_ZIP();
  const count = u16(b, eocd + 10);
  let p = u32(b, eocd + 16);
  const out = [];
  const dec = new TextDecoder('utf-8');
  for (let n = 0; n < count; n++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) throw CORRUPT_ZIP();
    const flags = u16(b, p + 8);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    out.push({
      name: dec.decode(b.subarray(p + 46, p + 46 + nameLen)),
      encrypted: (flags & 1) === 1,
      method: u16(b, p + 10),
      csize: u32(b, p + 20),
      size: u32(b, p + 24),
      offset: u32(b, p + 42)
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

async function inflateRaw(data) {
  const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export async function zipRead(bytes, entry) {
  const b = bytes;
  const lho = entry.offset;
  if (lho + 30 > b.length || u32(b, lho) !== 0x04034b50) throw CORRUPT_ZIP();
  if (entry.encrypted) {
    throw new FileReadError('encrypted', '文件已加密（设有密码），无法读取。请先取消密码后再试。',
      'The file is encrypted (password protected). Remove the password and try again.');
  }
  const start = lho + 30 + u16(b, lho + 26) + u16(b, lho + 28);
  const data = b.subarray(start, start + entry.csize);
  if (data.length !== entry.csize) throw CORRUPT_ZIP();
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw CORRUPT_ZIP();
  try {
    return await inflateRaw(data);
  } catch {
    throw CORRUPT_ZIP();
  }
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
export function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    const v = ENTITIES[e.toLowerCase()];
    return v === undefined ? m : v;
  });
}

// Builds text rows from a grid of cells: [[{text, span, vmerge: 'restart'|'continue'|null}]].
// A horizontally spanned cell is written once; a vertically merged text cell is repeated in each
// row it covers (fully qualified labels such as "（三）不予公开\t1.属于国家秘密"), while a merged
// number is written only in its first row (so it is never counted twice).
export function gridToLines(rows) {
  const lines = [];
  const above = [];  // column → origin cell of an open vertical merge
  for (const row of rows) {
    const out = [];
    let col = 0;
    for (const cell of row) {
      let text = cell.text;
      if (cell.vmerge === 'continue') {
        const origin = above[col];
        text = origin && !/^[-+]?[\d,.]+%?$/.test(origin.text.trim()) ? origin.text : '';
      } else {
        for (let k = 0; k < cell.span; k++) above[col + k] = cell.vmerge === 'restart' ? cell : null;
      }
      if (cell.vmerge !== 'continue' || text) out.push(text);
      else out.push('');
      col += cell.span;
    }
    // trailing blanks carry no information
    while (out.length && out[out.length - 1] === '') out.pop();
    if (out.length) lines.push(out.join('\t'));
  }
  return lines;
}

// word/document.xml → text lines.
export function documentXmlToText(xml) {
  const re = /<(\/?)(w:tbl|w:tr|w:tc|w:p|w:t|w:tab|w:br|w:cr|w:gridSpan|w:vMerge|w:gridBefore|w:del|w:instrText)\b([^>]*?)(\/?)>|([^<]+)/g;
  const lines = [];
  const tables = [];  // stack: {rows: [[cell]], row: [cell]|null, cell: {...}|null}
  let para = null;    // current paragraph text
  let inT = false;
  let skip = 0;       // inside deleted text / field code
  const attr = (a, name) => {
    const m = new RegExp('\\b' + name + '="([^"]*)"').exec(a);
    return m ? m[1] : null;
  };
  const emit = (text) => {
    const t = tables[tables.length - 1];
    if (t && t.cell) t.cell.parts.push(text);
    else lines.push(text);
  };
  let m;
  while ((m = re.exec(xml))) {
    if (m[5] !== undefined) {
      if (inT && !skip && para !== null) para += decodeEntities(m[5]);
      continue;
    }
    const close = m[1] === '/';
    const tag = m[2];
    const selfClose = m[4] === '/';
    const a = m[3] || '';
    const t = tables[tables.length - 1];
    switch (tag) {
      case 'w:del': case 'w:instrText':
        if (!selfClose) skip += close ? -1 : 1;
        if (skip < 0) skip = 0;
        break;
      case 'w:t': inT = !close && !selfClose; break;
      case 'w:tab': if (!close && para !== null && !skip) para += t && t.cell ? ' ' : '\t'; break;
      case 'w:br': case 'w:cr': if (!close && para !== null && !skip) para += t && t.cell ? '' : '\n'; break;
      case 'w:p':
        if (selfClose) { emit(''); break; }
        if (!close) para = '';
        else { if (para !== null) emit(para); para = null; }
        break;
      case 'w:tbl':
        if (!close) {
          if (t && t.cell && para !== null) { t.cell.parts.push(para); para = null; }
          tables.push({ rows: [], row: null, cell: null });
        } else if (t) {
          tables.pop();
          const text = gridToLines(t.rows);
          const outer = tables[tables.length - 1];
          if (outer && outer.cell) outer.cell.parts.push(text.join(' '));  // nested table: flattened
          else lines.push(...text);
        }
        break;
      case 'w:tr':
        if (!t) break;
        if (!close) t.row = [];
        else if (t.row) { t.rows.push(t.row); t.row = null; }
        break;
      case 'w:gridBefore':
        if (t && t.row) {
          const n = parseInt(attr(a, 'w:val') || '0', 10);
          for (let k = 0; k < n && k < 64; k++) t.row.push({ text: '', span: 1, vmerge: null, parts: [] });
        }
        break;
      case 'w:tc':
        if (!t || !t.row) break;
        if (!close && !selfClose) t.cell = { text: '', span: 1, vmerge: null, parts: [] };
        else if (close && t.cell) {
          t.cell.text = t.cell.parts.map((s) => s.trim()).filter(Boolean).join('').replace(/\t/g, ' ');
          t.row.push(t.cell);
          t.cell = null;
        }
        break;
      case 'w:gridSpan':
        if (t && t.cell) t.cell.span = Math.max(1, Math.min(64, parseInt(attr(a, 'w:val') || '1', 10) || 1));
        break;
      case 'w:vMerge':
        if (t && t.cell) t.cell.vmerge = attr(a, 'w:val') === 'restart' ? 'restart' : 'continue';
        break;
      default: break;
    }
  }
  return lines.join('\n').replace(/\u00a0/g, ' ');
}

export async function docxToText(bytes) {
  const entries = zipEntries(bytes);
  const doc = entries.find((e) => e.name === 'word/document.xml');
  if (!doc) {
    const what = entries.some((e) => e.name.startsWith('xl/')) ? ['Excel 表格', 'an Excel workbook']
      : entries.some((e) => e.name.startsWith('ppt/')) ? ['PowerPoint 演示文稿', 'a PowerPoint presentation'] : ['压缩文件', 'a ZIP archive'];
    throw new FileReadError('unsupported', '这个文件是' + what[0] + '，不是 Word 文档（.docx）。请打开报告本身（PDF、Word .docx、网页或文本文件），或复制报告全文粘贴。',
      'This file is ' + what[1] + ', not a Word document (.docx). Open the report itself (PDF, Word .docx, web page or text file), or copy and paste its text.');
  }
  const xml = new TextDecoder('utf-8').decode(await zipRead(bytes, doc));
  return documentXmlToText(xml);
}
