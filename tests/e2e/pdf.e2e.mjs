// Report files in the page, headless Debian Chromium (playwright-core; toolchain.md §6), offline,
// from the file:// single file: corpus 001–003 source.pdf dropped on the input pane give every hand-checked
// cell (tests/expected/00N-*__pdftotext-layout.json), the same text as the Node.js path, and no
// request but the page itself; a .docx with merged cells (file picker) gives the cells of its
// transcript; a text-less, an encrypted and a corrupt PDF give their messages, never a pass.
// Env: NIANBAO_DIST (folder of nianbao.html; default build/wasm/dist), NIANBAO_CORPUS_DIR.
// Prints `ok - …` / `not ok - …`, `#` timing lines and `N passed, N failed`; exits 1 on failure.
import { CHROMIUM_ARGS, CORPUS, DIST, createRunner, loadChromium, repo } from './browser.mjs';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeCorruptPdf, makeEncryptedPdf, makeReportDocx, makeTextlessPdf } from '../fixtures/make-fixtures.mjs';
import { extractFileNode } from '../../web/pdf/pdfjs-node.mjs';
import { pdfWorkerSource } from '../../web/pdf/bundle.mjs';
import { serve } from '../../scripts/serve.mjs';

const chromium = await loadChromium();
const PAGE_URL = pathToFileURL(join(DIST, 'nianbao.html')).href;
const REPORTS = ['001-huaian-hongze-2023', '002-huaian-hongze-2024', '003-huaian-city-2024'];
const TEST_TIMEOUT_MS = 60000;
const TOTAL_TIMEOUT_MS = 280000;

const { test, finish } = createRunner({ testMs: TEST_TIMEOUT_MS, totalMs: TOTAL_TIMEOUT_MS });

function assert(cond, message) { if (!cond) throw new Error(message); }

// Drops a file on the input pane the way a browser does: a DataTransfer holding a File.
async function dropFile(page, bytes, name, type) {
  await page.evaluate(async ({ b64, name, type }) => {
    const bin = atob(b64);
    const u8 = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) u8[i] = bin.charCodeAt(i);
    const dt = new DataTransfer();
    dt.items.add(new File([u8], name, { type }));
    const zone = document.querySelector('.input-pane');
    for (const t of ['dragenter', 'dragover', 'drop']) {
      zone.dispatchEvent(new DragEvent(t, { bubbles: true, cancelable: true, dataTransfer: dt }));
    }
  }, { b64: Buffer.from(bytes).toString('base64'), name, type });
}

async function waitForFileResult(page) {
  await page.waitForFunction(() => {
    const f = document.body.getAttribute('data-file');
    if (f === 'error') return true;
    const s = window.nianbao && window.nianbao.state();
    return f === 'read' && s && s.ready && !s.busy && s.checkedText === document.getElementById('report').value &&
      document.body.getAttribute('data-state') === 'done';
  }, null, { timeout: 45000, polling: 20 });
  return page.evaluate(() => ({
    file: document.body.getAttribute('data-file'),
    error: document.body.getAttribute('data-file-error'),
    verdict: document.getElementById('verdict').textContent,
    notice: document.getElementById('notice').textContent,
    text: document.getElementById('report').value,
    result: window.nianbao.state().result,
    timing: window.nianbao.state().timing,
    pdf: window.nianbao.pdfTiming()
  }));
}

function compareCells(got, expected, label) {
  const bad = [];
  for (const [id, c] of Object.entries(expected)) {
    const g = got[id];
    if (!g || g.value !== c.value) bad.push(`${id}: expected ${c.value}, got ${g ? g.value : 'nothing'}`);
  }
  assert(bad.length === 0, `${label}: ${bad.length} of ${Object.keys(expected).length} cells differ: ${bad.slice(0, 5).join('; ')}`);
  return Object.keys(expected).length;
}

const work = mkdtempSync(join(tmpdir(), 'nianbao-pdf-e2e-'));
const context = await chromium.launchPersistentContext(join(work, 'profile'), {
  executablePath: '/usr/bin/chromium', headless: true, offline: true,
  args: CHROMIUM_ARGS
});
const requests = [];
context.on('request', (r) => requests.push(r.url()));
const page = context.pages()[0] || await context.newPage();
const consoleErrors = [];
page.on('pageerror', (e) => consoleErrors.push(String(e)));

try {
  const t0 = Date.now();
  await page.goto(PAGE_URL);
  await page.waitForFunction(() => document.body.getAttribute('data-ready') === 'true', null, { timeout: 30000 });
  console.log(`# page ready in ${Date.now() - t0} ms`);

  for (const name of REPORTS) {
    await test(`${name}: source.pdf dropped on the file:// page gives every hand-checked cell`, async () => {
      const bytes = readFileSync(join(CORPUS, name, 'source.pdf'));
      const expected = JSON.parse(readFileSync(join(repo, 'tests', 'expected', `${name}__pdftotext-layout.json`), 'utf8')).cells;
      // a fresh page each time: the time includes unpacking and starting pdf.js (cold)
      await page.reload();
      await page.waitForFunction(() => document.body.getAttribute('data-ready') === 'true', null, { timeout: 30000 });
      const t = Date.now();
      await dropFile(page, bytes, 'source.pdf', 'application/pdf');
      const r = await waitForFileResult(page);
      const ms = Date.now() - t;
      assert(r.file === 'read', `file not read: ${r.error} ${r.verdict}`);
      const n = compareCells(r.result.cells || {}, expected, name);
      const node = await extractFileNode(new Uint8Array(bytes), 'source.pdf');
      assert(node.text === r.text, `${name}: the page's text differs from the Node.js text`);
      assert(/PDF/.test(r.notice), `notice names the PDF: ${r.notice}`);
      // every finding tied to a line names its PDF page, also in the copied summary
      const pages = await page.$$eval('#findings .finding', (els) => els.filter((e) => e.getAttribute('data-line'))
        .map((e) => [e.getAttribute('data-page'), e.querySelector('.f-loc').textContent]));
      for (const [p, loc] of pages) assert(/^\d+$/.test(p || '') && loc.startsWith(`第 ${p} 页`), `page of a finding: ${p} ${loc}`);
      const summary = await page.evaluate(() => window.nianbao.summaryText());
      assert(summary.includes('source.pdf') && (!pages.length || summary.includes(`第 ${pages[0][0]} 页`)), `summary: ${summary.slice(0, 300)}`);
      console.log(`# ${name}: ${n} cells equal; cold drop → result shown ${ms} ms (file read ${r.timing.lastFileRead} ms, ` +
        `pdf.js unpack+start ${r.pdf.bootMs && r.pdf.bootMs.toFixed(0)} ms, check ${r.timing.lastCheck && r.timing.lastCheck.toFixed(1)} ms)`);
    });
  }

  await test('a second drop of 001 (pdf.js already started) gives the same cells', async () => {
    const bytes = readFileSync(join(CORPUS, REPORTS[0], 'source.pdf'));
    const expected = JSON.parse(readFileSync(join(repo, 'tests', 'expected', `${REPORTS[0]}__pdftotext-layout.json`), 'utf8')).cells;
    const t = Date.now();
    await page.fill('#report', '');
    await dropFile(page, bytes, 'again.pdf', 'application/pdf');
    const r = await waitForFileResult(page);
    compareCells(r.result.cells || {}, expected, 'again');
    console.log(`# ${REPORTS[0]} warm: drop → result shown ${Date.now() - t} ms`);
  });

  await test('a .docx with merged cells (file picker) gives the cells of its transcript', async () => {
    const cells = JSON.parse(readFileSync(join(repo, 'tests', 'expected', '003-huaian-city-2024__pdftotext-layout.json'), 'utf8')).cells;
    const { docx, text } = makeReportDocx(cells);
    const path = join(work, 'merged-cells.docx');
    writeFileSync(path, docx);
    await page.setInputFiles('#file-input', path);
    const r = await waitForFileResult(page);
    assert(r.file === 'read', `docx not read: ${r.verdict}`);
    const fromText = await page.evaluate((t) => window.nianbao.check(t), text);
    compareCells(r.result.cells || {}, Object.fromEntries(Object.entries(fromText.cells).map(([k, v]) => [k, { value: v.value }])), 'docx vs transcript');
    compareCells(r.result.cells || {}, cells, 'docx vs 003 values');
    // the page's API: window.nianbao.checkFile(bytes, name) → result + result.file
    const api = await page.evaluate(async (b64) => {
      const bin = atob(b64);
      const u8 = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) u8[i] = bin.charCodeAt(i);
      const res = await window.nianbao.checkFile(u8, 'report.docx');
      return { kind: res.file.kind, cells: res.cells };
    }, Buffer.from(docx).toString('base64'));
    assert(api.kind === 'docx', `checkFile kind: ${api.kind}`);
    compareCells(api.cells, cells, 'window.nianbao.checkFile');
  });

  const bad = [
    ['textless.pdf', makeTextlessPdf(), 'no-text', /此PDF没有文字层/],
    ['encrypted.pdf', makeEncryptedPdf(), 'encrypted', /已加密/],
    ['corrupt.pdf', makeCorruptPdf(), 'corrupt', /已损坏/]
  ];
  for (const [name, bytes, code, re] of bad) {
    await test(`${name}: a clear message, no result`, async () => {
      await page.fill('#report', '');
      await dropFile(page, bytes, name, 'application/pdf');
      const r = await waitForFileResult(page);
      assert(r.file === 'error' && r.error === code, `expected error ${code}, got ${r.file}/${r.error}`);
      assert(re.test(r.verdict), `verdict: ${r.verdict}`);
      assert(r.text === '', 'the paste area is empty');
      const counts = await page.evaluate(() => document.getElementById('count-pass').textContent);
      assert(counts === '–', `no pass count shown, got ${counts}`);
    });
  }

  await test('no network: the only request is the page itself', async () => {
    const others = requests.filter((u) => u !== PAGE_URL && !u.startsWith('blob:') && !u.startsWith('data:'));
    assert(others.length === 0, `unexpected requests: ${others.join(', ')}`);
    assert(consoleErrors.length === 0, `page errors: ${consoleErrors.join('; ')}`);
  });
  // The ES-module path for the API and the widget (web/pdf/browser.mjs): served over http, pdf.js in a
  // sibling worker file that is requested only when the first PDF arrives.
  await test('served: browser.mjs reads 003 with the lazily loaded worker file, same text as Node.js', async () => {
    const site = join(work, 'site');
    mkdirSync(join(site, 'pdf'), { recursive: true });
    for (const f of ['browser.mjs', 'files.mjs', 'docx.mjs', 'text.mjs', 'layout.mjs']) {
      copyFileSync(join(repo, 'web', 'pdf', f), join(site, 'pdf', f));
    }
    writeFileSync(join(site, 'nianbao-pdf.js'), await pdfWorkerSource());
    writeFileSync(join(site, 'index.html'), '<!doctype html><meta charset="utf-8"><script type="module">' +
      "import * as files from './pdf/browser.mjs'; window.files = files; document.body.dataset.ok = '1';</script>");
    copyFileSync(join(CORPUS, REPORTS[2], 'source.pdf'), join(site, 'report.pdf'));
    const { server, url } = await serve(site, 0);
    await context.setOffline(false);  // 127.0.0.1 only
    try {
      const p2 = await context.newPage();
      const seen = [];
      p2.on('request', (r) => seen.push(new URL(r.url()).pathname));
      await p2.goto(url + 'index.html');
      await p2.waitForFunction(() => document.body && document.body.dataset.ok === '1', null, { timeout: 20000 });
      assert(!seen.includes('/nianbao-pdf.js'), 'pdf.js is not loaded before a PDF arrives');
      const r = await p2.evaluate(async () => {
        const bytes = new Uint8Array(await (await fetch('report.pdf')).arrayBuffer());
        const getPdfPages = window.files.workerPdfPages(new URL('nianbao-pdf.js', location.href));
        const t = performance.now();
        const f = await window.files.extractFile(bytes, 'report.pdf', { getPdfPages });
        return { text: f.text, ms: performance.now() - t };
      });
      assert(seen.includes('/nianbao-pdf.js'), 'the worker file was loaded for the PDF');
      const node = await extractFileNode(new Uint8Array(readFileSync(join(CORPUS, REPORTS[2], 'source.pdf'))), 'x.pdf');
      assert(r.text === node.text, 'same text as Node.js');
      console.log(`# served ES module: 003 read in ${r.ms.toFixed(0)} ms (incl. loading and starting the worker file)`);
      await p2.close();
    } finally {
      server.close();
    }
  });
} finally {
  await context.close();
  rmSync(work, { recursive: true, force: true });
}
finish();
