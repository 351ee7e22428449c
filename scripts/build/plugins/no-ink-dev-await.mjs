// @ts-check
// Ink's reconciler has two top-level `await`s, both only when DEV=true: it imports its devtools
// module (react-devtools-core and the `ws` WebSocket library, to connect to the standalone React
// DevTools: https://github.com/vadimdemedes/ink#using-react-devtools) and reads its own
// package.json for the DevTools' renderer name. kim-resume never runs in that mode, and a
// top-level `await` ties the bundle to ES modules, while dist/ is run as classic scripts with a
// V8 code cache (src/boot/loader.ts). Both branches are dropped (Ink 8.0 shape): the module no
// longer awaits anything, and react-devtools-core and ws stay out of the bundle.
import {matchOnce, replaceOnce} from '../guard.mjs';
import {patchSource} from '../patch-source.mjs';

/** @returns {import('esbuild').Plugin} */
export const noInkDevAwait = () =>
  patchSource({
    name: 'no-ink-dev-await',
    file: /[\\/]node_modules[\\/]ink[\\/]build[\\/]reconciler\.js$/,
    label: 'ink/build/reconciler.js',
    patch: (source, where) => {
      const devtools = matchOnce(source, /\nif \(process\.env\['DEV'\] === 'true'\) \{\n {4}\/\/ Intentionally no warning[\s\S]*?await import\('\.\/devtools\.js'\);\n {4}\}\n\}\n(?=const diff = )/, where);
      let contents = replaceOnce(source, devtools[0], '\n', where);
      const packageJson = matchOnce(contents, /\nif \(process\.env\['DEV'\] === 'true'\) \{\n {4}try \{\n {8}const loaded = await loadPackageJson\(\);[\s\S]*?\n\}\n(?=\/\/ eslint-disable-next-line @eslint-react)/, where);
      contents = replaceOnce(contents, packageJson[0], '\n', where);
      return contents;
    },
  });
