// Report files in the page: drop zone and file picker for PDF, Word (.docx), HTML and text files.
// Part of the page script (entry web/page.js, evaluated after app.js, whose UI it extends).
// pdf.js lives gzip-compressed (base64) in <template id="nianbao-pdfjs">; it is unpacked into a
// blob worker only when the first PDF arrives, so checking pasted text never pays for it.
import { applyStatic, noticeWithUndo, render, replaceText, revealVerdict, S, setNotice, setReportFileReader, state, ui } from '../app.js';
import { STRINGS, fmt } from '../i18n.js';
import { FileReadError, extractFile } from './files.mjs';

var FILE_STRINGS = {
  zh: {
    openFile: '打开文件',
    reportHint: '粘贴整篇报告，或把报告文件（PDF、Word .docx、网页、文本）拖到这里。文件只在本机读取，不上传。',
    dropHere: '松开鼠标，读取这个文件',
    fileReading: '正在读取 {name}…',
    undoFile: '原来的文字已移走。',
    fileReadPdf: '已读取 {name}（PDF，{pages} 页，用时 {ms} 毫秒）。下面是从文件中读出的文字，核验的就是这些内容；表格的每一行在一行里，单元格之间用制表符分隔。',
    fileReadDocx: '已读取 {name}（Word 文档）。下面是从文件中读出的文字，核验的就是这些内容；合并单元格已展开。',
    fileReadHtml: '已读取 {name}（网页，{enc}）。下面是从文件中读出的文字。',
    fileError: '无法读取 {name}：{msg}',
    pdfUnavailable: '这是不含 PDF 读取功能的精简版页面（nianbao-text.html），不能读取 PDF。请用完整版页面 nianbao.html（与本文件放在同一处）打开 PDF，或从 PDF 中复制报告全文粘贴到这里。',
    reportHintText: '粘贴整篇报告，或把报告文件（Word .docx、网页、文本）拖到这里。这个精简版页面不读取 PDF：PDF 请用完整版页面 nianbao.html。文件只在本机读取，不上传。',
    pdfEmptyPages: '注意：第 {list} 页没有文字层（可能是扫描图片），这些页的内容没有被核验。',
    kindPdf: 'PDF'
  },
  en: {
    openFile: 'Open a file',
    reportHint: 'Paste the whole report, or drop the report file (PDF, Word .docx, web page, text) here. Files are read on this computer only, never uploaded.',
    dropHere: 'Release to read this file',
    fileReading: 'Reading {name}…',
    undoFile: 'The previous text was put aside.',
    fileReadPdf: 'Read {name} (PDF, {pages} pages, {ms} ms). Below is the text recovered from the file: this is exactly what is checked; each table row is one line, cells separated by tabs.',
    fileReadDocx: 'Read {name} (Word document). Below is the text recovered from the file: this is exactly what is checked; merged cells are expanded.',
    fileReadHtml: 'Read {name} (web page, {enc}). Below is the text recovered from the file.',
    fileError: 'Could not read {name}: {msg}',
    pdfUnavailable: 'This is the light page without PDF support (nianbao-text.html): it cannot read PDF files. Open the PDF with the full page, nianbao.html (next to this file), or copy the report text from the PDF and paste it here.',
    reportHintText: 'Paste the whole report, or drop the report file (Word .docx, web page, text) here. This light page does not read PDF files: use the full page, nianbao.html, for PDFs. Files are read on this computer only, never uploaded.',
    pdfEmptyPages: 'Note: page(s) {list} have no text layer (probably scanned images); their content was not checked.',
    kindPdf: 'PDF'
  }
};
(function mergeFileStrings() {
  for (var lang in FILE_STRINGS) {
    if (!STRINGS[lang]) continue;
    for (var k in FILE_STRINGS[lang]) STRINGS[lang][k] = FILE_STRINGS[lang][k];
  }
})();

var pdfw = { worker: null, starting: null, next: 1, waiters: {}, bootMs: null };

function base64ToBytes(b64) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(b64.trim());
  var bin = atob(b64);
  var out = new Uint8Array(bin.length);
  for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

// Unpacks pdf.js and starts its worker (once). Resolves with the Worker.
function startPdfWorker() {
  if (pdfw.starting) return pdfw.starting;
  pdfw.starting = new Promise(function (resolve, reject) {
    var holder = document.getElementById('nianbao-pdfjs');
    var payload = holder ? (holder.content || holder).textContent : '';
    if (!payload) { reject(new Error(S().pdfUnavailable)); return; }
    var t0 = performance.now();
    var gz = new Blob([base64ToBytes(payload)]);
    new Response(gz.stream().pipeThrough(new DecompressionStream('gzip'))).blob().then(function (src) {
      var url = URL.createObjectURL(new Blob([src], { type: 'text/javascript' }));
      var w = new Worker(url);
      w.onmessage = function (ev) {
        var m = ev.data || {};
        if (m.type === 'pdf-ready') {
          URL.revokeObjectURL(url);
          pdfw.bootMs = performance.now() - t0;
          if (m.ok) resolve(w); else reject(new Error('pdf.js did not load'));
          return;
        }
        var waiter = pdfw.waiters[m.id];
        if (!waiter) return;
        if (m.type === 'progress') { if (waiter.progress) waiter.progress(m.page, m.pages); return; }
        delete pdfw.waiters[m.id];
        if (m.error) {
          var e = new Error(m.error.message);
          e.name = m.error.name;
          waiter.reject(e);
        } else {
          waiter.resolve(m.pages);
        }
      };
      w.onerror = function (ev) {
        if (ev && ev.preventDefault) ev.preventDefault();
        var err = new Error((ev && ev.message) || 'PDF worker error');
        reject(err);
        for (var id in pdfw.waiters) pdfw.waiters[id].reject(err);
        pdfw.waiters = {};
        pdfw.starting = null;  // a later PDF starts a fresh worker
        w.terminate();
      };
      pdfw.worker = w;
    }, reject);
  });
  pdfw.starting.catch(function () { pdfw.starting = null; });
  return pdfw.starting;
}

// pdf.js is unpacked and started as soon as a PDF is on its way (a PDF dragged over the input
// pane, the file picker opened), not only when it is dropped: the user's gesture hides most of
// the start-up. Never at load: text-only use never pays for it.
function prewarmPdf() {
  if (!pdfw.starting && hasPdfReader()) startPdfWorker().catch(function () { /* said when a PDF is read */ });
}

// Whether a drag carries a PDF (the types of dragged files are known before the drop; a browser
// that does not say counts as yes).
function carriesPdf(ev) {
  var items = ev.dataTransfer && ev.dataTransfer.items;
  if (!items || !items.length) return true;
  for (var i = 0; i < items.length; i++) {
    if (items[i].kind === 'file' && (items[i].type === 'application/pdf' || items[i].type === '')) return true;
  }
  return false;
}

// Whether this build carries pdf.js (nianbao-text.html does not). Looks at the payload's first
// text node only: reading its textContent would copy the whole payload (667 KB) at load.
function hasPdfReader() {
  var holder = document.getElementById('nianbao-pdfjs');
  var node = holder && (holder.content || holder).firstChild;
  return !!(node && node.nodeType === 3 && node.data.trim());
}

// getPdfPages for extractFile: bytes → [[item]] per page, in the pdf.js worker; onProgress(page, pages).
function pdfPagesInWorker(bytes, onProgress) {
  if (!hasPdfReader()) {
    var s = STRINGS;
    return Promise.reject(new FileReadError('unsupported', s.zh.pdfUnavailable, s.en.pdfUnavailable));
  }
  return startPdfWorker().then(function (w) {
    return new Promise(function (resolve, reject) {
      var id = pdfw.next++;
      pdfw.waiters[id] = { resolve: resolve, reject: reject, progress: onProgress };
      var copy = bytes.slice().buffer;  // transferred to the worker
      w.postMessage({ type: 'pdf', id: id, bytes: copy }, [copy]);
    });
  });
}

function extractInPage(bytes, name, onProgress) {
  return extractFile(bytes, name, { getPdfPages: pdfPagesInWorker, onProgress: onProgress });
}

// A File (PDF, Word, HTML, text) → Promise of its text, as the paste area's files are read (the
// previous year's report: web/previous.js).
export function extractReportFile(file) {
  return file.arrayBuffer().then(function (buf) { return extractInPage(new Uint8Array(buf), file.name || ''); });
}

// A file that could not be read: the reason in the verdict (once: no second notice), the paste area
// emptied (never an earlier text or result on screen for it; 「撤销」 brings the earlier text back).
function showFileError(name, e) {
  var err = e && e.code ? e : { message: String((e && e.message) || e) };
  state.reading = null;
  replaceText('', { keepInputError: true });
  state.inputError = { key: 'verdictFileError', kind: 'file-error', vars: { name: name }, error: err, code: (e && e.code) || 'error' };
  if (state.undo) noticeWithUndo('undoFile'); else setNotice(null);
  render();
  revealVerdict();
  document.body.setAttribute('data-file', 'error');
  document.body.setAttribute('data-file-error', (e && e.code) || 'error');
}

function fileNotice(f, name, ms) {
  return function (s) {
    var note;
    if (f.kind === 'pdf') {
      note = fmt(s.fileReadPdf, { name: name, pages: f.pages, ms: ms });
      if (f.emptyPages && f.emptyPages.length) note += ' ' + fmt(s.pdfEmptyPages, { list: f.emptyPages.join(', ') });
    } else if (f.kind === 'docx') note = fmt(s.fileReadDocx, { name: name });
    else if (f.kind === 'html') note = fmt(s.fileReadHtml, { name: name, enc: f.encoding });
    else note = fmt(s.fileRead, { name: name, enc: f.encoding });
    return note;
  };
}

// Reads one File (from the picker or a drop) into the paste area and checks it. While it is read,
// the results area says so (a PDF: page N of M).
var readSeq = 0;
function readReportFile(file) {
  var name = file.name || '';
  var t0 = performance.now();
  var seq = ++readSeq;
  document.body.setAttribute('data-file', 'reading');
  document.body.removeAttribute('data-file-error');
  state.reading = { name: name, page: 0, pages: 0 };
  state.inputError = null;
  setNotice(null);
  render();
  revealVerdict();
  function progress(page, pages) {
    if (seq !== readSeq || !state.reading) return;
    state.reading.page = page;
    state.reading.pages = pages;
    render();
  }
  return file.arrayBuffer().then(function (buf) {
    return extractInPage(new Uint8Array(buf), name, progress);
  }).then(function (f) {
    if (seq !== readSeq) return f;  // a newer file was given meanwhile
    var ms = Math.round(performance.now() - t0);
    state.timing.lastFileRead = ms;
    state.reading = null;
    replaceText(f.text, {
      file: { name: name, kind: f.kind, pages: f.pages, linePages: f.linePages || null, lineCount: f.text.split('\n').length, emptyPages: f.emptyPages || [], encoding: f.encoding, ms: ms }
    });
    noticeWithUndo(fileNotice(f, name, ms), null, 'info');
    document.body.setAttribute('data-file', 'read');
    document.body.setAttribute('data-file-kind', f.kind);
    return f;
  }, function (e) {
    if (seq === readSeq) showFileError(name, e);
    throw e;
  });
}

setReportFileReader(readReportFile);  // the file picker of app.js

// Drop zone: the whole input pane. Files dropped anywhere else are refused (the browser would
// otherwise navigate away to the file).
(function wireDrop() {
  var zone = ui.editor.closest('.input-pane') || ui.editor;
  var depth = 0;
  function hasFiles(ev) {
    var dt = ev.dataTransfer;
    if (!dt) return false;
    var types = dt.types || [];
    for (var i = 0; i < types.length; i++) if (types[i] === 'Files') return true;
    return false;
  }
  zone.addEventListener('dragenter', function (ev) {
    if (!hasFiles(ev)) return;
    ev.preventDefault();
    if (carriesPdf(ev)) prewarmPdf();
    depth++;
    zone.classList.add('drop-active');
    zone.setAttribute('data-drop-label', S().dropHere);
  });
  zone.addEventListener('dragover', function (ev) {
    if (!hasFiles(ev)) return;
    ev.preventDefault();
    ev.dataTransfer.dropEffect = 'copy';
  });
  zone.addEventListener('dragleave', function () {
    depth = Math.max(0, depth - 1);
    if (!depth) zone.classList.remove('drop-active');
  });
  zone.addEventListener('drop', function (ev) {
    depth = 0;
    zone.classList.remove('drop-active');
    var files = ev.dataTransfer && ev.dataTransfer.files;
    if (!files || !files.length) return;  // a text drop: the textarea handles it
    // the previous year's report has its own box (web/previous.js)
    if (ev.target && ev.target.closest && ev.target.closest('#previous-box')) return;
    ev.preventDefault();
    ev.stopPropagation();
    readReportFile(files[0]).catch(function () { /* shown in the page */ });
  }, true);
  // The file picker: the dialog takes the user seconds, enough to have pdf.js ready for a PDF.
  ui.file.addEventListener('click', prewarmPdf);
  window.addEventListener('dragover', function (ev) { if (hasFiles(ev)) ev.preventDefault(); });
  window.addEventListener('drop', function (ev) { if (hasFiles(ev)) ev.preventDefault(); });
  // The pdf.js payload comes after the page script (web/build.mjs): known once the page is parsed.
  function pdfOrNot() {
    ui.file.setAttribute('accept', (hasPdfReader() ? '.pdf,application/pdf,' : '') + '.docx,.html,.htm,.txt,.text,.csv,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/html,text/plain');
    if (!hasPdfReader()) {
      // the light page says plainly that it does not read PDF, and where the full page is
      var hint = document.getElementById('report-hint');
      if (hint) hint.setAttribute('data-i18n', 'reportHintText');
    }
    applyStatic();
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', pdfOrNot);
  else pdfOrNot();
})();

// API hooks for embedders and tests: window.nianbao.extractFile(bytes, name) → {kind, text, ...};
// window.nianbao.checkFile(bytes, name, options) → result with result.file = {name, kind, text, ...}.
window.nianbao.extractFile = function (bytes, name) {
  return extractInPage(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), String(name || ''));
};
window.nianbao.checkFile = function (bytes, name, options) {
  return window.nianbao.extractFile(bytes, name).then(function (f) {
    return window.nianbao.check(f.text, options).then(function (r) {
      r.file = { name: String(name || ''), kind: f.kind, pages: f.pages, encoding: f.encoding, text: f.text };
      return r;
    });
  });
};
window.nianbao.readFile = readReportFile;
window.nianbao.pdfTiming = function () { return { bootMs: pdfw.bootMs, started: !!pdfw.worker }; };
