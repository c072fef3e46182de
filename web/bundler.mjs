// esbuild for the build scripts (web/build.mjs, web/embed/build.mjs, web/pdf/bundle.mjs): one ES
// module graph in, one script out. esbuild comes from the npm package esbuild-wasm (pure JavaScript
// and WebAssembly: no native binary to install, so `npm install --omit=optional` keeps working).
//
//   const text = await bundle('web/page.js', { format: 'iife', strict: true });
//
// Options:
//   format    'iife' (a classic script: the page, its workers) or 'esm' (an ES module)
//   replace   { absolute path of an imported file: absolute path | { external: 'specifier' } }: an
//             import of that file is bundled from another path (a build output such as the Emscripten
//             glue), or is left as an import of `specifier` (a sibling file of the dist folder)
//   strict    start the script with "use strict" (the modules were strict; an iife is not by itself)
//   banner    comment placed at the top
//   minify, minifyWhitespace, keepNames, define, loader   as in esbuild
// Warnings fail the build, as errors do.
import * as esbuild from 'esbuild-wasm';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';

// Paths in the output's comments are relative to the repository, whatever the working folder.
const repoDir = join(dirname(fileURLToPath(import.meta.url)), '..');

function replacePlugin(replace) {
  return {
    name: 'nianbao-replace',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        const target = replace[resolvePath(args.resolveDir, args.path)];
        if (target === undefined) return undefined;
        if (typeof target === 'object') return { path: target.external, external: true };
        return { path: resolvePath(target) };
      });
    }
  };
}

function describe(messages) {
  return messages.map((m) => {
    const at = m.location ? `${m.location.file}:${m.location.line}:${m.location.column}: ` : '';
    return `${at}${m.text}`;
  }).join('\n');
}

export async function bundle(entry, { format, replace = {}, strict = false, banner = '', minify = false, minifyWhitespace = false, keepNames = false, define, loader } = {}) {
  if (format !== 'iife' && format !== 'esm') throw new Error(`bundle ${entry}: format must be iife or esm`);
  const head = [banner, strict ? '"use strict";' : ''].filter(Boolean).join('\n');
  let result;
  try {
    result = await esbuild.build({
      entryPoints: [resolvePath(entry)],
      absWorkingDir: repoDir,
      bundle: true,
      write: false,
      format,
      platform: 'browser',
      target: 'esnext',             // no syntax lowering: the code runs as written
      charset: 'utf8',              // Chinese strings as they are, not \u escapes
      external: ['node:*'],         // dynamic imports of Node.js modules (API in Node.js only)
      minify,
      minifyWhitespace,
      keepNames,
      define,
      loader,
      banner: head ? { js: head } : undefined,
      plugins: [replacePlugin(replace)],
      logLevel: 'silent'
    });
  } catch (e) {
    throw new Error(`esbuild ${entry}:\n${e.errors ? describe(e.errors) : e.message}`, { cause: e });
  }
  if (result.warnings.length) throw new Error(`esbuild ${entry}: warnings:\n${describe(result.warnings)}`);
  if (result.outputFiles.length !== 1) throw new Error(`esbuild ${entry}: ${result.outputFiles.length} outputs, expected 1`);
  return result.outputFiles[0].text;
}
