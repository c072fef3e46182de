// ESLint (flat config): the recommended rules, no-undef included, over the JavaScript of the page,
// the widget, the build scripts, the tests, the CLI helper and the benchmarks. Run: npm run lint
// Each file gets the globals of where it runs: browser, worker, Node.js, or more than one.
import js from '@eslint/js';
import globals from 'globals';

// web/: where each file runs (every other file under web/ runs in the browser's main thread).
const WEB_WORKER = ['web/worker.js', 'web/worker-prelude.js', 'web/pdf/pdf-worker.js', 'web/pdf/pdf-window.js'];
const WEB_SHARED = ['web/pdf/docx.mjs', 'web/pdf/text.mjs', 'web/pdf/layout.mjs', 'web/pdf/files.mjs'];  // browsers and Node.js
const WEB_API = ['web/embed/api.js'];  // browsers (main thread, workers) and Node.js
const WEB_NODE = ['web/build.mjs', 'web/bundler.mjs', 'web/embed/build.mjs', 'web/pdf/bundle.mjs', 'web/pdf/pdfjs-node.mjs'];

export default [
  { ignores: ['build/**', 'build-*/**', 'dist/**', 'node_modules/**'] },
  js.configs.recommended,
  {
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: { 'no-undef': 'error' }
  },
  {
    files: ['web/**/*.js', 'web/**/*.mjs'],
    ignores: [...WEB_WORKER, ...WEB_SHARED, ...WEB_API, ...WEB_NODE],
    languageOptions: { globals: globals.browser }
  },
  { files: WEB_WORKER, languageOptions: { globals: globals.worker } },
  { files: WEB_SHARED, languageOptions: { globals: globals['shared-node-browser'] } },
  { files: WEB_API, languageOptions: { globals: { ...globals.browser, ...globals.worker, ...globals.node } } },
  { files: WEB_NODE, languageOptions: { globals: globals.node } },
  // Node.js: tests, fixtures, scripts, the CLI helper, benchmarks.
  {
    files: ['tests/**/*.mjs', 'scripts/**/*.mjs', 'cli/**/*.mjs', 'benchmark/**/*.mjs', 'eslint.config.mjs'],
    ignores: ['tests/e2e/**', 'benchmark/wasm_chromium.mjs'],
    languageOptions: { globals: globals.node }
  },
  // Browser tests and the Chromium benchmark: Node.js, and functions that run in the page
  // (page.evaluate, page.waitForFunction, addInitScript).
  {
    files: ['tests/e2e/**/*.mjs', 'benchmark/wasm_chromium.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } }
  }
];
