// @ts-check
// Ink 6 keeps per-output caches of tokenized lines and widths
// (https://github.com/vadimdemedes/ink/pull/835), but makes a new Output, with new caches, for
// every frame: every line of every frame is tokenized and measured again, most of a key press's
// time here. The caches are shared across frames instead, so a line seen in an earlier frame
// costs nothing; bounded, they are cleared past a few screens of lines.
import {readFileSync} from 'node:fs';
import {mustMatch, replaceOnce} from '../guard.mjs';

const name = 'ink-shared-caches';

const SHARED = `const sharedCaches = new OutputCaches();
function framesCaches() {
    if (sharedCaches.styledChars.size > 400 || sharedCaches.widths.size > 20000) {
        sharedCaches.styledChars.clear();
        sharedCaches.widths.clear();
        sharedCaches.blockWidths.clear();
    }
    return sharedCaches;
}
`;

/** @returns {import('esbuild').Plugin} */
export const inkSharedCaches = () => ({
  name,
  setup(build) {
    const hit = mustMatch(build, name, 'ink/build/output.js');
    build.onLoad({filter: /[\\/]node_modules[\\/]ink[\\/]build[\\/]output\.js$/}, (args) => {
      hit();
      const where = {plugin: name, file: args.path};
      let contents = readFileSync(args.path, 'utf8');
      contents = replaceOnce(contents, 'export default class Output {', `${SHARED}export default class Output {`, where);
      contents = replaceOnce(contents, '    caches = new OutputCaches();', '    caches = framesCaches();', where);
      return {contents, loader: 'js'};
    });
  },
});
