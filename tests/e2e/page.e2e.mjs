// End-to-end tests of the page in headless Debian Chromium (playwright-core; toolchain.md §6).
// Runs against the real build: NIANBAO_DIST (default build/wasm/dist) must hold nianbao.html.
// Prints `ok - …` / `not ok - …` lines, timing lines starting with `#`, and a closing
// `N passed, N failed` line; exits 1 on any failure.
import { CHROMIUM_ARGS, CORPUS, DIST, createRunner, loadChromium, repo } from './browser.mjs';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { createServer as createNetServer } from 'node:net';
import { serve } from '../../scripts/serve.mjs';

const chromium = await loadChromium();
// NIANBAO_PAGE_NAME picks the page variant (nianbao.html, or nianbao-text.html without pdf.js).
const PAGE_NAME = process.env.NIANBAO_PAGE_NAME || 'nianbao.html';
const PAGE = join(DIST, PAGE_NAME);
const PAGE_URL = pathToFileURL(PAGE).href;
const CORPUS_000 = join(CORPUS, '000-xiangxiang-ziranziyuan-2025', 'report.txt');
const TEST_TIMEOUT_MS = 45000;
const TOTAL_TIMEOUT_MS = 240000;

const { test, fail, finish } = createRunner({ testMs: TEST_TIMEOUT_MS, totalMs: TOTAL_TIMEOUT_MS });
const timings = [];

function assert(cond, message) {
  if (!cond) throw new Error(message);
}
function assertEq(actual, expected, message) {
  if (actual !== expected) {
    throw new Error(`${message}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

// Waits until the page shows the result for exactly the text now in the textarea.
async function waitForResult(page) {
  await page.waitForFunction(() => {
    const s = window.nianbao && window.nianbao.state();
    return s && s.ready && !s.busy && s.checkedText === document.getElementById('report').value &&
      document.body.getAttribute('data-state') === 'done';
  }, null, { timeout: 20000 });
}

async function setText(page, text) {
  await page.fill('#report', text);
  await waitForResult(page);
}

// Offset (UTF-16) of 1-based line/column (column in code points) in text.
function offsetOf(text, line, column) {
  const lines = text.split('\n');
  let off = 0;
  for (let i = 0; i < line - 1; i++) off += lines[i].length + 1;
  return off + Array.from(lines[line - 1]).slice(0, column - 1).join('').length;
}

// Turns the tab-separated form of a report into clipboard-like HTML: runs of tab lines become a
// <table>, other lines <p>. Empty cells below or right of a label are folded into rowspan/colspan
// of that label, so expanding the spans must give back the same grid.
function reportToHtml(text) {
  const lines = text.split('\n');
  const out = ['<html><body><!--StartFragment-->'];
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const isLabel = (s) => s !== '' && !/^[\d.]+$/.test(s);
  const cellHtml = (s) => esc(s).replace(/^(结果|其他|尚未) (维持|纠正|结果|审结)$/, '$1<br>$2').replace(/ /g, '&nbsp;');
  let i = 0;
  let spans = 0;
  while (i < lines.length) {
    if (lines[i].indexOf('\t') < 0) {
      if (lines[i].trim() !== '') out.push(`<p>${esc(lines[i])}</p>`);
      i++;
      continue;
    }
    const rows = [];
    while (i < lines.length && lines[i].indexOf('\t') >= 0) rows.push(lines[i++].split('\t'));
    const owner = rows.map((r) => r.map(() => null));  // owner[r][c] = cell object
    const cells = rows.map(() => []);
    for (let r = 0; r < rows.length; r++) {
      for (let c = 0; c < rows[r].length; c++) {
        const v = rows[r][c];
        if (v === '' && r > 0 && owner[r - 1][c] && isLabel(owner[r - 1][c].text) && owner[r - 1][c].colspan === 1 &&
            owner[r - 1][c].row + owner[r - 1][c].rowspan === r && owner[r - 1][c].col === c) {
          owner[r][c] = owner[r - 1][c];
          owner[r][c].rowspan++;
          spans++;
          continue;
        }
        if (v === '' && c > 0 && owner[r][c - 1] && isLabel(owner[r][c - 1].text) && owner[r][c - 1].rowspan === 1 &&
            owner[r][c - 1].row === r && owner[r][c - 1].col + owner[r][c - 1].colspan === c) {
          owner[r][c] = owner[r][c - 1];
          owner[r][c].colspan++;
          spans++;
          continue;
        }
        const cell = { text: v, row: r, col: c, rowspan: 1, colspan: 1 };
        owner[r][c] = cell;
        cells[r].push(cell);
      }
    }
    out.push('<table border="1">');
    for (const row of cells) {
      out.push('<tr>' + row.map((c) => `<td${c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : ''}${c.colspan > 1 ? ` colspan="${c.colspan}"` : ''}>${cellHtml(c.text)}</td>`).join('') + '</tr>');
    }
    out.push('</table>');
  }
  out.push('<!--EndFragment--></body></html>');
  return { html: out.join('\n'), spans };
}

async function main() {
  if (!existsSync(PAGE)) {
    console.log(`not ok - ${PAGE} does not exist (build the Emscripten tree first)`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  const report000 = readFileSync(CORPUS_000, 'utf8');
  const html = readFileSync(PAGE, 'utf8');
  timings.push(`# dist/${PAGE_NAME}: ${statSync(PAGE).size} bytes raw, ${gzipSync(html, { level: 9 }).length} bytes gzip -9`);

  const userDir = mkdtempSync(join(tmpdir(), 'nianbao-chromium-'));
  const context = await chromium.launchPersistentContext(userDir, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
    args: CHROMIUM_ARGS
  });
  const requests = [];
  const pageErrors = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = context.pages()[0] || await context.newPage();
  // records Content-Security-Policy violations from the first script on
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(`console: ${m.text()}`); });

  try {
    await test('the single file loads from file:// and the WASM core starts in a worker', async () => {
      await page.goto(PAGE_URL);
      await page.waitForFunction(() => document.body.getAttribute('data-ready') === 'true' || document.body.getAttribute('data-state') === 'error', null, { timeout: 20000 });
      const s = await page.evaluate(() => window.nianbao.state());
      assert(!s.fatal, `core failed: ${s.fatal}`);
      assert(s.ready, 'not ready');
      assert(/^\d+\.\d+\.\d+/.test(s.version), `version ${s.version}`);
      assert(s.rules >= 5, `rule catalogue has ${s.rules} rules`);
      assertEq(await page.evaluate(() => document.documentElement.lang), 'zh-CN', 'Chinese first');
      assertEq(await page.textContent('label[for="report"]'), '报告全文', 'textarea label');
      timings.push(`# load to ready (file://, fresh browser): ${s.timing.ready.toFixed(0)} ms after navigation start (worker init ${s.timing.workerInit.toFixed(0)} ms)`);
    });

    let tableFinding = null;
    await test('pasting corpus 000 shows its known problems (table 4 misaligned, 11 numbers for 15 cells)', async () => {
      const t0 = Date.now();
      await setText(page, report000);
      const wall = Date.now() - t0;
      const findings = await page.$$eval('#findings .finding', (els) => els.map((e) => ({
        rule: e.getAttribute('data-rule'), line: e.getAttribute('data-line'), text: e.textContent
      })));
      assert(findings.length > 0, 'findings list is empty');
      const t4 = findings.filter((f) => f.line === '129');
      assert(t4.length > 0, `no finding on line 129 (table 4 data row); got ${JSON.stringify(findings.map((f) => f.rule + '@' + f.line))}`);
      tableFinding = t4.find((f) => f.rule === 'table-shape') || t4[0];
      assertEq(tableFinding.rule, 'table-shape', 'rule of the table-4 misalignment finding');
      const verdict = await page.textContent('#verdict');
      const res = await page.evaluate(() => window.nianbao.state().result);
      const sum = res.summary;
      const expectVerdict = sum.findings.error ? /^发现问题：\d+ 个错误/ : sum.findings.warning ? /^未发现错误；有 \d+ 个警告/ : /^未发现错误或警告/;
      assert(expectVerdict.test(verdict), `verdict: ${verdict}`);
      assert(verdict.includes(`${sum.checks.not_assessable + sum.checks.uncertain} 项检查无法进行`), `verdict counts: ${verdict}`);
      const nErr = Number(await page.textContent('#count-error'));
      assertEq(nErr, res.summary.findings.error, 'error count shown');
      assertEq(Number(await page.textContent('#count-warning')), res.summary.findings.warning, 'warning count shown');
      assertEq(Number(await page.textContent('#count-na')), res.summary.checks.not_assessable + res.summary.checks.uncertain, 'not-assessable count shown');
      assertEq(findings.length, res.findings.length, 'one element per finding');
      // every finding element carries the public hooks
      const hooks = await page.$$eval('#findings .finding', (els) => els.every((e) => e.hasAttribute('data-rule') && e.hasAttribute('data-line')));
      assert(hooks, 'data-rule/data-line on every finding');
      const s = await page.evaluate(() => window.nianbao.state().timing);
      timings.push(`# check corpus 000 (first call, cold): ${s.lastCheck.toFixed(1)} ms in the worker, round trip ${s.lastRoundTrip.toFixed(1)} ms; input event to results shown ${s.lastInputToRender.toFixed(0)} ms (incl. 250 ms debounce); page.fill to shown ${wall} ms`);
    });

    await test('clicking the table-4 finding selects and highlights line 129 in the text', async () => {
      const sel = `#findings .finding[data-rule="${tableFinding.rule}"][data-line="129"]`;
      await page.click(`${sel} .f-msg`);
      const st = await page.evaluate(() => {
        const ta = document.getElementById('report');
        const mark = document.querySelector('#backdrop mark.hl-line');
        return {
          start: ta.selectionStart, end: ta.selectionEnd, scrollTop: ta.scrollTop, height: ta.clientHeight,
          markLine: mark && mark.getAttribute('data-line'), markTop: mark && mark.offsetTop,
          active: document.querySelector('#findings .finding.active') && document.querySelector('#findings .finding.active').getAttribute('data-line'),
          notice: document.getElementById('notice').textContent
        };
      });
      assertEq(st.markLine, '129', 'highlighted line');
      assertEq(st.active, '129', 'active finding');
      const lineStart = offsetOf(report000, 129, 1);
      const lineEnd = lineStart + report000.split('\n')[128].length;
      assert(st.start >= lineStart && st.end <= lineEnd && st.end > st.start, `selection ${st.start}-${st.end} not within line 129 (${lineStart}-${lineEnd})`);
      assert(st.markTop >= st.scrollTop && st.markTop <= st.scrollTop + st.height, `line 129 not scrolled into view (top ${st.markTop}, scroll ${st.scrollTop}, h ${st.height})`);
      assert(/129/.test(st.notice), 'announced');
      // the selected text is the cell the finding points to
      const res = await page.evaluate(() => window.nianbao.state().result);
      const f = res.findings.find((x) => x.rule === tableFinding.rule && x.line === 129);
      assertEq(st.start, offsetOf(report000, 129, f.column), 'selection starts at the finding column');
    });

    await test('「这意味着什么？」 of a group opens the meaning, the rule and its basis in words', async () => {
      const btn = `#findings .f-group[data-rule="${tableFinding.rule}"] button.rule-more`;
      await page.click(btn);
      assertEq(await page.getAttribute(btn, 'aria-expanded'), 'true', 'aria-expanded');
      const id = await page.getAttribute(btn, 'aria-controls');
      const text = await page.textContent(`#${id}`);
      assert(await page.isVisible(`#${id}`), 'explanation visible');
      const rule = (await page.evaluate(() => window.nianbao.rules())).find((r) => r.id === tableFinding.rule);
      assert(rule, `${tableFinding.rule} is in the bundled catalogue`);
      assert(text.includes(rule.id) && text.includes(rule.explanation), `explanation: ${text}`);
      assert(text.includes('这意味着什么'), `plain meaning: ${text}`);
      // the basis in words: the legal and format references stay, the project's own documents do not
      assert(!/format\.md|§/.test(text), `developer references left out: ${text}`);
      if (rule.basis) assert(text.includes(rule.basis.split('；')[0]), 'basis shown');
      // the catalogue section lists every rule
      assertEq(await page.$$eval('#catalogue-body dt', (d) => d.length), (await page.evaluate(() => window.nianbao.rules())).length, 'catalogue entries');
      await page.click(btn);
      assertEq(await page.getAttribute(btn, 'aria-expanded'), 'false', 'closes again');
    });

    await test('"how we read your tables" rebuilds tables 2, 3, 4 with values, statuses and failing cells', async () => {
      const cell = (id) => page.$eval(`#tables-view td[data-cell="${id}"]`, (td) => ({ text: td.textContent, status: td.getAttribute('data-status'), cls: td.className }));
      const res = await page.evaluate(() => window.nianbao.state().result);
      assertEq((await cell('t3.new.natural_person')).text, '31', 't3.new.natural_person');
      assertEq((await cell('t3.new.natural_person')).status, 'ok', 't3.new.natural_person status');
      assertEq((await cell('t2.fees')).text, '92.73', 't2.fees');
      assertEq(await page.$$eval('#tables-view td[data-cell^="t3."]', (t) => t.length), 175, 'table 3 has 25 x 7 cells');
      assertEq(await page.$$eval('#tables-view td[data-cell^="t4."]', (t) => t.length), 15, 'table 4 has 15 cells');
      assertEq(await page.$$eval('#tables-view td[data-cell^="t2."]', (t) => t.length), 10, 'table 2 has 10 cells');
      // every cell the page shows has the status the core gave it
      const shown = await page.$$eval('#tables-view td[data-cell]', (t) => t.map((td) => [td.getAttribute('data-cell'), td.getAttribute('data-status')]));
      for (const [id, status] of shown) assertEq(status, res.cells[id] ? res.cells[id].status : 'missing', `status of ${id}`);
      // cells named by failing (or uncertain) findings are marked; corpus 000: the 15 cells of table 4
      const failing = new Set(res.findings.filter((f) => f.status === 'fail').flatMap((f) => f.cells || []));
      const uncertain = new Set(res.findings.filter((f) => f.status === 'uncertain').flatMap((f) => f.cells || []));
      const marked = new Set(await page.$$eval('#tables-view td.cell-fail', (t) => t.map((td) => td.getAttribute('data-cell'))));
      const markedU = new Set(await page.$$eval('#tables-view td.cell-uncertain', (t) => t.map((td) => td.getAttribute('data-cell'))));
      for (const id of failing) assert(marked.has(id), `failing cell ${id} not marked`);
      for (const id of uncertain) assert(marked.has(id) || markedU.has(id), `uncertain cell ${id} not marked`);
      assertEq(marked.size + markedU.size, new Set([...failing, ...uncertain]).size, 'only those cells are marked');
      const t4f = res.findings.find((f) => f.rule === 'table-shape' && f.line === 129);
      for (const g of ['review', 'suit_direct', 'suit_after_review']) {
        assert(t4f.cells.includes(`t4.${g}.total`), `table-4 finding names t4.${g}.total`);
        assert(marked.has(`t4.${g}.total`) || markedU.has(`t4.${g}.total`), `t4.${g}.total marked`);
      }
    });

    await test('keyboard only: Tab reaches a finding, Enter locates it', async () => {
      await page.evaluate(() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); document.getElementById('report').setSelectionRange(0, 0); });
      await page.focus('#lang-toggle');
      let found = false;
      for (let i = 0; i < 40 && !found; i++) {
        await page.keyboard.press('Tab');
        found = await page.evaluate(() => document.activeElement && document.activeElement.classList.contains('f-loc'));
      }
      assert(found, 'Tab never reached a finding');
      const line = await page.evaluate(() => document.activeElement.closest('.finding').getAttribute('data-line'));
      await page.keyboard.press('Enter');
      const st = await page.evaluate(() => ({ mark: document.querySelector('#backdrop mark.hl-line') && document.querySelector('#backdrop mark.hl-line').getAttribute('data-line'), start: document.getElementById('report').selectionStart }));
      assertEq(st.mark, line, 'line highlighted by keyboard');
      assert(st.start > 0, 'selection moved');
      // the rule button is reachable and works with the keyboard too
      await page.keyboard.press('Shift+Tab');
      const isRule = await page.evaluate(() => document.activeElement.classList.contains('rule-id'));
      if (isRule) {
        await page.keyboard.press('Enter');
        assertEq(await page.evaluate(() => document.activeElement.getAttribute('aria-expanded')), 'true', 'explanation opened by keyboard');
        await page.keyboard.press('Enter');
      }
    });

    await test('English switch: UI and messages in English, back to Chinese', async () => {
      await page.click('#lang-toggle');
      assertEq(await page.evaluate(() => document.documentElement.lang), 'en', 'html lang');
      assert((await page.textContent('label[for="report"]')).startsWith('Full report text'), 'label in English');
      assert(/Problems found|No errors|No problems/.test(await page.textContent('#verdict')), 'verdict in English');
      const res = await page.evaluate(() => window.nianbao.state().result);
      const withEn = res.findings.findIndex((f) => f.message_en);
      if (withEn >= 0) {
        const msg = await page.textContent(`#findings .finding[data-index="${withEn}"] .f-msg`);
        assertEq(msg, res.findings[withEn].message_en, 'English message shown');
      }
      await page.click('#lang-toggle');
      assertEq(await page.evaluate(() => document.documentElement.lang), 'zh-CN', 'back to Chinese');
      assertEq(await page.textContent('label[for="report"]'), '报告全文', 'label in Chinese');
    });

    await test('tables view: the form\'s row and column headings from the core\'s catalogue, in Chinese and in English', async () => {
      const cat = await page.evaluate(() => window.nianbao.cells());
      assertEq(cat.length, 200, 'window.nianbao.cells()');
      const byId = Object.fromEntries(cat.map((c) => [c.id, c]));
      // the heading of a cell's row (tbody th) and the column headings of its table (thead th)
      const shown = () => page.evaluate(() => {
        const rowOf = (id) => document.querySelector(`#tables-view td[data-cell="${id}"]`).closest('tr').querySelector('th').textContent;
        const head = (id) => [...document.querySelector(`#tables-view td[data-cell="${id}"]`).closest('table').querySelectorAll('thead th')].map((th) => th.textContent);
        return {
          new: rowOf('t3.new.natural_person'), prohibited: rowOf('t3.withheld.prohibited.total'), granted: rowOf('t3.granted.total'),
          fees: rowOf('t2.fees'), suit: rowOf('t4.suit_after_review.total'), t3head: head('t3.new.total'), t2head: head('t2.fees'),
          title: document.querySelector('#tables-view td[data-cell="t3.new.natural_person"]').title,
          rows: [...document.querySelectorAll('#tables-view tbody th')].map((th) => th.textContent)
        };
      });
      const zh = await shown();
      assertEq(zh.new, '一、本年新收政府信息公开申请数量', 'official row label of t3.new');
      assertEq(zh.granted, '三、本年度办理结果 （一）予以公开', 'official row label of t3.granted');
      assertEq(zh.prohibited, '2.其他法律行政法规禁止公开', 'official row label of t3.withheld.prohibited');
      assertEq(zh.suit, '行政诉讼 · 复议后起诉', 'table 4 group');
      assertEq(zh.fees, '行政事业性收费', 'table 2 row');
      assertEq(zh.t2head.join('|'), '信息内容|本年收费金额（单位：万元）', 'table 2 fees block head');
      assertEq(zh.t3head.join('|'), '项目|自然人|法人或其他组织|总计|商业企业|科研机构|社会公益组织|法律服务机构|其他', 'table 3 head (two lines)');
      assert(zh.title.startsWith('表三 · 一、本年新收政府信息公开申请数量 · 自然人'), `cell title: ${zh.title}`);
      assertEq(zh.rows.length, 6 + 25 + 3, 'one row heading per row of tables 2, 3, 4');
      assertEq(zh.rows.slice(6, 31).join('|'), cat.filter((c) => c.table === 3 && c.id.endsWith('.total')).map((c) => c.row_heading).join('|'), 'table 3 rows: the catalogue\'s headings in order');
      // a finding's cells are listed with the catalogue's labels
      const res = await page.evaluate(() => window.nianbao.state().result);
      const k = res.findings.findIndex((f) => (f.cells || []).length);
      assert(k >= 0, 'a finding names cells');
      const ops = await page.textContent(`#findings .finding[data-index="${k}"] .ops`);
      assert(ops.includes(byId[res.findings[k].cells[0]].label + ' = '), `operands: ${ops}`);

      await page.click('#lang-toggle');
      try {
        const en = await shown();
        assertEq(en.new, byId['t3.new.natural_person'].row_heading_en, 'English row heading of t3.new');
        assertEq(en.new, '1. New requests this year', 'English row heading');
        assertEq(en.suit, 'Litigation · after review', 'English table 4 group');
        assertEq(en.t3head[0], 'Item', 'English head');
        assertEq(en.t3head[2], 'Legal persons and other organisations', 'English column group');
        assert(en.t2head[1].startsWith('Fees collected'), `English table 2 head: ${en.t2head}`);
        assert(en.title.startsWith('Table 3 · 1. New requests this year · Natural persons'), `English cell title: ${en.title}`);
        for (const r of en.rows) assert(!/[\u4e00-\u9fff]/.test(r), `English row heading without Chinese: ${r}`);
        const opsEn = await page.textContent(`#findings .finding[data-index="${k}"] .ops`);
        assert(opsEn.includes(byId[res.findings[k].cells[0]].label_en + ' = '), `English operands: ${opsEn}`);
      } finally {
        await page.click('#lang-toggle');
      }
      assertEq(await page.evaluate(() => document.documentElement.lang), 'zh-CN', 'back to Chinese');
    });

    await test('export: JSON download equals the result, text summary lists the findings', async () => {
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), page.click('#download-json')]);
      const path = await download.path();
      const data = JSON.parse(readFileSync(path, 'utf8'));
      const res = await page.evaluate(() => window.nianbao.state().result);
      assertEq(JSON.stringify(data), JSON.stringify(res), 'downloaded JSON');
      assert(/\.json$/.test(download.suggestedFilename()), 'file name');
      const summary = await page.evaluate(() => window.nianbao.summaryText());
      assert(summary.includes('table-shape') && summary.includes('结论'), `summary: ${summary.slice(0, 200)}`);
      assertEq(summary.split('\n').filter((l) => /^\d+\. \[/.test(l)).length, res.findings.length, 'one summary line per finding');
      await page.click('#copy-summary');
      await page.waitForFunction(() => /复制/.test(document.getElementById('notice').textContent), null, { timeout: 5000 });
      const copied = await page.evaluate(() => ({ notice: document.getElementById('notice').textContent, box: document.querySelector('#notice textarea') && document.querySelector('#notice textarea').value }));
      // either the clipboard took it, or the summary is shown selected for copying by hand
      assert(copied.notice === '摘要已复制到剪贴板。' || copied.box === summary, `copy: ${JSON.stringify(copied).slice(0, 200)}`);
      // print view: the print stylesheet hides the input and keeps the findings
      await page.emulateMedia({ media: 'print' });
      const vis = await page.evaluate(() => ({ input: getComputedStyle(document.querySelector('.input-pane')).display, findings: getComputedStyle(document.getElementById('findings')).display }));
      await page.emulateMedia({ media: 'screen' });
      assertEq(vis.input, 'none', 'input hidden in print');
      assert(vis.findings !== 'none', 'findings printed');
    });

    // Waits until the result shown was checked with the page's current options (previous, scope).
    const waitForOptions = () => page.waitForFunction(() => {
      const s = window.nianbao && window.nianbao.state();
      return s && !s.busy && s.checkedOptions === s.options && s.checkedText === document.getElementById('report').value &&
        document.body.getAttribute('data-state') === 'done';
    }, null, { timeout: 20000 });

    await test('previous year\'s report: a cross-year finding with the previous line, the changes table, axe clean', async () => {
      const prev = readFileSync(join(CORPUS, '036-pingtan-2022', 'page.txt'), 'utf8');
      const cur = readFileSync(join(CORPUS, '037-pingtan-2023', 'page.txt'), 'utf8');
      assert(await page.$('#previous-box:not([open])'), 'the previous box is folded');
      assertEq((await page.textContent('#previous-box > summary')).trim(), '上一年度报告（可选）', 'summary');
      await page.click('#previous-box > summary');
      await page.fill('#previous-text', prev);
      await setText(page, cur);
      await waitForOptions();
      const res = await page.evaluate(() => window.nianbao.state().result);
      assertEq(res.previous && res.previous.year, 2022, 'previous.year');
      const cross = res.findings.filter((f) => f.rule === 'cross-in-force');
      assert(cross.length >= 1 && cross[0].previous_line > 0, `cross-in-force: ${JSON.stringify(cross)}`);
      const card = await page.$('#findings .finding[data-rule="cross-in-force"] .f-prev');
      assert(card, 'the finding shows the previous report\'s line');
      assert((await card.textContent()).includes(`上一年度报告：第 ${cross[0].previous_line} 行`), await card.textContent());
      assert(await page.isVisible('#changes'), 'changes shown');
      assertEq((await page.textContent('#changes-heading')).trim(), '与上年比较', 'changes heading');
      const rows = await page.$$eval('#changes-view tbody tr', (trs) => trs.length);
      assertEq(rows, res.changes.length, 'one row per change');
      assert(rows > 0, 'changes');
      assert((await page.textContent('#previous-meta')).includes('2022'), 'previous meta');
      await page.locator('#changes').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(tmpdir(), 'nianbao-previous.png'), fullPage: false });
      const require = createRequire(import.meta.url);
      await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
      const bad = await page.evaluate(async () => {
        const out = await window.axe.run(document, { resultTypes: ['violations'] });
        return out.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => ({ id: v.id, n: v.nodes.length, t: v.nodes[0] && v.nodes[0].target.join(' ') }));
      });
      assert(bad.length === 0, `axe: ${JSON.stringify(bad)}`);
      // the same report read from a file, then cleared: no comparison
      await page.click('#previous-clear');
      await waitForOptions();
      assert(!(await page.evaluate(() => window.nianbao.state().result.previous)), 'cleared');
      assert(!(await page.isVisible('#changes')), 'changes hidden');
      await page.setInputFiles('#previous-file', join(CORPUS, '036-pingtan-2022', 'page.txt'));
      await page.waitForFunction(() => document.getElementById('previous-text').value.length > 100, null, { timeout: 10000 });
      await waitForOptions();
      assertEq(await page.evaluate(() => window.nianbao.state().result.previous.year), 2022, 'previous from a file');
      await page.click('#previous-clear');
      await page.click('#previous-box > summary');
      await setText(page, report000);
      await waitForOptions();
    });

    await test('「按完整报告检查」: table 3 alone is a part of a report, or a whole one when ticked', async () => {
      const lines = report000.split('\n');
      const from = lines.findIndex((l) => /^[（(]本列数据/.test(l));
      const to = lines.findIndex((l) => l.startsWith('四、政府信息公开行政复议'));
      await setText(page, lines.slice(from, to).join('\n') + '\n');
      await waitForOptions();
      assert((await page.textContent('#report-meta')).includes('报告的一部分：表三'), await page.textContent('#report-meta'));
      assert(!(await page.$('#findings .finding[data-rule="section-missing"]')), 'no section-missing on an excerpt');
      await page.check('#scope-full');
      await waitForOptions();
      assertEq(await page.evaluate(() => window.nianbao.state().result.report.scope), 'full', 'scope full');
      assert(!(await page.textContent('#report-meta')).includes('报告的一部分'), 'meta');
      assert(await page.$('#findings .finding[data-rule="section-missing"]'), 'section-missing on a whole report');
      await page.uncheck('#scope-full');
      // two reports in one paste: said at the top, each listed (agency, year, lines)
      const two = ['qinghe-shengtai-2024.txt', 'qinghe-shengtai-2025.txt'].map((f) => readFileSync(join(repo, 'examples', f), 'utf8')).join('');
      await setText(page, two);
      await waitForOptions();
      const reports = await page.evaluate(() => window.nianbao.state().result.reports);
      assertEq(reports && reports.length, 2, 'result.reports');
      assert(await page.isVisible('#reports-found'), 'reports found shown');
      assert((await page.textContent('#reports-found p')).includes('2 份报告'), await page.textContent('#reports-found p'));
      const items = await page.$$eval('#reports-found li', (lis) => lis.map((li) => li.textContent));
      assertEq(items.length, 2, 'one item per report');
      assert(items[1].includes('2025') && items[1].includes(`第 ${reports[1].lines.first}–${reports[1].lines.last} 行`), items[1]);
      await setText(page, report000);
      await waitForOptions();
      assert(!(await page.isVisible('#reports-found')), 'one report: no list');
    });

    await test('axe-core: no serious or critical violations (Chinese and English, with results)', async () => {
      const require = createRequire(import.meta.url);
      const axeSrc = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
      await page.evaluate(axeSrc);
      // open one explanation so it is audited too
      await page.click('#findings button.rule-more');
      for (const lang of ['zh', 'en']) {
        if (lang === 'en') await page.click('#lang-toggle');
        const r = await page.evaluate(async () => {
          const out = await window.axe.run(document, { resultTypes: ['violations'] });
          return out.violations.map((v) => ({ id: v.id, impact: v.impact, n: v.nodes.length, t: v.nodes[0] && v.nodes[0].target.join(' ') }));
        });
        const bad = r.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        assert(bad.length === 0, `${lang}: ${JSON.stringify(bad)}`);
        if (r.length) timings.push(`# axe (${lang}) minor/moderate: ${JSON.stringify(r)}`);
      }
      await page.click('#lang-toggle');
    });

    await test('typing updates the results (debounced): 31 -> 32 in table 3 gives arithmetic errors', async () => {
      const start = offsetOf(report000, 97, 1) + report000.split('\n')[96].indexOf('\t31\t') + 1;
      await page.focus('#report');
      await page.evaluate((p) => document.getElementById('report').setSelectionRange(p, p + 2), start);
      const before = await page.evaluate(() => window.nianbao.state().result);
      await page.keyboard.type('32', { delay: 30 });
      await waitForResult(page);
      const res = await page.evaluate(() => window.nianbao.state().result);
      assert(res !== before, 'a new result');
      assertEq(res.cells['t3.new.natural_person'].value, 32, 'the edited cell');
      const errs = await page.$$eval('#findings .finding[data-severity="error"]', (e) => e.map((x) => `${x.getAttribute('data-rule')}@${x.getAttribute('data-line')}`));
      assert(errs.includes('t3-balance@97'), `errors: ${errs}`);
      assertEq(Number(await page.textContent('#count-error')), res.summary.findings.error, 'error count');
      assert(/^发现问题：/.test(await page.textContent('#verdict')), 'verdict turns to errors');
      assert(await page.$eval('#tables-view td[data-cell="t3.new.natural_person"]', (td) => td.classList.contains('cell-fail')), 'edited cell marked as failing');
      await setText(page, report000);
    });

    await test('pasted markup renders literally and runs nothing', async () => {
      const lines = report000.split('\n');
      lines[2] = '湘乡市自然资源局<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
      lines[89] = '行政事业性收费\t<img src=x onerror="window.__pwned=3">\t\t';
      const text = lines.join('\n');
      await setText(page, text);
      const res = await page.evaluate(() => window.nianbao.state().result);
      const lit = '<img src=x onerror="window.__pwned=3">';
      // the fee cell is read from line 90 (its raw text is shown in the tables view, if any)
      assert(res.cells['t2.fees'] && res.cells['t2.fees'].line === 90, `t2.fees: ${JSON.stringify(res.cells['t2.fees'])}`);
      if (res.cells['t2.fees'].raw) {
        assert((await page.textContent('#tables-view td[data-cell="t2.fees"]')).includes(res.cells['t2.fees'].raw), 'raw shown literally in the tables view');
      }
      // the agency read from the title line is shown as text
      if (res.report.agency) assert((await page.textContent('#report-meta')).includes(res.report.agency), 'agency shown literally');
      // a finding about line 90 shows the markup in its source extract; locate it (backdrop)
      const f90 = await page.$(`#findings .finding[data-line="90"]`);
      if (f90) {
        assert((await f90.$eval('.f-src', (e) => e.textContent)).includes(lit), 'extract shows the markup');
        await page.click('#findings .finding[data-line="90"] .f-msg');
      } else {
        await page.click('#tables-view td[data-cell="t2.fees"]');
      }
      await page.waitForTimeout(300);
      const st = await page.evaluate(() => ({
        pwned: window.__pwned, imgs: document.querySelectorAll('img').length, scripts: document.scripts.length,
        backdrop: document.getElementById('backdrop').textContent.includes('<img src=x onerror="window.__pwned=3">')
      }));
      assertEq(st.pwned, undefined, 'no handler ran');
      assertEq(st.imgs, 0, 'no <img> element created');
      assertEq(st.scripts, 4, 'no <script> element created (the page has 4: worker, wasm, boot script, page script)');
      assert(st.backdrop, 'markup shown literally in the highlight layer');
    });

    await test('text that is not a report: the verdict says why; Clear empties the results', async () => {
      await setText(page, 'hello <b>world</b>');
      const res = await page.evaluate(() => window.nianbao.state().result);
      assert(res.error && res.error.message, `core error: ${JSON.stringify(res).slice(0, 200)}`);
      const verdict = await page.textContent('#verdict');
      assertEq(verdict, `无法核验：${res.error.message}`, 'verdict');
      assertEq(await page.$$eval('#findings .finding', (e) => e.length), 0, 'no findings listed');
      assertEq(await page.textContent('#count-error'), '–', 'no counts');
      await page.click('#clear-btn');
      assertEq(await page.inputValue('#report'), '', 'text cleared');
      assertEq(await page.textContent('#verdict'), '请粘贴报告全文，粘贴后立即开始核验。', 'empty verdict');
      assertEq(await page.evaluate(() => document.activeElement.id), 'report', 'focus back in the text area');
    });

    await test('a core failure on one input is reported, the worker restarts, the next check works', async () => {
      const w = page.workers()[0];
      assert(w, 'worker');
      // make this worker answer the next check with an error, as a wasm abort would
      await w.evaluate(() => { self.onmessage = (ev) => postMessage({ type: 'error', id: ev.data.id, message: 'RuntimeError: Aborted(test)' }); });
      await page.fill('#report', report000.replace('湘乡市自然资源局', '湘乡市自然资源局 '));
      await page.waitForFunction(() => document.body.getAttribute('data-state') === 'error', null, { timeout: 10000 });
      assert((await page.textContent('#verdict')).includes('Aborted(test)'), 'failure shown in the verdict');
      await page.waitForFunction(() => document.body.getAttribute('data-ready') === 'true', null, { timeout: 20000 });
      await setText(page, report000);
      assert(await page.$('#findings .finding[data-rule="table-shape"][data-line="129"]'), 'checks work again');
    });

    await test('an HTML paste of the tables (rowspan/colspan) gives the same cells as the text form', async () => {
      const { html: clip, spans } = reportToHtml(report000);
      assert(spans > 20, `the HTML uses spans (${spans})`);
      await page.fill('#report', '');
      await page.focus('#report');
      await page.evaluate(({ h, plain }) => {
        const dt = new DataTransfer();
        dt.setData('text/html', h);
        dt.setData('text/plain', plain);
        const ev = new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true });
        document.getElementById('report').dispatchEvent(ev);
      }, { h: clip, plain: report000.replace(/\t+/g, ' ') });
      await waitForResult(page);
      const pasted = await page.inputValue('#report');
      assert(pasted.includes('一、本年新收政府信息公开申请数量\t\t31\t0\t0\t0\t0\t0\t31'), 'table 3 row as tab-separated cells');
      assert(pasted.includes('\t\t\t\t\t5\t2\t0\t0\t7\t0\t0\t0\t0\t0\t0'), 'table 4 data row keeps its empty cells');
      assert(pasted.includes('结果 维持\t结果 纠正'), '<br> inside a cell becomes a space');
      const fromHtml = await page.evaluate(() => window.nianbao.state().result);
      const fromText = await page.evaluate((t) => window.nianbao.check(t), report000);
      const norm = (cells) => Object.keys(cells).sort().map((id) => `${id}=${cells[id].value}|${cells[id].raw}|${cells[id].status}`);
      const a = norm(fromHtml.cells);
      const b = norm(fromText.cells);
      assert(b.length > 100, `text form has ${b.length} cells`);
      assertEq(a.join('\n'), b.join('\n'), 'cells of the HTML paste vs the text form');
      assertEq(fromHtml.findings.map((f) => f.rule).join(','), fromText.findings.map((f) => f.rule).join(','), 'same rules fire');
      const notice = await page.textContent('#notice');
      assert(/表格/.test(notice), `notice: ${notice}`);
      // the same HTML inside a layout table (as on older government sites) reads the same
      const wrapped = clip.replace('<!--StartFragment-->', '<!--StartFragment--><table width="100%"><tr><td><div>')
        .replace('<!--EndFragment-->', '</div></td></tr><tr><td>打印本页</td></tr></table><!--EndFragment-->');
      const direct = await page.evaluate((h) => window.nianbao.htmlToText(h), clip);
      const viaLayout = await page.evaluate((h) => window.nianbao.htmlToText(h), wrapped);
      assertEq(viaLayout, `${direct}\n打印本页`, 'layout table unwrapped');
    });

    await test('no network request: only file:, data: and blob: URLs; the CSP forbids connections', async () => {
      const bad = requests.filter((u) => !/^(file|data|blob):/.test(u));
      assert(bad.length === 0, `network requests: ${bad.join(', ')}`);
      assert(requests.some((u) => u.startsWith('file:')), 'the page itself was recorded');
      const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
      for (const d of ["default-src 'none'", "connect-src 'none'", "worker-src blob:", "'wasm-unsafe-eval'"]) {
        assert(csp.includes(d), `CSP lacks ${d}`);
      }
      // normal use caused no policy violation (the worker decodes its inlined wasm, it fetches nothing)
      assertEq(JSON.stringify(await page.evaluate(() => window.__cspViolations)), '[]', 'CSP violations during use');
      assert(pageErrors.length === 0, `page errors: ${pageErrors.join(' | ')}`);
      // only the page's own script may run: markup injected by a bug could not run handlers
      assert(/script-src[^;]*'sha256-[A-Za-z0-9+/=]+'/.test(csp), 'script-src pins the page script by hash');
      await page.evaluate(() => {
        const d = document.createElement('div');
        d.innerHTML = '<img src="x" onerror="window.__injected=1"><a href="#" onclick="window.__injected=2">x</a>';
        document.body.appendChild(d);
        d.querySelector('a').click();
        setTimeout(() => d.remove(), 200);
      });
      await page.waitForTimeout(300);
      assertEq(await page.evaluate(() => window.__injected), undefined, 'injected inline handlers did not run');
      const v = await page.evaluate(() => window.__cspViolations.map((x) => x.split(' ')[0]));
      assert(v.includes('script-src-attr'), `the blocked handler was reported: ${v}`);
      pageErrors.length = 0;  // the blocked handler logs a CSP error by design
      // the policy is enforced in the page and in the worker: a local server sees no connection
      let connections = 0;
      const probe = createNetServer((sock) => { connections++; sock.destroy(); });
      await new Promise((r) => probe.listen(0, '127.0.0.1', r));
      const port = probe.address().port;
      try {
        const tryAll = (p) => Promise.all([
          fetch(`http://127.0.0.1:${p}/f`).then(() => 'fetched', () => 'blocked'),
          new Promise((res) => { const ws = new WebSocket(`ws://127.0.0.1:${p}/w`); ws.onopen = () => res('open'); ws.onerror = () => res('blocked'); }),
          typeof navigator.sendBeacon === 'function' ? Promise.resolve(navigator.sendBeacon(`http://127.0.0.1:${p}/b`, 'x')).then(() => 'beacon') : 'beacon',
          typeof Image === 'function' ? new Promise((res) => { const i = new Image(); i.onload = () => res('loaded'); i.onerror = () => res('blocked'); i.src = `http://127.0.0.1:${p}/i.png`; }) : 'blocked'
        ]);
        const fromPage = await page.evaluate(`(${tryAll.toString()})(${port})`);
        const worker = page.workers()[0];
        assert(worker, 'the core runs in a worker');
        const fromWorker = await worker.evaluate(`(async () => { return [typeof fetch, await new Promise((res) => { const ws = new WebSocket('ws://127.0.0.1:${port}/w'); ws.onopen = () => res('open'); ws.onerror = () => res('blocked'); })]; })()`);
        await page.waitForTimeout(300);
        assertEq(JSON.stringify(fromPage.filter((x) => x !== 'beacon')), JSON.stringify(['blocked', 'blocked', 'blocked']), 'page fetch/WebSocket/img');
        assertEq(fromWorker[1], 'blocked', 'worker WebSocket');
        assertEq(fromWorker[0], 'undefined', 'worker has no fetch');
        assertEq(connections, 0, 'connections seen by a local server');
        const directives = await page.evaluate(() => window.__cspViolations.map((v) => v.split(' ')[0]));
        assert(directives.includes('connect-src'), `CSP reported the blocked connection: ${directives}`);
      } finally {
        probe.close();
      }
    });

    await test('a large paste (10 reports, ~120 KB) is checked in the worker without blocking the page', async () => {
      const big = Array(10).fill(report000).join('\n');
      // set the value directly (page.fill types it through the editor, which takes seconds)
      await page.evaluate((b) => {
        window.__gaps = [];
        let last = performance.now();
        window.__tick = setInterval(() => { const n = performance.now(); window.__gaps.push(n - last); last = n; }, 10);
        const ta = document.getElementById('report');
        ta.value = b;
        ta.dispatchEvent(new Event('input', { bubbles: true }));
      }, big);
      await waitForResult(page);
      const r = await page.evaluate(() => { clearInterval(window.__tick); return { gap: Math.max(...window.__gaps), ms: window.nianbao.state().timing.lastCheck }; });
      timings.push(`# 10 x corpus 000 (${big.length} chars): worker check ${r.ms.toFixed(1)} ms, longest main-thread timer gap ${r.gap.toFixed(0)} ms`);
      const n = await page.$$eval('#findings .finding', (e) => e.length);
      assert(n > 0, 'findings for the large paste');
    });

    await test('20 checks of corpus 000 in the worker give the same result (timed)', async () => {
      const ms = await page.evaluate(async (t) => {
        const out = [];
        const results = new Set();
        for (let i = 0; i < 20; i++) {
          const t0 = performance.now();
          const r = await window.nianbao.check(t);
          out.push(performance.now() - t0);
          results.add(JSON.stringify(r));
        }
        out.sort((a, b) => a - b);
        return { median: out[10], min: out[0], max: out[19], distinct: results.size, first: [...results][0] };
      }, report000);
      timings.push(`# check corpus 000 round trip via worker (20 calls): median ${ms.median.toFixed(2)} ms, min ${ms.min.toFixed(2)}, max ${ms.max.toFixed(2)}`);
      assertEq(ms.distinct, 1, 'distinct results');
      const f = JSON.parse(ms.first).findings.filter((x) => x.rule === 'table-shape' && x.line === 129);
      assertEq(f.length, 1, 'the table-4 finding in every result');
    });

    await test('served over http://127.0.0.1: works, loads nothing else; a real Ctrl+V of clipboard HTML is read as a table', async () => {
      const { server, url: base } = await serve(DIST, 0);
      const url = `${base}${PAGE_NAME}`;
      const served = [];
      server.on('request', (req) => served.push(req.url));
      try {
        const p2 = await context.newPage();
        const seen = [];
        p2.on('request', (r) => seen.push(r.url()));
        await p2.goto(url);
        await p2.waitForFunction(() => document.body.getAttribute('data-ready') === 'true', null, { timeout: 20000 });
        await p2.fill('#report', report000);
        await waitForResult(p2);
        assert(await p2.$('#findings .finding[data-line="129"]'), 'finding on line 129 over http');
        const other = seen.filter((u) => !/^(data|blob):/.test(u) && u !== url);
        assert(other.length === 0, `extra requests: ${other.join(', ')}`);
        // a real clipboard paste (Ctrl+V) of HTML with a table goes through the rich-paste path
        await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
        const lines = report000.split('\n');
        const { html: clip } = reportToHtml(lines.slice(91, 123).join('\n'));
        await p2.fill('#report', '');
        await p2.evaluate(async (h) => {
          await navigator.clipboard.write([new ClipboardItem({
            'text/html': new Blob([h], { type: 'text/html' }),
            'text/plain': new Blob(['flattened'], { type: 'text/plain' })
          })]);
        }, clip);
        await p2.focus('#report');
        await p2.keyboard.press('Control+V');
        await p2.waitForFunction(() => document.getElementById('report').value.length > 100, null, { timeout: 5000 });
        const pasted = await p2.inputValue('#report');
        assert(!pasted.includes('flattened'), 'the HTML flavour was used');
        assertEq(pasted.split('\n')[4], lines[96], 'row 一、本年新收 pasted as tab-separated cells');
        assertEq(pasted.split('\n')[7], lines[99], 'row under a rowspan keeps its empty first cell');
        await p2.waitForTimeout(200);
        assertEq(served.join(' '), `/${PAGE_NAME}`, 'requests seen by the server');
        const t = await p2.evaluate(() => window.nianbao.state().timing.ready);
        timings.push(`# load to ready (http, warm browser): ${t.toFixed(0)} ms`);
        await p2.close();
      } finally {
        server.close();
      }
    });
  } finally {
    await context.close().catch(() => {});
    rmSync(userDir, { recursive: true, force: true });
  }
  for (const t of timings) console.log(t);
  finish();
}

main().catch((e) => {
  fail('harness error', e);
  finish();
});
