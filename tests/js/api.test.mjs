// node --test: the embedding API dist/nianbao.js (web/embed/api.js) in Node.js, loading
// dist/nianbao.wasm from next to itself, against the native CLI: for every corpus file the result
// equals `nianbao check --format json`, with and without --ignore / --min-severity.
// Env: NIANBAO_DIST (default $NIANBAO_BUILD_DIR/dist, else build/wasm/dist), NIANBAO_CORPUS_DIR,
// NIANBAO_SOURCE_DIR, NIANBAO_CLI (native CLI; set by scripts/test.sh) for the comparisons.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const sourceDir = process.env.NIANBAO_SOURCE_DIR ?? join(here, '..', '..');
const buildDir = process.env.NIANBAO_BUILD_DIR ?? join(sourceDir, 'build', 'wasm');
const distDir = process.env.NIANBAO_DIST ?? join(buildDir, 'dist');
const corpusDir = process.env.NIANBAO_CORPUS_DIR ?? join(sourceDir, '..', 'shared', 'corpus');
const cli = process.env.NIANBAO_CLI;
const sample = join(corpusDir, '000-xiangxiang-ziranziyuan-2025', 'report.txt');

const api = await import(pathToFileURL(join(distDir, 'nianbao.js')));
const { createChecker, NianbaoError } = api;
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
  assert.match(widget, /^import \{ createChecker \} from '\.\/nianbao\.js';$/m);
  assert.match(widget, /customElements\.define\(TAG, NianbaoCheckElement\)/);
  const pkg = JSON.parse(readFileSync(join(distDir, 'package.json'), 'utf8'));
  assert.equal(pkg.type, 'module');
  assert.equal(pkg.version, kVersion);
});
