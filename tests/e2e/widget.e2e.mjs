// End-to-end tests of the embedding files in headless Debian Chromium (playwright-core;
// toolchain.md §6), served over http from NIANBAO_DIST (default build/wasm/dist):
// <nianbao-check> on the hostile demo page (looks and works right), the nianbao-result event
// (detail equals the Node.js API result, which tests/js/api.test.mjs ties to the native CLI), the
// ignore / min-severity options, no style leak, a strict-CSP host, the iframe embed and the module
// API in a module worker, a PDF given to the widget's file input. Prints `ok - …` / `not ok - …`, `#` notes and `N passed, N failed`.
import { CHROMIUM_ARGS, CORPUS, DIST, createRunner, loadChromium, repo } from './browser.mjs';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { createRequire } from 'node:module';
import { serve } from '../../scripts/serve.mjs';

const chromium = await loadChromium();
const SHOTS = process.env.NIANBAO_SHOT_DIR || tmpdir();
const TEST_TIMEOUT_MS = 45000;
const TOTAL_TIMEOUT_MS = 240000;

const { test, fail, finish } = createRunner({ testMs: TEST_TIMEOUT_MS, totalMs: TOTAL_TIMEOUT_MS });

function assert(cond, message) {
  if (!cond) throw new Error(message);
}
function assertEq(actual, expected, message) {
  if (actual !== expected) throw new Error(`${message}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}
function assertDeep(actual, expected, message) {
  if (!isDeepStrictEqual(actual, expected)) {
    throw new Error(`${message}: objects differ (got ${JSON.stringify(actual).slice(0, 200)}…)`);
  }
}

// Records every nianbao-result event of the page (document level: the event is composed).
async function recordEvents(page) {
  await page.addInitScript(() => {
    window.__events = [];
    document.addEventListener('nianbao-result', (ev) => {
      window.__events.push({ id: ev.target.id, detail: ev.detail, composed: ev.composed, bubbles: ev.bubbles });
    });
  });
}
async function waitEvents(page, id, count) {
  await page.waitForFunction(([i, n]) => window.__events.filter((e) => e.id === i).length >= n, [id, count], { timeout: 20000 });
  const all = await page.evaluate((i) => window.__events.filter((e) => e.id === i), id);
  return all[all.length - 1];
}
const eventCount = (page, id) => page.evaluate((i) => window.__events.filter((e) => e.id === i).length, id);

// Computed style of an element inside an element's shadow root.
function shadowStyle(page, host, selector, props) {
  return page.evaluate(([h, s, p]) => {
    const node = document.querySelector(h).shadowRoot.querySelector(s);
    if (!node) return null;
    const cs = getComputedStyle(node);
    const r = node.getBoundingClientRect();
    const out = { width: r.width, height: r.height };
    for (const k of p) out[k] = cs.getPropertyValue(k);
    return out;
  }, [host, selector, props]);
}

async function main() {
  for (const f of ['nianbao.js', 'nianbao.wasm', 'nianbao-widget.js', 'embed.html', 'widget-demo.html']) {
    if (!existsSync(join(DIST, f))) {
      console.log(`not ok - ${join(DIST, f)} does not exist (build the Emscripten tree first)`);
      console.log('0 passed, 1 failed');
      process.exit(1);
    }
  }
  const report000 = readFileSync(join(CORPUS, '000-xiangxiang-ziranziyuan-2025', 'report.txt'), 'utf8');
  const report004 = readFileSync(join(CORPUS, '004-suqian-shuyang-county-2025', 'report.md'), 'utf8');
  // The reference: the same dist/nianbao.js in Node.js.
  const { createChecker } = await import(pathToFileURL(join(DIST, 'nianbao.js')));
  const node = await createChecker();
  const rules000 = [...new Set(node.check(report000).findings.map((f) => f.rule))];

  const { server, url: base } = await serve(DIST, 0);
  const userDir = mkdtempSync(join(tmpdir(), 'nianbao-widget-chromium-'));
  const context = await chromium.launchPersistentContext(userDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1100, height: 900 },
    args: CHROMIUM_ARGS
  });
  // Extra host pages, served from the same origin as dist/.
  const extra = {
    'plain-host.html': { body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>plain host</title>
<script type="module" src="nianbao-widget.js"></script></head><body>
<p class="verdict" id="light-verdict">light verdict</p><ol><li class="finding" id="light-finding">light finding</li></ol>
<textarea class="paste" id="light-ta">x</textarea><div class="nb" id="light-nb">x</div>
<nianbao-check id="w" lang="en">
行政复议	1	0	0	0	1</nianbao-check></body></html>` },
    'csp-host.html': {
      body: `<!doctype html><html><head><meta charset="utf-8"><title>strict CSP host</title>
<script type="module" src="nianbao-widget.js"></script></head><body><nianbao-check id="w" compact></nianbao-check></body></html>`,
      headers: { 'Content-Security-Policy': "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; style-src 'self'" }
    },
    'iframe-host.html': { body: `<!doctype html><html><head><meta charset="utf-8"><title>iframe host</title></head><body>
<iframe id="f" src="embed.html?lang=en&compact=1&ignore=${encodeURIComponent(rules000[0])}&min-severity=warning" title="nianbao" style="width:100%;height:300px;border:0"></iframe>
<script>window.__msgs = []; window.addEventListener('message', function (e) { if (e.data && e.data.source === 'nianbao') window.__msgs.push({ origin: e.origin, data: e.data }); });</script>
</body></html>` },
    'file-host.html': { body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>file host</title>
<script type="module" src="nianbao-widget.js"></script></head><body><nianbao-check id="w"></nianbao-check></body></html>` },
    'worker-host.html': { body: '<!doctype html><html><head><meta charset="utf-8"><title>worker host</title></head><body></body></html>' }
  };
  await context.route((u) => Object.prototype.hasOwnProperty.call(extra, new URL(u).pathname.slice(1)), (route) => {
    const e = extra[new URL(route.request().url()).pathname.slice(1)];
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: e.headers || {}, body: e.body });
  });
  const consoleErrors = [];
  context.on('page', (p) => p.on('pageerror', (e) => consoleErrors.push(String(e))));

  try {
    // -------------------------------------------------------------------------------------------
    const demo = await context.newPage();
    demo.on('pageerror', (e) => consoleErrors.push(String(e)));
    await recordEvents(demo);
    let t0 = Date.now();
    await demo.goto(base + 'widget-demo.html');
    await demo.evaluate(() => Promise.all([document.getElementById('full').ready, document.getElementById('compact').ready]));
    console.log(`# demo page: both widgets ready ${Date.now() - t0} ms after navigation started`);
    const engines = await demo.evaluate(() => ['full', 'compact'].map((id) => document.getElementById(id).engine));
    console.log(`# demo page engines: ${engines.join(', ')}`);

    await test('hostile page: the host CSS rules the page but not the widget (sizes, fonts, visible paste area)', async () => {
      // The hostile CSS is in force on the host page itself...
      const h1 = await demo.evaluate(() => getComputedStyle(document.querySelector('h1')).fontSize);
      assertEq(h1, '40px', 'host h1 font size (hostile CSS applies to the page)');
      // ...but inside the widget everything keeps its own metrics.
      const nb = await shadowStyle(demo, '#full', '.nb', ['font-size', 'line-height', 'text-transform', 'letter-spacing', 'text-align', 'color', 'display']);
      assertEq(nb['font-size'], '14px', '.nb font size');
      assertEq(nb['line-height'], '21px', '.nb line height');
      assertEq(nb['text-transform'], 'none', '.nb text-transform');
      assertEq(nb['letter-spacing'], 'normal', '.nb letter-spacing');
      assertEq(nb['text-align'], 'left', '.nb text-align');
      assertEq(nb.color, 'rgb(27, 31, 36)', '.nb colour (not the host --fg or #c0f)');
      assertEq(nb.display, 'block', '.nb display');
      const ta = await shadowStyle(demo, '#full', 'textarea', ['display', 'font-size', 'visibility']);
      assertEq(ta.display, 'block', 'textarea display (host says display:none !important)');
      assertEq(ta['font-size'], '13px', 'textarea font size');
      assert(ta.height > 100 && ta.width > 500, `textarea is ${ta.width}x${ta.height}`);
      const sel = await shadowStyle(demo, '#full', 'select', ['display']);
      assert(sel.display !== 'none' && sel.height > 10, 'the min-severity select is shown');
      const compact = await shadowStyle(demo, '#compact', 'textarea', ['display']);
      assert(compact.height > 40 && compact.height < ta.height, `compact textarea ${compact.height} < full ${ta.height}`);
      const host = await demo.evaluate(() => {
        const cs = getComputedStyle(document.getElementById('full'));
        const before = getComputedStyle(document.getElementById('full'), '::before').content;
        return { padding: cs.paddingTop, border: cs.borderTopWidth, display: cs.display, before };
      });
      assertEq(host.padding, '0px', 'host padding (host says 16px !important)');
      assertEq(host.border, '0px', 'host border');
      assertEq(host.before, 'none', 'host ::before content (host says ☠)');
      assertDeep(engines, ['worker', 'worker'], 'the checks run in a worker');
    });

    await test('hostile page: pasting a report shows the findings with data-rule/data-line and fires nianbao-result', async () => {
      const before = await eventCount(demo, 'full');
      await demo.fill('#full textarea', report000);
      const ev = await waitEvents(demo, 'full', before + 1);
      assert(ev.composed && ev.bubbles, 'the event bubbles and is composed');
      assertDeep(ev.detail, node.check(report000), 'event detail equals the Node.js API result');
      const items = await demo.$$eval('#full li.finding', (lis) => lis.map((li) => ({
        rule: li.getAttribute('data-rule'), line: li.getAttribute('data-line'), sev: li.getAttribute('data-severity'),
        index: Number(li.getAttribute('data-index')), visible: li.getBoundingClientRect().height > 20
      })));
      assertEq(items.length, ev.detail.findings.length, 'one <li> per finding');
      // shown by severity (error, warning, info), each finding with its hooks
      const rank = { error: 0, warning: 1, info: 2 };
      items.forEach((it, k) => {
        const f = ev.detail.findings[it.index];
        assertEq(it.rule, f.rule, `finding ${it.index} data-rule`);
        assertEq(it.line, f.line ? String(f.line) : '', `finding ${it.index} data-line`);
        assertEq(it.sev, f.severity, `finding ${it.index} data-severity`);
        assert(it.visible, `finding ${it.index} is rendered`);
        if (k) assert(rank[items[k - 1].sev] <= rank[it.sev], `severity order at ${k}`);
      });
      assertEq(await demo.locator('#full .verdict').getAttribute('data-verdict'), ev.detail.summary.findings.error ? 'error' : 'warning', 'data-verdict');
      const verdict = await demo.locator('#full .verdict').textContent();
      assert(/警告/.test(verdict) || /错误/.test(verdict), `verdict: ${verdict}`);
      const msgSize = await shadowStyle(demo, '#full', '.finding .f-msg', ['font-size', 'text-transform']);
      assertEq(msgSize['font-size'], '14px', 'finding message font size');
      // Clicking a finding selects its line in the paste area.
      const first = ev.detail.findings.find((f) => f.line);
      await demo.locator(`#full li.finding[data-line="${first.line}"]`).first().click();
      const sel = await demo.evaluate(() => {
        const t = document.getElementById('full').shadowRoot.querySelector('textarea');
        return t.value.slice(t.selectionStart, t.selectionEnd);
      });
      assertEq(sel, report000.split('\n')[first.line - 1], 'selected text is the finding\'s line');
      // The tables (built when opened) and the cells of findings carry the core's catalogue labels.
      await demo.locator('#full details.tables > summary').click();
      const rowHead = await demo.locator('#full td[data-cell="t3.new.natural_person"]').evaluate((td) => td.closest('tr').querySelector('th').textContent);
      assertEq(rowHead, '一、本年新收政府信息公开申请数量', 'official row heading in the widget');
      assertEq(await demo.locator('#full td[data-cell^="t3."]').count(), 175, 'table 3 cells in the widget');
      const labels = Object.fromEntries(node.cells().map((c) => [c.id, c.label]));
      const named = ev.detail.findings.find((f) => (f.cells || []).length);
      const ops = await demo.locator(`#full li.finding[data-index="${ev.detail.findings.indexOf(named)}"] .ops`).textContent();
      assert(ops.includes(labels[named.cells[0]]), `finding cells: ${ops}`);
      await demo.locator('#full details.tables > summary').click();
      const host = await demo.locator('#events').textContent();
      assert(/full: \d+ findings/.test(host), `host page saw the event: ${host}`);
    });

    await test('hostile page: ignore="…" and min-severity hide findings and count them in summary.hidden', async () => {
      const before = await eventCount(demo, 'compact');
      await demo.fill('#compact textarea', report000);
      let ev = await waitEvents(demo, 'compact', before + 1);
      const opts = { ignore: ['section1-topics'], minSeverity: 'warning' };
      assertDeep(ev.detail, node.check(report000, opts), 'compact widget result equals the API with the same options');
      const plain = node.check(report000);
      const hidden = plain.findings.filter((f) => f.rule === 'section1-topics' || f.severity === 'info').length;
      assert(hidden > 0, 'corpus 000 has info findings to hide');
      assertEq(ev.detail.summary.hidden, hidden, 'summary.hidden');
      const rules = await demo.$$eval('#compact li.finding', (lis) => lis.map((li) => li.getAttribute('data-rule') + '/' + li.getAttribute('data-severity')));
      assertEq(rules.length, plain.findings.length - hidden, 'findings shown');
      assert(rules.every((r) => !r.startsWith('section1-topics/') && !r.endsWith('/info')), `shown: ${rules}`);
      // what the select hides and what the ignore attribute leaves out are both said
      const bySeverity = Number(await demo.locator('#compact .hidden-note[data-hidden]').getAttribute('data-hidden'));
      const byIgnore = Number(await demo.locator('#compact .hidden-note[data-ignored]').getAttribute('data-ignored'));
      assertEq(bySeverity + byIgnore, hidden, 'the hidden-findings notes');
      // the counts shown are the true ones (the select hides, it does not make warnings disappear)
      const verdict = await demo.locator('#compact .verdict').textContent();
      assert(verdict.includes(String(plain.findings.filter((f) => f.severity === 'warning' && f.rule !== 'section1-topics').length)), `verdict: ${verdict}`);
      // Changing the attribute re-checks: ignore the first warning's rule too.
      const warnRule = ev.detail.findings[0].rule;
      await demo.evaluate((r) => document.getElementById('compact').setAttribute('ignore', 'section1-topics,' + r), warnRule);
      ev = await waitEvents(demo, 'compact', before + 2);
      assertDeep(ev.detail, node.check(report000, { ignore: ['section1-topics', warnRule], minSeverity: 'warning' }), 'after the ignore attribute changed');
      assertEq(await demo.locator(`#compact li.finding[data-rule="${warnRule}"]`).count(), 0, `no ${warnRule} finding shown`);
      // The select overrides min-severity: all severities again.
      await demo.locator('#compact select').selectOption('info');
      ev = await waitEvents(demo, 'compact', before + 3);
      assertDeep(ev.detail, node.check(report000, { ignore: ['section1-topics', warnRule] }), 'after choosing "all"');
      // An unknown id is left out with a notice (the rest still applies).
      await demo.evaluate(() => document.getElementById('compact').setAttribute('ignore', 'section1-topics,no-such-rule'));
      ev = await waitEvents(demo, 'compact', before + 4);
      assertDeep(ev.detail, node.check(report000, { ignore: ['section1-topics'] }), 'unknown id left out');
      const notice = await demo.locator('#compact .notice').textContent();
      assert(/no-such-rule/.test(notice), `notice: ${notice}`);
    });

    await test('hostile page: the previous property and the scope attribute are passed on as options', async () => {
      const prev = readFileSync(join(CORPUS, '036-pingtan-2022', 'page.txt'), 'utf8');
      const cur = readFileSync(join(CORPUS, '037-pingtan-2023', 'page.txt'), 'utf8');
      await demo.evaluate(([p, c]) => { const w = document.getElementById('compact'); w.previous = p; w.value = c; }, [prev, cur]);
      await demo.waitForFunction(() => {
        const ev = window.__events.filter((e) => e.id === 'compact').pop();
        return ev && ev.detail.report && ev.detail.report.year === 2023 && ev.detail.previous;
      }, null, { timeout: 20000 });
      let ev = await waitEvents(demo, 'compact', 1);
      assertDeep(ev.detail, node.check(cur, { ignore: ['section1-topics'], previous: prev }), 'widget result with previous equals the API');
      assertEq(ev.detail.previous.year, 2022, 'previous.year');
      const before = await eventCount(demo, 'compact');
      await demo.evaluate(() => document.getElementById('compact').setAttribute('scope', 'excerpt'));
      ev = await waitEvents(demo, 'compact', before + 1);
      assertDeep(ev.detail, node.check(cur, { ignore: ['section1-topics'], previous: prev, scope: 'excerpt' }), 'scope attribute');
      await demo.evaluate((t) => { const w = document.getElementById('compact'); w.removeAttribute('scope'); w.previous = ''; w.value = t; }, report000);
      await demo.waitForFunction(() => {
        const e = window.__events.filter((x) => x.id === 'compact').pop();
        return e && !e.detail.previous && e.detail.report.scope === 'full' && e.detail.report.year === 2025;
      }, null, { timeout: 20000 });
    });

    await test('hostile page: lang="en" and lang switch; screenshot', async () => {
      const verdictEn = await demo.locator('#compact .verdict').textContent();
      assert(/^(No errors|Problems found|No problems)/.test(verdictEn), `English verdict: ${verdictEn}`);
      await demo.evaluate(() => document.getElementById('full').setAttribute('lang', 'en'));
      const v = await demo.locator('#full .verdict').textContent();
      assert(/warning/.test(v), `full widget switched to English: ${v}`);
      await demo.evaluate(() => document.getElementById('full').setAttribute('lang', 'zh'));
      const shot = join(SHOTS, 'nianbao-widget-demo.png');
      await demo.screenshot({ path: shot, fullPage: true });
      console.log(`# screenshot of the hostile demo page: ${shot}`);
    });

    // -------------------------------------------------------------------------------------------
    await test('plain host: initial text from the element content; widget styles do not leak out', async () => {
      const page = await context.newPage();
      await recordEvents(page);
      const sheetsBefore = 0;
      await page.goto(base + 'plain-host.html');
      const ev = await waitEvents(page, 'w', 1);
      const text = await page.evaluate(() => document.getElementById('w').value);
      assertEq(text, '行政复议\t1\t0\t0\t0\t1', 'initial text from the content (first newline dropped)');
      assertDeep(ev.detail, node.check(text), 'initial check result');
      const light = await page.evaluate(() => {
        const cs = (id) => getComputedStyle(document.getElementById(id));
        return {
          verdictWeight: cs('light-verdict').fontWeight, verdictPad: cs('light-verdict').paddingTop,
          findingBorder: cs('light-finding').borderLeftWidth, findingCursor: cs('light-finding').cursor,
          taFamily: cs('light-ta').fontFamily, nbBorder: cs('light-nb').borderTopWidth, nbSize: cs('light-nb').fontSize,
          sheets: document.styleSheets.length + document.adoptedStyleSheets.length
        };
      });
      assertEq(light.verdictWeight, '400', 'light .verdict font weight');
      assertEq(light.verdictPad, '0px', 'light .verdict padding');
      assertEq(light.findingBorder, '0px', 'light .finding border');
      assertEq(light.findingCursor, 'auto', 'light .finding cursor');
      assertEq(light.nbBorder, '0px', 'light .nb border');
      assertEq(light.nbSize, '16px', 'light .nb font size');
      assert(!/Noto Sans Mono|WenQuanYi Micro Hei Mono/.test(light.taFamily), `light textarea font: ${light.taFamily}`);
      assertEq(light.sheets, sheetsBefore, 'no stylesheet added to the document');
      // value = '' clears the results without an event; value = text checks at once.
      await page.evaluate(() => { document.getElementById('w').value = ''; });
      assertEq(await page.locator('#w li.finding').count(), 0, 'cleared');
      await page.evaluate((t) => { document.getElementById('w').value = t; }, report004);
      const ev2 = await waitEvents(page, 'w', 2);
      assertDeep(ev2.detail, node.check(report004), 'value setter: corpus 004');
      const r = await page.evaluate(() => document.getElementById('w').check().then((x) => x.summary));
      assertDeep(r, node.check(report004).summary, 'check() resolves with the result');
      // Made by script: value and attributes set before it is connected are kept.
      await page.evaluate(([t, id]) => {
        const w = document.createElement('nianbao-check');
        w.id = 'w2';
        w.value = t;
        w.setAttribute('ignore', id);
        document.body.appendChild(w);
      }, [report000, rules000[0]]);
      const ev3 = await waitEvents(page, 'w2', 1);
      assertDeep(ev3.detail, node.check(report000, { ignore: [rules000[0]] }), 'element made by createElement');
      await page.close();
    });

    await test('strict-CSP host (no inline styles, no eval): the widget is styled and checks', async () => {
      const page = await context.newPage();
      const violations = [];
      // The blob worker is refused by this CSP (no worker-src): the widget then checks on the main
      // thread. Any other refusal (styles, eval) is a failure.
      page.on('console', (m) => {
        if (/Content.Security.Policy|Refused/i.test(m.text()) && !/worker/i.test(m.text())) violations.push(m.text());
      });
      await recordEvents(page);
      await page.goto(base + 'csp-host.html');
      await page.evaluate(() => document.getElementById('w').ready);
      await page.fill('#w textarea', report000);
      const ev = await waitEvents(page, 'w', 1);
      assertDeep(ev.detail, node.check(report000), 'result under the strict CSP');
      const nb = await shadowStyle(page, '#w', '.nb', ['font-size', 'border-top-width']);
      assertEq(nb['font-size'], '14px', 'styles applied (constructed stylesheet)');
      assertEq(nb['border-top-width'], '1px', '.nb border');
      assertEq(violations.length, 0, `CSP violations: ${violations.join(' | ')}`);
      assertEq(await page.evaluate(() => document.getElementById('w').engine), 'main', 'main-thread fallback');
      await page.close();
    });

    await test('iframe embed: configured by the query, text in and result out by postMessage', async () => {
      const page = await context.newPage();
      await page.goto(base + 'iframe-host.html');
      await page.waitForFunction(() => window.__msgs.some((m) => m.data.type === 'nianbao-ready'), null, { timeout: 20000 });
      await page.evaluate((t) => document.getElementById('f').contentWindow.postMessage({ type: 'nianbao-set-text', text: t }, '*'), report000);
      await page.waitForFunction(() => window.__msgs.some((m) => m.data.type === 'nianbao-result'), null, { timeout: 20000 });
      const msgs = await page.evaluate(() => window.__msgs);
      const result = msgs.find((m) => m.data.type === 'nianbao-result');
      assertDeep(result.data.result, node.check(report000, { ignore: [rules000[0]], minSeverity: 'warning' }), 'posted result');
      assertEq(result.origin, base.replace(/\/$/, ''), 'message origin');
      assert(msgs.some((m) => m.data.type === 'nianbao-resize' && m.data.height > 100), 'a resize message with the height');
      const frame = page.frame({ url: /embed\.html/ });
      const verdict = await frame.locator('nianbao-check .verdict').textContent();
      assert(/^(No errors|Problems found|No problems)/.test(verdict), `lang=en in the iframe: ${verdict}`);
      assertEq(await frame.evaluate(() => document.getElementById('nianbao').hasAttribute('compact')), true, 'compact=1');
      assertEq(await frame.evaluate(() => document.getElementById('nianbao').engine), 'worker', 'iframe engine');
      await page.close();
    });

    await test('module API in the page and in a module worker gives the Node.js result', async () => {
      const page = await context.newPage();
      await page.goto(base + 'worker-host.html');
      const out = await page.evaluate(async ([b, text]) => {
        const { createChecker: cc } = await import(b + 'nianbao.js');
        const main = (await cc()).check(text, { minSeverity: 'warning' });
        const src = `import { createChecker } from '${b}nianbao.js';
          self.onmessage = async (e) => { const c = await createChecker(); self.postMessage({ r: c.check(e.data), v: c.version }); };`;
        const w = new Worker(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })), { type: 'module' });
        const inWorker = await new Promise((res, rej) => { w.onmessage = (e) => res(e.data); w.onerror = (e) => rej(new Error(e.message)); w.postMessage(text); });
        w.terminate();
        return { main, inWorker };
      }, [base, report000]);
      assertDeep(out.main, node.check(report000, { minSeverity: 'warning' }), 'main thread');
      assertDeep(out.inWorker.r, node.check(report000), 'module worker');
      assertEq(out.inWorker.v, node.version, 'version');
      await page.close();
    });

    await test('report file: corpus 001 source.pdf on the file input → its text in the paste area, 186 cells, the findings', async () => {
      const page = await context.newPage();
      const requests = [];
      page.on('request', (r) => requests.push(new URL(r.url()).pathname));
      await recordEvents(page);
      await page.goto(base + 'file-host.html');
      await page.evaluate(() => document.getElementById('w').ready);
      assert(!requests.includes('/nianbao-pdf.js'), 'pdf.js is not loaded before a PDF arrives');
      const pdfPath = join(CORPUS, '001-huaian-hongze-2023', 'source.pdf');
      const errors = [];
      await page.exposeFunction('__nbError', (d) => errors.push(d));
      await page.evaluate(() => document.addEventListener('nianbao-error', (e) => window.__nbError(e.detail)));
      let t0 = Date.now();
      await page.setInputFiles('#w input[type="file"]', pdfPath);
      const ev = await waitEvents(page, 'w', 1);
      console.log(`# PDF on the widget's file input: findings ${Date.now() - t0} ms after the file was set (pdf.js worker started cold)`);
      assert(requests.includes('/nianbao-pdf.js'), 'the pdf.js worker file was fetched for the PDF');
      // The hand-checked cells of corpus 001 (tests/expected, also checked through the CLI and the page).
      const expected = JSON.parse(readFileSync(join(repo, 'tests', 'expected', '001-huaian-hongze-2023__pdftotext-layout.json'), 'utf8')).cells;
      assertEq(Object.keys(expected).length, 186, 'hand-checked cells of 001');
      const bad = Object.entries(expected).filter(([id, c]) => !ev.detail.cells[id] || ev.detail.cells[id].value !== c.value).map(([id]) => id);
      assertEq(bad.join(','), '', 'cells that differ from the hand-checked values');
      // The same as checkFile() of dist/nianbao.js in Node.js: text and result.
      const inNode = await node.checkFile(readFileSync(pdfPath), 'source.pdf');
      const text = await page.evaluate(() => document.getElementById('w').value);
      assertEq(text, inNode.file.text, 'the paste area holds the text read from the PDF (as in Node.js)');
      const plain = { ...inNode };
      delete plain.file;  // the result of check(): the same without the file member
      assertDeep(ev.detail, plain, 'the result equals Node.js checkFile()');
      assert(ev.detail.findings.length > 0, 'corpus 001 has findings');
      const shown = await page.$$eval('#w li.finding', (lis) => lis.map((li) => [Number(li.getAttribute('data-index')), li.getAttribute('data-rule'), li.getAttribute('data-page')]));
      assertDeep(shown.map((x) => x[1]).sort(), ev.detail.findings.map((f) => f.rule).sort(), 'one <li> per finding');
      // a finding on a PDF names its page
      for (const [i, , p] of shown) if (ev.detail.findings[i].line) assert(/^\d+$/.test(p || ''), `finding ${i} has a page: ${p}`);
      const note = await page.locator('#w .file-note').textContent();
      assert(/^已读取 source\.pdf（PDF，5 页）/.test(note), `file note: ${note}`);
      // A second PDF, the worker already started; then a damaged one: a clear message, nothing left on screen.
      t0 = Date.now();
      await page.setInputFiles('#w input[type="file"]', join(CORPUS, '002-huaian-hongze-2024', 'source.pdf'));
      const ev2 = await waitEvents(page, 'w', 2);
      console.log(`# second PDF (002) on the file input: findings after ${Date.now() - t0} ms`);
      assertEq(Object.keys(ev2.detail.cells).length >= 186, true, 'cells of 002');
      await page.setInputFiles('#w input[type="file"]', { name: 'bad.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n\x01\x02 not a pdf') });
      await page.waitForFunction(() => /损坏/.test(document.getElementById('w').shadowRoot.querySelector('.verdict').textContent), null, { timeout: 20000 });
      assertEq(await page.locator('#w .verdict').getAttribute('data-verdict'), 'file-error', 'the reason in the verdict');
      assertEq(await page.locator('#w .file-note').textContent(), '', 'said once (not again in the file note)');
      assertEq(await page.evaluate(() => document.getElementById('w').value), '', 'the paste area is emptied');
      assertEq(await page.locator('#w li.finding').count(), 0, 'no findings left on screen');
      assertEq(errors.length, 1, 'one nianbao-error event');
      assertEq(errors[0].code, 'corrupt', 'nianbao-error code');
      await page.close();
    });

    // -------------------------------------------------------------------------------------------
    for (const scheme of ['light', 'dark']) {
      await test(`widget on a 390×844 phone, ${scheme}: 「加载示例」, grouped findings, locate scrolls the paste area, exports, no overflow, axe`, async () => {
        const page = await context.newPage();
        await page.setViewportSize({ width: 390, height: 844 });
        await page.emulateMedia({ colorScheme: scheme });
        await recordEvents(page);
        await page.goto(base + 'file-host.html');
        await page.evaluate(() => document.getElementById('w').ready);
        await page.locator('#w [data-action="example"]').click();
        const ev = await waitEvents(page, 'w', 1);
        const example = readFileSync(join(repo, 'examples', 'qinghe-shengtai-2025.txt'), 'utf8');
        assertEq(await page.evaluate(() => document.getElementById('w').value), example, 'the example in the paste area');
        assertDeep(ev.detail, node.check(example), 'the example checked');
        assertEq(await page.locator('#w .verdict').getAttribute('data-verdict'), 'error', 'data-verdict');
        const groups = await page.$$eval('#w', (w) => [...w[0].shadowRoot.querySelectorAll('.f-group')].map((g) => g.getAttribute('data-rule') + ':' + g.getAttribute('data-count')));
        assertEq(groups.join(' '), 'section-missing:1 t3-balance:2 t4-group-total:1 narrative-applications:1', 'groups in severity order');
        assertEq(await page.locator('#w .finding[data-rule="narrative-applications"] .f-src mark').textContent(), '47件', 'highlighted snippet');
        // locate: the paste area scrolls to the finding's line and selects it
        await page.evaluate(() => { const ta = document.getElementById('w').shadowRoot.querySelector('textarea'); ta.scrollTop = 0; window.scrollTo(0, document.body.scrollHeight); });
        await page.locator('#w .finding[data-rule="t4-group-total"] .f-loc').click();
        const st = await page.evaluate(() => {
          const ta = document.getElementById('w').shadowRoot.querySelector('textarea');
          const r = ta.getBoundingClientRect();
          return { sel: ta.value.slice(ta.selectionStart, ta.selectionEnd), scrolled: ta.scrollTop > 0, inView: r.bottom > 0 && r.top < innerHeight };
        });
        assertEq(st.sel, '5', 'the cell is selected');
        assert(st.scrolled && st.inView, `the paste area scrolled and is in view: ${JSON.stringify(st)}`);
        // exports: the JSON download and the text summary
        const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), page.locator('#w [data-action="download-json"]').click()]);
        assertDeep(JSON.parse(readFileSync(await download.path(), 'utf8')), node.check(example), 'downloaded JSON');
        await page.locator('#w [data-action="copy-summary"]').click();
        await page.waitForFunction(() => document.getElementById('w').shadowRoot.querySelector('.export-note').textContent !== '', null, { timeout: 5000 });
        const w = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
        assert(w.scroll <= w.client, `the host page is ${w.scroll - w.client} px too wide`);
        const require = createRequire(import.meta.url);
        await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
        const bad = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id + ' ' + v.nodes[0].target.join(' ')));
        assertEq(bad.join('; '), '', `axe (${scheme})`);
        const shot = join(SHOTS, `nianbao-widget-phone-${scheme}.png`);
        await page.screenshot({ path: shot, fullPage: true });
        console.log(`# screenshot: ${shot}`);
        await page.close();
      });
    }

    await test('no page errors on any page', async () => {
      assertEq(consoleErrors.length, 0, `page errors: ${consoleErrors.join(' | ')}`);
    });
  } finally {
    await context.close();
    server.close();
    rmSync(userDir, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (e) {
  fail('the run itself failed', e);
}
finish();
