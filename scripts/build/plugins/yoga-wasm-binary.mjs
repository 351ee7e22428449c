// @ts-check
// yoga-layout ships its WebAssembly as a base64 string inside JavaScript (~95 KB that gzip barely
// shrinks, decoded at every start; see https://github.com/facebook/yoga/pull/1793). The bundle
// ships the binary instead, beside the chunk that holds yoga, and hands it to Emscripten as
// `wasmBinary` (https://emscripten.org/docs/api_reference/module.html#Module.wasmBinary): a
// smaller package, and no base64 decoding at start-up. It is compressed as the chunks are
// (../packed.mjs): yoga.wasm.br, 25 kB against 29 kB gzipped; decompressed in ~0.3 ms.
import {readFileSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {matchOnce, mustMatch, replaceOnce} from '../guard.mjs';
import {pack, SINGLE_SUFFIX} from '../packed.mjs';
import {recordPatch} from '../patch-source.mjs';

const name = 'yoga-wasm-binary';
const YOGA = /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/;

/** @returns {import('esbuild').Plugin} */
export const yogaWasmBinary = () => ({
  name,
  setup(build) {
    const hit = mustMatch(build, name, 'yoga-layout/dist/binaries/yoga-wasm-base64-esm.js');
    // The chunk that holds yoga is found in the metafile, to write the binary beside it.
    build.initialOptions.metafile = true;
    /** @type {Buffer | undefined} */
    let wasm;
    build.onStart(() => {
      wasm = undefined;
    });
    build.onLoad({filter: YOGA}, (args) => {
      hit();
      recordPatch(build, name, args.path);
      const where = {plugin: name, file: args.path};
      let contents = readFileSync(args.path, 'utf8');
      const base64 = matchOnce(contents, /H="data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/, where);
      wasm = Buffer.from(/** @type {string} */ (base64[1]), 'base64');
      contents = replaceOnce(contents, base64[0], 'H="data:application/octet-stream;base64,"', where);
      contents = replaceOnce(
        contents,
        'export default loadYoga;',
        "import {readFileSync as __kimReadFile} from 'node:fs';\nimport {brotliDecompressSync as __kimUnpack} from 'node:zlib';\n" +
          `export default (options = {}) => loadYoga({...options, wasmBinary: __kimUnpack(__kimReadFile(new URL('./yoga.wasm${SINGLE_SUFFIX}', import.meta.url)))});`,
        where,
      );
      return {contents, loader: 'js'};
    });
    build.onEnd((result) => {
      if (result.errors.length > 0 || !wasm) return;
      const outputs = Object.entries(result.metafile?.outputs ?? {}).filter(([, out]) => Object.keys(out.inputs).some((input) => YOGA.test(input)));
      if (outputs.length !== 1) return {errors: [{pluginName: name, text: `expected yoga in one output file, found it in ${outputs.length}`}]};
      const [chunk] = /** @type {[string, unknown]} */ (outputs[0]);
      writeFileSync(join(build.initialOptions.absWorkingDir ?? process.cwd(), dirname(chunk), `yoga.wasm${SINGLE_SUFFIX}`), pack(wasm, 'generic'));
    });
  },
});
