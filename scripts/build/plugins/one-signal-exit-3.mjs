// @ts-check
// Ink and restore-cursor (under cli-cursor) each depend on signal-exit 3, and npm installs a copy
// in each one's folder. When the two files are identical, restore-cursor's import goes to Ink's
// copy and the bundle holds one. signal-exit 3 keeps one emitter per process for all its copies
// anyway (`process.__signal_exit_emitter__`: https://github.com/tapjs/signal-exit/blob/v3.0.7/index.js),
// so only the size changes.
import {readFileSync} from 'node:fs';
import {mustMatch} from '../guard.mjs';
import {fromRoot} from '../paths.mjs';

const name = 'one-signal-exit-3';
const INKS_COPY = fromRoot('node_modules/ink/node_modules/signal-exit/index.js');
const RESTORE_CURSOR = /[\\/]node_modules[\\/]restore-cursor[\\/]/;
const OWN = Symbol(name);

/** @returns {import('esbuild').Plugin} */
export const oneSignalExit3 = () => ({
  name,
  setup(build) {
    const hit = mustMatch(build, name, "restore-cursor's import of signal-exit");
    build.onResolve({filter: /^signal-exit$/}, async (args) => {
      if (args.pluginData === OWN || !RESTORE_CURSOR.test(args.importer)) return undefined;
      // Where it would have gone: it must be the same file as Ink's copy.
      const own = await build.resolve(args.path, {kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: OWN});
      if (own.errors.length > 0) return {errors: own.errors};
      let same = false;
      try {
        same = readFileSync(own.path, 'utf8') === readFileSync(INKS_COPY, 'utf8');
      } catch {}
      if (!same) {
        return {errors: [{text: `restore-cursor's signal-exit (${own.path}) is not the same file as Ink's (${INKS_COPY}): update or remove scripts/build/plugins/${name}.mjs`}]};
      }
      hit();
      return {path: INKS_COPY};
    });
  },
});
