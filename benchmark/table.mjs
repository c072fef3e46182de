// Prints the one benchmark table of scripts/bench.sh (markdown) from the JSON of the native
// benchmark (Google Benchmark), benchmark/wasm_node.mjs and benchmark/wasm_chromium.mjs, plus the
// bundle sizes read from the wasm build folder.
//   node benchmark/table.mjs --native N.json [--node N.json] [--chromium C.json] [--wasm-dir DIR]
//     [--resources R.json] [--fuzz F.json] [--batch B.jsonl]
// (resources: benchmark/resources.mjs, memory and instructions per byte; fuzz: scripts/fuzz.sh's
// build-fuzz/fuzz-summary.json; batch: benchmark/batch.sh's rows with BATCH_JSON.)
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : null;
};
const readJson = (p) => (p && existsSync(p) && statSync(p).size > 0 ? JSON.parse(readFileSync(p, 'utf8')) : null);
const native = readJson(opt('--native'));
const node = readJson(opt('--node'));
const chromium = readJson(opt('--chromium'));
const wasmDir = opt('--wasm-dir');
const resources = readJson(opt('--resources'));
const fuzz = readJson(opt('--fuzz'));
const batchPath = opt('--batch');
const batch = batchPath && existsSync(batchPath)
  ? readFileSync(batchPath, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
if (!native) {
  console.error('table: no native results');
  process.exit(1);
}

const toUs = (b, t) => t * { ns: 1e-3, us: 1, ms: 1e3, s: 1e6 }[b.time_unit];
// Median aggregates when the benchmark ran with repetitions, else the single run.
const nat = {};
for (const b of native.benchmarks) {
  if (b.run_type === 'aggregate' && b.aggregate_name !== 'median') continue;
  const name = b.run_name ?? b.name;
  if (!name.startsWith('BM_')) continue;
  nat[name] = { cpuUs: toUs(b, b.cpu_time), realUs: toUs(b, b.real_time), bytes: b.bytes };
}
const fmtUs = (us) => (us == null ? '–' : us >= 10000 ? `${(us / 1000).toFixed(1)} ms` : us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(0)} µs`);
const mbs = (bytes, us) => (us ? `${(bytes / us).toFixed(1)} MB/s` : '–');  // bytes/µs = MB/s
const ratio = (a, b) => (a && b ? `${(a / b).toFixed(1)}×` : '–');
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const ok = (cond) => (cond == null ? '' : cond ? ' ✅' : ' ❌');

const rows = [];
const row = (...cells) => rows.push(`| ${cells.join(' | ')} |`);
console.log('| measurement | input | native (CPU) | native MB/s | WASM node (CPU) | WASM Chromium | Chromium / native | target |');
console.log('|---|---:|---:|---:|---:|---:|---:|---|');

let sumBytes = 0, sumNat = 0, sumNode = 0, sumChr = 0, nNode = 0, nChr = 0, worstRatio = 0;
const names = Object.keys(nat).filter((n) => n.startsWith('BM_Corpus/')).map((n) => n.slice('BM_Corpus/'.length));
for (const name of names) {
  const n = nat[`BM_Corpus/${name}`];
  const nd = node?.results?.[name];
  const ch = chromium?.results?.[name];
  sumBytes += n.bytes;
  sumNat += n.cpuUs;
  if (nd) { sumNode += nd.us; ++nNode; }
  if (ch) { sumChr += ch.us; ++nChr; worstRatio = Math.max(worstRatio, ch.us / n.cpuUs); }
  row(name, `${n.bytes} B`, fmtUs(n.cpuUs), mbs(n.bytes, n.cpuUs), fmtUs(nd?.us), fmtUs(ch?.us), ratio(ch?.us, n.cpuUs), '');
}
const natMbs = sumBytes / sumNat;
const chrRatio = nChr === names.length ? sumChr / sumNat : null;
row(`**corpus, all ${names.length} reports**`, `${kb(sumBytes)}`, fmtUs(sumNat), `**${natMbs.toFixed(1)} MB/s**`,
    nNode === names.length ? fmtUs(sumNode) : '–', nChr === names.length ? fmtUs(sumChr) : '–',
    chrRatio ? `**${chrRatio.toFixed(1)}×** (worst ${worstRatio.toFixed(1)}×)` : '–',
    `native ≥ 100 MB/s${ok(natMbs >= 100)}; Chromium ≤ 2× native${ok(chrRatio == null ? null : chrRatio <= 2)}`);
if (nNode === names.length) {
  row('WASM in node / native, whole corpus (CPU time both)', '', '', '', '', '', `${(sumNode / sumNat).toFixed(1)}×`, '');
}
if (resources?.instructions) {
  const ins = resources.instructions;
  row(`instructions per byte, check() + to_json() (callgrind, ${ins.reports} reports)`, `${kb(ins.bytes)}`,
      `${(ins.instructions / 1e6).toFixed(1)} M instr.`, `${ins.perByte.toFixed(0)} instr./byte`, '', '', '', '');
}

// Scaling series: time per byte should stay flat.
const scaling = Object.keys(nat).filter((n) => /^BM_Scaling\/\d+$/.test(n))
  .sort((a, b) => Number(a.split('/')[1]) - Number(b.split('/')[1]));
for (const s of scaling) {
  const n = nat[s];
  row(`scaling: report 000 repeated`, `${(Number(s.split('/')[1]) / 1000).toLocaleString('en')} KB`, fmtUs(n.cpuUs), mbs(n.bytes, n.cpuUs), '', '', '', '');
}
if (scaling.length >= 2) {
  const a = nat[scaling[scaling.length - 2]], b = nat[scaling[scaling.length - 1]];
  const growth = (b.cpuUs / b.bytes) / (a.cpuUs / a.bytes);
  const big = native.benchmarks.find((x) => x.name === 'BM_Scaling_BigO');
  row('scaling: time per byte, 10 MB vs 1 MB', '', `${growth.toFixed(2)}×`, '', '', '', '',
      `linear (≈1×)${ok(growth < 1.5)}${big ? `; fit ${big.big_o}` : ''}`);
}

// Memory: peak at 1 MB and 10 MB against 4 × input + 16 MiB.
const mib = (n) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
for (const m of resources?.memory ?? []) {
  const label = `${(m.bytes / 1e6).toFixed(0)} MB (000 repeated)`;
  if (m.nativePeakBytes != null) {
    row('memory: peak RSS of `nianbao check --format json`', label, mib(m.nativePeakBytes), `${(m.nativePeakBytes / m.bytes).toFixed(1)} × input`, '', '', '',
        `≤ 4 × input + 16 MiB = ${mib(m.bound)}${ok(m.nativePeakBytes <= m.bound)}`);
  }
  if (m.wasmPeakBytes != null) {
    row('memory: WebAssembly heap after check() (node, fresh instance)', label, '', '', mib(m.wasmPeakBytes), '', `${(m.wasmPeakBytes / m.bytes).toFixed(1)} × input`,
        `≤ ${mib(m.bound)}${ok(m.wasmPeakBytes <= m.bound)} (heap at start ${mib(m.wasmStartBytes)})`);
  }
}

// Fuzzing: executions per second per target (scripts/fuzz.sh, ASan + UBSan + libFuzzer).
for (const f of Array.isArray(fuzz) ? fuzz : []) {
  row(`fuzzing: nianbao_fuzz_${f.target}`, `max_len ${f.max_len}`, `${f.executions.toLocaleString('en')} runs in ${f.seconds} s`, '', '', '',
      `${f.exec_per_sec.toLocaleString('en')} exec/s`, f.target === 'check' ? `≥ 1,000 exec/s${ok(f.exec_per_sec >= 1000)}; crashes ${f.crashes}` : `crashes ${f.crashes}`);
}

// The batch CLI (benchmark/batch.sh): reports per second, ms per PDF.
for (const b of batch) {
  const perS = b.wallS > 0 ? b.files / b.wallS : 0;
  const pdf = /^PDF/.test(b.label);
  row(`batch CLI: ${b.label}`, `${b.files.toLocaleString('en')} files`, `${b.wallS.toFixed(2)} s wall, ${b.cpuS.toFixed(2)} s CPU`,
      pdf ? `${(1000 * b.wallS / b.files).toFixed(0)} ms per PDF` : `${perS.toFixed(0)} reports/s`, '', '', '',
      `peak RSS ${(b.peakRssKiB / 1024).toFixed(1)} MiB${pdf && /one node process/.test(b.label) ? `; ≤ 300 ms per PDF${ok(1000 * b.wallS / b.files <= 300)}` : ''}`);
}

// Bundle sizes.
if (wasmDir) {
  const files = [['nianbao.wasm', null], ['nianbao.mjs', null], ['nianbao.single.js', null], ['dist/nianbao.html', null]];
  for (const [f, limit] of files) {
    const p = join(wasmDir, f);
    if (!existsSync(p)) { row(`bundle: ${f}`, 'absent', '', '', '', '', '', ''); continue; }
    const raw = readFileSync(p);
    const gz = gzipSync(raw, { level: 9 }).length;
    row(`bundle: ${f}`, `${kb(raw.length)} raw`, '', '', '', `${kb(gz)} gzip -9`, '',
        limit ? `≤ ${kb(limit)} gzip${ok(gz <= limit)}` : f === 'dist/nianbao.html' ? 'the whole file, with the inert pdf.js payload (what loads: the page rows below)' : '');
  }
}

// Chromium: navigation -> ready, round trip.
const pg = chromium?.page;
if (pg?.skipped) row('Chromium: navigation → ready', 'skipped', '', '', '', pg.skipped, '', '≤ 300 ms');
else if (pg) {
  if (pg.parsedAtLoadGzip != null) {
    const b = pg.bytes;
    row('page: parsed at load (all of nianbao.html but the inert pdf.js payload)', `${kb(b.atLoad.raw)} raw`, '', '', '', `${kb(b.atLoad.gzip)} gzip -9`, '',
        `≤ 200 KB gzip${ok(b.atLoad.gzip <= 200 * 1000)}; of it wasm ${kb(b.wasm.gzip)}, worker ${kb(b.worker.gzip)}, page script ${kb(b.page.gzip)}, CSS ${kb(b.style.gzip)}`);
    row('page: pdf.js payload (unpacked on the first PDF)', `${kb(b.pdfjs.raw)} raw`, '', '', '', `${kb(b.pdfjs.gzip)} gzip -9`, '', '');
  }
  if (pg.readyWarmMedianMs != null) row('Chromium: navigation → ready, file://, target', '', '', '', '', `${pg.readyWarmMedianMs.toFixed(0)} ms warm, ${pg.readyFirstMs.toFixed(0)} ms first`, '', `≤ 100 ms warm${ok(pg.readyWarmMedianMs <= 100)}`);
  for (const [name, p] of Object.entries(pg.pdf ?? {})) {
    if (p?.firstMs == null) continue;
    row(`Chromium: PDF dropped → findings shown`, `${name.slice(0, 3)} source.pdf`, '', '', '', `${p.firstMs.toFixed(0)} ms first, ${p.afterMs.toFixed(0)} ms after`, '',
        `≤ 600 ms first${ok(p.firstMs <= 600)}, ≤ 200 ms after${ok(p.afterMs <= 200)}`);
  }
  if (pg.roundTripMs != null) row('Chromium: page → worker → page, report 000', names[0] ? `${nat[`BM_Corpus/${names[0]}`].bytes} B` : '', '', '', '', `${pg.roundTripMs.toFixed(1)} ms`, '', '');
}
if (node?.instantiateMs != null) row('node: instantiate the module', '', '', '', `${node.instantiateMs.toFixed(0)} ms`, '', '', '');
console.log(rows.join('\n'));
