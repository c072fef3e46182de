// The page's batch view (issue 14, item 4), headless Debian Chromium (playwright-core), offline,
// the file:// single file: several files picked (corpus texts, a web page, a corpus PDF, a
// non-report and a junk file) give one row per file with data-file, the agency, year and counts
// of the native CLI for the same files; sorting by errors reorders the rows, the rule filter hides
// rows; a row opens the report's full view and 「返回批量结果」 restores the table, its sort and
// filter; the findings CSV and the cells CSV downloaded are the CLI's --format csv / --format cells;
// a folder picked skips other files and says how many; Cancel stops a batch; one file picked is
// still the single-report page; desktop light and dark and a 390×844 phone: no horizontal
// overflow, axe clean, screenshots in $NIANBAO_SHOT_DIR (default: the temp dir).
// Env: NIANBAO_DIST, NIANBAO_CORPUS_DIR, NIANBAO_CLI (the native CLI; default build/native/nianbao
// when it exists: without it the comparisons with the CLI are skipped and said so).
// Prints `ok - …` / `not ok - …`, `#` lines and `N passed, N failed`; exits 1 on failure.
import { CHROMIUM_ARGS, CORPUS, DIST, createRunner, loadChromium, repo } from './browser.mjs';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve } from '../../scripts/serve.mjs';

const chromium = await loadChromium();
const PAGE_URL = pathToFileURL(join(DIST, 'nianbao.html')).href;
const SHOTS = process.env.NIANBAO_SHOT_DIR || tmpdir();
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const CLI = process.env.NIANBAO_CLI || (existsSync(join(repo, 'build', 'native', 'nianbao')) ? join(repo, 'build', 'native', 'nianbao') : null);

const { test, fail, finish } = createRunner({ testMs: 90000, totalMs: 290000 });
const notes = [];

function assert(cond, message) { if (!cond) throw new Error(message); }
function assertEq(got, want, label) {
  if (got !== want) throw new Error(`${label}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
}

// The batch's files, in a temp folder (report texts never go into the repository).
const work = mkdtempSync(join(tmpdir(), 'nianbao-batch-e2e-'));
const dir = join(work, 'files');
mkdirSync(dir);
const FILES = [
  ['a-xiangxiang.txt', '000-xiangxiang-ziranziyuan-2025/report.txt'],
  ['b-kewei.md', '005-shanghai-kewei-2024/report.md'],
  ['c-pingtan-2024.txt', '038-pingtan-2024/page.txt'],
  ['d-shuyang.html', '007-shuyang-fagaiju-2023/page.html'],
  ['e-hongze.pdf', '001-huaian-hongze-2023/source.pdf'],
  ['f-pingtan-2011.txt', '021-pingtan-shiyanqu-2011/page.txt']
];
for (const [name, src] of FILES) copyFileSync(join(CORPUS, src), join(dir, name));
writeFileSync(join(dir, 'g-notice.txt'), '关于召开年度工作会议的通知\n请各单位准时参加。\n');
writeFileSync(join(dir, 'h-junk.bin'), Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 7, 0, 9]));
const NAMES = readdirSync(dir).sort();
const CHECKED = NAMES.filter((n) => !n.endsWith('.bin'));           // the CLI reads these as the page does
const SAME_TEXT = CHECKED.filter((n) => !n.endsWith('.html'));       // the page reads HTML with its own reader

// The CLI on the same files, from the folder (so its `file` column is the bare name).
function cli(args, names) {
  try {
    return execFileSync(CLI, ['check', ...args, ...names], { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    if (e.status === 1 || e.status === 2) return e.stdout;
    throw e;
  }
}
const csvRows = (text) => text.replace(/^\ufeff/, '').split('\r\n').filter((l) => l !== '');
// Rows of a CSV whose file (first field, never quoted here) is one of names, with the header.
const rowsOf = (text, names) => { const rows = csvRows(text); return [rows[0], ...rows.slice(1).filter((r) => names.includes(r.split(',')[0]))]; };

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

async function open(context, { viewport = DESKTOP, scheme = 'light' } = {}) {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  await page.emulateMedia({ colorScheme: scheme });
  page.on('pageerror', (e) => fail(`page error: ${e}`));
  await page.goto(PAGE_URL);
  await page.waitForFunction(() => document.body.getAttribute('data-ready') === 'true', null, { timeout: 30000 });
  return page;
}

async function waitBatch(page, timeout = 80000) {
  await page.waitForFunction(() => {
    const b = window.nianbao.batch();
    return b.total > 0 && !b.running;
  }, null, { timeout, polling: 50 });
  return page.evaluate(() => window.nianbao.batch());
}

const rowFiles = (page) => page.$$eval('#batch-body tr', (trs) => trs.filter((t) => !t.hidden).map((t) => t.getAttribute('data-file')));

async function download(page, selector) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: d.suggestedFilename(), text: readFileSync(await d.path(), 'utf8') };
}

const context = await chromium.launchPersistentContext(join(work, 'profile'), {
  executablePath: '/usr/bin/chromium', headless: true, offline: true, acceptDownloads: true, args: CHROMIUM_ARGS
});
const requests = [];
context.on('request', (r) => requests.push(r.url()));

try {
  if (!CLI) notes.push('# NIANBAO_CLI not set and build/native/nianbao missing: comparisons with the CLI skipped');
  const page = await open(context);
  let batch;

  await test(`${NAMES.length} files picked: one row per file with data-file, progress, then the CLI's agency, year and counts`, async () => {
    const t0 = Date.now();
    await page.setInputFiles('#file-input', NAMES.map((n) => join(dir, n)));
    await page.waitForSelector('#batch:not([hidden])', { timeout: 5000 });
    assertEq(await page.getAttribute('body', 'data-view'), 'batch', 'batch view');
    batch = await waitBatch(page);
    notes.push(`# ${NAMES.length} files (4 text, 1 HTML, 1 PDF, 2 not reports) read and checked in ${batch.ms.toFixed(0)} ms (picked → table ${Date.now() - t0} ms)`);
    assertEq(JSON.stringify(await rowFiles(page)), JSON.stringify(NAMES), 'rows in input order');
    const byFile = Object.fromEntries(batch.entries.map((e) => [e.file, e]));
    assertEq(byFile['h-junk.bin'].status, 'unreadable', 'junk');
    assertEq(byFile['g-notice.txt'].status, 'not-a-report', 'notice');
    assert((await page.textContent('#batch-body tr[data-file="h-junk.bin"]')).includes('无法读取'), 'the reason is in the row');
    assert((await page.textContent('#batch-body tr[data-file="g-notice.txt"]')).includes('不是年报'), 'not a report, said');
    const summary = await page.textContent('#batch-summary');
    assert(/6 份报告：\d+ 份无错误，\d+ 份有错误/.test(summary) && summary.includes('2 份文件无法核验'), summary);
    assert((await page.textContent('#batch-progress')).includes(`已核验 ${NAMES.length} 份文件`), await page.textContent('#batch-progress'));
    // the table's cells are the entries'
    const row = await page.$$eval('#batch-body tr[data-file="a-xiangxiang.txt"] > *', (cs) => cs.map((c) => c.textContent));
    assertEq(row[1], byFile['a-xiangxiang.txt'].agency, 'agency cell');
    assert(row[6].length > 0, 'main issues');
    if (!CLI) return;
    const lines = cli(['--format', 'json'], CHECKED).trim().split('\n').map((l) => JSON.parse(l));
    for (const doc of lines) {
      const e = byFile[doc.file];
      if (doc.error) { assertEq(e.status, 'not-a-report', doc.file); continue; }
      assertEq(e.status, 'ok', doc.file);
      assertEq(e.agency, doc.report.agency || '', `${doc.file} agency`);
      assertEq(e.year, doc.report.year, `${doc.file} year`);
      const f = doc.summary.findings;
      assertEq(JSON.stringify([e.errors, e.warnings, e.infos]), JSON.stringify([f.error, f.warning, f.info]), `${doc.file} counts`);
      const rules = {};
      doc.findings.forEach((x) => { rules[x.rule] = (rules[x.rule] || 0) + 1; });
      assertEq(JSON.stringify(e.rules), JSON.stringify(rules), `${doc.file} rules`);
    }
  });

  await test('sort by errors (aria-sort), filter by a rule, summary of what is shown', async () => {
    const before = await rowFiles(page);
    await page.click('#batch-head-row [data-sort="errors"]');
    assertEq(await page.getAttribute('#batch-head-row th[data-col="errors"]', 'aria-sort'), 'descending', 'first click: most errors first');
    const after = await rowFiles(page);
    assert(JSON.stringify(after) !== JSON.stringify(before), `order unchanged: ${after}`);
    const errs = await page.$$eval('#batch-body tr[data-status="ok"] .bc-errors', (tds) => tds.map((t) => Number(t.textContent)));
    assert(errs.every((v, i) => i === 0 || errs[i - 1] >= v), `errors not descending: ${errs}`);
    await page.click('#batch-head-row [data-sort="errors"]');
    assertEq(await page.getAttribute('#batch-head-row th[data-col="errors"]', 'aria-sort'), 'ascending', 'second click');
    await page.click('#batch-head-row [data-sort="file"]');
    assertEq(JSON.stringify(await rowFiles(page)), JSON.stringify(NAMES), 'by file name');
    // a rule that fired in some files but not all
    const options = await page.$$eval('#batch-rule option', (os) => os.map((o) => ({ v: o.value, t: o.textContent })));
    const counts = {};
    batch.entries.forEach((e) => Object.keys(e.rules).forEach((r) => { counts[r] = (counts[r] || 0) + 1; }));
    const rule = Object.keys(counts).find((r) => counts[r] >= 1 && counts[r] < 6);
    assert(rule, 'a rule that fired in some files');
    const opt = options.find((o) => o.v === rule);
    assert(opt && opt.t.includes(`${counts[rule]} 份`), `option for ${rule}: ${JSON.stringify(opt)}`);
    await page.selectOption('#batch-rule', rule);
    const shown = await rowFiles(page);
    assertEq(shown.length, counts[rule], 'rows shown');
    assert(shown.every((f) => batch.entries.find((e) => e.file === f).rules[rule]), 'only rows with the rule');
    assert((await page.textContent('#batch-shown')).includes(`显示 ${counts[rule]} / ${NAMES.length} 份文件`), await page.textContent('#batch-shown'));
    await page.selectOption('#batch-rule', '!failed');
    assertEq(JSON.stringify(await rowFiles(page)), JSON.stringify(['g-notice.txt', 'h-junk.bin']), 'the files not checked');
    await page.selectOption('#batch-rule', rule);
  });

  await test('a row opens the full view with its findings; 「返回批量结果」 restores table, sort and filter', async () => {
    await page.click('#batch-head-row [data-sort="errors"]');
    const ruleBefore = await page.inputValue('#batch-rule');
    const target = (await rowFiles(page))[0];
    await page.click(`#batch-body tr[data-file="${target}"]`);
    assertEq(await page.getAttribute('body', 'data-view'), 'report', 'report view');
    await page.waitForFunction((name) => {
      const s = window.nianbao.state();
      return s.file && s.file.name === name && !s.busy && s.checkedText === document.getElementById('report').value &&
        document.body.getAttribute('data-state') === 'done';
    }, target, { timeout: 45000 });
    assert(await page.isVisible('#results'), 'results shown');
    assert(!(await page.isVisible('#batch')), 'table hidden');
    assert(await page.isVisible('#batch-back-btn'), 'the way back');
    assert((await page.textContent('#batch-opened')).includes(target), 'which file');
    const entry = batch.entries.find((e) => e.file === target);
    const shown = await page.evaluate(() => window.nianbao.state().result.summary.findings);
    assertEq(JSON.stringify([shown.error, shown.warning, shown.info]), JSON.stringify([entry.errors, entry.warnings, entry.infos]), 'the same counts as its row');
    assert((await page.$$('#findings .finding')).length > 0, 'findings listed');
    await page.click('#batch-back-btn');
    assertEq(await page.getAttribute('body', 'data-view'), 'batch', 'back');
    assertEq(await page.inputValue('#batch-rule'), ruleBefore, 'filter kept');
    assertEq(await page.getAttribute('#batch-head-row th[data-col="errors"]', 'aria-sort'), 'descending', 'sort kept');
    assertEq(await page.evaluate(() => document.activeElement.getAttribute('data-file')), target, 'focus on the row opened');
    // keyboard: Enter on a focused row
    await page.keyboard.press('Enter');
    assertEq(await page.getAttribute('body', 'data-view'), 'report', 'Enter opens');
    await page.click('#batch-back-btn');
    await page.selectOption('#batch-rule', '');
    assertEq((await rowFiles(page)).length, NAMES.length, 'all rows again');
  });

  await test('exports: the findings CSV and the cells CSV are the CLI\'s --format csv and --format cells', async () => {
    const csv = await download(page, '#batch-csv');
    assertEq(csv.name, 'nianbao-findings.csv', 'file name');
    assert(csv.text.startsWith('\ufefffile,agency,year,rule,severity,status,line,column,cells,expected,actual,message\r\n'), 'BOM and header');
    const junk = csvRows(csv.text).find((r) => r.startsWith('h-junk.bin,'));
    assert(junk && junk.includes(',error,unreadable,'), `junk row: ${junk}`);
    const cells = await download(page, '#batch-cells');
    assertEq(cells.name, 'nianbao-cells.csv', 'file name');
    assertEq(csvRows(cells.text).length, NAMES.length + 1, 'one row per file');
    if (!CLI) return;
    const want = cli(['--format', 'csv'], SAME_TEXT);
    assertEq(rowsOf(csv.text, SAME_TEXT).join('\n'), csvRows(want).join('\n'), 'findings csv rows');
    assertEq(rowsOf(cells.text, SAME_TEXT).join('\n'), csvRows(cli(['--format', 'cells'], SAME_TEXT)).join('\n'), 'cells csv rows');
    // whole files: the same bytes when the page's files are the CLI's
    const onlySame = csvRows(csv.text).filter((r, i) => i === 0 || SAME_TEXT.includes(r.split(',')[0]));
    assertEq('\ufeff' + onlySame.join('\r\n') + '\r\n', want, 'findings csv bytes');
    const html = csvRows(csv.text).filter((r) => r.startsWith('d-shuyang.html,')).length;
    const htmlCli = csvRows(cli(['--format', 'csv'], ['d-shuyang.html'])).length - 1;
    notes.push(`# d-shuyang.html: ${html} findings in the page, ${htmlCli} from the CLI (the page reads HTML with its own reader; positions are in its text)`);
  });

  await test('English: the table and the CSV follow the language switch', async () => {
    await page.click('#lang-toggle');
    assert((await page.textContent('#batch-head-row')).includes('Errors'), 'English headings');
    assert((await page.textContent('#batch-summary')).includes('reports:'), await page.textContent('#batch-summary'));
    const csv = await download(page, '#batch-csv');
    if (CLI) assertEq(rowsOf(csv.text, SAME_TEXT).join('\n'), csvRows(cli(['--format', 'csv', '--lang', 'en'], SAME_TEXT)).join('\n'), 'csv --lang en');
    await page.click('#lang-toggle');
  });

  await test('desktop light and dark: no overflow, axe clean, screenshots', async () => {
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      await noOverflow(page, `desktop ${scheme}`);
      await axe(page, `desktop ${scheme}`);
      const shot = join(SHOTS, `nianbao-batch-desktop-${scheme}.png`);
      await page.screenshot({ path: shot, fullPage: true });
      notes.push(`# screenshot: ${shot}`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });

  await test('a folder picked: report files only (subfolders too), the others skipped and counted', async () => {
    const folder = join(work, 'folder');
    mkdirSync(join(folder, 'sub'), { recursive: true });
    copyFileSync(join(dir, 'a-xiangxiang.txt'), join(folder, 'a.txt'));
    copyFileSync(join(dir, 'c-pingtan-2024.txt'), join(folder, 'sub', 'c.TXT'));
    writeFileSync(join(folder, 'sub', 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    writeFileSync(join(folder, '.hidden.txt'), 'x');
    await page.setInputFiles('#batch-folder', folder);
    const b = await waitBatch(page);
    assertEq(JSON.stringify(b.entries.map((e) => e.file)), JSON.stringify(['folder/a.txt', 'folder/sub/c.TXT']), 'files');
    assertEq(b.skipped, 2, 'skipped');
    assert((await page.textContent('#batch-summary')).includes('跳过了 2 个'), await page.textContent('#batch-summary'));
    assert(b.entries.every((e) => e.status === 'ok'), 'both checked');
  });

  await test('Cancel stops a long batch; the rows read so far stay', async () => {
    const all = [];
    for (const d of readdirSync(CORPUS).sort()) {
      if (!statSync(join(CORPUS, d)).isDirectory()) continue;
      for (const n of readdirSync(join(CORPUS, d)).sort()) if (/\.(txt|md)$/.test(n)) all.push(join(CORPUS, d, n));
    }
    const t0 = Date.now();
    await page.setInputFiles('#batch-files', all);
    await page.waitForFunction(() => window.nianbao.batch().done >= 2, null, { timeout: 30000, polling: 20 });
    await page.click('#batch-cancel');
    const b = await waitBatch(page);
    assert(b.cancelled && b.done < all.length, `cancelled at ${b.done}/${all.length}`);
    assert((await page.textContent('#batch-progress')).includes('已取消'), await page.textContent('#batch-progress'));
    assertEq(b.entries.filter((e) => e.status === 'pending').length, all.length - b.done, 'the rest waits');
    // the whole corpus, for the timing
    const t1 = Date.now();
    await page.setInputFiles('#batch-files', all);
    const full = await waitBatch(page, 120000);
    assertEq(full.done, all.length, 'all read');
    notes.push(`# ${all.length} corpus text files read and checked in the page in ${full.ms.toFixed(0)} ms (${(full.ms / all.length).toFixed(0)} ms per file; cancel test ${t1 - t0} ms)`);
  });

  await test('phone 390×844, light and dark: the table scrolls in its box, no page overflow, axe clean', async () => {
    for (const scheme of ['light', 'dark']) {
      const p = await open(context, { viewport: PHONE, scheme });
      await p.setInputFiles('#file-input', NAMES.map((n) => join(dir, n)));
      await waitBatch(p);
      await noOverflow(p, `phone ${scheme}`);
      const wrap = await p.evaluate(() => { const w = document.querySelector('.batch-wrap'); return { scroll: w.scrollWidth, client: w.clientWidth }; });
      assert(wrap.scroll > wrap.client, 'the table scrolls inside its box');
      await axe(p, `phone ${scheme}`);
      const shot = join(SHOTS, `nianbao-batch-phone-${scheme}.png`);
      await p.screenshot({ path: shot, fullPage: true });
      notes.push(`# screenshot: ${shot}`);
      await p.click(`#batch-body tr[data-file="a-xiangxiang.txt"]`);
      await p.waitForFunction(() => { const s = window.nianbao.state(); return s.file && !s.busy && document.body.getAttribute('data-state') === 'done'; }, null, { timeout: 30000 });
      await noOverflow(p, `phone ${scheme} report`);
      await p.close();
    }
  });

  await test('one file picked is still the single-report page; 关闭批量结果 goes back to it', async () => {
    const p = await open(context);
    await p.setInputFiles('#file-input', join(dir, 'a-xiangxiang.txt'));
    await p.waitForFunction(() => document.body.getAttribute('data-file') === 'read' && document.body.getAttribute('data-state') === 'done', null, { timeout: 30000 });
    assertEq(await p.getAttribute('body', 'data-view'), null, 'no batch view');
    assert(await p.isHidden('#batch'), 'batch hidden');
    assert((await p.$$('#findings .finding')).length > 0, 'findings');
    await p.setInputFiles('#file-input', [join(dir, 'a-xiangxiang.txt'), join(dir, 'g-notice.txt')]);
    await waitBatch(p);
    await p.click('#batch-close');
    assertEq(await p.getAttribute('body', 'data-view'), null, 'closed');
    assert(await p.isVisible('#report'), 'the paste area again');
    await p.close();
  });

  await test('several files dropped on the input pane: the batch (one dropped: the page as before)', async () => {
    const p = await open(context);
    const drop = (names) => p.evaluate(async (files) => {
      const dt = new DataTransfer();
      for (const [name, b64] of files) {
        const bin = atob(b64);
        const u8 = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; i++) u8[i] = bin.charCodeAt(i);
        dt.items.add(new File([u8], name));
      }
      const zone = document.querySelector('.input-pane');
      for (const t of ['dragenter', 'dragover', 'drop']) zone.dispatchEvent(new DragEvent(t, { bubbles: true, cancelable: true, dataTransfer: dt }));
    }, names.map((n) => [n, readFileSync(join(dir, n)).toString('base64')]));
    await drop(['a-xiangxiang.txt']);
    await p.waitForFunction(() => document.body.getAttribute('data-file') === 'read' && document.body.getAttribute('data-state') === 'done', null, { timeout: 30000 });
    assertEq(await p.getAttribute('body', 'data-view'), null, 'one file: no batch');
    await drop(['a-xiangxiang.txt', 'c-pingtan-2024.txt', 'g-notice.txt']);
    const b = await waitBatch(p);
    assertEq(JSON.stringify(b.entries.map((e) => [e.file, e.status])),
      JSON.stringify([['a-xiangxiang.txt', 'ok'], ['c-pingtan-2024.txt', 'ok'], ['g-notice.txt', 'not-a-report']]), 'rows');
    await p.close();
  });

  const outside = requests.filter((u) => !u.startsWith('file:') && !u.startsWith('blob:') && !u.startsWith('data:'));
  await test('按年度配对: consecutive years of one agency checked as the CLI --cross-year does; two of last year: not guessed', async () => {
    const years = join(work, 'years');
    mkdirSync(years);
    const YEARS = [['p2022.txt', '036-pingtan-2022/page.txt'], ['p2020.txt', '034-pingtan-2020/page.txt'],
      ['p2023.txt', '037-pingtan-2023/page.txt'], ['p2021.txt', '035-pingtan-2021/page.txt']];
    for (const [name, src] of YEARS) copyFileSync(join(CORPUS, src), join(years, name));
    writeFileSync(join(years, 'p2021b.txt'), readFileSync(join(CORPUS, '035-pingtan-2021/page.txt'), 'utf8') + '\n附件略。\n');
    const names = readdirSync(years).sort();
    const p = await open(context);
    await p.setInputFiles('#file-input', names.map((n) => join(years, n)));
    await waitBatch(p);
    await p.check('#batch-years');
    await p.waitForFunction(() => { const b = window.nianbao.batch(); return !b.running && !b.pairing && b.entries.some((e) => e.previousFile); }, null, { timeout: 60000 });
    const b = await p.evaluate(() => window.nianbao.batch());
    const by = Object.fromEntries(b.entries.map((e) => [e.file, e]));
    assertEq(by['p2023.txt'].previousFile, 'p2022.txt', '2023 ← 2022');
    assertEq(by['p2021.txt'].previousFile, 'p2020.txt', '2021 ← 2020');
    assertEq(by['p2020.txt'].previousFile, undefined, '2020: nothing before it');
    assertEq(JSON.stringify(by['p2022.txt'].candidates), JSON.stringify(['p2021.txt', 'p2021b.txt']), '2022: two reports of 2021');
    assert((await p.textContent('#batch-body tr[data-file="p2023.txt"]')).includes('与上一年度报告比较：p2022.txt'), 'the row names the pair');
    assert((await p.textContent('#batch-body tr[data-file="p2022.txt"]')).includes('上一年度报告有 2 份'), 'the row says why not');
    assert((await p.textContent('#batch-summary')).includes('跨年度核验：3 份与上一年度报告比较，1 份'), await p.textContent('#batch-summary'));
    if (CLI) {
      let out;
      try {
        out = execFileSync(CLI, ['check', '--cross-year', '--format', 'csv', ...names], { cwd: years, encoding: 'utf8' });
      } catch (e) { out = e.stdout; }
      assertEq(await p.evaluate(() => window.nianbao.batchCsv()), out, 'findings CSV = nianbao check --cross-year --format csv');
    }
    // The paired report opens with last year's report in the box: the changes table shows.
    await p.click('#batch-body tr[data-file="p2023.txt"]');
    await p.waitForFunction(() => document.body.getAttribute('data-state') === 'done' && document.getElementById('previous-text').value.length > 0, null, { timeout: 30000 });
    await p.waitForSelector('#changes:not([hidden])', { timeout: 30000 });
    await p.click('#batch-back-btn');
    // Unticked: the single checks again.
    await p.uncheck('#batch-years');
    const again = await p.evaluate(() => window.nianbao.batch());
    assert(again.entries.every((e) => e.previousFile === undefined && e.candidates === undefined), 'unpaired');
    assert(!(await p.textContent('#batch-body')).includes('与上一年度报告比较'), 'rows without pairs');
    await p.close();
  });

  await test('nothing left the browser: no request but the page itself', async () => {
    assertEq(JSON.stringify(outside), '[]', 'requests');
  });
  // The widget (<nianbao-check>, served over http as hosts use it): several files → a compact list.
  const { server, url: base } = await serve(DIST, 0);
  const wctx = await chromium.launchPersistentContext(join(work, 'profile-widget'), {
    executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 900, height: 900 }, args: CHROMIUM_ARGS
  });
  await wctx.route((u) => new URL(u).pathname === '/batch-host.html', (route) => route.fulfill({
    status: 200, contentType: 'text/html; charset=utf-8',
    body: '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>widget host</title>' +
      '<script type="module" src="nianbao-widget.js"></script></head><body><nianbao-check id="w"></nianbao-check></body></html>'
  }));
  try {
    await test('widget: several files picked → a compact list (file, agency, year, counts); a row opens its report', async () => {
      const w = await wctx.newPage();
      w.on('pageerror', (e) => fail(`widget page error: ${e}`));
      await w.goto(base + 'batch-host.html');
      await w.evaluate(() => document.getElementById('w').ready);
      const names = ['a-xiangxiang.txt', 'c-pingtan-2024.txt', 'g-notice.txt', 'h-junk.bin'];
      await w.setInputFiles('#w input[type="file"]', names.map((n) => join(dir, n)));
      await w.waitForFunction((n) => {
        const lis = document.getElementById('w').shadowRoot.querySelectorAll('.nb-batch-list li');
        return lis.length === n && [...lis].every((li) => li.getAttribute('data-status') !== 'pending');
      }, names.length, { timeout: 30000 });
      const rows = await w.$$eval('#w .nb-batch-list li', (lis) => lis.map((li) => [li.getAttribute('data-file'), li.getAttribute('data-status'), li.textContent]));
      assertEq(JSON.stringify(rows.map((r) => [r[0], r[1]])), JSON.stringify([[names[0], 'ok'], [names[1], 'ok'], [names[2], 'not-a-report'], [names[3], 'unreadable']]), 'rows');
      const entry = batch.entries.find((e) => e.file === names[0]);
      assert(rows[0][2].includes(entry.agency) && rows[0][2].includes(String(entry.year)) && rows[0][2].includes(`错误 ${entry.errors}`), rows[0][2]);
      await w.click('#w .nb-batch-list li[data-file="c-pingtan-2024.txt"] button');
      await w.waitForFunction((t) => document.getElementById('w').value === t && document.getElementById('w').result, readFileSync(join(dir, 'c-pingtan-2024.txt'), 'utf8'), { timeout: 30000 });
      assert(await w.isVisible('#w .nb-batch-list'), 'the list stays');
      const shot = join(SHOTS, 'nianbao-batch-widget.png');
      await w.screenshot({ path: shot });
      notes.push(`# screenshot: ${shot}`);
      await w.close();
    });
  } finally {
    await wctx.close();
    server.close();
  }
} catch (e) {
  fail('batch e2e', e);
} finally {
  notes.forEach((n) => console.log(n));
  await context.close();
  rmSync(work, { recursive: true, force: true });
}
finish();
