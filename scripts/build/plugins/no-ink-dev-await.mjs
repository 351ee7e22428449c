// @ts-check
// Ink's reconciler has two top-level `await`s, both only when DEV=true: it imports its devtools
// module (react-devtools-core and the `ws` WebSocket library, to connect to the standalone React
// DevTools: https://github.com/vadimdemedes/ink#using-react-devtools) and reads its own
// package.json for them. kim-resume never runs in that mode, and a top-level `await` ties the
// bundle to ES modules, while dist/ is run as classic scripts with a V8 code cache
// (src/boot/loader.ts). Both branches are dropped: the module no longer awaits anything, and
// react-devtools-core and ws stay out of the bundle.
import {matchOnce, replaceOnce} from '../guard.mjs';
import {patchSource} from '../patch-source.mjs';

/** @returns {import('esbuild').Plugin} */
export const noInkDevAwait = () =>
  patchSource({
    name: 'no-ink-dev-await',
    file: /[\\/]node_modules[\\/]ink[\\/]build[\\/]reconciler\.js$/,
    label: 'ink/build/reconciler.js',
    patch: (source, where) => {
      const devtools = matchOnce(source, /\nif \(isDev\(\)\) \{\n {4}try \{\n {8}await import\('\.\/devtools\.js'\);[\s\S]*?\n\}\n(?=const diff = )/, where);
      let contents = replaceOnce(source, devtools[0], '\n', where);
      contents = replaceOnce(contents, 'const packageJson = isDev()\n    ? await loadPackageJson()\n    : { name: undefined, version: undefined };', 'const packageJson = { name: undefined, version: undefined };', where);
      return contents;
    },
  });
