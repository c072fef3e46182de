// node --test: the embedding API dist/nianbao.js (web/embed/api.js) in Node.js, loading
// dist/nianbao.wasm from next to itself, against the native CLI: for every corpus file the result
// equals `nianbao check --format json`, with and without --ignore / --min-severity. Report files:
// checker.checkFile() / extractFile() on corpus 001–003 source.pdf (pdf.js from pdfjs-dist), the .docx
// fixture with merged cells, HTML and UTF-16 text, and unreadable files.
// Env: NIANBAO_DIST (default $NIANBAO_BUILD_DIR/dist, else build/wasm/dist), NIANBAO_CORPUS_DIR,
// NIANBAO_SOURCE_DIR, NIANBAO_CLI (native CLI; set by scripts/test.sh) for the comparisons.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { makeCorruptPdf, makeReportDocx, makeTextlessPdf } from '../fixtures/make-fixtures.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const sourceDir = process.env.NIANBAO_SOURCE_DIR ?? join(here, '..', '..');
const buildDir = process.env.NIANBAO_BUILD_DIR ?? join(sourceDir, 'build', 'wasm');
const distDir = process.env.NIANBAO_DIST ?? join(buildDir, 'dist');
const corpusDir = process.env.NIANBAO_CORPUS_DIR ?? join(sourceDir, '..', 'shared', 'corpus');
const cli = process.env.NIANBAO_CLI;
const sample = join(corpusDir, '000-xiangxiang-ziranziyuan-2025', 'report.txt');

const api = await import(pathToFileURL(join(distDir, 'nianbao.js')));
const { createChecker, NianbaoError, FileReadError, extractFile } = api;
const checker = await createChecker();  // no wasmBinary: it must find dist/nianbao.wasm itself

function corpusFiles() {
  const files = [];
  for (const dir of readdirSync(corpusDir).sort()) {
    if (!statSync(join(corpusDir, dir)).isDirectory()) continue;
    for (const name of readdirSync(join(corpusDir, dir)).sort()) {
      if (/\.(txt|md)$/.test(name)) files.push(join(corpusDir, dir, name));
    }
  }
  return files;
}

// The native CLI's stdout (exit 1 = error findings and 2 = input error still print JSON).
function native(args) {
  try {
    return { out: execFileSync(cli, args, { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] }), status: 0 };
  } catch (e) {
    if (e.status === 1 || e.status === 2) return { out: e.stdout, status: e.status, err: e.stderr };
    throw e;
  }
}

function needCli(t) {
  if (!cli) {
    t.skip('NIANBAO_CLI is not set (scripts/test.sh sets it to build/native/nianbao): comparison skipped');
    return false;
  }
  assert.ok(existsSync(cli), `NIANBAO_CLI=${cli} does not exist`);
  return true;
}

const readText = (file) => new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));
const kVersion = /kVersion = "([^"]+)"/.exec(readFileSync(join(sourceDir, 'core/include/nianbao/nianbao.hpp'), 'utf8'))[1];

test('createChecker() loads dist/nianbao.wasm by itself; version is the header kVersion', () => {
  assert.equal(checker.version, kVersion);
  assert.equal(typeof checker.check, 'function');
  assert.ok(Object.isFrozen(checker));
  const r = checker.check(readText(sample));
  assert.equal(r.schema, 1);
  assert.equal(r.report.agency, '湘乡市自然资源局');
  assert.equal(r.summary.hidden, 0);
});

test('EVERY corpus file: check() equals the native CLI JSON (bytes and parsed object)', (t) => {
  if (!needCli(t)) return;
  const files = corpusFiles();
  assert.ok(files.length >= 20, `found ${files.length} corpus files in ${corpusDir}`);
  for (const file of files) {
    const { out } = native(['check', '--format', 'json', file]);
    const text = readText(file);
    assert.equal(checker.checkJSON(text) + '\n', out, `bytes differ: ${file}`);
    assert.deepEqual(checker.check(text), JSON.parse(out), `objects differ: ${file}`);
  }
});

test('EVERY corpus file: ignore + minSeverity equal --ignore + --min-severity; hidden counted the same way', (t) => {
  if (!needCli(t)) return;
  let hiddenSeen = 0;
  for (const file of corpusFiles()) {
    const text = readText(file);
    const plain = checker.check(text);
    if (plain.error) continue;  // not a report: nothing to hide
    // Ignore the rules of the first two findings (when there are any), and drop info.
    const ids = [...new Set(plain.findings.map((f) => f.rule))].slice(0, 2);
    const ignoreArgs = ids.length ? ['--ignore', ids.join(',')] : [];
    const { out } = native(['check', '--format', 'json', '--min-severity', 'warning', ...ignoreArgs, file]);
    const opts = { minSeverity: 'warning', ignore: ids };
    assert.equal(checker.checkJSON(text, opts) + '\n', out, `bytes differ with options: ${file}`);
    const filtered = checker.check(text, opts);
    assert.deepEqual(filtered, JSON.parse(out), file);
    // The hidden ones are exactly the findings the options removed.
    const expectHidden = plain.findings.filter((f) => ids.includes(f.rule) || f.severity === 'info').length;
    assert.equal(filtered.summary.hidden, expectHidden, `summary.hidden: ${file}`);
    assert.equal(filtered.findings.length, plain.findings.length - expectHidden, file);
    for (const f of filtered.findings) {
      assert.ok(!ids.includes(f.rule) && f.severity !== 'info', `${f.rule} should be hidden in ${file}`);
    }
    hiddenSeen += filtered.summary.hidden;
  }
  assert.ok(hiddenSeen > 0, 'the options hid something somewhere in the corpus');
});

test('ignore as "ID, ID" (the CLI\'s syntax) equals the array form; repeated --ignore too', (t) => {
  const text = readText(sample);
  const ids = [...new Set(checker.check(text).findings.map((f) => f.rule))];
  assert.ok(ids.length >= 2, 'corpus 000 has findings of two rules');
  const a = checker.checkJSON(text, { ignore: [ids[0], ids[1]] });
  assert.equal(checker.checkJSON(text, { ignore: ` ${ids[0]} ,${ids[1]}, ` }), a);
  assert.ok(JSON.parse(a).summary.hidden > 0);
  if (!needCli(t)) return;
  assert.equal(native(['check', '--format', 'json', '--ignore', ids[0], '--ignore', ids[1], sample]).out, a + '\n');
});

test('bad options are refused as the CLI refuses them (exit 2 there, NianbaoError here)', (t) => {
  const text = readText(sample);
  const refused = (options, pattern) => assert.throws(() => checker.check(text, options), (e) => {
    assert.ok(e instanceof NianbaoError, String(e));
    assert.equal(e.code, 'invalid-options');
    assert.match(e.message, pattern);
    return true;
  });
  refused({ ignore: ['no-such-rule'] }, /未知规则：no-such-rule/);
  refused({ ignore: 'section-missing,no-such-rule' }, /no-such-rule/);
  refused({ ignore: [42] }, /ignore must be/);
  refused({ minSeverity: 'fatal' }, /minSeverity/);
  refused({ minseverity: 'error' }, /未知选项：minseverity/);
  refused('warning', /options must be an object/);
  assert.throws(() => checker.check(42), (e) => e instanceof NianbaoError && e.code === 'invalid-input');
  assert.throws(() => checker.check(null), (e) => e instanceof NianbaoError && e.code === 'invalid-input');
  // Still usable afterwards, and empty options are no options.
  assert.equal(checker.checkJSON(text, {}), checker.checkJSON(text));
  assert.equal(checker.checkJSON(text, { ignore: [], minSeverity: null }), checker.checkJSON(text));
  if (!needCli(t)) return;
  assert.equal(native(['check', '--format', 'json', '--ignore', 'no-such-rule', sample]).status, 2);
  assert.equal(native(['check', '--format', 'json', '--min-severity', 'fatal', sample]).status, 2);
});

test('rules() is the CLI catalogue, a fresh copy each call', (t) => {
  const rules = checker.rules();
  assert.ok(Array.isArray(rules) && rules.length > 0);
  for (const r of rules) assert.match(r.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  rules[0].id = 'changed';
  assert.notEqual(checker.rules()[0].id, 'changed');
  if (!needCli(t)) return;
  assert.deepEqual(checker.rules(), JSON.parse(native(['rules', '--format', 'json']).out));
});

test('input errors and odd text give the contract, never a throw', () => {
  const r = checker.check('hello');
  assert.equal(r.exit_code, 2);
  assert.match(r.error.message, /不是政府信息公开工作年度报告/);
  assert.equal(checker.check('').schema, 1);
  // Lone surrogates reach the core as U+FFFD (what TextEncoder and a file would give).
  assert.equal(checker.checkJSON('\uD800a\uDC00'), checker.checkJSON('\uFFFDa\uFFFD'));
  assert.equal(checker.checkJSON('𠮷\uD800'), checker.checkJSON('𠮷\uFFFD'));
});

test('createChecker({ wasmBinary | wasmModule | wasmUrl }) and load failures', async () => {
  const bytes = readFileSync(join(distDir, 'nianbao.wasm'));
  const text = readText(sample);
  const expected = checker.checkJSON(text);
  const fromBytes = await createChecker({ wasmBinary: bytes });
  assert.equal(fromBytes.checkJSON(text), expected);
  const fromModule = await createChecker({ wasmModule: await WebAssembly.compile(bytes) });
  assert.equal(fromModule.checkJSON(text), expected);
  const fromUrl = await createChecker({ wasmUrl: pathToFileURL(join(distDir, 'nianbao.wasm')) });
  assert.equal(fromUrl.checkJSON(text), expected);
  // Separate instances: one checker's work does not disturb another's.
  assert.equal(fromBytes.checkJSON('hello'), checker.checkJSON('hello'));
  assert.equal(fromModule.checkJSON(text), expected);
  await assert.rejects(createChecker({ wasmUrl: pathToFileURL(join(distDir, 'missing.wasm')) }),
    (e) => e instanceof NianbaoError && e.code === 'load-failed' && /missing\.wasm/.test(e.message));
  await assert.rejects(createChecker({ wasmBinary: new Uint8Array([0, 97, 115, 109, 9, 9, 9, 9]) }),
    (e) => e instanceof WebAssembly.CompileError || e instanceof NianbaoError);
  await assert.rejects(createChecker({ wasmBinary: 'nope' }), (e) => e.code === 'invalid-options');
});

test('widget bundle (nianbao-widget.js + nianbao.js + nianbao.wasm) stays under 300 KB gzip', () => {
  let total = 0;
  for (const name of ['nianbao-widget.js', 'nianbao.js', 'nianbao.wasm']) {
    const gz = gzipSync(readFileSync(join(distDir, name)), { level: 9 }).length;
    console.log(`# ${name}: ${gz} bytes gzip -9`);
    total += gz;
  }
  console.log(`# widget bundle: ${total} bytes gzip -9`);
  assert.ok(total < 300 * 1000, `widget bundle is ${total} bytes gzip`);
  assert.ok(total > 50 * 1000, `widget bundle is only ${total} bytes gzip: is the wasm in it?`);
});

test('nianbao.d.ts declares every export of nianbao.js; the widget imports ./nianbao.js', () => {
  const dts = readFileSync(join(distDir, 'nianbao.d.ts'), 'utf8');
  for (const name of Object.keys(api)) {
    if (name === 'default') assert.match(dts, /export default createChecker;/);
    else assert.match(dts, new RegExp(`export (declare )?(async )?(function|class|const) ${name}\\b`), name);
  }
  for (const key of ['check(text: string, options?: CheckOptions): CheckResult', 'rules(): Rule[]', 'readonly version: string', 'hidden: number']) {
    assert.ok(dts.includes(key), key);
  }
  const widget = readFileSync(join(distDir, 'nianbao-widget.js'), 'utf8');
  assert.match(widget, /^import \{[^}]*\bcreateChecker\b[^}]*\} from ["']\.\/nianbao\.js["'];$/m);
  assert.match(widget, /customElements\.define\(TAG, NianbaoCheckElement\)/);
  const pkg = JSON.parse(readFileSync(join(distDir, 'package.json'), 'utf8'));
  assert.equal(pkg.type, 'module');
  assert.equal(pkg.version, kVersion);
});

// ---------------------------------------------------------------------------------------------
// Report files: checkFile(bytes, fileName, options) and extractFile(bytes, fileName).
const PDF_REPORTS = ['001-huaian-hongze-2023', '002-huaian-hongze-2024', '003-huaian-city-2024'];
const expectedCells = (name) =>
  JSON.parse(readFileSync(join(sourceDir, 'tests', 'expected', `${name}__pdftotext-layout.json`), 'utf8')).cells;
function cellsDiffer(got, expected) {
  return Object.entries(expected).filter(([id, c]) => !got[id] || got[id].value !== c.value)
    .map(([id, c]) => `${id}: ${c.value} vs ${got[id] ? got[id].value : 'missing'}`);
}
// The JSON contract is kept: checkFile's result is check(file.text) plus the added `file` member.
function assertContract(r, options) {
  const { file, ...rest } = r;
  assert.deepEqual(rest, checker.check(file.text, options));
}

for (const name of PDF_REPORTS) {
  test(`checkFile: corpus ${name} source.pdf gives the hand-checked cells (tests/expected)`, async () => {
    const bytes = readFileSync(join(corpusDir, name, 'source.pdf'));
    const t0 = performance.now();
    const r = await checker.checkFile(bytes, 'source.pdf');
    console.log(`# ${name}: source.pdf read and checked in ${(performance.now() - t0).toFixed(0)} ms`);
    assert.equal(r.file.kind, 'pdf');
    assert.equal(r.file.name, 'source.pdf');
    assert.ok(r.file.pages >= 5, `pages: ${r.file.pages}`);
    assert.deepEqual(r.file.emptyPages, []);
    const expected = expectedCells(name);
    assert.ok(Object.keys(expected).length >= 186);
    assert.deepEqual(cellsDiffer(r.cells, expected), [], `${name}: cells differ`);
    assert.ok(Object.keys(r.cells).length >= Object.keys(expected).length);
    assertContract(r);
    // extractFile gives the same text; an ArrayBuffer works as well as a Buffer
    const f = await extractFile(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), 'source.pdf');
    assert.equal(f.text, r.file.text);
  });
}

test('checkFile: options apply as in check(); a Blob with its own name works', async () => {
  const bytes = readFileSync(join(corpusDir, PDF_REPORTS[0], 'source.pdf'));
  const plain = await checker.checkFile(new Blob([bytes]), 'a.pdf');
  const rules = [...new Set(plain.findings.map((f) => f.rule))];
  assert.ok(rules.length > 0, 'corpus 001 has findings');
  const opts = { ignore: [rules[0]], minSeverity: 'warning' };
  const r = await checker.checkFile(bytes, 'a.pdf', opts);
  assertContract(r, opts);
  assert.ok(r.summary.hidden > 0);
  assert.ok(!r.findings.some((f) => f.rule === rules[0] || f.severity === 'info'));
  if (typeof File === 'function') {
    const named = await checker.checkFile(new File([bytes], 'report-2023.pdf'));
    assert.equal(named.file.name, 'report-2023.pdf');
  }
});

test('checkFile: the .docx fixture with merged cells gives the cells of its transcript (and of 003)', async () => {
  const cells = expectedCells(PDF_REPORTS[2]);
  const { docx, text } = makeReportDocx(cells);
  const r = await checker.checkFile(docx, 'report.docx');
  assert.equal(r.file.kind, 'docx');
  const fromText = checker.check(text);
  assert.ok(Object.keys(fromText.cells).length >= 200);
  assert.deepEqual(cellsDiffer(r.cells, fromText.cells), [], 'docx vs its transcript');
  assert.deepEqual(cellsDiffer(r.cells, cells), [], 'docx vs 003');
  assertContract(r);
});

test('checkFile: HTML (table grid) and UTF-16 text files', async () => {
  const { text } = makeReportDocx(expectedCells(PDF_REPORTS[2]));
  const esc = (x) => x.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const body = text.split('\n').map((l) => (l.includes('\t')
    ? `<table><tr>${l.split('\t').map((c) => `<td>${esc(c)}</td>`).join('')}</tr></table>` : `<p>${esc(l)}</p>`)).join('\n');
  const html = await checker.checkFile(new TextEncoder().encode(`<!doctype html><html><head><meta charset="utf-8"></head><body>${body}</body></html>`), 'r.html');
  assert.equal(html.file.kind, 'html');
  assert.deepEqual(cellsDiffer(html.cells, checker.check(text).cells), [], 'html vs text');
  const report = readText(sample);
  const u16 = await checker.checkFile(Buffer.from('\ufeff' + report, 'utf16le'), 'report.txt');
  assert.equal(u16.file.kind, 'text');
  assert.equal(u16.file.encoding, 'UTF-16LE');
  assert.equal(u16.file.text, report);
  assert.deepEqual(u16.cells, checker.check(report).cells);
});

test('checkFile: corrupt, text-less and unsupported files reject with a clear FileReadError', async () => {
  const cases = [
    [makeCorruptPdf(), 'x.pdf', 'corrupt', /^此PDF文件已损坏或不是有效的PDF/, /damaged or not a valid PDF/],
    [new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]), 'x.docx', 'corrupt', /已损坏/, /damaged/],
    [makeTextlessPdf(), 'scan.pdf', 'no-text', /^此PDF没有文字层/, /no text layer/],
    [new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]), 'old.doc', 'unsupported', /\.docx/, /\.docx/],
    [new Uint8Array(0), 'empty.txt', 'empty', /空/, /empty/]
  ];
  for (const [bytes, name, code, zh, en] of cases) {
    await assert.rejects(checker.checkFile(bytes, name), (e) => {
      assert.ok(e instanceof FileReadError, `${name}: ${e && e.name}`);
      assert.equal(e.code, code, name);
      assert.match(e.message, zh, name);
      assert.match(e.message_en, en, name);
      return true;
    });
  }
  // bad arguments: NianbaoError, as for check(); bad options are refused before the file is read
  await assert.rejects(checker.checkFile('text', 'x.txt'), (e) => e instanceof NianbaoError && e.code === 'invalid-input');
  await assert.rejects(checker.checkFile(makeCorruptPdf(), 'x.pdf', { ignore: ['no-such-rule'] }),
    (e) => e instanceof NianbaoError && e.code === 'invalid-options');
});

// This year against last year: options.previous (the CLI's --previous FILE) on a corpus pair.
const PREV_PAIR = ['036-pingtan-2022', '037-pingtan-2023'].map((d) => join(corpusDir, d, 'page.txt'));

test('previous: a corpus pair gives previous.year, changes and the cross-year findings of --previous', (t) => {
  const [prevFile, curFile] = PREV_PAIR;
  const prev = readText(prevFile);
  const cur = readText(curFile);
  const r = checker.check(cur, { previous: prev });
  assert.equal(r.previous.year, 2022);
  assert.equal(r.report.year, 2023);
  assert.ok(Array.isArray(r.changes), 'changes with a previous report');
  assert.equal(checker.check(cur).previous, undefined, 'no previous, no previous{}');
  assert.equal(checker.check(cur).changes, undefined);
  // An empty previous is none (an empty box on the page).
  assert.equal(checker.checkJSON(cur, { previous: '' }), checker.checkJSON(cur));
  assert.equal(checker.checkJSON(cur, { previous: null }), checker.checkJSON(cur));
  assert.throws(() => checker.check(cur, { previous: 42 }), (e) => e instanceof NianbaoError && e.code === 'invalid-options');
  assert.throws(() => checker.check(cur, { previous: { bytes: new Uint8Array(1) } }),
    (e) => e instanceof NianbaoError && e.code === 'invalid-options', 'a file only in checkFile');
  if (!needCli(t)) return;
  const { out } = native(['check', '--format', 'json', '--previous', prevFile, curFile]);
  const want = JSON.parse(out);
  const cross = (x) => x.findings.filter((f) => /^cross-/.test(f.rule));
  assert.deepEqual(cross(r), cross(want));
  assert.deepEqual(r.previous, want.previous);
  assert.deepEqual(r.changes, want.changes);
  assert.equal(checker.checkJSON(cur, { previous: prev }) + '\n', out, 'bytes equal the CLI');
});

test('previous in checkFile: { bytes, name } is read like the main file, then checked against', async () => {
  const [prevFile, curFile] = PREV_PAIR;
  const want = checker.check(readText(curFile), { previous: readText(prevFile) });
  const r = await checker.checkFile(readFileSync(curFile), 'page.txt', { previous: { bytes: readFileSync(prevFile), name: 'prev.txt' } });
  delete r.file;
  assert.deepEqual(r, want);
  const s = await checker.checkFile(readFileSync(curFile), 'page.txt', { previous: readText(prevFile) });
  delete s.file;
  assert.deepEqual(s, want);
});

test('scope: table 3 alone is an excerpt by default, a whole report with scope "full"', (t) => {
  const lines = readText(sample).split('\n');
  const from = lines.findIndex((l) => /^[（(]本列数据/.test(l));
  const to = lines.findIndex((l) => l.startsWith('四、政府信息公开行政复议'));
  assert.ok(from > 0 && to > from, 'table 3 found in the sample');
  const t3 = lines.slice(from, to).join('\n') + '\n';
  const auto = checker.check(t3);
  assert.equal(auto.report.scope, 'excerpt');
  assert.deepEqual(auto.report.parts, ['t3']);
  assert.deepEqual(checker.check(t3, { scope: 'auto' }), auto);
  const full = checker.check(t3, { scope: 'full' });
  assert.equal(full.report.scope, 'full');
  assert.ok(full.findings.some((f) => f.rule === 'section-missing'), 'a whole report misses its sections');
  assert.ok(!auto.findings.some((f) => f.rule === 'section-missing'), 'an excerpt does not');
  assert.equal(checker.check(t3, { scope: 'excerpt' }).report.scope, 'excerpt');
  for (const bad of ['whole', 'FULL', 1, true]) {
    assert.throws(() => checker.check(t3, { scope: bad }), (e) => e instanceof NianbaoError && e.code === 'invalid-options' && /scope/.test(e.message));
  }
  assert.ok(checker.rules().every((r) => typeof r.whole_report === 'boolean'));
  if (!needCli(t)) return;
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-scope-'));
  const file = join(dir, 't3.txt');
  writeFileSync(file, t3);
  try {
    for (const scope of ['auto', 'full']) {
      const { out } = native(['check', '--format', 'json', '--scope', scope, file]);
      assert.equal(checker.checkJSON(t3, { scope }) + '\n', out, `--scope ${scope}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// ---------------------------------------------------------------------------------------------
// Many reports: checkMany(inputs, options), toFindingsCsv / toCellsCsv = the CLI's batch
// --format csv / --format cells for the same files.
const BATCH_TEXTS = ['000-xiangxiang-ziranziyuan-2025/report.txt', '005-shanghai-kewei-2024/report.md', '038-pingtan-2024/page.txt'];
const NOT_A_REPORT = '这是一份会议通知，不是政府信息公开工作年度报告。\n请各单位准时参加。\n';

test('checkMany: one entry per input in input order; unreadable and non-reports are entries, not throws', async () => {
  const texts = BATCH_TEXTS.map((p) => join(corpusDir, p));
  const seen = [];
  const inputs = [
    { name: 'a.txt', text: readText(texts[0]) },
    { name: 'broken.pdf', bytes: makeCorruptPdf() },
    { name: 'b.md', bytes: readFileSync(texts[1]) },
    new File([NOT_A_REPORT], 'notice.txt'),
    { name: 'empty.txt', bytes: new Uint8Array(0) },
    { name: 'odd' },
    new Blob([readFileSync(texts[2])])
  ];
  const out = await checker.checkMany(inputs, { onProgress: (p) => seen.push(p) });
  assert.deepEqual(out.map((e) => e.file), ['a.txt', 'broken.pdf', 'b.md', 'notice.txt', 'empty.txt', 'odd', '']);
  assert.deepEqual(out[0].result, checker.check(readText(texts[0])));
  assert.equal(out[0].error, undefined);
  assert.equal(out[1].error.code, 'corrupt');
  assert.match(out[1].error.message, /已损坏/);
  assert.match(out[1].error.message_en, /damaged/);
  const { file, ...b } = out[2].result;
  assert.equal(file.kind, 'text');
  assert.deepEqual(b, checker.check(readText(texts[1])));
  assert.equal(out[3].error.code, 'not-a-report');
  assert.equal(out[3].result.error.message, out[3].error.message);
  assert.equal(out[4].error.code, 'empty');
  assert.equal(out[5].error.code, 'invalid-input');
  assert.equal(out[6].result.report.agency, checker.check(readText(texts[2])).report.agency);
  assert.deepEqual(seen.map((p) => p.done), [0, 1, 2, 3, 4, 5, 6, 7]);
  assert.ok(seen.every((p) => p.total === 7));
  assert.deepEqual(seen.slice(0, 4).map((p) => p.file), ['a.txt', 'broken.pdf', 'b.md', 'notice.txt']);
  assert.equal(seen[7].file, null);
  // options as in check(); bad options and a non-list are refused at once
  const rule = out[0].result.findings[0].rule;
  const ignored = await checker.checkMany([{ name: 'a', text: readText(texts[0]) }], { ignore: [rule], minSeverity: 'warning' });
  assert.deepEqual(ignored[0].result, checker.check(readText(texts[0]), { ignore: [rule], minSeverity: 'warning' }));
  await assert.rejects(checker.checkMany([], { ignore: ['no-such-rule'] }), (e) => e instanceof NianbaoError && e.code === 'invalid-options');
  await assert.rejects(checker.checkMany('text'), (e) => e instanceof NianbaoError && e.code === 'invalid-input');
  await assert.rejects(checker.checkMany([], { onProgress: 3 }), (e) => e instanceof NianbaoError && e.code === 'invalid-options');
  assert.deepEqual(await checker.checkMany([]), []);
});

test('checkMany: an AbortSignal stops the batch between inputs', async () => {
  const text = readText(sample);
  const ac = new AbortController();
  let calls = 0;
  await assert.rejects(checker.checkMany([1, 2, 3, 4].map((i) => ({ name: `${i}.txt`, text })), {
    signal: ac.signal,
    onProgress: (p) => { calls++; if (p.done === 2) ac.abort(); }
  }), (e) => e && e.name === 'AbortError');
  assert.equal(calls, 3);
  const pre = new AbortController();
  pre.abort(new Error('stop'));
  await assert.rejects(checker.checkMany([{ name: 'x', text }], { signal: pre.signal }), /stop/);
});

test('toFindingsCsv / toCellsCsv: the bytes of nianbao check --format csv / --format cells (zh and en)', async (t) => {
  if (!needCli(t)) return;
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-many-'));
  try {
    const names = [];
    BATCH_TEXTS.forEach((p, i) => {
      const name = `${i}-${p.split('/').pop()}`;
      writeFileSync(join(dir, name), readFileSync(join(corpusDir, p)));
      names.push(name);
    });
    writeFileSync(join(dir, 'notice.txt'), NOT_A_REPORT);
    names.push('notice.txt');
    writeFileSync(join(dir, 'report.pdf'), readFileSync(join(corpusDir, PDF_REPORTS[0], 'source.pdf')));
    names.push('report.pdf');
    const inputs = names.map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
    const entries = await checker.checkMany(inputs);
    const run = (args) => {
      try {
        return execFileSync(cli, ['check', ...args, ...names], { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
      } catch (e) {
        if (e.status === 1 || e.status === 2) return e.stdout;
        throw e;
      }
    };
    const csv = api.toFindingsCsv(entries);
    assert.ok(csv.startsWith('\ufefffile,agency,year,rule,severity,status,line,column,cells,expected,actual,message\r\n'));
    assert.ok(csv.includes(',not-a-report,'), 'the non-report is a row');
    assert.equal(csv, run(['--format', 'csv']), 'findings csv (zh)');
    assert.equal(api.toFindingsCsv(entries, { lang: 'en' }), run(['--format', 'csv', '--lang', 'en']), 'findings csv (en)');
    const cells = api.toCellsCsv(entries, checker.cells());
    assert.equal(cells.split('\r\n')[0].split(',').length, 6 + checker.cells().length);
    assert.equal(cells, run(['--format', 'cells']), 'cells csv');
    assert.equal(api.toCellsCsv(entries, checker.cells().map((c) => c.id)), cells, 'ids or catalogue entries');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('CSV quoting is RFC 4180: , " CR LF quoted, quotes doubled, CRLF rows', () => {
  const entries = [{ file: 'a,"b".txt', error: { code: 'corrupt', message: 'line1\nline2' } }];
  assert.equal(api.toFindingsCsv(entries),
    '\ufefffile,agency,year,rule,severity,status,line,column,cells,expected,actual,message\r\n' +
    '"a,""b"".txt",,,,error,unreadable,,,,,,"line1\nline2"\r\n');
  assert.equal(api.toCellsCsv(entries, ['t2.x', 't2.y']), '\ufefffile,agency,year,format,errors,warnings,t2.x,t2.y\r\n"a,""b"".txt",,,,,,,\r\n');
});

// crossYear: the inputs paired as `nianbao check --cross-year` pairs them, the same findings.
test('checkMany crossYear: consecutive years of one agency paired like the CLI; two candidates are not guessed', async (t) => {
  const years = ['036-pingtan-2022/page.txt', '034-pingtan-2020/page.txt', '037-pingtan-2023/page.txt', '035-pingtan-2021/page.txt'];
  const inputs = years.map((p, i) => ({ name: `${'abcd'[i]}.txt`, text: readFileSync(join(corpusDir, p), 'utf8') }));
  const entries = await checker.checkMany(inputs, { crossYear: true });
  assert.deepEqual(entries.map((e) => e.previousFile), ['d.txt', undefined, 'a.txt', 'b.txt']);
  assert.deepEqual(entries.map((e) => e.previousIndex), [3, undefined, 0, 1]);
  assert.equal(entries[2].result.previous.year, 2022);
  assert.equal(entries[2].result.previous.compared, true);
  assert.ok(entries[2].result.changes.length > 0);
  assert.ok(entries[2].result.findings.some((f) => f.rule.startsWith('cross-')));
  assert.equal(entries[1].result.previous, undefined, '2020 has no year before in the batch');
  // The same document as check() with previous, and without crossYear nothing is paired.
  assert.deepEqual(entries[2].result, checker.check(inputs[2].text, { previous: inputs[0].text }));
  const plain = await checker.checkMany(inputs);
  assert.ok(plain.every((e) => e.previousFile === undefined && e.result.previous === undefined));
  // A second, different 2021 text: 2022 has two candidates and is not paired; copies are one.
  const twice = await checker.checkMany([...inputs, { name: 'e.txt', text: inputs[3].text + '\n附件略。\n' }], { crossYear: true });
  assert.deepEqual(twice[0].previousCandidates, [3, 4]);
  assert.equal(twice[0].previousFile, undefined);
  assert.equal(twice[0].result.previous, undefined);
  const copies = await checker.checkMany([...inputs, { name: 'e.txt', text: inputs[3].text }], { crossYear: true });
  assert.equal(copies[0].previousFile, 'd.txt');
  await assert.rejects(checker.checkMany(inputs, { crossYear: 'yes' }), (e) => e.code === 'invalid-options');
  await assert.rejects(checker.checkMany(inputs, { crossYear: true, previous: 'x' }), (e) => e.code === 'invalid-options');
  if (!cli) {
    t.skip('NIANBAO_CLI is not set: comparison with the CLI skipped');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-years-'));
  try {
    inputs.forEach((i) => writeFileSync(join(dir, i.name), i.text));
    let out;
    try {
      out = execFileSync(cli, ['check', '--cross-year', '--format', 'csv', ...inputs.map((i) => i.name)], { cwd: dir, encoding: 'utf8' });
    } catch (e) {
      out = e.stdout;
    }
    assert.equal(api.toFindingsCsv(entries), out, 'the findings csv of the pairs is the CLI\'s');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
