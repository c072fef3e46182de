#!/usr/bin/env node
// nianbao for report files: PDF, Word (.docx), HTML. Reads the file with the same JavaScript the page
// uses (web/pdf/: pdf.js text positions → table rows; .docx tables with merged cells expanded), then
// hands the recovered text to the native `nianbao check -`, so output, options and exit codes are
// exactly those of the native command. Text files go straight to the native command.
//
//   node cli/nianbao-file.mjs check [--format json] [--lang en] [...] report.pdf
//   node cli/nianbao-file.mjs extract report.pdf        # print the recovered text (what is checked)
//   node cli/nianbao-file.mjs serve                     # batch server for the native CLI (below)
//
// The native binary: $NIANBAO_CLI, else build/native/nianbao, else `nianbao` on PATH. The native
// `nianbao check report.pdf|report.docx` runs this script itself (cli/documents.hpp), with
// NIANBAO_CLI set to its own path.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFileNode } from '../web/pdf/pdfjs-node.mjs';
import { sniffKind } from '../web/pdf/files.mjs';

const here = dirname(fileURLToPath(import.meta.url));

function nativeCli() {
  if (process.env.NIANBAO_CLI) return process.env.NIANBAO_CLI;
  const local = join(here, '..', 'build', 'native', 'nianbao');
  return existsSync(local) ? local : 'nianbao';
}

function havePdfjs() {
  try {
    createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.mjs');
    return true;
  } catch {
    return false;
  }
}

// Server mode: the native `nianbao check` of many files (cli/extractor.hpp) starts this once per
// batch and sends every PDF and .docx through it, so pdf.js is loaded once. Both directions are
// length-prefixed: a request is a JSON line {"name","bytes"} followed by that many bytes of the
// file; the answer a JSON line {"ok":true,"kind","pages","emptyPages","bytes"} followed by that many
// bytes of UTF-8 text, or {"ok":false,"code","message","message_en"}. Requests are answered one at
// a time, in order; the process ends when its standard input does.
function serve() {
  const write = (data) => new Promise((resolve, reject) => {
    process.stdout.write(data, (e) => (e ? reject(e) : resolve()));
  });
  const answer = async (name, bytes) => {
    try {
      if (sniffKind(bytes, name) === 'pdf' && !havePdfjs()) {
        const where = join(here, '..');
        return write(JSON.stringify({
          ok: false, code: 'unsupported',
          message: `读取 PDF 需要 npm 包 pdfjs-dist：请在 ${where} 运行 npm install（reading PDF files needs pdfjs-dist）`,
          message_en: `reading PDF files needs the npm package pdfjs-dist: run npm install in ${where}`
        }) + '\n');
      }
      const f = await extractFileNode(bytes, name);
      const text = Buffer.from(f.text, 'utf8');
      await write(JSON.stringify({
        ok: true, kind: f.kind, pages: f.pages ?? null, emptyPages: f.emptyPages || [], bytes: text.length
      }) + '\n');
      return write(text);
    } catch (e) {
      const known = e && e.code && typeof e.message === 'string' && e.message_en !== undefined;
      const msg = known ? e.message : String((e && e.stack) || e);
      return write(JSON.stringify({
        ok: false, code: (e && e.code) || 'error', message: msg, message_en: known ? e.message_en : msg
      }) + '\n');
    }
  };
  return new Promise((resolve) => {
    let chain = Promise.resolve();
    let head = Buffer.alloc(0);  // the part of a request line read so far
    let request = null;          // {name, body, filled} while its bytes arrive
    const take = (chunk) => {
      while (chunk.length) {
        if (!request) {
          const nl = chunk.indexOf(10);
          if (nl < 0) { head = Buffer.concat([head, chunk]); return; }
          const line = Buffer.concat([head, chunk.subarray(0, nl)]).toString('utf8');
          head = Buffer.alloc(0);
          chunk = chunk.subarray(nl + 1);
          let h;
          try { h = JSON.parse(line); } catch { h = null; }
          if (!h || !Number.isInteger(h.bytes) || h.bytes < 0) {
            process.stderr.write(`nianbao-file.mjs serve: bad request line: ${line.slice(0, 200)}\n`);
            process.exit(2);
          }
          request = { name: String(h.name || ''), body: new Uint8Array(h.bytes), filled: 0 };
        }
        const n = Math.min(chunk.length, request.body.length - request.filled);
        request.body.set(chunk.subarray(0, n), request.filled);
        request.filled += n;
        chunk = chunk.subarray(n);
        if (request.filled === request.body.length) {
          const { name, body } = request;
          request = null;
          chain = chain.then(() => answer(name, body));
        }
      }
    };
    process.stdin.on('data', take);
    process.stdin.on('end', () => { chain.then(resolve, resolve); });
  }).then(() => 0);
}

const VALUE_OPTS = new Set(['--format', '--ignore', '--min-severity', '--lang', '--previous', '--scope']);

function usage() {
  return [
    '用法 usage: nianbao-file.mjs check [选项 options] FILE',
    '            nianbao-file.mjs extract FILE   （输出从文件中读出的文本 / print the recovered text）',
    'FILE: .pdf、.docx、.html/.htm 或文本文件（text file）。选项同 nianbao check（options as for nianbao check）。'
  ].join('\n');
}

async function main(argv) {
  const cmd = argv[0];
  if (!cmd || cmd === '--help' || cmd === '-h') { console.log(usage()); return 0; }
  if (cmd === 'serve') return serve();
  if (cmd !== 'check' && cmd !== 'extract') {
    // everything else (rules, --version, ...) is the native command's business
    return spawnSync(nativeCli(), argv, { stdio: 'inherit' }).status ?? 2;
  }
  const opts = [];
  const files = [];
  let en = false;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (VALUE_OPTS.has(a)) {
      opts.push(a, argv[i + 1]);
      if (a === '--lang' && argv[i + 1] === 'en') en = true;
      i++;
    } else if (/^--(format|ignore|min-severity|lang|previous|scope)=/.test(a)) {
      opts.push(a);
      if (a === '--lang=en') en = true;
    } else if (a.startsWith('-') && a !== '-') {
      opts.push(a);
    } else {
      files.push(a);
    }
  }
  if (files.length !== 1) { console.error(usage()); return 2; }
  const file = files[0];
  if (file === '-') {
    if (cmd === 'extract') { console.error(usage()); return 2; }
    return spawnSync(nativeCli(), ['check', ...opts, '-'], { stdio: 'inherit' }).status ?? 2;
  }
  let bytes;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    if (cmd === 'check') return spawnSync(nativeCli(), ['check', ...opts, file], { stdio: 'inherit' }).status ?? 2;
    console.error(`nianbao: ${file}: ${e.message}`);
    return 2;
  }
  const kind = sniffKind(bytes, file);
  if (kind === 'text' && cmd === 'check') {
    // the native command decodes text files itself (UTF-8, UTF-16, GB18030)
    return spawnSync(nativeCli(), ['check', ...opts, file], { stdio: 'inherit' }).status ?? 2;
  }
  if (kind === 'pdf' && !havePdfjs()) {
    console.error(en
      ? `nianbao: ${file}: reading PDF files needs the npm package pdfjs-dist: run npm install in ${join(here, '..')}`
      : `nianbao: ${file}: 读取 PDF 需要 npm 包 pdfjs-dist：请在 ${join(here, '..')} 运行 npm install（reading PDF files needs pdfjs-dist）`);
    return 2;
  }
  let f;
  try {
    f = await extractFileNode(new Uint8Array(bytes), file);
  } catch (e) {
    const msg = e && e.code ? (en ? e.message_en : e.message) : String((e && e.stack) || e);
    console.error(`nianbao: ${file}: ${msg}`);
    return 2;
  }
  if (f.emptyPages && f.emptyPages.length) {
    console.error(en ? `nianbao: ${file}: page(s) ${f.emptyPages.join(', ')} have no text layer (scanned?); not checked`
      : `nianbao: ${file}: 第 ${f.emptyPages.join(', ')} 页没有文字层（扫描件？），未核验`);
  }
  if (cmd === 'extract') { process.stdout.write(f.text); return 0; }
  const r = spawnSync(nativeCli(), ['check', ...opts, '-'], { input: f.text, maxBuffer: 256 * 1024 * 1024 });
  if (r.error) {
    console.error(`nianbao: ${nativeCli()}: ${r.error.code === 'ENOENT'
      ? '找不到原生命令 nianbao：请先构建 build/native，或设置 NIANBAO_CLI（native command not found: build build/native or set NIANBAO_CLI）'
      : r.error.message}`);
    return 2;
  }
  const json = opts.some((o, i) => o === '--format=json' || (o === '--format' && opts[i + 1] === 'json'));
  // the text report names the file, not standard input
  process.stdout.write(json ? r.stdout : r.stdout.toString('utf8').replace(/^<stdin>(?=[:：])/gm, file));
  // messages about the input name the file, not standard input
  process.stderr.write(r.stderr.toString('utf8').replace(/^nianbao: -:/gm, `nianbao: ${file}:`));
  return r.status ?? 2;
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (e) => {
  console.error(`nianbao: ${(e && e.stack) || e}`);
  process.exitCode = 2;
});
