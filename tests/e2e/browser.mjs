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
  } catch (e) {
    console.log('not ok - playwright-core is not installed: run `npm install` at the repository root');
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}
