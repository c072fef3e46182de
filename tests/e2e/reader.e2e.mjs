// End-to-end tests of what the page does for the person reading the result (issue 15), in headless
// Debian Chromium on the file:// single file, with the project's own sample reports (examples/, no
// corpus needed): severity first and grouped, true counts under a filter, notices that follow the
// text and the language, undo, the share link and hostile links, the local draft, F8, the checks
// not made, PDF-free light page, tables view cells; on a desktop and a 390×844 phone viewport, light
// and dark, with axe-core clean. Screenshots go to $NIANBAO_SHOT_DIR (default: the temp dir).
// Env: NIANBAO_DIST (default build/wasm/dist). Prints `ok - …` / `not ok - …` and `N passed, N failed`.
import { CHROMIUM_ARGS, DIST, createRunner, loadChromium, repo } from './browser.mjs';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';
import { makeZip } from '../fixtures/make-fixtures.mjs';

const chromium = await loadChromium();
const PAGE_URL = pathToFileURL(join(DIST, 'nianbao.html')).href;
const TEXT_PAGE_URL = pathToFileURL(join(DIST, 'nianbao-text.html')).href;
const SHOTS = process.env.NIANBAO_SHOT_DIR || tmpdir();
const EX2025 = readFileSync(join(repo, 'examples', 'qinghe-shengtai-2025.txt'), 'utf8');
const EX2024 = readFileSync(join(repo, 'examples', 'qinghe-shengtai-2024.txt'), 'utf8');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

const { test, fail, finish } = createRunner({ testMs: 45000, totalMs: 280000 });
const notes = [];

function assert(cond, message) { if (!cond) throw new Error(message); }
function assertEq(actual, expected, message) {
  if (actual !== expected) throw new Error(`${message}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

async function waitDone(page) {
  await page.waitForFunction(() => {
    const s = window.nianbao && window.nianbao.state();
    return s && s.ready && !s.busy && s.checkedText === document.getElementById('report').value &&
      document.body.getAttribute('data-state') === 'done';
  }, null, { timeout: 20000 });
}

async function open(context, { viewport = DESKTOP, scheme = 'light', url = PAGE_URL } = {}) {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  await page.emulateMedia({ colorScheme: scheme });
  page.on('pageerror', (e) => fail(`page error: ${e}`));
  await page.goto(url);
  await page.waitForFunction(() => document.body.getAttribute('data-ready') === 'true', null, { timeout: 20000 });
  return page;
}

async function loadExample(page) {
  await page.click('[data-action="example"]');
  await waitDone(page);
}

const shownFindings = (page) => page.$$eval('#findings .finding', (els) => els.map((e) => ({
  rule: e.getAttribute('data-rule'), line: e.getAttribute('data-line'), sev: e.getAttribute('data-severity'),
  index: e.getAttribute('data-index'), hasHooks: e.hasAttribute('data-rule') && e.hasAttribute('data-line') && e.hasAttribute('data-severity')
})));

async function axe(page, label) {
  const require = createRequire(import.meta.url);
  if (!(await page.evaluate(() => !!window.axe))) await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const r = await page.evaluate(async () => {
    const out = await window.axe.run(document, { resultTypes: ['violations'] });
    return out.violations.map((v) => ({ id: v.id, impact: v.impact, n: v.nodes.length, t: v.nodes[0] && v.nodes[0].target.join(' ') }));
  });
  const bad = r.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert(bad.length === 0, `${label}: ${JSON.stringify(bad)}`);
  if (r.length) notes.push(`# axe (${label}) minor/moderate: ${JSON.stringify(r)}`);
}

async function noOverflow(page, label) {
  const w = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  assert(w.scroll <= w.client, `${label}: the page is ${w.scroll - w.client} px too wide`);
}

// Drops a file on the input pane the way a browser does: a DataTransfer holding a File.
async function dropFile(page, bytes, name, type) {
  await page.evaluate(async ({ b64, name, type }) => {
    const bin = atob(b64);
    const u8 = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) u8[i] = bin.charCodeAt(i);
    const dt = new DataTransfer();
    dt.items.add(new File([u8], name, { type }));
    const zone = document.querySelector('.input-pane');
    for (const t of ['dragenter', 'dragover', 'drop']) zone.dispatchEvent(new DragEvent(t, { bubbles: true, cancelable: true, dataTransfer: dt }));
  }, { b64: Buffer.from(bytes).toString('base64'), name, type });
}

async function main() {
  if (!existsSync(join(DIST, 'nianbao.html'))) {
    fail(`${DIST}/nianbao.html does not exist (build the Emscripten tree first)`);
    return;
  }
  const userDir = mkdtempSync(join(tmpdir(), 'nianbao-reader-'));
  const context = await chromium.launchPersistentContext(userDir, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true, acceptDownloads: true,
    viewport: DESKTOP, args: CHROMIUM_ARGS
  });
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  try {
    const page = await open(context);

    await test('「加载示例」: the example is checked; findings by severity, grouped by rule with counts; hooks on every finding', async () => {
      await loadExample(page);
      assertEq(await page.inputValue('#report'), EX2025, 'the 2025 example in the paste area');
      assertEq(await page.getAttribute('#verdict', 'data-verdict'), 'error', 'data-verdict');
      assert((await page.textContent('#verdict')).startsWith('发现问题：4 个错误，1 个警告'), await page.textContent('#verdict'));
      const f = await shownFindings(page);
      assert(f.every((x) => x.hasHooks), 'data-rule, data-line, data-severity on every finding');
      assertEq(f.map((x) => x.sev).join(','), 'error,error,error,error,warning', 'errors first, then warnings');
      assertEq(f[0].rule, 'section-missing', 'a whole-report error first');
      assertEq(f[0].line, '', 'not tied to a line');
      const groups = await page.$$eval('#findings .f-group', (g) => g.map((x) => `${x.getAttribute('data-rule')}:${x.getAttribute('data-count')}:${x.querySelector('.g-count').textContent}`));
      assertEq(groups.join(' '), 'section-missing:1:1 处 t3-balance:2:2 处 t4-group-total:1:1 处 narrative-applications:1:1 处', 'groups');
      // the Chinese title first, the rule id secondary
      const head = await page.$eval('#findings .f-group[data-rule="t3-balance"] .g-head', (h) => [h.querySelector('.g-title').textContent, h.querySelector('.rule-id').textContent]);
      assertEq(head.join('|'), '表三勾稽关系不平衡|t3-balance', 'group head');
      // expected and actual together (t4: 4 vs 5)
      const nums = await page.textContent('#findings .finding[data-rule="t4-group-total"] .f-nums strong');
      assert(/应为 4，实为 5|应为 5，实为 4/.test(nums), `numbers: ${nums}`);
      // the narrative finding marks “47件” in its source extract
      assertEq(await page.textContent('#findings .finding[data-rule="narrative-applications"] .f-src mark'), '47件', 'highlighted snippet');
      // marks in the text for every finding tied to a place
      const marks = await page.$$eval('#backdrop mark.fm', (m) => m.map((x) => x.className));
      assert(marks.some((c) => c.includes('m-error')) && marks.some((c) => c.includes('m-warning')), `marks: ${marks}`);
      assertEq(await page.$$eval('#not-assessable', (d) => d[0].hidden), false, 'checks-not-made section shown');
      assert((await page.textContent('#not-assessable summary')).includes('0 项'), 'no check was impossible');
    });

    await test('「仅错误」: the headline keeps the true counts and says what is hidden; 「全部显示」 brings them back', async () => {
      await page.selectOption('#min-severity', 'error');
      assert((await page.textContent('#verdict')).startsWith('发现问题：4 个错误，1 个警告'), 'true counts in the verdict');
      assertEq(await page.textContent('#count-warning'), '1', 'warning count unchanged');
      assertEq((await shownFindings(page)).filter((x) => x.sev === 'warning').length, 0, 'warnings hidden');
      assertEq(await page.getAttribute('#findings .hidden-note', 'data-hidden'), '1', 'hidden note');
      assert((await page.textContent('#filter-note')).includes('1 个警告'), await page.textContent('#filter-note'));
      assert((await page.evaluate(() => window.nianbao.summaryText())).includes('隐藏了 1 个警告'), 'the summary says what is hidden');
      await page.click('#findings [data-action="show-all"]');
      assertEq(await page.inputValue('#min-severity'), 'info', 'all shown again');
      assertEq((await shownFindings(page)).length, 5, 'five findings');
    });

    await test('「这意味着什么？」 gives plain words, the rule and its basis without developer references', async () => {
      await page.click('#findings .f-group[data-rule="t3-balance"] .rule-more');
      const box = await page.textContent('#findings .f-group[data-rule="t3-balance"] .f-expl');
      assert(box.includes('这意味着什么') && box.includes('国办公开办函') && !/format\.md|§/.test(box), box);
    });

    await test('F8 / Shift+F8 step through the findings in the order shown and locate them', async () => {
      await page.focus('#report');
      await page.keyboard.press('F8');
      let s = await page.evaluate(() => window.nianbao.state().activeIndex);
      const order = (await shownFindings(page)).map((x) => Number(x.index));
      assertEq(s, order[0], 'first');
      await page.keyboard.press('F8');
      s = await page.evaluate(() => window.nianbao.state().activeIndex);
      assertEq(s, order[1], 'second');
      const hl = await page.$eval('#backdrop mark.hl-line', (m) => m.getAttribute('data-line'));
      assertEq(hl, (await shownFindings(page))[1].line, 'its line is marked');
      await page.keyboard.press('Shift+F8');
      await page.keyboard.press('Shift+F8');
      assertEq(await page.evaluate(() => window.nianbao.state().activeIndex), order[order.length - 1], 'wraps to the last');
      assert(/\d+ \/ \d+/.test(await page.textContent('#notice')), 'announced');
    });

    await test('print view: where the result comes from (report, time, version) and where each finding is', async () => {
      await page.emulateMedia({ media: 'print' });
      try {
        const st = await page.evaluate(() => ({
          meta: getComputedStyle(document.getElementById('print-meta')).display !== 'none' ? document.getElementById('print-meta').textContent : '',
          input: getComputedStyle(document.querySelector('.input-pane')).display,
          where: [...document.querySelectorAll('#findings .f-where')].filter((e) => e.offsetParent !== null).map((e) => e.textContent),
          act: [...document.querySelectorAll('#findings .f-act')].some((e) => e.offsetParent !== null)
        }));
        assert(/青禾市生态环境局 2025 年度报告 · 核验于 \d{4}-\d\d-\d\d \d\d:\d\d · nianbao \d/.test(st.meta), `print meta: ${st.meta}`);
        assertEq(st.input, 'none', 'no input in print');
        assert(st.where.length === 5 && st.where.includes('第 53 行，第 22 列'), `where in print: ${st.where}`);
        assert(!st.act, 'no button words in print');
      } finally {
        await page.emulateMedia({ media: 'screen' });
      }
    });

    await test('notices follow the text and the language: a file note goes when other text is pasted', async () => {
      await dropFile(page, Buffer.from(EX2024, 'utf8'), 'qinghe-2024.txt', 'text/plain');
      await waitDone(page);
      assert((await page.textContent('#notice')).includes('qinghe-2024.txt'), 'file note');
      assert(await page.$('#notice [data-action="undo"]'), 'undo offered for the replaced text');
      await page.click('#lang-toggle');
      assert((await page.textContent('#notice')).startsWith('Read file qinghe-2024.txt'), `English notice: ${await page.textContent('#notice')}`);
      await page.click('#lang-toggle');
      await page.focus('#report');
      await page.keyboard.press('Control+End');
      await page.keyboard.type('x');
      assertEq(await page.textContent('#notice'), '', 'the note went with the edit');
      await page.fill('#report', EX2025);
      await waitDone(page);
    });

    await test('undo: a dropped file over typed text and 清空 can be undone', async () => {
      await page.fill('#report', EX2025 + '\n我的批注');
      await waitDone(page);
      await dropFile(page, Buffer.from(EX2024, 'utf8'), 'other.txt', 'text/plain');
      await waitDone(page);
      assertEq(await page.inputValue('#report'), EX2024, 'the file replaced the text');
      await page.click('#notice [data-action="undo"]');
      await waitDone(page);
      assertEq(await page.inputValue('#report'), EX2025 + '\n我的批注', 'typed text back');
      await page.click('#clear-btn');
      assertEq(await page.inputValue('#report'), '', 'cleared');
      assertEq(await page.getAttribute('#verdict', 'data-verdict'), 'empty', 'empty verdict');
      await page.click('#notice [data-action="undo"]');
      await waitDone(page);
      assertEq(await page.inputValue('#report'), EX2025 + '\n我的批注', 'cleared text back');
    });

    await test('a file error is shown once, in the verdict, and in the reader\'s language; 清空 leaves no old notice', async () => {
      // a ZIP that is an Excel workbook, not a .docx
      const zip = makeZip([['[Content_Types].xml', '<Types/>'], ['xl/workbook.xml', '<workbook/>']]);
      await dropFile(page, zip, 'figures.xlsx', 'application/zip');
      await page.waitForFunction(() => document.body.getAttribute('data-file') === 'error', null, { timeout: 10000 });
      const v = await page.textContent('#verdict');
      assertEq(await page.getAttribute('#verdict', 'data-verdict'), 'file-error', 'data-verdict');
      assert(v.includes('figures.xlsx'), v);
      assert(!/word\/document\.xml/.test(v), `no developer words: ${v}`);
      assert(!(await page.textContent('#notice')).includes('figures.xlsx'), 'not repeated in the notice');
      await page.click('#lang-toggle');
      assert((await page.textContent('#verdict')).startsWith('Could not read figures.xlsx'), await page.textContent('#verdict'));
      await page.click('#lang-toggle');
      await page.click('#clear-btn');
      assertEq(await page.getAttribute('#verdict', 'data-verdict'), 'empty', 'clear: no old error');
    });

    await test('share link: same text and result in a new page; nothing is requested', async () => {
      await page.fill('#report', EX2025);
      await waitDone(page);
      assertEq(await page.isDisabled('[data-action="share"]'), false, 'share enabled for a checked report');
      await page.click('[data-action="share"]');
      await page.waitForFunction(() => /链接/.test(document.getElementById('notice').textContent), null, { timeout: 5000 });
      const link = await page.evaluate(() => window.nianbao.share());
      assert(link.startsWith(PAGE_URL + '#r='), link.slice(0, 80));
      assert(link.length < 8192, `link length ${link.length}`);
      const shown = await page.$eval('#notice .share-url', (i) => i.value);
      assertEq(shown, link, 'the link shown for copying');
      const p2 = await context.newPage();
      await p2.goto(link);
      await p2.waitForFunction(() => document.body.getAttribute('data-link') === 'loaded', null, { timeout: 20000 });
      await waitDone(p2);
      assertEq(await p2.inputValue('#report'), EX2025, 'same text');
      const a = await page.evaluate(() => window.nianbao.state().result);
      const b = await p2.evaluate(() => window.nianbao.state().result);
      assertEq(JSON.stringify(b), JSON.stringify(a), 'same result');
      // editing drops the fragment, so a reload does not bring the link's text back over the edit
      await p2.fill('#report', EX2024);
      assertEq(await p2.evaluate(() => location.hash), '', 'fragment dropped after an edit');
      await p2.close();
    });

    await test('share link past 8 KB: said so, the JSON offered instead, the link still available', async () => {
      // a text that compresses badly: the example with every line numbered differently
      let seed = 1;
      const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed; };
      const long = EX2025 + '\n' + Array.from({ length: 600 }, () => `附注${rnd()}：${rnd() % 100000}`).join('\n');
      await page.fill('#report', long);
      await waitDone(page);
      await page.click('[data-action="share"]');
      await page.waitForFunction(() => !!document.querySelector('#notice [data-action="share-json"]'), null, { timeout: 5000 });
      assert(/KB/.test(await page.textContent('#notice')), await page.textContent('#notice'));
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), page.click('#notice [data-action="share-json"]')]);
      assert(/\.json$/.test(download.suggestedFilename()), 'the JSON instead');
      await page.fill('#report', long);
      await waitDone(page);
      await page.click('[data-action="share"]');
      await page.click('#notice [data-action="share-anyway"]');
      await page.waitForFunction(() => !!document.querySelector('#notice .share-url'), null, { timeout: 5000 });
      assert((await page.$eval('#notice .share-url', (i) => i.value)).length > 8192, 'the long link');
    });

    await test('hostile share links: a clear message, an empty paste area, nothing rendered as markup', async () => {
      const b64 = (buf) => Buffer.from(buf).toString('base64url');
      const cases = [
        ['bad base64', '#r=%%%not*base64', 'bad-encoding'],
        ['one char', '#r=A', 'bad-encoding'],
        ['not deflate', '#r=' + b64(Buffer.from('hello world, not compressed')), 'corrupt'],
        ['truncated', '#r=' + b64(deflateSync(Buffer.from(EX2025))).slice(0, 200), 'corrupt'],
        ['bomb', '#r=' + b64(deflateSync(Buffer.alloc(17 * 1024 * 1024), { level: 9 })), 'too-large'],
        ['not UTF-8', '#r=' + b64(deflateSync(Buffer.from([0xff, 0xfe, 0xc0, 0x80]))), 'bad-text']
      ];
      for (const [name, hash, code] of cases) {
        const p = await context.newPage();
        await p.goto(PAGE_URL + hash);
        await p.waitForFunction(() => document.body.getAttribute('data-link') === 'error', null, { timeout: 20000 });
        assertEq(await p.getAttribute('body', 'data-link-error'), code, `${name}: code`);
        assertEq(await p.getAttribute('#verdict', 'data-verdict'), 'link-error', `${name}: verdict`);
        assert((await p.textContent('#verdict')).startsWith('无法打开这个分享链接'), `${name}: ${await p.textContent('#verdict')}`);
        assertEq(await p.inputValue('#report'), '', `${name}: nothing loaded`);
        assertEq(await p.$$eval('#findings .finding', (x) => x.length), 0, `${name}: no findings`);
        await p.close();
      }
      // markup in a valid link is text, only ever text
      const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>\n' + EX2025;
      const p = await context.newPage();
      await p.goto(PAGE_URL + '#r=' + b64(deflateSync(Buffer.from(evil))));
      await p.waitForFunction(() => document.body.getAttribute('data-link') === 'loaded', null, { timeout: 20000 });
      await waitDone(p);
      assertEq(await p.inputValue('#report'), evil, 'the text as sent');
      const st = await p.evaluate(() => ({ pwned: window.__pwned, imgs: document.querySelectorAll('img').length, scripts: document.scripts.length }));
      assertEq(st.pwned, undefined, 'no handler ran');
      assertEq(st.imgs, 0, 'no <img>');
      assertEq(st.scripts, 4, 'no <script> added (the page has 4: worker, wasm, boot script, page script)');
      await p.close();
    });

    await test('opt-in local draft: kept across a reload when ticked, gone when unticked', async () => {
      await page.fill('#report', EX2024 + '\n草稿');
      await waitDone(page);
      await page.check('#draft-toggle');
      await page.reload();
      await page.waitForFunction(() => document.body.getAttribute('data-ready') === 'true');
      await waitDone(page);
      assertEq(await page.inputValue('#report'), EX2024 + '\n草稿', 'draft restored');
      assert((await page.textContent('#notice')).includes('草稿'), 'said so');
      await page.uncheck('#draft-toggle');
      await page.reload();
      await page.waitForFunction(() => document.body.getAttribute('data-ready') === 'true');
      assertEq(await page.inputValue('#report'), '', 'no draft after unticking');
      assertEq(await page.evaluate(() => localStorage.getItem('nianbao.draft')), null, 'deleted from storage');
    });

    await test('checks not made: an unreadable row is itemised (which check, which cells, why) in the page and the summary', async () => {
      const broken = EX2025.replace(/^四、结转下年度继续办理\t.*$/m, '四、结转下年度继续办理\t\t1\t2\t0');
      await page.fill('#report', broken);
      await waitDone(page);
      const res = await page.evaluate(() => window.nianbao.state().result);
      const na = res.summary.checks.not_assessable + res.summary.checks.uncertain;
      assert(na > 0, 'checks could not be made');
      assertEq(await page.textContent('#count-na'), String(na), 'count');
      await page.click('#not-assessable summary');
      const text = await page.textContent('#not-assessable');
      assert(text.includes('四、结转下年度继续办理'), `the row is named: ${text.slice(0, 300)}`);
      const summary = await page.evaluate(() => window.nianbao.summaryText());
      assert(summary.includes(`无法进行的检查：${na} 项`) && summary.includes('四、结转下年度继续办理'), summary.slice(-400));
      // an unsettled finding does not claim a mismatch in its title
      const titles = await page.$$eval('#findings .f-group[data-status="uncertain"] .g-title', (t) => t.map((x) => x.textContent));
      for (const t of titles) assert(!/不一致$|不符$/.test(t), `uncertain title: ${t}`);
    });

    await test('tables view: cells are focusable, focus shows the details, Enter locates the cell', async () => {
      await page.fill('#report', EX2025);
      await waitDone(page);
      const td = '#tables-view td[data-cell="t4.review.total"]';
      assertEq(await page.getAttribute(td, 'tabindex'), '0', 'focusable');
      await page.focus(td);
      assert((await page.textContent('#cell-detail')).includes('行政复议'), await page.textContent('#cell-detail'));
      await page.keyboard.press('Enter');
      const sel = await page.evaluate(() => { const t = document.getElementById('report'); return t.value.slice(t.selectionStart, t.selectionEnd); });
      assertEq(sel, '5', 'the cell\'s text is selected');
    });

    await test('desktop, light and dark: screenshots, axe clean, no overflow', async () => {
      for (const scheme of ['light', 'dark']) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.click('#findings .f-group .rule-more');
        await axe(page, `desktop ${scheme}`);
        await noOverflow(page, `desktop ${scheme}`);
        const shot = join(SHOTS, `nianbao-reader-desktop-${scheme}.png`);
        await page.screenshot({ path: shot });
        notes.push(`# screenshot: ${shot}`);
      }
      await page.emulateMedia({ colorScheme: 'light' });
    });

    for (const scheme of ['light', 'dark']) {
      await test(`phone 390×844, ${scheme}: the verdict in view after 「加载示例」 and after a paste; no overflow; axe clean`, async () => {
        const p = await open(context, { viewport: PHONE, scheme });
        await noOverflow(p, `phone ${scheme} empty`);
        await loadExample(p);
        await p.waitForTimeout(100);
        const inView = () => p.evaluate(() => { const r = document.getElementById('verdict').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; });
        assert(await inView(), 'verdict in view after the example');
        await noOverflow(p, `phone ${scheme} with results`);
        await p.evaluate(() => window.scrollTo(0, 0));
        await p.fill('#report', '');
        await p.evaluate((t) => {
          const ta = document.getElementById('report');
          ta.value = t;
          ta.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
        }, EX2024);
        await waitDone(p);
        await p.waitForTimeout(100);
        assert(await inView(), 'verdict in view after a paste');
        assertEq(await p.getAttribute('#verdict', 'data-verdict'), 'ok', 'the 2024 example passes');
        const shot = join(SHOTS, `nianbao-reader-phone-${scheme}.png`);
        await p.screenshot({ path: shot });
        notes.push(`# screenshot: ${shot}`);
        await loadExample(p);
        await axe(p, `phone ${scheme}`);
        await p.close();
      });
    }

    await test('the light page (no pdf.js) says plainly that it does not read PDF, and where the full page is', async () => {
      const p = await open(context, { url: TEXT_PAGE_URL });
      assert((await p.textContent('#report-hint')).includes('nianbao.html'), await p.textContent('#report-hint'));
      await dropFile(p, Buffer.from('%PDF-1.7\n%%EOF\n'), 'report.pdf', 'application/pdf');
      await p.waitForFunction(() => document.body.getAttribute('data-file') === 'error', null, { timeout: 10000 });
      assertEq(await p.getAttribute('body', 'data-file-error'), 'unsupported', 'not "damaged"');
      const v = await p.textContent('#verdict');
      assert(v.includes('nianbao.html') && !v.includes('损坏'), v);
      await p.close();
    });

    await test('no network request: only file:, data: and blob: URLs', async () => {
      const bad = requests.filter((u) => !/^(file|data|blob):/.test(u));
      assert(bad.length === 0, `requests: ${bad.join(', ')}`);
    });
  } finally {
    await context.close().catch(() => {});
    rmSync(userDir, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (e) {
  fail('harness error', e);
}
for (const n of notes) console.log(n);
finish();
