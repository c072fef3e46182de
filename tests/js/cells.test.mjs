// node --test: the cell catalogue of the core (`cells()` of the WebAssembly module, checker.cells()
// of dist/nianbao.js), the one source of cell ids and their zh/en labels for the page, the widget
// and embedders: 200 cells in canonical order with labels in both languages, the form's headings
// as ../shared/spec/cells.md gives them, and every cell id that check() reports is in it.
// Env: NIANBAO_DIST (default $NIANBAO_BUILD_DIR/dist, else build/wasm/dist), NIANBAO_CORPUS_DIR,
// NIANBAO_SPEC_DIR (default: spec/ next to the corpus folder).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const sourceDir = process.env.NIANBAO_SOURCE_DIR ?? join(here, '..', '..');
const buildDir = process.env.NIANBAO_BUILD_DIR ?? join(sourceDir, 'build', 'wasm');
const distDir = process.env.NIANBAO_DIST ?? join(buildDir, 'dist');
const corpusDir = process.env.NIANBAO_CORPUS_DIR ?? join(sourceDir, '..', 'shared', 'corpus');
const specFile = join(process.env.NIANBAO_SPEC_DIR ?? join(corpusDir, '..', 'spec'), 'cells.md');

const { createChecker } = await import(pathToFileURL(join(distDir, 'nianbao.js')));
const checker = await createChecker();
const cells = checker.cells();

const CJK = /[\u3400-\u9fff\uff08\uff09\u3001\u201c\u201d]/;

// The canonical ids and the form's labels from spec/cells.md: its tables, section by section.
function spec() {
  const text = readFileSync(specFile, 'utf8');
  const sections = text.split(/^## /m).slice(1);
  const tablesOf = (section) => {
    const tables = [];
    let cur = null;
    for (const line of section.split('\n')) {
      if (line.startsWith('| `')) {
        if (!cur) tables.push((cur = []));
        cur.push(line.split('|').slice(1, -1).map((c) => c.trim().replace(/^`|`$/g, '')));
      } else {
        cur = null;
      }
    }
    return tables;
  };
  const [t2, t3, t4] = ['Table 2', 'Table 3', 'Table 4'].map((name) => tablesOf(sections.find((s) => s.startsWith(name))));
  const out = [];
  for (const [id, , row, column] of t2[0]) out.push({ id, row, column });
  const [t3cols, t3rows] = t3;
  for (const [row, rowLabel] of t3rows) {
    for (const [col, colLabel] of t3cols) out.push({ id: `t3.${row}.${col}`, row: rowLabel, column: colLabel });
  }
  const [t4groups, t4cols] = t4;
  for (const [group, groupLabel] of t4groups) {
    for (const [col, colLabel] of t4cols) out.push({ id: `t4.${group}.${col}`, row: groupLabel, column: colLabel });
  }
  return out;
}

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

test('cells(): 200 cells, unique ids, tables 2, 3, 4 in that order (10 + 25 x 7 + 3 x 5)', () => {
  assert.equal(cells.length, 200);
  assert.equal(new Set(cells.map((c) => c.id)).size, 200, 'ids are unique');
  assert.deepEqual(cells.map((c) => c.table), [...Array(10).fill(2), ...Array(175).fill(3), ...Array(15).fill(4)]);
  for (const c of cells) assert.ok(c.id.startsWith(`t${c.table}.`), `${c.id} is in table ${c.table}`);
  // table 3 row by row, the same seven columns in each row; table 4 group by group
  const t3 = cells.filter((c) => c.table === 3);
  const cols = t3.slice(0, 7).map((c) => c.id.split('.').pop());
  t3.forEach((c, k) => assert.equal(c.id.split('.').pop(), cols[k % 7], `${c.id}: column ${k % 7}`));
  assert.deepEqual(cells.filter((c) => c.decimal).map((c) => c.id), ['t2.fees']);
});

test('cells(): the canonical order and the form\'s headings of spec/cells.md', (t) => {
  if (!existsSync(specFile)) {
    t.skip(`${specFile} not found (NIANBAO_SPEC_DIR)`);
    return;
  }
  const want = spec();
  assert.deepEqual(cells.map((c) => c.id), want.map((w) => w.id), 'canonical order');
  // The spec writes a heading over a heading as "A / B" (法人或其他组织 / 商业企业, 行政诉讼 / 复议后起诉).
  const norm = (s) => s.replace(/ \/ /g, ' · ');
  cells.forEach((c, k) => {
    assert.equal(c.row_heading, norm(want[k].row), `${c.id}: row heading`);
    const column = c.column_group ? `${c.column_group} · ${c.column_heading}` : c.column_heading;
    assert.equal(column, norm(want[k].column), `${c.id}: column heading`);
  });
});

test('cells(): every cell has its labels in Chinese and in English', () => {
  for (const c of cells) {
    for (const f of ['label', 'row_heading', 'column_heading', 'row', 'column']) {
      if (f === 'column' && c.table === 2 && !c.id.match(/^t2\.(rules|normative)\./)) continue;  // one-cell rows
      assert.ok(typeof c[f] === 'string' && c[f].trim() !== '', `${c.id}: ${f} is empty`);
      assert.match(c[f], CJK, `${c.id}: ${f} is Chinese`);
      assert.ok(typeof c[`${f}_en`] === 'string' && c[`${f}_en`].trim() !== '', `${c.id}: ${f}_en is empty`);
      assert.doesNotMatch(c[`${f}_en`], CJK, `${c.id}: ${f}_en is English: ${c[`${f}_en`]}`);
    }
    assert.equal(Boolean(c.column_group), Boolean(c.column_group_en), `${c.id}: column group in both languages`);
    // a cell's own label names its table and its column
    assert.ok(c.label.startsWith(['表二', '表三', '表四'][c.table - 2] + ' · ') && c.label.endsWith(' · ' + c.column_heading), c.label);
    assert.ok(c.label_en.startsWith(`Table ${c.table} · `) && c.label_en.endsWith(' · ' + c.column_heading_en), c.label_en);
  }
  assert.equal(new Set(cells.map((c) => c.label)).size, 200, 'Chinese labels tell the cells apart');
  assert.equal(new Set(cells.map((c) => c.label_en)).size, 200, 'English labels tell the cells apart');
});

test('cells() gives a fresh copy each time', () => {
  const a = checker.cells();
  a[0].label = 'changed';
  a.pop();
  assert.deepEqual(checker.cells(), cells);
});

test('EVERY corpus report: each cell id in result.cells and in findings is in the catalogue', () => {
  const known = new Set(cells.map((c) => c.id));
  const files = corpusFiles();
  assert.ok(files.length >= 20, `found ${files.length} corpus files in ${corpusDir}`);
  let seen = 0;
  for (const file of files) {
    const r = checker.check(readFileSync(file, 'utf8'));
    if (r.error) continue;
    const ids = [...Object.keys(r.cells), ...r.findings.flatMap((f) => f.cells || [])];
    for (const id of ids) assert.ok(known.has(id), `${file}: ${id} is not in cells()`);
    seen += ids.length;
  }
  assert.ok(seen > 1000, `ids checked: ${seen}`);
});
