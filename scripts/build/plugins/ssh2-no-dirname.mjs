// @ts-check
// ssh2 reads `__dirname` at load, and an ES module has none ("ReferenceError: __dirname is not
// defined" when the serve chunk loads): lib/protocol/crypto/poly1305.js, an Emscripten build
// with its wasm inline as base64, sets its script directory from it. The directory only serves
// to find a wasm file, and there is none to find: it becomes the empty string (Emscripten's own
// ES module output has no `__dirname` either:
// https://emscripten.org/docs/tools_reference/settings_reference.html#export-es6). The other
// reader, lib/agent.js, is left out by ssh2-server-only.
import {readFileSync} from 'node:fs';
import {mustMatch, replaceOnce} from '../guard.mjs';
import {recordPatch} from '../patch-source.mjs';

const name = 'ssh2-no-dirname';

const PATCHES = [
  {file: /[\\/]node_modules[\\/]ssh2[\\/]lib[\\/]protocol[\\/]crypto[\\/]poly1305\.js$/, label: 'ssh2/lib/protocol/crypto/poly1305.js', from: '__dirname+"/"', to: '""'},
];

/** @returns {import('esbuild').Plugin} */
export const ssh2NoDirname = () => ({
  name,
  setup(build) {
    for (const patch of PATCHES) {
      const hit = mustMatch(build, name, patch.label);
      build.onLoad({filter: patch.file}, (args) => {
        hit();
        recordPatch(build, name, args.path);
        const contents = replaceOnce(readFileSync(args.path, 'utf8'), patch.from, patch.to, {plugin: name, file: args.path});
        return {contents, loader: 'js'};
      });
    }
  },
});
