// node --test: report files (web/pdf/) in Node.js — PDF via pdf.js, .docx with merged cells, HTML and
// text files — checked by the WebAssembly core (build/wasm), and the file CLI (cli/nianbao-file.mjs)
// on top of the native command. Run by ctest (js_node_test) in the wasm build tree.
// Env: NIANBAO_BUILD_DIR (wasm build dir), NIANBAO_CORPUS_DIR, NIANBAO_SOURCE_DIR, NIANBAO_CLI (native CLI).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compactItem, pagesToText } from '../../web/pdf/layout.mjs';
import { documentXmlToText } from '../../web/pdf/docx.mjs';
import { decodeBytes, htmlToText } from '../../web/pdf/text.mjs';
import { FileReadError, sniffKind } from '../../web/pdf/files.mjs';
import { extractFileNode, nodeCheckFile } from '../../web/pdf/pdfjs-node.mjs';
import { makeCorruptPdf, makeEncryptedPdf, makeReportDocx, makeTextlessPdf } from '../fixtures/make-fixtures.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const sourceDir = process.env.NIANBAO_SOURCE_DIR ?? join(here, '..', '..');
const buildDir = process.env.NIANBAO_BUILD_DIR ?? join(sourceDir, 'build', 'wasm');
const corpusDir = process.env.NIANBAO_CORPUS_DIR ?? join(sourceDir, '..', 'shared', 'corpus');
const nativeCli = process.env.NIANBAO_CLI ?? join(sourceDir, 'build', 'native', 'nianbao');
const REPORTS = ['001-huaian-hongze-2023', '002-huaian-hongze-2024', '003-huaian-city-2024'];

const { default: createNianbao } = await import(pathToFileURL(join(buildDir, 'nianbao.mjs')));
const nianbao = await createNianbao({ wasmBinary: readFileSync(join(buildDir, 'nianbao.wasm')) });
const check = (text, options = {}) => JSON.parse(nianbao.check(text, JSON.stringify(options)));
const checkFile = nodeCheckFile(check);

const expectedCells = (name) =>
  JSON.parse(readFileSync(join(sourceDir, 'tests', 'expected', `${name}__pdftotext-layout.json`), 'utf8')).cells;

function assertCells(got, expected, label) {
  const bad = [];
  for (const [id, c] of Object.entries(expected)) {
    if (!got[id] || got[id].value !== c.value) bad.push(`${id}: ${c.value} vs ${got[id] ? got[id].value : 'missing'}`);
  }
  assert.deepEqual(bad, [], `${label}: cells differ`);
}

const work = mkdtempSync(join(tmpdir(), 'nianbao-pdf-test-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

for (const name of REPORTS) {
  test(`${name}: source.pdf → checkFile gives every hand-checked cell`, async () => {
    const bytes = readFileSync(join(corpusDir, name, 'source.pdf'));
    const r = await checkFile(new Uint8Array(bytes), 'source.pdf');
    assert.equal(r.file.kind, 'pdf');
    assert.ok(r.file.pages >= 5);
    const expected = expectedCells(name);
    assert.ok(Object.keys(expected).length >= 186);
    assertCells(r.cells, expected, name);
    // findings are those of the careful transcript (pdftotext -layout, checked by hand)
    const layout = check(readFileSync(join(corpusDir, name, 'pdftotext-layout.txt'), 'utf8'));
    assert.deepEqual(r.findings.map((f) => f.rule).sort(), layout.findings.map((f) => f.rule).sort());
  });
}

test('003: table 3 rows keep their multi-line and merged labels on the number row', async () => {
  const f = await extractFileNode(readFileSync(join(corpusDir, REPORTS[2], 'source.pdf')), 'x.pdf');
  const lines = f.text.split('\n');
  assert.ok(lines.includes('（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t447\t7\t0\t0\t0\t0\t454'));
  assert.ok(lines.includes('1.属于国家秘密\t2\t0\t0\t0\t0\t0\t2'));
  assert.ok(lines.includes('（七）总计\t2932\t53\t0\t0\t61\t4\t3050'));
  assert.ok(!lines.some((l) => /^-\s*\d+\s*-$/.test(l)), 'page numbers are dropped');
});

test('layout: rows by y, cells by x, a label on two lines around its numbers, a table over a page break', () => {
  const it = (s, x, y, fs = 10) => ({ str: s, transform: [fs, 0, 0, fs, x, y], width: s.length * fs * 0.6, dir: 'ltr' });
  const page1 = [
    it('- 1 -', 280, 30),
    it('一、本年新收', 50, 700), it('12', 200, 699), it('0', 250, 699), it('3', 300, 699), it('1', 350, 699), it('0', 400, 699), it('16', 450, 699),
    it('（二）部分公开（区分', 50, 684), it('处理的）', 50, 670), it('4', 200, 677), it('0', 250, 677), it('0', 300, 677), it('0', 350, 677), it('0', 400, 677), it('4', 450, 677),
    it(' ', 120, 700)
  ];
  const page2 = [
    it('（七）总计', 50, 800), it('9', 200, 800), it('0', 250, 800), it('0', 300, 800), it('0', 350, 800), it('0', 400, 800), it('9', 450, 800)
  ];
  const { text } = pagesToText([page1.map(compactItem).filter(Boolean), page2.map(compactItem).filter(Boolean)]);
  assert.equal(text, '一、本年新收\t12\t0\t3\t1\t0\t16\n（二）部分公开（区分处理的）\t4\t0\t0\t0\t0\t4\n（七）总计\t9\t0\t0\t0\t0\t9\n');
});

test('layout: a blank cell in a table row becomes an empty TAB cell (column grid of the full rows)', () => {
  const it = (s, x, y) => ({ str: s, transform: [10, 0, 0, 10, x, y], width: s.length * 6, dir: 'ltr' });
  const row = (label, y, nums) => [it(label, 50, y), ...nums.map((n, k) => (n === null ? null : it(n, 200 + 50 * k, y))).filter(Boolean)];
  const items = [
    ...row('甲', 700, ['1', '2', '3', '4']),
    ...row('乙', 680, ['5', null, '7', '8']),
    ...row('丙', 660, ['9', '10', '11', '12']),
    ...row('丁', 640, ['13', '14', null, null])
  ];
  const { text } = pagesToText([items.map(compactItem)]);
  assert.equal(text, '甲\t1\t2\t3\t4\n乙\t5\t\t7\t8\n丙\t9\t10\t11\t12\n丁\t13\t14\n');
});

test('docx: gridSpan and vMerge expanded, runs joined, merged numbers not repeated', () => {
  const W = (rows) => `<w:document><w:body><w:p><w:r><w:t>标题</w:t></w:r><w:r><w:t xml:space="preserve">一</w:t></w:r></w:p><w:tbl>${rows}</w:tbl></w:body></w:document>`;
  const tc = (t, pr = '') => `<w:tc><w:tcPr>${pr}</w:tcPr><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`;
  const xml = W(
    `<w:tr>${tc('（三）不予公开', '<w:vMerge w:val="restart"/>')}${tc('1.属于国家秘密')}${tc('2')}${tc('7', '<w:vMerge w:val="restart"/>')}</w:tr>` +
    `<w:tr>${tc('', '<w:vMerge/>')}${tc('2.其他')}${tc('3')}${tc('', '<w:vMerge/>')}</w:tr>` +
    `<w:tr>${tc('总计', '<w:gridSpan w:val="2"/>')}${tc('5')}${tc('7')}</w:tr>`);
  assert.equal(documentXmlToText(xml), '标题一\n（三）不予公开\t1.属于国家秘密\t2\t7\n（三）不予公开\t2.其他\t3\n总计\t5\t7');
});

test('docx fixture with merged cells gives the same cells as its transcript (and as 003)', async () => {
  const cells = expectedCells(REPORTS[2]);
  const { docx, text } = makeReportDocx(cells);
  const r = await checkFile(docx, 'report.docx');
  assert.equal(r.file.kind, 'docx');
  const fromText = check(text);
  assert.ok(Object.keys(fromText.cells).length >= 200);
  assertCells(r.cells, fromText.cells, 'docx vs transcript');
  assertCells(r.cells, cells, 'docx vs 003');
});

test('text-less, encrypted and corrupt PDFs: clear errors, never a result', async () => {
  const cases = [[makeTextlessPdf(), 'no-text', /^此PDF没有文字层/], [makeEncryptedPdf(), 'encrypted', /加密/],
    [makeCorruptPdf(), 'corrupt', /损坏/], [new Uint8Array([0x50, 0x4b, 3, 4, 1, 2]), 'corrupt', /损坏/]];
  for (const [bytes, code, re] of cases) {
    await assert.rejects(checkFile(bytes, 'x.pdf'), (e) => {
      assert.ok(e instanceof FileReadError);
      assert.equal(e.code, code);
      assert.match(e.message, re);
      assert.ok(e.message_en.length > 10);
      return true;
    });
  }
});

test('HTML: tables with rowspan/colspan, entities, <meta charset=gbk>; text: GB18030 and UTF-16', async () => {
  const html = '<html><head><meta charset="gbk"><title>t</title><style>td{}</style></head><body><p>一、总体&amp;情况</p>' +
    '<table><tr><td rowspan="2">（三）不予公开</td><td>1.属于国家秘密</td><td>2</td></tr><tr><td>2.其他</td><td>3</td></tr>' +
    '<tr><td colspan="2">总计</td><td>5</td></tr></table></body></html>';
  assert.equal(htmlToText(html), 't\n一、总体&情况\n（三）不予公开\t1.属于国家秘密\t2\n（三）不予公开\t2.其他\t3\n总计\t5');
  const gbk = new Uint8Array([0xc4, 0xea, 0xb1, 0xa8]);  // 年报 in GBK
  assert.deepEqual(decodeBytes(gbk), { text: '年报', encoding: 'GB18030' });
  const u16 = new Uint8Array([0xff, 0xfe, 0x74, 0x5e, 0xa5, 0x62]);
  assert.deepEqual(decodeBytes(u16), { text: '年报', encoding: 'UTF-16LE' });
  assert.equal(sniffKind(new TextEncoder().encode('<!DOCTYPE html><p>x'), 'a.txt'), 'html');
  assert.equal(sniffKind(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]), 'a.docx'), 'pdf');
  const sample = readFileSync(join(corpusDir, '000-xiangxiang-ziranziyuan-2025', 'report.txt'));
  const r = await checkFile(new Uint8Array(sample), 'report.txt');
  assert.equal(r.file.kind, 'text');
  assert.deepEqual(r.cells, check(sample.toString('utf8')).cells);
});

const cliScript = join(sourceDir, 'cli', 'nianbao-file.mjs');
const haveCli = existsSync(nativeCli);
test('CLI: nianbao-file.mjs check report.pdf / report.docx, and its errors', { skip: !haveCli && `no native CLI at ${nativeCli}` }, () => {
  const env = { ...process.env, NIANBAO_CLI: nativeCli };
  for (const name of REPORTS) {
    const r = spawnSync('node', [cliScript, 'check', '--format', 'json', join(corpusDir, name, 'source.pdf')], { env, encoding: 'utf8' });
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    assertCells(JSON.parse(r.stdout).cells, expectedCells(name), `CLI ${name}`);
  }
  const { docx } = makeReportDocx(expectedCells(REPORTS[2]));
  const docxPath = join(work, 'report.docx');
  writeFileSync(docxPath, docx);
  const d = spawnSync('node', [cliScript, 'check', '--format', 'json', docxPath], { env, encoding: 'utf8' });
  assertCells(JSON.parse(d.stdout).cells, expectedCells(REPORTS[2]), 'CLI docx');
  const t = spawnSync('node', [cliScript, 'check', join(corpusDir, REPORTS[0], 'source.pdf')], { env, encoding: 'utf8' });
  assert.match(t.stdout, /source\.pdf/, 'the text report names the file');
  for (const [bytes, re] of [[makeTextlessPdf(), /此PDF没有文字层/], [makeCorruptPdf(), /损坏/]]) {
    const p = join(work, 'bad.pdf');
    writeFileSync(p, bytes);
    const e = spawnSync('node', [cliScript, 'check', p], { env, encoding: 'utf8' });
    assert.equal(e.status, 2);
    assert.equal(e.stdout, '');
    assert.match(e.stderr, new RegExp('^nianbao: ' + p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + ': '));
    assert.match(e.stderr, re);
  }
});

test('PDF pages of the extracted lines: one page per line, in order, from 1 to the last page', async () => {
  for (const name of REPORTS) {
    const f = await extractFileNode(new Uint8Array(readFileSync(join(corpusDir, name, 'source.pdf'))), 'source.pdf');
    const lines = f.text.replace(/\n$/, '').split('\n');
    assert.equal(f.linePages.length, lines.length, `${name}: a page for every line`);
    assert.equal(f.linePages[0], 1, `${name}: starts on page 1`);
    assert.equal(f.linePages[f.linePages.length - 1], f.pages, `${name}: ends on the last page`);
    for (let i = 1; i < f.linePages.length; i++) assert.ok(f.linePages[i] >= f.linePages[i - 1], `${name}: line ${i + 1} goes back a page`);
  }
  // a synthetic two-page document: the second page's rows are on page 2
  const item = (s, y) => ({ s, x: 72, y, w: 12 * s.length, fs: 12, v: false });
  const r = pagesToText([[item('一、总体情况', 700), item('正文', 680)], [item('二、主动公开', 700)]]);
  assert.deepEqual(r.linePages, [1, 1, 2]);
});
