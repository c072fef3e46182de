// nianbao.js: the nianbao checker (年报核验) as an ES module for browsers (main thread or worker)
// and Node.js 20. It loads its WebAssembly from nianbao.wasm next to this file, or from where
// createChecker({ wasmUrl | wasmBinary | wasmModule }) says.
//
//   import { createChecker } from './nianbao.js';
//   const checker = await createChecker();
//   const result = checker.check(text, { ignore: ['section1-topics'], minSeverity: 'warning' });
//   // result: the JSON contract (spec/output.md) as an object, the same as
//   //   nianbao check --format json --ignore section1-topics --min-severity warning FILE
//
// Source: web/embed/api.js. web/embed/build.mjs bundles it (esbuild) with the Emscripten glue
// (the build's nianbao.mjs, which defines createNianbao: the first import below) and the report-file
// extraction of web/pdf/ into dist/nianbao.js; the types are in web/embed/nianbao.d.ts. Everything
// runs synchronously once loaded; the only network or disk access is the one read of nianbao.wasm.
//
// Report files (PDF, Word .docx, HTML, text): checker.checkFile(bytes, fileName, options) and
// extractFile(bytes, fileName) use the extraction of web/pdf/. PDFs are read by pdf.js, loaded only
// when the first PDF arrives: in browsers the classic worker nianbao-pdf.js next to this file
// (build.mjs writes it), in Node.js the npm package pdfjs-dist (legacy build; resolved from this
// file's folder, then from the working folder).
import createNianbao from './nianbao.mjs';
import * as reportFiles from '../pdf/browser.mjs';
import { toCellsCsv, toFindingsCsv } from '../batch-csv.js';

// The batch spreadsheets of checkMany()'s results: nianbao check --format csv / --format cells.
export { toCellsCsv, toFindingsCsv };

const SEVERITIES = ['info', 'warning', 'error'];
const KNOWN_OPTIONS = ['ignore', 'minSeverity', 'previous', 'scope'];
const SCOPES = ['auto', 'full', 'excerpt'];
const DEFAULT_WASM_URL = new URL('./nianbao.wasm', import.meta.url);

const isNode =
  typeof process === 'object' && process !== null && typeof process.versions === 'object' &&
  process.versions !== null && typeof process.versions.node === 'string' &&
  typeof window === 'undefined';

// An error of the API. code: 'invalid-options' (bad option value, unknown rule id),
// 'invalid-input' (text is not a string), 'load-failed' (the wasm could not be loaded),
// 'core-failed' (the core aborted on an input; the checker restarts itself),
// 'restarting' (check() called while the checker restarts; await checker.ready).
export class NianbaoError extends Error {
  constructor(code, message, cause) {
    super(message);
    this.name = 'NianbaoError';
    this.code = code;
    if (cause !== undefined) this.cause = cause;
  }
}

// ---------------------------------------------------------------------------------------------
// Report files: PDF, Word (.docx), HTML and text files → the text the core checks.
export const FileReadError = reportFiles.FileReadError;
const DEFAULT_PDF_WORKER_URL = new URL('./nianbao-pdf.js', import.meta.url);
const PDFJS_NODE = 'pdfjs-dist/legacy/build/pdf.mjs';
const pdfReaders = new Map();  // worker URL → getPdfPages (one pdf.js worker per URL, started on first use)
let nodePdfjs = null;

// pdf.js in Node.js: the legacy build of pdfjs-dist (no canvas needed for text; DOMMatrix is stubbed).
function loadNodePdfjs() {
  if (!nodePdfjs) {
    nodePdfjs = (async () => {
      const { createRequire } = await import('node:module');
      const { pathToFileURL } = await import('node:url');
      let path = null;
      for (const from of [import.meta.url, pathToFileURL(process.cwd() + '/').href]) {
        try {
          path = createRequire(from).resolve(PDFJS_NODE);
          break;
        } catch { /* next */ }
      }
      if (!path) {
        throw new FileReadError('unsupported', '在 Node.js 中读取 PDF 需要 npm 包 pdfjs-dist：npm install pdfjs-dist@5.6.205',
          'Reading PDF files in Node.js needs the npm package pdfjs-dist: npm install pdfjs-dist@5.6.205');
      }
      if (typeof globalThis.DOMMatrix === 'undefined') {
        globalThis.DOMMatrix = class DOMMatrix {
          constructor() { Object.assign(this, { a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 }); }
        };
      }
      // pdf.js says on the console that it cannot polyfill canvas classes (used for rendering only).
      const { warn, log } = console;
      const quiet = (f) => (...a) => { if (!/polyfill|@napi-rs\/canvas/.test(String(a[0]))) f.apply(console, a); };
      console.warn = quiet(warn);
      console.log = quiet(log);
      try {
        return await import(pathToFileURL(path).href);
      } finally {
        console.warn = warn;
        console.log = log;
      }
    })();
    nodePdfjs.catch(() => { nodePdfjs = null; });
  }
  return nodePdfjs;
}

async function nodePdfPages(bytes) {
  const pdfjs = await loadNodePdfjs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, disableFontFace: true,
    useSystemFonts: false, stopAtErrors: false
  });
  try {
    const doc = await task.promise;
    const pages = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      pages.push((await page.getTextContent()).items);  // compacted by the extraction
      page.cleanup();
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

function pdfReader(pdfWorkerUrl) {
  if (isNode && (pdfWorkerUrl === undefined || pdfWorkerUrl === null)) return nodePdfPages;
  const base = typeof location !== 'undefined' && location && location.href ? location.href : import.meta.url;
  const href = pdfWorkerUrl === undefined || pdfWorkerUrl === null ? DEFAULT_PDF_WORKER_URL.href : new URL(String(pdfWorkerUrl), base).href;
  let read = pdfReaders.get(href);
  if (!read) {
    const inWorker = reportFiles.workerPdfPages(href);
    // A worker that cannot start (the host's CSP, a missing nianbao-pdf.js) is not a damaged PDF.
    read = async (bytes) => {
      try {
        return await inWorker(bytes);
      } catch (e) {
        const what = `${(e && e.name) || ''} ${(e && e.message) || e}`;
        if (/SecurityError|worker|did not load|Failed to construct/i.test(what) && !/PDF/.test((e && e.name) || '')) {
          throw new FileReadError('unsupported',
            `PDF 读取器（${href}）无法启动：网页的安全策略（CSP 需允许 worker-src blob: 与 connect-src）或文件缺失。（${what.trim()}）`,
            `The PDF reader (${href}) could not start: the page's security policy (CSP must allow worker-src blob: and connect-src) or a missing file. (${what.trim()})`);
        }
        throw e;
      }
    };
    pdfReaders.set(href, read);
  }
  return read;
}

async function bytesOf(data, fileName) {
  if (typeof Blob !== 'undefined' && data instanceof Blob) {
    return { bytes: new Uint8Array(await data.arrayBuffer()), name: fileName || data.name || '' };
  }
  if (data instanceof ArrayBuffer) return { bytes: new Uint8Array(data), name: fileName };
  if (ArrayBuffer.isView(data)) return { bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), name: fileName };
  throw new NianbaoError('invalid-input', 'bytes must be an ArrayBuffer, a typed array (e.g. a Node.js Buffer) or a Blob/File');
}

// Reads a report file (PDF, .docx, HTML, text) and resolves to { kind, text, pages?, encoding?,
// emptyPages?, linePages? (PDF: the page of each line of text) }; rejects with a FileReadError (code
// 'no-text' | 'encrypted' | 'corrupt' | 'unsupported' | 'empty'; message in Chinese, message_en in
// English) when it cannot be read. init.onProgress(page, pages) is called as a PDF's pages are read.
export async function extractFile(data, fileName = '', init = {}) {
  const { bytes, name } = await bytesOf(data, fileName === undefined || fileName === null ? '' : String(fileName));
  const o = init && typeof init === 'object' ? init : {};
  return reportFiles.extractFile(bytes, name, { getPdfPages: pdfReader(o.pdfWorkerUrl), onProgress: o.onProgress });
}

// Makes `element` accept a dropped report file: onText(text, { name, kind, pages, encoding, linePages,
// emptyPages }) with the text read from it, or onError(error, name); onProgress(page, pages) while a
// PDF is read. init.pdfWorkerUrl as for extractFile.
export function attachFileDrop(element, { onText, onError, onProgress, pdfWorkerUrl } = {}) {
  reportFiles.attachFileDrop(element, { getPdfPages: pdfReader(pdfWorkerUrl), onText, onError, onProgress });
}

// ---------------------------------------------------------------------------------------------
// Loading: one compiled WebAssembly.Module per wasm URL, shared by every checker of the realm.
const compiled = new Map();

async function fetchBytes(url) {
  if (isNode && url.protocol === 'file:') {
    const { readFile } = await import('node:fs/promises');
    return readFile(url);
  }
  const response = await fetch(url.href, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url.href}`);
  return response;
}

async function compileFrom(url) {
  const got = await fetchBytes(url);
  if (typeof Response !== 'undefined' && got instanceof Response) {
    const type = got.headers.get('content-type') || '';
    if (typeof WebAssembly.compileStreaming === 'function' && /^application\/wasm\b/i.test(type)) {
      return WebAssembly.compileStreaming(got);
    }
    return WebAssembly.compile(await got.arrayBuffer());
  }
  return WebAssembly.compile(got);
}

function resolveUrl(wasmUrl) {
  if (wasmUrl === undefined || wasmUrl === null) return DEFAULT_WASM_URL;
  const base = typeof location !== 'undefined' && location && location.href ? location.href : import.meta.url;
  return new URL(String(wasmUrl), base);
}

function loadModule(init) {
  if (init.wasmModule !== undefined) {
    if (!(init.wasmModule instanceof WebAssembly.Module)) {
      return Promise.reject(new NianbaoError('invalid-options', 'wasmModule must be a WebAssembly.Module'));
    }
    return Promise.resolve(init.wasmModule);
  }
  if (init.wasmBinary !== undefined) {
    const b = init.wasmBinary;
    if (!(b instanceof ArrayBuffer || ArrayBuffer.isView(b))) {
      return Promise.reject(new NianbaoError('invalid-options', 'wasmBinary must be an ArrayBuffer or a typed array'));
    }
    return WebAssembly.compile(b);
  }
  const url = resolveUrl(init.wasmUrl);
  let p = compiled.get(url.href);
  if (!p) {
    p = compileFrom(url);
    compiled.set(url.href, p);
    // A failed load is not cached: a later createChecker() tries again.
    p.catch(() => { if (compiled.get(url.href) === p) compiled.delete(url.href); });
  }
  return p.catch((e) => {
    throw new NianbaoError('load-failed', `nianbao: cannot load ${url.href}: ${(e && e.message) || e}`, e);
  });
}

// A fresh instance of the core on a compiled module. The Emscripten runtime's own console
// output is kept (last lines) for error messages instead of being printed on the host page.
function instantiate(mod) {
  const log = [];
  const keep = (m) => { log.push(String(m)); if (log.length > 8) log.shift(); };
  return new Promise((resolve, reject) => {
    createNianbao({
      instantiateWasm(imports, receive) {
        WebAssembly.instantiate(mod, imports).then((instance) => receive(instance, mod), reject);
        return {};
      },
      print: keep,
      printErr: keep
    }).then((core) => resolve({ core, log }), reject);
  });
}

// ---------------------------------------------------------------------------------------------
// Options, as the CLI takes them: --ignore ID,ID (known rule ids only), --min-severity, --scope
// and --previous (here the previous year's report as text).
function normaliseOptions(options, ruleIds, allowFile = false) {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new NianbaoError('invalid-options', 'options must be an object: { ignore, minSeverity, previous, scope }');
  }
  for (const key of Object.keys(options)) {
    if (!KNOWN_OPTIONS.includes(key)) {
      throw new NianbaoError('invalid-options', `未知选项：${key}（unknown option; known: ${KNOWN_OPTIONS.join(', ')}）`);
    }
  }
  const out = {};
  const ignore = options.ignore;
  if (ignore !== undefined && ignore !== null) {
    let list;
    if (typeof ignore === 'string') list = ignore.split(',');
    else if (Array.isArray(ignore) && ignore.every((x) => typeof x === 'string')) list = ignore;
    else throw new NianbaoError('invalid-options', 'ignore must be an array of rule ids or a comma-separated string');
    list = list.map((id) => id.trim()).filter((id) => id !== '');
    for (const id of list) {
      if (!ruleIds.has(id)) {
        throw new NianbaoError('invalid-options', `未知规则：${id}（unknown rule id; see rules()）`);
      }
    }
    if (list.length) out.ignore = list;
  }
  const sev = options.minSeverity;
  if (sev !== undefined && sev !== null) {
    if (!SEVERITIES.includes(sev)) {
      throw new NianbaoError('invalid-options', `minSeverity 只能是 info、warning 或 error（got: ${String(sev)}）`);
    }
    out.minSeverity = sev;
  }
  const scope = options.scope;
  if (scope !== undefined && scope !== null) {
    if (!SCOPES.includes(scope)) {
      throw new NianbaoError('invalid-options', `scope 只能是 auto、full 或 excerpt（got: ${String(scope)}）`);
    }
    out.scope = scope;
  }
  const previous = options.previous;
  if (previous !== undefined && previous !== null) {
    if (typeof previous === 'string') {
      if (previous !== '') out.previous = previous;
    } else if (allowFile && typeof previous === 'object' && 'bytes' in previous) {
      out.previous = previous;  // checkFile: read like the main file, then passed as text
    } else {
      throw new NianbaoError('invalid-options', allowFile
        ? 'previous must be the previous report\'s text or { bytes, name } (a file)'
        : 'previous must be a string (the previous year\'s report as text)');
    }
  }
  return out;
}

// A JS string may hold lone surrogates; the core gets well-formed UTF-8 (U+FFFD for them), as
// TextEncoder and the CLI's reading of a file would give.
function wellFormed(text) {
  if (typeof text.toWellFormed === 'function') return text.toWellFormed();
  return text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g, (m) => (m.length === 2 ? m : '\uFFFD'));
}

// checkMany's crossYear (the CLI's --cross-year): each checked report paired with the one input
// of the same agency (same(a, b): the core's agencies_match) and the year before; recheck(i, j)
// checks input i again against input j. Several candidates: none is taken, they are listed
// (previousCandidates, their indices); copies of one text count as one report.
function pairYears(out, texts, same, recheck) {
  const ids = out.map((e, i) => {
    const report = e.result && !e.error && e.result.report;
    return report && typeof report.agency === 'string' && Number.isInteger(report.year) && typeof texts[i] === 'string'
      ? { agency: report.agency, year: report.year } : null;
  });
  const found = ids.map((id) => (id === null ? [] : ids.flatMap((other, j) =>
    (other !== null && other.year === id.year - 1 && same(id.agency, other.agency) ? [j] : []))));
  found.forEach((list, i) => {
    if (list.length === 0) return;
    if (list.every((j) => texts[j] === texts[list[0]])) {
      recheck(i, list[0]);
      out[i].previousFile = out[list[0]].file;
      out[i].previousIndex = list[0];
    } else {
      out[i].previousCandidates = list;
    }
  });
}

// ---------------------------------------------------------------------------------------------
function makeChecker(mod, first, pdfWorkerUrl) {
  let core = first.core;
  let log = first.log;
  let ready = Promise.resolve();
  let failure = null;
  const version = String(core.version());
  const rulesJson = core.rules();
  const parsedRules = JSON.parse(rulesJson);
  const ruleList = Array.isArray(parsedRules) ? parsedRules : parsedRules.rules || [];
  const ruleIds = new Set(ruleList.map((r) => r.id));
  const cellsJson = core.cells();

  function restart(cause) {
    core = null;
    failure = cause;
    ready = instantiate(mod).then((next) => {
      core = next.core;
      log = next.log;
      failure = null;
    });
    ready.catch(() => { /* reported by the next check() */ });
  }

  function checkJSON(text, options) {
    if (typeof text !== 'string') {
      throw new NianbaoError('invalid-input', `text must be a string, got ${text === null ? 'null' : typeof text}`);
    }
    const opts = normaliseOptions(options, ruleIds);
    if (opts.previous !== undefined) opts.previous = wellFormed(opts.previous);
    if (!core) {
      throw new NianbaoError('restarting',
        `nianbao: the core is restarting after a failure (${failure && failure.message}); await checker.ready`);
    }
    try {
      return core.check(wellFormed(text), JSON.stringify(opts));
    } catch (e) {
      const detail = log.length ? `; ${log[log.length - 1]}` : '';
      restart(e);
      throw new NianbaoError('core-failed', `nianbao: the core failed on this input: ${(e && e.message) || e}${detail}`, e);
    }
  }

  const checker = Object.freeze({
    version,
    get ready() { return ready; },
    check(text, options) { return JSON.parse(checkJSON(text, options)); },
    checkJSON,
    rules() { return JSON.parse(rulesJson); },
    // The canonical cells in canonical order with their labels (zh, en): the ids in result.cells
    // and in findings' `cells`.
    cells() { return JSON.parse(cellsJson); },
    // Reads a report file and checks its text: the result of check() plus `file` = { name, kind,
    // text (what was checked; findings' lines point into it), pages?, encoding?, emptyPages? }.
    // options.previous may also be a file, { bytes, name }: read the same way, then checked against.
    async checkFile(data, fileName = '', options) {
      const opts = normaliseOptions(options, ruleIds, true);  // bad options are refused before the file is read
      const name = fileName === undefined || fileName === null ? '' : String(fileName);
      const { bytes, name: shown } = await bytesOf(data, name);
      const getPdfPages = pdfReader(pdfWorkerUrl);
      const f = await reportFiles.extractFile(bytes, shown, { getPdfPages });
      let textOptions = options;
      if (opts.previous !== undefined && typeof opts.previous !== 'string') {
        const p = opts.previous;
        const prev = await bytesOf(p.bytes, p.name === undefined || p.name === null ? '' : String(p.name));
        const pf = await reportFiles.extractFile(prev.bytes, prev.name, { getPdfPages });
        textOptions = { ...options, previous: pf.text };
      }
      const result = JSON.parse(checkJSON(f.text, textOptions));
      result.file = { name: shown, ...f };
      return result;
    },
    // Many reports, one after another (nianbao check FILE...): inputs are { name, text },
    // { name, bytes } or File/Blob objects. Resolves to one entry per input, in input order:
    // { file, result } when checked; { file, error: { code, message, message_en? } } when the input
    // could not be read (FileReadError codes, 'invalid-input', 'core-failed'); and for a text the
    // core refused as no report, { file, error: { code: 'not-a-report', message }, result } (result:
    // the core's document with its `error`). Nothing stops the batch. options: as for check(), plus
    // onProgress({ done, total, file }) before each input (file: its name) and once at the end
    // (file: null), and signal (an AbortSignal: the promise rejects with its reason). crossYear:
    // true pairs the inputs as `nianbao check --cross-year` does: a report with exactly one input
    // of the same agency and the year before is checked against it (its entry gets previousFile
    // and previousIndex); with several, none is taken (previousCandidates: their indices).
    async checkMany(inputs, options) {
      const o = options === undefined || options === null ? {} : options;
      if (typeof o !== 'object' || Array.isArray(o)) {
        throw new NianbaoError('invalid-options', 'options must be an object: { ignore, minSeverity, previous, scope, crossYear, onProgress, signal }');
      }
      const { onProgress, signal, crossYear, ...checkOptions } = o;
      if (crossYear !== undefined && crossYear !== null && typeof crossYear !== 'boolean') {
        throw new NianbaoError('invalid-options', 'crossYear must be true or false');
      }
      if (crossYear && checkOptions.previous !== undefined && checkOptions.previous !== null) {
        throw new NianbaoError('invalid-options', 'crossYear pairs the inputs themselves: leave out previous');
      }
      if (onProgress !== undefined && onProgress !== null && typeof onProgress !== 'function') {
        throw new NianbaoError('invalid-options', 'onProgress must be a function');
      }
      if (signal !== undefined && signal !== null && (typeof signal !== 'object' || typeof signal.aborted !== 'boolean')) {
        throw new NianbaoError('invalid-options', 'signal must be an AbortSignal');
      }
      normaliseOptions(checkOptions, ruleIds, true);  // refused before anything is read
      if (inputs === null || inputs === undefined || typeof inputs[Symbol.iterator] !== 'function' || typeof inputs === 'string') {
        throw new NianbaoError('invalid-input', 'inputs must be an array of { name, text }, { name, bytes } or File/Blob objects');
      }
      const list = Array.from(inputs);
      const total = list.length;
      const stop = () => {
        if (!signal || !signal.aborted) return;
        if (signal.reason !== undefined) throw signal.reason;
        const e = new Error('The operation was aborted');
        e.name = 'AbortError';
        throw e;
      };
      const out = [];
      const texts = [];  // crossYear: what each input's check read (held only then)
      for (let i = 0; i < total; i++) {
        stop();
        const input = list[i];
        const isBlob = typeof Blob !== 'undefined' && input instanceof Blob;
        const rawName = input && (isBlob ? input.name : input.name);
        const file = rawName === undefined || rawName === null ? '' : String(rawName);
        if (onProgress) onProgress({ done: i, total, file });
        try {
          await ready;
          let result;
          if (isBlob) {
            result = await checker.checkFile(input, file, checkOptions);
            if (crossYear) texts[i] = result.file.text;
          } else if (input && typeof input === 'object' && typeof input.text === 'string') {
            result = JSON.parse(checkJSON(input.text, checkOptions));
            if (crossYear) texts[i] = input.text;
          } else if (input && typeof input === 'object' && input.bytes !== undefined && input.bytes !== null) {
            result = await checker.checkFile(input.bytes, file, checkOptions);
            if (crossYear) texts[i] = result.file.text;
          } else {
            throw new NianbaoError('invalid-input', 'an input must be { name, text }, { name, bytes } or a File/Blob');
          }
          if (result.error) {
            out.push({ file, error: { code: 'not-a-report', message: String(result.error.message || result.error) }, result });
          } else {
            out.push({ file, result });
          }
        } catch (e) {
          if (e && e.code === 'invalid-options') throw e;
          const error = { code: (e && e.code) || 'error', message: String((e && e.message) || e) };
          if (e && e.message_en) error.message_en = e.message_en;
          out.push({ file, error });
        }
        // Between inputs: let the host's events run (progress, a cancel button).
        if (i + 1 < total) await new Promise((resolve) => setTimeout(resolve, 0));
      }
      if (crossYear) {
        stop();
        await ready;
        pairYears(out, texts, (a, b) => core.agenciesMatch(a, b), (i, j) => {
          const again = JSON.parse(checkJSON(texts[i], { ...checkOptions, previous: texts[j] }));
          if (out[i].result.file) again.file = out[i].result.file;
          out[i].result = again;
        });
      }
      stop();
      if (onProgress) onProgress({ done: total, total, file: null });
      return out;
    }
  });
  return checker;
}

// Loads the core once per wasm source (later calls reuse the compiled module) and resolves to a
// checker: { version, check(text, options), checkJSON(text, options), rules(), cells(), ready,
// checkFile(bytes, fileName, options), checkMany(inputs, options) }. init.pdfWorkerUrl: where nianbao-pdf.js is (browsers).
export async function createChecker(init = {}) {
  if (init === null || typeof init !== 'object') {
    throw new NianbaoError('invalid-options', 'createChecker() takes an object: { wasmUrl, wasmBinary, wasmModule, pdfWorkerUrl }');
  }
  const mod = await loadModule(init);
  let first;
  try {
    first = await instantiate(mod);
  } catch (e) {
    throw new NianbaoError('load-failed', `nianbao: cannot start the core: ${(e && e.message) || e}`, e);
  }
  return makeChecker(mod, first, init.pdfWorkerUrl);
}

export default createChecker;
