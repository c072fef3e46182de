// What the core costs beyond time, for scripts/bench.sh's table (JSON on stdout):
//  - memory: peak resident set of `nianbao check --format json FILE` (GNU time's maximum RSS) on
//    report 000 repeated to 1 MB and 10 MB (the input of BM_Scaling), and the WebAssembly heap
//    after check() on the same texts in node (a fresh instance per size: wasm memory only grows,
//    so its size after the call is the peak), each against the bound 4 × input + 16 MiB;
//  - instructions per byte: callgrind's instruction count inside check() and to_json() while the
//    CLI checks every corpus report (--jobs 1), divided by the reports' bytes (stable on a busy
//    machine, unlike times).
//
//   node benchmark/resources.mjs --cli build-bench/nianbao [--wasm-dir build/wasm] [--corpus DIR]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { corpusReports } from './corpus.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const cli = resolve(opt('--cli', join(here, '..', 'build', 'native', 'nianbao')));
const wasmDir = resolve(opt('--wasm-dir', join(here, '..', 'build', 'wasm')));
const corpusDir = resolve(opt('--corpus', process.env.NIANBAO_CORPUS_DIR ?? join(here, '..', '..', 'shared', 'corpus')));
const MiB = 1024 * 1024;
const bound = (bytes) => 4 * bytes + 16 * MiB;

// Report 000 repeated to `size` bytes, cut after a line break and padded with spaces (as
// benchmark/bench_check.cpp's synthetic()).
function synthetic(base, size) {
  let s = base.repeat(Math.ceil(size / base.length) + 1);
  let cut = s.lastIndexOf('\n', size);
  if (cut <= 0) cut = size - 1;
  s = s.slice(0, cut + 1);
  return s + ' '.repeat(size - s.length);
}

const out = { memory: [], instructions: null };
const base = readFileSync(join(corpusDir, '000-xiangxiang-ziranziyuan-2025', 'report.txt'), 'latin1');
const work = mkdtempSync(join(tmpdir(), 'nianbao-resources-'));
try {
  let createNianbao = null;
  if (existsSync(join(wasmDir, 'nianbao.mjs'))) {
    createNianbao = (await import(pathToFileURL(join(wasmDir, 'nianbao.mjs')))).default;
  }
  for (const size of [1_000_000, 10_000_000]) {
    const text = synthetic(base, size);  // latin1 round trip: the bytes as they are
    const file = join(work, `000x${size}.txt`);
    writeFileSync(file, text, 'latin1');
    const row = { bytes: size, bound: bound(size) };
    if (existsSync('/usr/bin/time') && existsSync(cli)) {
      const r = spawnSync('/usr/bin/time', ['-f', '%M', cli, 'check', '--format', 'json', file], { encoding: 'utf8', maxBuffer: 256 * MiB });
      const kb = Number(r.stderr.trim().split('\n').pop());
      if (Number.isFinite(kb)) row.nativePeakBytes = kb * 1024;
    }
    if (createNianbao) {
      const m = await createNianbao({ wasmBinary: readFileSync(join(wasmDir, 'nianbao.wasm')) });
      const before = m.HEAP8.length;
      m.check(Buffer.from(text, 'latin1').toString('utf8'), '{}');
      row.wasmStartBytes = before;
      row.wasmPeakBytes = m.HEAP8.length;
    }
    out.memory.push(row);
  }

  // Instructions inside check() and to_json() over the corpus, one report after another.
  const valgrind = spawnSync('valgrind', ['--version'], { encoding: 'utf8' });
  if (valgrind.status === 0 && existsSync(cli)) {
    const reports = corpusReports(corpusDir);
    const folder = join(work, 'corpus');
    execFileSync('mkdir', ['-p', folder]);
    let bytes = 0;
    reports.forEach((name, i) => {
      const path = join(corpusDir, name);
      symlinkSync(path, join(folder, `${String(i).padStart(3, '0')}.${name.split('.').pop()}`));
      bytes += readFileSync(path).length;
    });
    const outFile = join(work, 'callgrind.out');
    spawnSync('valgrind', ['--tool=callgrind', `--callgrind-out-file=${outFile}`,
      '--toggle-collect=nianbao::check(*', '--toggle-collect=nianbao::to_json(*',
      cli, 'check', '--jobs', '1', '--format', 'json', folder], { encoding: 'utf8', maxBuffer: 256 * MiB });
    const summary = existsSync(outFile) ? /^summary:\s+(\d+)/m.exec(readFileSync(outFile, 'utf8')) : null;
    if (summary) {
      const ir = Number(summary[1]);
      out.instructions = { reports: reports.length, bytes, instructions: ir, perByte: ir / bytes };
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(JSON.stringify(out, null, 1));
