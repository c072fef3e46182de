// One entry point for report files: PDF, Word (.docx), HTML and plain text → the text the core checks.
// The PDF reader (pdf.js) is injected as getPdfPages(bytes) → [[item]] per page, so this module has no
// dependency: Node.js passes pdfjs-node.mjs, the page passes its lazily started pdf.js worker.
import { FileReadError, docxToText } from './docx.mjs';
import { compactItem, pagesToText } from './layout.mjs';
import { decodeBytes, htmlToText } from './text.mjs';

export { FileReadError };

const MAX_BYTES = 64 * 1024 * 1024;

export function sniffKind(bytes, fileName = '') {
  const b = bytes;
  const ext = (/\.([a-z0-9]+)$/i.exec(fileName) || [])[1];
  const e = ext ? ext.toLowerCase() : '';
  // %PDF may follow some junk bytes (allowed by readers in the first 1 KiB)
  const head = String.fromCharCode(...b.subarray(0, Math.min(1024, b.length)));
  if (head.indexOf('%PDF-') >= 0) return 'pdf';
  if (b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5) ) return 'docx';
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) return 'ole';
  if (e === 'pdf') return 'pdf';
  if (e === 'docx') return 'docx';
  if (e === 'html' || e === 'htm' || e === 'xhtml' || e === 'mht') return 'html';
  if (/^\s*(<!doctype html|<html|<\?xml[^>]*>\s*<html)/i.test(head.replace(/^\ufeff|^\xef\xbb\xbf/, ''))) return 'html';
  return 'text';
}

// pdf.js exception → FileReadError.
export function pdfError(e) {
  if (e instanceof FileReadError) return e;
  const name = (e && e.name) || '';
  const msg = String((e && e.message) || e);
  if (name === 'PasswordException' || /password/i.test(msg)) {
    return new FileReadError('encrypted', '此PDF已加密（需要密码才能打开），无法读取。请先取消密码，或复制报告全文粘贴。',
      'This PDF is encrypted (it needs a password to open). Remove the password, or copy and paste the report text.');
  }
  return new FileReadError('corrupt', '此PDF文件已损坏或不是有效的PDF，无法读取。（' + msg + '）',
    'This PDF file is damaged or not a valid PDF. (' + msg + ')');
}

export function noTextError(pages) {
  return new FileReadError('no-text',
    '此PDF没有文字层（' + pages + '页，读不到文字）：可能是扫描件或图片，或者文件中的文字无法提取。请使用带文字的PDF，或复制报告全文粘贴。',
    'This PDF has no text layer (' + pages + ' pages, no readable text): it is probably scanned images, or its text ' +
    'cannot be extracted. Use a PDF with text, or copy and paste the report text.');
}

// Characters one expects in a report: CJK, ASCII, full-width and CJK punctuation.
const SANE = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\u0020-\u007e\u2010-\u2027\u00b7]/u;

export function pdfPagesToText(pages) {
  const compact = pages.map((items) => items.map((it) => (it && it.s !== undefined ? it : compactItem(it))).filter(Boolean));
  const r = pagesToText(compact);
  const chars = Array.from(r.text.replace(/\s+/g, ''));
  let sane = 0;
  for (const ch of chars) if (SANE.test(ch)) sane++;
  // A text layer worth the name: at least 20 readable characters per document and most of them sane
  // (fonts without a Unicode map give nothing, or private-use / control characters).
  if (sane < 20 || sane < 0.6 * chars.length) throw noTextError(pages.length);
  // pages without any text (a scanned page inside a text PDF): listed, 1-based
  const emptyPages = [];
  compact.forEach((items, i) => { if (!items.some((it) => it.s.trim())) emptyPages.push(i + 1); });
  return { text: r.text, pages: pages.length, chars: chars.length, emptyPages, linePages: r.linePages };
}

// bytes: Uint8Array | ArrayBuffer. Returns {kind, text, encoding?, pages?, linePages?} (linePages[i]: the
// PDF page of line i + 1 of text); throws FileReadError. onProgress(page, pages) while a PDF is read,
// when getPdfPages reports it (getPdfPages(bytes, onProgress)).
export async function extractFile(bytes, fileName = '', { getPdfPages, onProgress } = {}) {
  const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (!b.length) throw new FileReadError('empty', '文件是空的。', 'The file is empty.');
  if (b.length > MAX_BYTES) {
    throw new FileReadError('unsupported', '文件太大（超过 64 MiB）。', 'The file is too large (over 64 MiB).');
  }
  const kind = sniffKind(b, fileName);
  if (kind === 'pdf') {
    if (!getPdfPages) throw new FileReadError('unsupported', '此处不能读取PDF。', 'PDF files cannot be read here.');
    let pages;
    try {
      pages = await getPdfPages(b, onProgress);
    } catch (e) {
      throw pdfError(e);
    }
    return { kind, ...pdfPagesToText(pages) };
  }
  if (kind === 'docx') {
    const text = await docxToText(b);
    if (!text.trim()) throw new FileReadError('no-text', '这个 Word 文档里没有文字。', 'This Word document contains no text.');
    return { kind, text };
  }
  if (kind === 'ole') {
    throw new FileReadError('unsupported', '不支持旧版 Word（.doc）或加密的 Office 文件：请在 Word/WPS 中另存为 .docx 或 PDF。',
      'Old Word (.doc) or encrypted Office files are not supported: save the file as .docx or PDF in Word/WPS.');
  }
  if (kind === 'html') {
    const d = decodeBytes(b, { html: true });
    return { kind, text: htmlToText(d.text), encoding: d.encoding };
  }
  if (b.subarray(0, 8192).some((x, i, a) => x === 0 && !(a[0] === 0xff || a[0] === 0xfe))) {
    throw new FileReadError('unsupported', '无法识别的文件类型：请使用 PDF、Word（.docx）、网页（.html）或文本文件。',
      'Unrecognised file type: use PDF, Word (.docx), web page (.html) or a text file.');
  }
  const d = decodeBytes(b);
  return { kind, text: d.text, encoding: d.encoding };
}

// checkFile for an API: check(text, options) → result (object or promise). The result gets a `file`
// member {name, kind, pages?, encoding?, text} describing what was read; line/column numbers of the
// findings point into file.text.
export function makeCheckFile({ check, getPdfPages }) {
  return async function checkFile(bytes, fileName = '', options = {}) {
    const f = await extractFile(bytes, fileName, { getPdfPages });
    const result = await check(f.text, options);
    const obj = typeof result === 'string' ? JSON.parse(result) : result;
    obj.file = { name: fileName, ...f };
    return obj;
  };
}
