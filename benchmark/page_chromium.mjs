// The single-file page in headless Chromium (issue 16, targets 1 and 2): what is parsed at load,
// navigation -> ready from file://, and a corpus PDF dropped on the page -> findings shown.
// Prints JSON on stdout; benchmark/wasm_chromium.mjs runs it for scripts/bench.sh (its `page`
// field) and benchmark/table.mjs puts it in the table.
//
//   node benchmark/page_chromium.mjs [--page build/wasm/dist/nianbao.html] [--compare OTHER.html]
//        [--loads 9] [--pdf-rounds 3] [--no-pdf] [--corpus ../shared/corpus]
//
// What is measured (all wall time, Chromium's own clock in the page):
//  - bytes: `atLoad` is what the browser parses when the page loads: the whole file except the
//    pdf.js payload (an inert <template>, unpacked only when the first PDF arrives), i.e. the HTML,
//    the CSS, the scripts and the inlined wasm; raw and gzip -9 (web/build.mjs pageParts).
//  - ready: performance.now() in the page when the worker said it is ready and the page has taken
//    the rule and cell catalogues (window.nianbao.state().timing.ready): from then on a check runs.
//    `readyFirstMs` is the first load in a fresh browser (cold: nothing cached), `readyWarm*` the
//    later loads in the same browser (a new tab each). With the breakdown of the median warm load:
//    response end, DOMContentLoaded, and the worker's and boot script's marks (page clock).
//  - pdf: for 001-003 source.pdf, a fresh tab is loaded and the PDF dropped on the input pane
//    (dragenter, dragover, drop at once, as tests/e2e/pdf.e2e.mjs does): `firstMs` from the drop
//    to the findings shown, which includes unpacking and starting pdf.js; then the same file
//    dropped again in that tab: `afterMs`. `firstPdfjsStartMs`: of the first, unpacking pdf.js and
//    starting its worker (window.nianbao.pdfTiming().bootMs). `firstDraggedMs`: first use in
//    another fresh tab when the file was dragged over the pane for 500 ms before the drop (the
//    page starts pdf.js on dragenter), from the drop. Medians over --pdf-rounds rounds.
// --compare: the same measurements of a second page, loads interleaved with the first (a busy
// machine disturbs both alike); printed under `compare`.
/* global window, document, DataTransfer, DragEvent */  // in functions that run in the page
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { pageParts } from '../web/build.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const DRAG_MS = 500;
const PDFS = ['001-huaian-hongze-2023', '002-huaian-hongze-2024', '003-huaian-city-2024'];
const launchArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const median = (xs) => {
  const s = xs.filter((x) => x != null).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : null;
};
const round1 = (x) => (x == null ? null : Math.round(x * 10) / 10);

// Records the worker's ready message (its start-up marks) before any page script runs.
function recordWorkers() {
  const Native = window.Worker;
  window.__benchReady = null;
  window.Worker = class extends Native {
    constructor(...a) {
      super(...a);
      this.addEventListener('message', (ev) => {
        if (ev.data && ev.data.type === 'ready' && !window.__benchReady) window.__benchReady = ev.data.marks || {};
      });
    }
  };
}

async function launch(chromium) {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-page-bench-'));
  const context = await chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium', headless: true, args: launchArgs });
  await context.addInitScript(recordWorkers);
  return { context, close: async () => { await context.close(); rmSync(dir, { recursive: true, force: true }); } };
}

async function waitReady(page) {
  await page.waitForFunction(() => document.body.getAttribute('data-ready') === 'true' ||
    document.body.getAttribute('data-state') === 'error', null, { timeout: 60000, polling: 10 });
}

// One load of `url` in a new tab: ready and the breakdown (ms since navigation start).
async function load(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  await waitReady(page);
  const r = await page.evaluate(() => {
    const s = window.nianbao.state();
    const nav = performance.getEntriesByType('navigation')[0];
    const w = window.__benchReady || {};
    // worker marks are on the worker's clock: moved to the page's
    const shift = w.origin != null ? w.origin - performance.timeOrigin : null;
    const wk = (k) => (shift != null && w[k] != null ? w[k] + shift : null);
    const b = (window.nianbaoBoot && window.nianbaoBoot.marks) || {};
    return {
      fatal: s.fatal, ready: s.timing.ready, workerInit: s.timing.workerInit,
      responseEnd: nav.responseEnd, domInteractive: nav.domInteractive, domContentLoaded: nav.domContentLoadedEventStart,
      bootStart: b.start ?? null, wasmDecoded: b.decoded ?? null, wasmCompiled: b.compiled ?? null,
      workerStart: wk('start'), workerModule: wk('module'), workerDecompressed: wk('decompressed'), workerInstantiated: wk('instantiated'),
      workerRuntime: wk('runtime'), workerReady: wk('ready')
    };
  });
  await page.close();
  if (r.fatal) throw new Error(`${url}: the core failed: ${r.fatal}`);
  return r;
}

// Drops `bytes` as a PDF on the input pane; resolves with ms from the drop to the findings shown.
async function dropPdf(page, b64, name, dragMs = 0) {
  return page.evaluate(async ({ b64, name, dragMs }) => {
    const bin = atob(b64);
    const u8 = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) u8[i] = bin.charCodeAt(i);
    const ta = document.getElementById('report');
    document.body.removeAttribute('data-file');
    const dt = new DataTransfer();
    dt.items.add(new File([u8], name, { type: 'application/pdf' }));
    const zone = document.querySelector('.input-pane');
    const fire = (t) => zone.dispatchEvent(new DragEvent(t, { bubbles: true, cancelable: true, dataTransfer: dt }));
    if (dragMs) {  // a user's drag: the file is over the pane for a while before it is dropped
      fire('dragenter');
      await new Promise((r) => setTimeout(r, dragMs));
    }
    const t0 = performance.now();
    for (const t of dragMs ? ['dragover', 'drop'] : ['dragenter', 'dragover', 'drop']) fire(t);
    const done = () => {
      const f = document.body.getAttribute('data-file');
      if (f === 'error') return true;
      const s = window.nianbao.state();
      return f === 'read' && s.ready && !s.busy && s.checkedText === ta.value && document.body.getAttribute('data-state') === 'done';
    };
    for (;;) {
      if (done()) break;
      if (performance.now() - t0 > 60000) {
        const s = window.nianbao.state();
        throw new Error(`no result after 60 s: data-file ${document.body.getAttribute('data-file')}, state ${document.body.getAttribute('data-state')}, busy ${s.busy}, same text ${s.checkedText === ta.value}`);
      }
      await new Promise((r) => setTimeout(r, 2));
    }
    const ms = performance.now() - t0;
    if (document.body.getAttribute('data-file') === 'error') throw new Error(`file error: ${document.body.getAttribute('data-file-error')}`);
    return { ms, findings: document.querySelectorAll('#findings .finding').length, pdf: window.nianbao.pdfTiming() };
  }, { b64, name, dragMs });
}

export async function measurePages({ pagePath, comparePath = null, loads = 9, pdfRounds = 3, pdf = true, corpusDir }) {
  const { chromium } = await import('playwright-core');
  const paths = comparePath ? [pagePath, comparePath] : [pagePath];
  const urls = paths.map((p) => pathToFileURL(p).href);
  const loadAvg = [loadavg()[0]];
  const runs = paths.map(() => ({ first: null, warm: [] }));
  // Loads: the first of each page in a fresh browser of its own, then warm loads interleaved.
  for (let i = 0; i < paths.length; i++) {
    const b = await launch(chromium);
    try {
      runs[i].first = await load(b.context, urls[i]);
    } finally {
      await b.close();
    }
  }
  {
    const b = await launch(chromium);
    try {
      for (let i = 0; i < paths.length; i++) await load(b.context, urls[i]);  // warm-up, not counted
      for (let k = 0; k < loads; k++) {
        for (let i = 0; i < paths.length; i++) runs[i].warm.push(await load(b.context, urls[i]));
      }
    } finally {
      await b.close();
    }
  }
  loadAvg.push(loadavg()[0]);
  // PDFs: fresh tab per PDF per round (first use), then the same file again (after).
  const pdfRuns = paths.map(() => Object.fromEntries(PDFS.map((n) => [n, { first: [], boot: [], after: [], dragged: [], findings: null }])));
  const havePdfs = pdf && PDFS.every((n) => existsSync(join(corpusDir, n, 'source.pdf')));
  if (havePdfs) {
    const b = await launch(chromium);
    try {
      for (let r = 0; r < pdfRounds; r++) {
        for (const name of PDFS) {
          const b64 = readFileSync(join(corpusDir, name, 'source.pdf')).toString('base64');
          for (let i = 0; i < paths.length; i++) {
            const page = await b.context.newPage();
            await page.goto(urls[i]);
            await waitReady(page);
            const first = await dropPdf(page, b64, 'source.pdf');
            const again = [];
            for (let k = 0; k < 2; k++) again.push((await dropPdf(page, b64, `again${k}.pdf`)).ms);
            await page.close();
            // first use again, the file dragged over the pane for DRAG_MS before the drop
            const page2 = await b.context.newPage();
            await page2.goto(urls[i]);
            await waitReady(page2);
            const dragged = await dropPdf(page2, b64, 'source.pdf', DRAG_MS);
            await page2.close();
            const slot = pdfRuns[i][name];
            slot.first.push(first.ms);
            slot.boot.push(first.pdf && first.pdf.bootMs);
            slot.dragged.push(dragged.ms);
            slot.after.push(median(again));
            slot.findings = first.findings;
          }
        }
      }
    } finally {
      await b.close();
    }
  }
  loadAvg.push(loadavg()[0]);
  const summarise = (i) => {
    const run = runs[i];
    const warmReady = run.warm.map((x) => x.ready);
    const mid = run.warm.slice().sort((a, b) => a.ready - b.ready)[Math.floor((run.warm.length - 1) / 2)];
    const parts = pageParts(readFileSync(paths[i], 'utf8'));
    const out = {
      url: urls[i],
      bytes: parts,
      parsedAtLoadGzip: parts.atLoad.gzip,
      readyFirstMs: round1(run.first.ready),
      readyWarmMedianMs: round1(median(warmReady)),
      readyWarmMinMs: round1(Math.min(...warmReady)),
      readyAllMs: [run.first.ready, ...warmReady].map(round1),
      breakdownMedianWarm: Object.fromEntries(Object.entries(mid).filter(([k]) => k !== 'fatal').map(([k, v]) => [k, round1(v)])),
      breakdownFirst: Object.fromEntries(Object.entries(run.first).filter(([k]) => k !== 'fatal').map(([k, v]) => [k, round1(v)]))
    };
    if (havePdfs) {
      out.pdf = Object.fromEntries(PDFS.map((n) => [n, {
        firstMs: round1(median(pdfRuns[i][n].first)), afterMs: round1(median(pdfRuns[i][n].after)),
        firstPdfjsStartMs: round1(median(pdfRuns[i][n].boot)), firstDraggedMs: round1(median(pdfRuns[i][n].dragged)), dragMs: DRAG_MS,
        firstAllMs: pdfRuns[i][n].first.map(round1), afterAllMs: pdfRuns[i][n].after.map(round1), findings: pdfRuns[i][n].findings
      }]));
    } else {
      out.pdf = { skipped: pdf ? `corpus PDFs not found in ${corpusDir}` : 'not asked (--no-pdf)' };
    }
    return out;
  };
  const result = { ...summarise(0), loads, pdfRounds, loadAverage: loadAvg.map((x) => round1(x)) };
  if (comparePath) result.compare = summarise(1);
  return result;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, def) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : def;
  };
  const pagePath = resolve(opt('--page', join(here, '..', 'build', 'wasm', 'dist', 'nianbao.html')));
  const comparePath = opt('--compare', null);
  if (!existsSync(pagePath)) {
    console.error(`page_chromium: ${pagePath} not found (build the WebAssembly tree first)`);
    process.exit(2);
  }
  const out = await measurePages({
    pagePath, comparePath: comparePath && resolve(comparePath), loads: Number(opt('--loads', 9)),
    pdfRounds: Number(opt('--pdf-rounds', 3)), pdf: !args.includes('--no-pdf'),
    corpusDir: resolve(opt('--corpus', process.env.NIANBAO_CORPUS_DIR ?? join(here, '..', '..', 'shared', 'corpus')))
  });
  console.log(JSON.stringify(out, null, 1));
}
