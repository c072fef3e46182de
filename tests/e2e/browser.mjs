// Shared by the Chromium test scripts: playwright-core (with a clear message when it is not
// installed), the flags Debian Chromium needs on these machines (toolchain.md §6), and the
// folders the scripts read (NIANBAO_DIST, NIANBAO_CORPUS_DIR).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = process.env.NIANBAO_DIST || join(repo, 'build', 'wasm', 'dist');
export const CORPUS = process.env.NIANBAO_CORPUS_DIR || join(repo, '..', 'shared', 'corpus');

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-sync'];

// playwright-core's chromium, or a failing test report and exit 1 when it is missing.
export async function loadChromium() {
  try {
    return (await import('playwright-core')).chromium;
  } catch {
    console.log('not ok - playwright-core is not installed: run `npm install` at the repository root');
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

// The scripts' test runner: `test(name, fn)` runs one case under a per-test time limit and
// prints `ok - …` / `not ok - …`; `fail(message)` records a failure outside a case; `finish()`
// prints the closing `N passed, N failed` line and exits (1 on any failure). The whole run is
// bounded too: past `totalMs` it reports and exits.
export function createRunner({ testMs, totalMs }) {
  let passed = 0;
  let failed = 0;
  const killer = setTimeout(() => {
    console.log(`not ok - the whole run exceeded ${totalMs / 1000} s`);
    console.log(`${passed} passed, ${failed + 1} failed`);
    process.exit(1);
  }, totalMs);
  const describe = (e) => String((e && e.stack) || e).split('\n').slice(0, 4).join('\n  ');
  return {
    async test(name, fn) {
      let timer;
      try {
        await Promise.race([fn(), new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`timed out after ${testMs} ms`)), testMs);
        })]);
        passed++;
        console.log(`ok - ${name}`);
      } catch (e) {
        failed++;
        console.log(`not ok - ${name}\n  ${describe(e)}`);
      } finally {
        clearTimeout(timer);
      }
    },
    fail(message, e) {
      failed++;
      console.log(`not ok - ${message}${e ? `: ${describe(e)}` : ''}`);
    },
    finish() {
      clearTimeout(killer);
      console.log(`${passed} passed, ${failed} failed`);
      process.exit(failed ? 1 : 0);
    },
  };
}
