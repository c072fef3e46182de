// node --test: the WebAssembly build (build/wasm) loaded in node, checked against the contract and
// against the native CLI byte for byte. Run by ctest (js_node_test) in the wasm build tree.
// Env: NIANBAO_BUILD_DIR (wasm build dir), NIANBAO_CORPUS_DIR, NIANBAO_SOURCE_DIR, and
// NIANBAO_CLI (native CLI; set by scripts/test.sh) for the comparison.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const sourceDir = process.env.NIANBAO_SOURCE_DIR ?? join(here, '..', '..');
const buildDir = process.env.NIANBAO_BUILD_DIR ?? join(sourceDir, 'build', 'wasm');
const corpusDir = process.env.NIANBAO_CORPUS_DIR ?? join(sourceDir, '..', 'shared', 'corpus');
const cli = process.env.NIANBAO_CLI;
const sample = join(corpusDir, '000-xiangxiang-ziranziyuan-2025', 'report.txt');

const { default: createNianbao } = await import(pathToFileURL(join(buildDir, 'nianbao.mjs')));
const nianbao = await createNianbao({ wasmBinary: readFileSync(join(buildDir, 'nianbao.wasm')) });
const check = (text, options = {}) => nianbao.check(text, JSON.stringify(options));

// Every text file of the corpus (the PDFs are input for the page's PDF path, not for check()).
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

function ruleIds() {
  const parsed = JSON.parse(nianbao.rules());
  const list = Array.isArray(parsed) ? parsed : parsed.rules;
  assert.ok(Array.isArray(list), 'rules() is an array or {rules: [...]}');
  return list.map((r) => r.id);
}

test('version() is the header kVersion', () => {
  const header = readFileSync(join(sourceDir, 'core/include/nianbao/nianbao.hpp'), 'utf8');
  const kVersion = /kVersion = "([^"]+)"/.exec(header)[1];
  assert.equal(nianbao.version(), kVersion);
});

test('rules() lists unique kebab-case ids', () => {
  const ids = ruleIds();
  assert.ok(ids.length > 0);
  for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  assert.equal(new Set(ids).size, ids.length);
});

test('corpus 000: the JSON contract', () => {
  const out = JSON.parse(check(readFileSync(sample, 'utf8')));
  assert.equal(out.schema, 1);
  assert.deepEqual(out.tool, { name: 'nianbao', version: nianbao.version() });
  assert.equal(out.input.bytes, 11738);
  assert.equal(out.input.encoding, 'utf-8');
  assert.equal(out.report.agency, '湘乡市自然资源局');
  assert.equal(out.report.year, 2025);
  assert.equal(out.report.format, '2021');
  assert.deepEqual(out.sections.map((s) => s.number), [1, 2, 3, 4, 5, 6]);
  assert.ok(Object.keys(out.cells).length > 0, 'cells were located');
  assert.ok(Array.isArray(out.findings));
});

test('same input, same bytes; the SINGLE_FILE build agrees with the ES module', () => {
  const text = readFileSync(sample, 'utf8');
  const first = check(text);
  assert.equal(check(text), first);
  const createSingle = createRequire(import.meta.url)(join(buildDir, 'nianbao.single.js'));
  return createSingle().then((single) => {
    assert.equal(single.check(text, '{}'), first);
    assert.equal(single.version(), nianbao.version());
  });
});

test('options: minSeverity and ignore', () => {
  const text = readFileSync(sample, 'utf8');
  const errorsOnly = JSON.parse(check(text, { minSeverity: 'error' }));
  for (const f of errorsOnly.findings) assert.equal(f.severity, 'error', f.rule);
  const none = JSON.parse(check(text, { ignore: ruleIds() }));
  assert.deepEqual(none.findings, []);
});

test('odd input gives JSON, never a throw', () => {
  for (const text of ['', ' ', '\u0000\u0001', '\uD800 lone surrogate', '𠮷😀'.repeat(1000), '年'.repeat(100000)]) {
    const out = JSON.parse(check(text));
    assert.equal(out.schema, 1);
  }
  assert.doesNotThrow(() => nianbao.check('text', '{not json'));
});

test('WASM JSON is byte-identical to the native CLI for every corpus file', (t) => {
  if (!cli) {
    t.skip('NIANBAO_CLI is not set (scripts/test.sh sets it to build/native/nianbao): comparison skipped');
    return;
  }
  assert.ok(existsSync(cli), `NIANBAO_CLI=${cli} does not exist`);
  const native = (args) => {
    try {
      return execFileSync(cli, args, { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      if (e.status === 1 || e.status === 2) return e.stdout;  // findings / input error still print JSON
      throw e;
    }
  };
  const withNewline = (s) => (s.endsWith('\n') ? s : s + '\n');
  const files = corpusFiles();
  assert.ok(files.length >= 20, `found ${files.length} corpus files in ${corpusDir}`);
  for (const file of files) {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));
    assert.equal(withNewline(check(text)), native(['check', '--format', 'json', file]), file);
  }
  const ids = ruleIds();
  assert.equal(
    withNewline(check(readFileSync(sample, 'utf8'), { minSeverity: 'warning', ignore: ids.slice(0, 1) })),
    native(['check', '--format', 'json', '--min-severity', 'warning', '--ignore', ids[0], sample]));
});
