// @ts-check
// yoga-layout starts its WebAssembly asynchronously and awaits it at the top of its module
// (`wrapAssembly(await loadYoga())`): a top-level `await`, which ties the bundle to ES modules,
// while dist/ is run as classic scripts with a V8 code cache (src/boot/loader.ts). Emscripten lets
// the embedder instantiate the module itself through `Module.instantiateWasm`
// (https://emscripten.org/docs/api_reference/module.html#Module.instantiateWasm); done with the
// synchronous `new WebAssembly.Module` / `new WebAssembly.Instance` from the binary the
// yoga-wasm-binary patch hands over as `wasmBinary`, the runtime is ready when `loadYoga()`
// returns (`calledRun`), and nothing is awaited.
import {replaceOnce} from '../guard.mjs';
import {patchSource} from '../patch-source.mjs';

/** @returns {import('esbuild').Plugin} */
export const yogaSyncStart = () =>
  patchSource({
    name: 'yoga-sync-start',
    file: /[\\/]node_modules[\\/]yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/,
    label: 'yoga-layout/dist/src/index.js',
    patch: (source, where) =>
      replaceOnce(
        source,
        'const Yoga = wrapAssembly(await loadYoga());',
        `let __kimYoga;
loadYoga({
  instantiateWasm(imports, receive) {
    __kimYoga = this;
    const instance = new WebAssembly.Instance(new WebAssembly.Module(this.wasmBinary), imports);
    receive(instance);
    return instance.exports;
  },
});
if (!__kimYoga?.calledRun) throw new Error('yoga-layout did not start synchronously');
const Yoga = wrapAssembly(__kimYoga);`,
        where,
      ),
  });
