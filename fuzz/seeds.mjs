// Seeds for the libFuzzer targets, made at run time from the corpus of real reports
// (../shared/corpus) and the kept regression inputs (tests/regress), into a temporary folder
// that scripts/fuzz.sh removes: nothing here is committed.
//
//   node fuzz/seeds.mjs OUT CORPUS REGRESS check=4096 decode=2048 html=4096 tables=4096 facts=4096
//
// writes OUT/<target>/ for every target named, each seed at most that target's -max_len bytes
// (libFuzzer would cut longer seeds at max_len anyway, mid-character and mid-table):
//   check   the reports cut into pieces at line boundaries, the table sections, two years of
//           one agency joined by a form feed (the target's "last year's report"), pieces with
//           an options JSON line in front;
//   tables  the table sections (二 to 五), cut at line boundaries, and the HTML tables;
//   facts   the reports cut at line boundaries (narrative and tables);
//   html    the saved pages: the <table> elements, the <head>, pieces of the page;
//   decode  short pieces re-encoded: UTF-8 with and without BOM, UTF-16LE/BE with and
//           without BOM, GB18030 (through iconv).
// Every target also gets the regression inputs (cut to its max_len).
import { Buffer } from 'node:buffer';
import { execFileSync } from 'node:child_process';
import console from 'node:console';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import process from 'node:process';

const [out, corpusDir, regressDir, ...limitArgs] = process.argv.slice(2);
if (!out || !corpusDir) {
  console.error('usage: node fuzz/seeds.mjs OUT CORPUS REGRESS target=max_len ...');
  process.exit(2);
}
const limits = Object.fromEntries(
  limitArgs.map((a) => {
    const [name, len] = a.split('=');
    return [name, Number(len)];
  }),
);

function walk(dir) {
  let files = [];
  let names;
  try {
    names = readdirSync(dir).sort();
  } catch {
    return files;  // no such folder (tests/regress may be empty)
  }
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) files = files.concat(walk(p));
    else files.push(p);
  }
  return files;
}

// Reports only: the corpus's README and SOURCES.tsv stand at its top; PDFs go through pdf.js,
// not the core.
const reports = walk(corpusDir).filter((p) => {
  const ext = extname(p).toLowerCase();
  return ['.txt', '.md', '.html', '.htm'].includes(ext) && basename(join(p, '..')) !== basename(corpusDir);
});
const regress = walk(regressDir || 'tests/regress').filter((p) => !p.endsWith('.md'));

const counts = {};
function emit(target, buf, tag) {
  const max = limits[target];
  if (!max || buf.length === 0) return;
  if (buf.length > max) buf = buf.subarray(0, max);
  const dir = join(out, target);
  mkdirSync(dir, { recursive: true });
  const hash = createHash('sha1').update(buf).digest('hex').slice(0, 12);
  writeFileSync(join(dir, `${tag}-${hash}`), buf);
  counts[target] = (counts[target] || 0) + 1;
}

// Pieces of at most `max` bytes, cut at line ends (a longer line is cut at a character start);
// none for a target not asked for (max undefined).
function pieces(text, max) {
  if (!max) return [];
  const buf = Buffer.from(text, 'utf8');
  const out = [];
  let start = 0;
  while (start < buf.length) {
    let end = Math.min(start + max, buf.length);
    if (end < buf.length) {
      const nl = buf.lastIndexOf(0x0a, end - 1);
      if (nl >= start) end = nl + 1;
      else while (end > start + 1 && (buf[end] & 0xc0) === 0x80) --end;
    }
    out.push(buf.subarray(start, end));
    start = end;
  }
  return out;
}

// The table sections: from the line starting with 二、 (主动公开) to the one starting with 五、.
function tableSection(text) {
  const lines = text.split('\n');
  const starts = (k) =>
    lines.findIndex((l) => l.replace(/^[\s#*|>]+/, '').startsWith(k));
  const b = starts('二、');
  let e = starts('五、');
  if (b < 0) return '';
  if (e <= b) e = lines.length;
  return lines.slice(b, e).join('\n');
}

function htmlTables(html) {
  const found = [];
  const re = /<table[\s>][\s\S]*?<\/table>/gi;
  let m;
  while ((m = re.exec(html))) found.push(m[0]);
  return found;
}

function encodings(piece) {
  const text = piece.toString('utf8');
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.from(le);
  be.swap16();
  const variants = [
    ['utf8', piece],
    ['utf8bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), piece])],
    ['utf16le', le],
    ['utf16lebom', Buffer.concat([Buffer.from([0xff, 0xfe]), le])],
    ['utf16be', be],
    ['utf16bebom', Buffer.concat([Buffer.from([0xfe, 0xff]), be])],
  ];
  try {
    variants.push(['gb18030', execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: piece })]);
  } catch {
    // a piece cut inside a character, or no iconv: no GB18030 seed for it
  }
  return variants;
}

const texts = reports.map((p) => ({ path: p, text: readFileSync(p, 'utf8'), html: /\.html?$/i.test(p) }));
const options = [
  '{"minSeverity":"warning","ignore":["title-year","section-order"]}\n',
  '{"scope":"excerpt"}\n',
  '{"scope":"full","encoding":"gb18030"}\n',
];

for (const [i, { text, html }] of texts.entries()) {
  const tag = `c${i}`;
  if (html) {
    const head = text.slice(0, text.search(/<\/head>/i) + 7);
    for (const t of [head, ...htmlTables(text)]) {
      for (const p of pieces(t, limits.html)) emit('html', p, tag);
      for (const p of pieces(t, limits.tables)) emit('tables', p, tag);
    }
    for (const p of pieces(text, limits.html)) emit('html', p, tag);
  }
  const section = tableSection(text);
  for (const p of pieces(section, limits.tables)) emit('tables', p, tag);
  for (const p of pieces(section, limits.check)) emit('check', p, `${tag}t`);
  for (const p of pieces(text, limits.check)) emit('check', p, tag);
  for (const p of pieces(text, limits.facts)) emit('facts', p, tag);
  const opt = options[i % options.length];
  const first = pieces(text, (limits.check) - opt.length)[0];
  if (first) emit('check', Buffer.concat([Buffer.from(opt), first]), `${tag}o`);
  for (const p of pieces(text, limits.decode && Math.min(1024, limits.decode - 3)).slice(0, 2)) {
    for (const [name, b] of encodings(p)) emit('decode', b, `${tag}${name}`);
  }
}

// Two consecutive years of the same agency (corpus folders NNN-agency-YEAR): this year's table
// sections, a form feed, last year's, within the main target's max_len.
const byAgency = new Map();
for (const { path, text, html } of texts) {
  const m = /\d+-(.+)-(\d{4})$/.exec(basename(join(path, '..')));
  if (!m || html) continue;
  byAgency.set(`${m[1]}-${m[2]}`, text);
}
for (const [key, text] of byAgency) {
  const m = /(.+)-(\d{4})$/.exec(key);
  const last = byAgency.get(`${m[1]}-${Number(m[2]) - 1}`);
  if (!last || !limits.check) continue;
  const half = Math.floor(limits.check / 2) - 1;
  const a = pieces(tableSection(text) || text, half)[0];
  const b = pieces(tableSection(last) || last, half)[0];
  emit('check', Buffer.concat([a, Buffer.from('\f'), b]), `y${key}`);
}

for (const p of regress) {
  const buf = readFileSync(p);
  for (const target of Object.keys(limits)) emit(target, buf, 'regress');
}
console.log(
  Object.keys(limits)
    .map((t) => `${t}: ${counts[t] || 0}`)
    .join(', '),
);
