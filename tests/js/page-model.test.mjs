// node --test: what the page and the widget make of a result (web/results.mjs), share links
// (web/share.mjs), and the project's sample reports (examples/) as the checker sees them. Needs
// only the WebAssembly build (dist/nianbao.js), not the corpus.
// Env: NIANBAO_DIST (default $NIANBAO_BUILD_DIR/dist, else build/wasm/dist).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  blockedCells, checkCounts, differingNumbers, filterResult, findingItems, findingTarget, organise, pagesOfLines,
  readerBasis, splitLines
} from '../../web/results.mjs';
import { ShareError, decodeShare, encodeShare, sharePayload } from '../../web/share.mjs';
import { cellCatalogue } from '../../web/tables.js';

const here = dirname(fileURLToPath(import.meta.url));
const sourceDir = process.env.NIANBAO_SOURCE_DIR ?? join(here, '..', '..');
const buildDir = process.env.NIANBAO_BUILD_DIR ?? join(sourceDir, 'build', 'wasm');
const distDir = process.env.NIANBAO_DIST ?? join(buildDir, 'dist');
const { createChecker } = await import(pathToFileURL(join(distDir, 'nianbao.js')));
const checker = await createChecker();
const example2025 = readFileSync(join(sourceDir, 'examples', 'qinghe-shengtai-2025.txt'), 'utf8');
const example2024 = readFileSync(join(sourceDir, 'examples', 'qinghe-shengtai-2024.txt'), 'utf8');

const f = (rule, severity, line, message, extra = {}) => ({ rule, severity, status: 'fail', line, column: line ? 1 : null, message, cells: [], ...extra });

test('examples: the 2025 report fires the rules its README names, the 2024 report none', () => {
  const r = checker.check(example2025);
  assert.equal(r.report.agency, '青禾市生态环境局');
  assert.equal(r.report.year, 2025);
  const rules = r.findings.map((x) => x.rule).sort();
  assert.deepEqual(rules, ['narrative-applications', 'section-missing', 't3-balance', 't3-balance', 't4-group-total']);
  assert.deepEqual(r.summary.findings, { error: 4, warning: 1, info: 0 });
  assert.equal(r.summary.checks.not_assessable + r.summary.checks.uncertain, 0, 'every check could be made');
  const t4 = r.findings.find((x) => x.rule === 't4-group-total');
  assert.deepEqual([t4.expected, t4.actual].sort(), [4, 5]);
  const old = checker.check(example2024);
  assert.equal(old.report.year, 2024);
  assert.deepEqual(old.findings, []);
  // the cross-year figures agree: 2024 carried over = 2025 carried in; documents in force
  assert.equal(old.cells['t3.carried_out.total'].value, r.cells['t3.carried_in.total'].value);
  assert.equal(old.cells['t2.normative.in_force'].value + r.cells['t2.normative.made'].value - r.cells['t2.normative.repealed'].value,
    r.cells['t2.normative.in_force'].value);
});

test('organise: severity first, then position (whole-report findings first), groups by rule in that order', () => {
  const obj = {
    findings: [f('section1-topics', 'info', 7, 'a'), f('t3-balance', 'error', 90, 'b'), f('narrative-x', 'warning', 20, 'c'),
      f('t3-balance', 'error', 80, 'd'), f('section-missing', 'error', null, 'e'), f('narrative-x', 'warning', 10, 'g')],
    summary: { checks: { pass: 5, fail: 6, uncertain: 0, not_assessable: 0 }, findings: { error: 3, warning: 2, info: 1 }, hidden: 0 }
  };
  const v = organise(obj, 'info');
  assert.deepEqual(v.items.map((i) => i.f.message), ['e', 'd', 'b', 'g', 'c', 'a']);
  assert.deepEqual(v.groups.map((g) => g.rule + ':' + g.items.length), ['section-missing:1', 't3-balance:2', 'narrative-x:2', 'section1-topics:1']);
  assert.deepEqual(v.counts, { error: 3, warning: 2, info: 1 });
  assert.equal(v.hiddenTotal, 0);
  // 「仅错误」: the true counts stay, what is hidden is counted
  const e = organise(obj, 'error');
  assert.deepEqual(e.counts, { error: 3, warning: 2, info: 1 });
  assert.deepEqual(e.hidden, { error: 0, warning: 2, info: 1 });
  assert.deepEqual(e.groups.map((g) => g.rule), ['section-missing', 't3-balance']);
});

test('organise: A/B and B/A findings are one item with both lines; other quotes are not pairs', () => {
  const m = (a, b) => `表三“${a}”与“${b}”两行的标签相邻，却只有一组数字`;
  const obj = {
    findings: [f('table-shape', 'warning', 112, m('甲', '乙')), f('table-shape', 'warning', 114, m('乙', '甲')),
      f('table-shape', 'warning', 124, m('丙', '丁')), f('section-heading-variant', 'info', 73, '标题“一、主动”与统一格式“二、主动”不同'),
      f('section-heading-variant', 'info', 91, '标题“二、收到”与统一格式“三、收到”不同'), f('table-shape', 'warning', 126, m('丁', '丙'))],
    summary: { findings: { error: 0, warning: 4, info: 2 } }
  };
  const items = findingItems(obj);
  assert.equal(items.length, 4);
  const pairs = items.filter((i) => i.pair);
  assert.deepEqual(pairs.map((p) => p.lines), [[112, 114], [124, 126]]);
  assert.deepEqual(pairs.map((p) => p.indices), [[0, 1], [2, 5]]);
  assert.equal(organise(obj).counts.warning, 2, 'a pair counts once');
});

test('numbers: expected and actual only together and only when they differ; basis without developer references', () => {
  assert.equal(differingNumbers({ expected: 33, actual: 33 }), null);
  assert.equal(differingNumbers({ actual: 9 }), null);
  assert.deepEqual(differingNumbers({ expected: 4, actual: 5 }), { expected: 4, actual: 5 });
  assert.equal(readerBasis('《政府信息公开条例》第五十条；format.md §9、§11 E8'), '《政府信息公开条例》第五十条');
  assert.equal(readerBasis('国办公开办函〔2021〕30号；format.md §2'), '国办公开办函〔2021〕30号');
  assert.equal(readerBasis('format.md T2-4'), '');
  for (const r of checker.rules()) assert.ok(!/format\.md|§/.test(readerBasis(r.basis)), `${r.id}: ${readerBasis(r.basis)}`);
});

test('filterResult gives what the core gives for --min-severity, from one check with every severity', () => {
  const text = example2025;
  for (const sev of ['warning', 'error']) {
    assert.deepEqual(filterResult(checker.check(text), sev), checker.check(text, { minSeverity: sev }), sev);
  }
  const ignored = checker.check(text, { ignore: ['t3-balance'] });
  assert.deepEqual(filterResult(ignored, 'error'), checker.check(text, { ignore: ['t3-balance'], minSeverity: 'error' }));
});

test('blocked cells: rows with missing, unreadable or ambiguous cells; a table not read at all is one entry', () => {
  const cat = cellCatalogue(checker.cells());
  const r = checker.check(example2025.replace(/^四、结转下年度继续办理.*$/m, '四、结转下年度继续办理\t\t1\t2'));
  const rows = blockedCells(r, cat);
  assert.ok(rows.some((x) => x.ids.includes('t3.carried_out.total')), JSON.stringify(rows.map((x) => x.ids[0])));
  const none = checker.check(example2025.split('三、收到和处理政府信息公开申请情况')[0] + '三、收到和处理政府信息公开申请情况\n\n四、政府信息公开行政复议、行政诉讼情况\n');
  const whole = blockedCells(none, cat).filter((x) => x.whole).map((x) => x.table);
  assert.ok(whole.includes('t3') && whole.includes('t4'), `whole tables: ${whole}`);
  assert.deepEqual(checkCounts({ summary: { checks: { pass: 1, uncertain: 2, not_assessable: 3 } } }), { pass: 1, fail: 0, uncertain: 2, notAssessable: 3, na: 5 });
});

test('targets and PDF pages: a finding points at its cell\'s text; lines map to pages', () => {
  const r = checker.check(example2025);
  const split = splitLines(example2025);
  const t4 = r.findings.find((x) => x.rule === 't4-group-total');
  const t = findingTarget(t4, r, split);
  assert.equal(example2025.slice(t.start, t.end), '5');
  assert.equal(t.line, t4.line);
  assert.deepEqual(pagesOfLines([3, 10, 11], [1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3]), [1, 3]);
  assert.deepEqual(pagesOfLines([5], null), []);
});

test('share links: round trip; hostile payloads refused with a code, never partly decoded', async () => {
  const text = example2025 + '\n<img src=x onerror="alert(1)"> 𠮷 \u0000';
  const p = await encodeShare(text);
  assert.match(p, /^[A-Za-z0-9_-]+$/);
  assert.ok(p.length < Buffer.byteLength(text), `compressed: ${p.length} < ${Buffer.byteLength(text)} bytes`);
  assert.equal(await decodeShare(p), text);
  assert.equal(sharePayload('#r=' + p), p);
  assert.equal(sharePayload('#other'), null);
  const refused = async (payload, code, opts) => {
    await assert.rejects(decodeShare(payload, opts), (e) => e instanceof ShareError && e.code === code, `${code}: ${String(payload).slice(0, 20)}`);
  };
  await refused('abc$%', 'bad-encoding');
  await refused('A', 'bad-encoding');
  await refused('', 'empty');
  await refused(p.slice(0, p.length >> 1), 'corrupt');  // truncated
  await refused('AAAAAAAAAAAA', 'corrupt');              // not deflate
  await refused(p.slice(0, 10) + 'zzzz' + p.slice(14), 'corrupt');
  // a decompression bomb: 17 MiB of zeros deflate to about 17 KB; refused at the limit, quickly
  const zeros = new Uint8Array(17 * 1024 * 1024);
  const { deflateSync } = await import('node:zlib');
  const bomb = Buffer.from(deflateSync(zeros, { level: 9 })).toString('base64url');
  const t0 = Date.now();
  await refused(bomb, 'too-large');
  assert.ok(Date.now() - t0 < 5000, 'stops at the limit');
  await refused(Buffer.from(deflateSync(Buffer.from([0xff, 0xfe, 0x80]))).toString('base64url'), 'bad-text');
  await refused(Buffer.from(deflateSync(Buffer.from('   \n'))).toString('base64url'), 'empty');
  await refused(await encodeShare('x'.repeat(2000)), 'too-large', { maxBytes: 1000 });
});
