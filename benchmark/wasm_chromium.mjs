// WebAssembly build in headless Chromium (Debian's /usr/bin/chromium driven by playwright-core,
// flags of docs/toolchain.md §6). Prints JSON on stdout; scripts/bench.sh puts it in the table.
//
//  1. check() per report: an http page imports build/wasm/nianbao.mjs and times m.check(text)
//     on every corpus report on the main thread (benchmark/measure.mjs, wall time);
//  2. the single-file page build/wasm/dist/nianbao.html (file://), by benchmark/page_chromium.mjs:
//     what is parsed at load (bytes), navigation -> ready (window.nianbao.state().timing.ready:
//     the worker has the core and the page has its catalogues) on the first load in a fresh
//     browser and the median of warm loads, with a breakdown, and 001-003 source.pdf dropped on
//     the page -> findings shown, first use (pdf.js cold) and after; plus the round trip page ->
//     worker -> page of window.nianbao.check(text) on report 000. Skipped with a message when the
//     page is absent; --no-page leaves it out, --no-pdf the PDFs.
//
//   node benchmark/wasm_chromium.mjs [--wasm-dir build/wasm] [--corpus ../shared/corpus]
//        [--reloads 9] [--pdf-rounds 3] [--no-page] [--no-pdf]
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const wasmDir = resolve(opt('--wasm-dir', process.env.NIANBAO_WASM_DIR ?? join(here, '..', 'build', 'wasm')));
const corpusDir = resolve(opt('--corpus', process.env.NIANBAO_CORPUS_DIR ?? join(here, '..', '..', 'shared', 'corpus')));
const pagePath = join(wasmDir, 'dist', 'nianbao.html');
const reloads = Number(opt('--reloads', 9));
const pdfRounds = Number(opt('--pdf-rounds', 3));

let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch {
  console.error('wasm_chromium: playwright-core missing (npm install at the repo root)');
  process.exit(2);
}
if (!existsSync('/usr/bin/chromium')) {
  console.error('wasm_chromium: /usr/bin/chromium missing (apt-get install chromium)');
  process.exit(2);
}
if (!existsSync(join(wasmDir, 'nianbao.mjs'))) {
  console.error(`wasm_chromium: ${join(wasmDir, 'nianbao.mjs')} not found (build the WebAssembly tree first)`);
  process.exit(2);
}
const { corpusReports } = await import('./corpus.mjs');
const { measurePages } = await import('./page_chromium.mjs');

// Static server: /wasm/* from the wasm build, /bench/* from this folder, / the bench page.
const types = { '.mjs': 'text/javascript', '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html' };
const benchPage = `<!doctype html><meta charset="utf-8"><title>nianbao bench</title><script type="module">
import createNianbao from '/wasm/nianbao.mjs';
import { measure } from '/bench/measure.mjs';
window.benchReady = createNianbao().then((m) => { window.m = m; window.measure = measure; });
</script>`;
const server = createServer((req, res) => {
  const url = decodeURIComponent(req.url.split('?')[0]);
  let file = null;
  if (url === '/') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(benchPage);
    return;
  }
  if (url.startsWith('/wasm/')) file = join(wasmDir, url.slice(6));
  else if (url.startsWith('/bench/')) file = join(here, url.slice(7));
  if (!file || file.includes('..') || !existsSync(file)) {
    res.writeHead(404);
    res.end();
    return;
  }
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

const launchArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
async function launch() {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium', headless: true, args: launchArgs,
  });
  return { context, close: async () => { await context.close(); rmSync(dir, { recursive: true, force: true }); } };
}

const out = { chromium: null, results: {}, page: null };
try {
  // 1. check() per report, main thread.
  {
    const b = await launch();
    out.chromium = b.context.browser()?.version() ?? null;
    const page = b.context.pages()[0] ?? (await b.context.newPage());
    await page.goto(origin + '/');
    await page.evaluate(() => window.benchReady);
    const reports = corpusReports(corpusDir).map((name) => [name, readFileSync(join(corpusDir, name), 'utf8')]);
    // Warm-up: about a second on every report, so the optimising tier has compiled the module.
    await page.evaluate((texts) => {
      for (const t0 = performance.now(); performance.now() - t0 < 1000;) {
        for (const t of texts) window.m.check(t, '{}');
      }
    }, reports.map(([, t]) => t));
    for (const [name, text] of reports) {
      const r = await page.evaluate((t) => window.measure(() => window.m.check(t, '{}')), text);
      out.results[name] = { us: r.us, bytes: Buffer.byteLength(text) };
    }
    await b.close();
  }
  // 2. The single-file page.
  if (args.includes('--no-page')) {
    out.page = { skipped: 'not asked (--no-page)' };
  } else if (!existsSync(pagePath)) {
    out.page = { skipped: `${pagePath} not found (the page is built by the wasm tree: web/CMakeLists.txt)` };
  } else {
    out.page = await measurePages({ pagePath, loads: reloads, pdfRounds, pdf: !args.includes('--no-pdf'), corpusDir });
    // the round trip page -> worker -> page of report 000, in a warm browser
    const b = await launch();
    const page = await b.context.newPage();
    await page.goto(pathToFileURL(pagePath).href);
    await page.waitForFunction(() => document.body.getAttribute('data-ready') === 'true' ||
      document.body.getAttribute('data-state') === 'error', null, { timeout: 30000 });
    const text = readFileSync(join(corpusDir, corpusReports(corpusDir)[0]), 'utf8');
    out.page.roundTripMs = await page.evaluate(async (t) => {
      for (let i = 0; i < 20; ++i) await window.nianbao.check(t);  // warm-up
      const times = [];
      for (let i = 0; i < 30; ++i) {
        const t0 = performance.now();
        await window.nianbao.check(t);
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      return times[Math.floor(times.length / 2)];
    }, text);
    await b.close();
  }
} finally {
  server.close();
}
console.log(JSON.stringify(out, null, 1));
