// Report files for the ES-module API (dist/nianbao.js) and the widget, in browsers: the same
// extraction as the page, with pdf.js started lazily in a classic worker from a sibling file
// (dist/nianbao-pdf.js, written by `node web/pdf/bundle.mjs --worker DIST/nianbao-pdf.js`), so that
// checking text never loads pdf.js. In Node.js use ./pdfjs-node.mjs (getPdfPages) instead.
//
//   import { makeCheckFile, workerPdfPages } from './pdf/browser.mjs';
//   const getPdfPages = workerPdfPages(new URL('./nianbao-pdf.js', import.meta.url));
//   checker.checkFile = makeCheckFile({ check: (t, o) => checker.check(t, o), getPdfPages });
//   const result = await checker.checkFile(bytes, 'report.pdf');   // result.file.text: what was checked
//
//   attachFileDrop(element, { getPdfPages, onText(text, file), onError(err, file) })  // widget hook
export { extractFile, makeCheckFile, sniffKind, FileReadError } from './files.mjs';
import { extractFile } from './files.mjs';

// Starts the pdf.js worker on first use. The worker script is fetched and started from a blob URL,
// so a module served from another origin (a CDN) works too; same-origin URLs are also started directly
// if fetch is not allowed.
export function workerPdfPages(workerUrl) {
  let starting = null;
  let next = 1;
  const waiters = new Map();
  function start() {
    if (starting) return starting;
    starting = (async () => {
      let url;
      try {
        const res = await fetch(String(workerUrl));
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        url = URL.createObjectURL(new Blob([await res.text()], { type: 'text/javascript' }));
      } catch {
        url = String(workerUrl);
      }
      const w = new Worker(url);
      await new Promise((resolve, reject) => {
        w.onmessage = (ev) => {
          const m = ev.data || {};
          if (m.type === 'pdf-ready') { if (m.ok) resolve(); else reject(new Error('pdf.js did not load')); return; }
          const p = waiters.get(m.id);
          if (!p) return;
          if (m.type === 'progress') { if (p.progress) p.progress(m.page, m.pages); return; }
          waiters.delete(m.id);
          if (m.error) { const e = new Error(m.error.message); e.name = m.error.name; p.reject(e); } else p.resolve(m.pages);
        };
        w.onerror = (ev) => {
          if (ev && ev.preventDefault) ev.preventDefault();
          const e = new Error((ev && ev.message) || 'PDF worker error');
          reject(e);
          for (const p of waiters.values()) p.reject(e);
          waiters.clear();
          starting = null;
          w.terminate();
        };
      });
      if (url.startsWith('blob:')) URL.revokeObjectURL(url);
      return w;
    })();
    starting.catch(() => { starting = null; });
    return starting;
  }
  // onProgress(page, pages): called as each page has been read
  return async function getPdfPages(bytes, onProgress) {
    const w = await start();
    return new Promise((resolve, reject) => {
      const id = next++;
      waiters.set(id, { resolve, reject, progress: onProgress });
      const copy = bytes.slice().buffer;
      w.postMessage({ type: 'pdf', id, bytes: copy }, [copy]);
    });
  };
}

// Makes `element` accept dropped report files; calls onText(text, info) with the recovered text
// (info: {name, kind, pages, encoding}) or onError(error, name) (error.code, error.message, error.message_en).
export function attachFileDrop(element, { getPdfPages, onText, onError, onProgress }) {
  const hasFiles = (ev) => !!ev.dataTransfer && Array.from(ev.dataTransfer.types || []).includes('Files');
  const over = (ev) => { if (hasFiles(ev)) { ev.preventDefault(); ev.dataTransfer.dropEffect = 'copy'; } };
  element.addEventListener('dragenter', over);
  element.addEventListener('dragover', over);
  element.addEventListener('drop', async (ev) => {
    const file = ev.dataTransfer && ev.dataTransfer.files && ev.dataTransfer.files[0];
    if (!file) return;
    ev.preventDefault();
    ev.stopPropagation();
    await readFileInto(file, { getPdfPages, onText, onError, onProgress });
  }, true);
}

export async function readFileInto(file, { getPdfPages, onText, onError, onProgress }) {
  try {
    const f = await extractFile(new Uint8Array(await file.arrayBuffer()), file.name || '', { getPdfPages, onProgress });
    onText(f.text, { name: file.name || '', kind: f.kind, pages: f.pages, encoding: f.encoding, linePages: f.linePages, emptyPages: f.emptyPages });
  } catch (e) {
    if (onError) onError(e, file.name || ''); else throw e;
  }
}
