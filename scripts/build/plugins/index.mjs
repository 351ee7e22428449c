// @ts-check
// Which libraries the bundle patches, and how: each patch is one plugin in this folder, with the
// reason and its public source at the top of its file. The list, what each buys (with the figure
// and the command that measures it) and the patches removed on the move to Ink 8:
// scripts/build/plugins/README.md. Every patch fails the build when the text it replaces is
// missing or repeated, or when the file it handles was never met (guard.mjs); the two await
// patches (no-ink-dev-await, yoga-sync-start) let dist/ run as classic scripts with a V8 code
// cache (src/boot/loader.ts), and build.mjs fails if any top-level await is left.
import {francLanguages} from './franc-languages.mjs';
import {inkOutputMemo} from './ink-output-memo.mjs';
import {inkSanitizeMemo} from './ink-sanitize-memo.mjs';
import {inkCompactRows} from './ink-compact-rows.mjs';
import {linebreakTrie} from './linebreak-trie.mjs';
import {noCliHighlight} from './no-cli-highlight.mjs';
import {noCliTable3} from './no-cli-table3.mjs';
import {noInkDevAwait} from './no-ink-dev-await.mjs';
import {noInkErrorOverview} from './no-ink-error-overview.mjs';
import {noNodeEmoji} from './no-node-emoji.mjs';
import {noYargsAssert} from './no-yargs-assert.mjs';
import {noYargsCompletion} from './no-yargs-completion.mjs';
import {noSsh2Natives} from './no-ssh2-natives.mjs';
import {ssh2NoChacha} from './ssh2-no-chacha.mjs';
import {ssh2KeepNames} from './ssh2-keep-names.mjs';
import {ssh2ServerOnly} from './ssh2-server-only.mjs';
import {stringWidthCells} from './string-width-cells.mjs';
import {yogaSyncStart} from './yoga-sync-start.mjs';
import {yogaWasmBinary} from './yoga-wasm-binary.mjs';

/**
 * The product's patches, made fresh for one build (each counts what it met). For measuring a
 * patch, and only for that, KIM_RESUME_BUILD_WITHOUT=name[,name] leaves patches out:
 * `KIM_RESUME_BUILD_WITHOUT=ink-sanitize-memo npm run bench -- --only latency` gives the figure
 * without it, to hold against a run with it (scripts/build/plugins/README.md).
 */
export function productPlugins() {
  const without = new Set((process.env.KIM_RESUME_BUILD_WITHOUT ?? '').split(',').filter(Boolean));
  const plugins = allPlugins();
  const unknown = [...without].filter((name) => !plugins.some((p) => p.name === name));
  if (unknown.length > 0) throw new Error(`KIM_RESUME_BUILD_WITHOUT: no such patch: ${unknown.join(', ')}`);
  return plugins.filter((p) => !without.has(p.name));
}

function allPlugins() {
  return [
    stringWidthCells(),
    inkOutputMemo(),
    inkCompactRows(),
    inkSanitizeMemo(),
    yogaWasmBinary(),
    yogaSyncStart(),
    noInkDevAwait(),
    noInkErrorOverview(),
    noYargsCompletion(),
    noYargsAssert(),
    noCliHighlight(),
    noNodeEmoji(),
    noCliTable3(),
    ...noSsh2Natives(),
    ssh2NoChacha(),
    ssh2KeepNames(),
    ...ssh2ServerOnly(),
    ...francLanguages(),
    ...linebreakTrie(),
  ];
}
