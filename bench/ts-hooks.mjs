// @ts-check
// Module customization hooks (https://nodejs.org/docs/latest-v20.x/api/module.html#customization-hooks)
// that let Node 20 load this repository's TypeScript: a `.ts` file is compiled by esbuild's
// transform (types removed, nothing bundled) as it is loaded, and a relative import without an
// extension from one (`./cli`, as TypeScript's bundler resolution allows) finds its `.ts` file.
import {readFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
import {transform} from 'esbuild';

const TS = /\.tsx?$/;
const RELATIVE_WITHOUT_EXTENSION = /^\.{1,2}\/(?:.*\/)?[^./]+$/;

/** @type {import('node:module').ResolveHook} */
export async function resolve(specifier, context, nextResolve) {
  if (context.parentURL && TS.test(context.parentURL) && RELATIVE_WITHOUT_EXTENSION.test(specifier)) {
    for (const candidate of [`${specifier}.ts`, `${specifier}.tsx`, `${specifier}/index.ts`]) {
      try {
        return await nextResolve(candidate, context);
      } catch {}
    }
  }
  return nextResolve(specifier, context);
}

/** @type {import('node:module').LoadHook} */
export async function load(url, context, nextLoad) {
  if (!TS.test(url)) return nextLoad(url, context);
  const path = fileURLToPath(url);
  const {code} = await transform(await readFile(path, 'utf8'), {
    loader: url.endsWith('x') ? 'tsx' : 'ts',
    format: 'esm',
    target: 'node20',
    jsx: 'automatic',
    sourcefile: path,
    sourcemap: 'inline',
  });
  return {format: 'module', source: code, shortCircuit: true};
}
