// @ts-check
// Which libraries the bundle patches, and how. Each patch is one plugin in this folder, with the
// reason and its public source at the top of its file. Every one fails the build when the text
// it replaces is missing or repeated (guard.mjs replaceOnce) or when the import or file it
// handles was never met (guard.mjs mustMatch), so a library that changes shape breaks the build,
// never silently the program. Patches of the same file share one load hook (patch-source.mjs). test/unit/bundle.test.ts checks each effect in the built dist/.
//
// | plugin                 | library                 | what changes                                                     |
// | ---------------------- | ----------------------- | ---------------------------------------------------------------- |
// | string-width-cells     | string-width (all)      | every `import 'string-width'` → src/text/string-width.ts         |
// | ink-shared-caches      | ink (build/output.js)   | the line/width caches live across frames, not one frame          |
// | ink-row-memo           | ink (build/output.js)   | a row is drawn again only when what is written on it changed     |
// | ink-compact-rows       | ink (build/output.js)   | blank runs skipped (CUF), neighbouring SGR codes joined          |
// | ink-erase-down         | ink (log-update.js)     | the last frame erased by one move and one erase, not row by row  |
// | ansi-tokenize-same-... | @alcalzone/ansi-tokenize| equal neighbouring styles skip the diff; one style list per run  |
// | ink-sanitize-memo      | ink (sanitize-ansi.js)  | a <Text>'s sanitized string is remembered, not redone per frame  |
// | ink-bounded-text-c...  | ink (measure-, wrap-text)| their caches keep 256 texts, not every text ever (ink#986)      |
// | ansi-tokenize-simple-… | @alcalzone/ansi-tokenize| simple code units are graphemes as they are, not segmenter calls |
// | yoga-wasm-binary       | yoga-layout             | the wasm ships as chunks/yoga.wasm, not base64 in JavaScript     |
// | one-signal-exit-3      | restore-cursor          | its signal-exit 3 import → Ink's identical copy                  |
// | no-ink-dev-await       | ink (reconciler.js)     | its DEV=true top-level awaits dropped: no devtools, no ws        |
// | yoga-sync-start        | yoga-layout             | the wasm instantiated synchronously: no top-level await          |
// | no-ink-error-overview  | ink (./ErrorOverview.js)| one-line stand-in: no stack-utils, no code-excerpt               |
// | no-yargs-completion    | yargs                   | empty completion templates                                       |
// | no-yargs-assert        | yargs (node:assert)     | src/stubs/assert.ts: the two checks yargs makes                  |
// | no-cli-highlight       | marked-terminal         | code printed as written: no highlight.js                         |
// | no-node-emoji          | marked-terminal         | no emoji table (emoji: false is always given)                    |
// | no-cli-table3          | marked-terminal         | rows joined: no cli-table3, no string-width 4                    |
// | not-in-ci              | ink (is-in-ci)          | always false: kim-resume decides interactivity itself            |
// | no-ssh2-natives        | ssh2 (serve only)       | sshcrypto.node and cpu-features throw: the pure-JavaScript path  |
// | ssh2-no-dirname        | ssh2 (poly1305.js)      | no `__dirname` (an ES module has none): its wasm is inline       |
// | ssh2-server-only       | ssh2 (index, keys)      | no client, agent, SFTP, bcrypt-pbkdf: the server alone           |
//
// The stand-in modules are in src/stubs/. React DevTools' own package (react-devtools-core) needs
// no patch: only Ink's devtools module imports it, and no-ink-dev-await drops that import. The
// two await patches (no-ink-dev-await, yoga-sync-start) let dist/ run as classic scripts with a
// V8 code cache (src/boot/loader.ts); build.mjs fails if any top-level await is left.
import {inkOutputMemo} from './ink-output-memo.mjs';
import {inkSanitizeMemo} from './ink-sanitize-memo.mjs';
import {inkCompactRows} from './ink-compact-rows.mjs';
import {noCliHighlight} from './no-cli-highlight.mjs';
import {noCliTable3} from './no-cli-table3.mjs';
import {noInkDevAwait} from './no-ink-dev-await.mjs';
import {noInkErrorOverview} from './no-ink-error-overview.mjs';
import {noNodeEmoji} from './no-node-emoji.mjs';
import {noYargsAssert} from './no-yargs-assert.mjs';
import {noYargsCompletion} from './no-yargs-completion.mjs';
import {noSsh2Natives} from './no-ssh2-natives.mjs';
import {ssh2NoDirname} from './ssh2-no-dirname.mjs';
import {ssh2ServerOnly} from './ssh2-server-only.mjs';
import {oneSignalExit3} from './one-signal-exit-3.mjs';
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
    oneSignalExit3(),
    noInkDevAwait(),
    noInkErrorOverview(),
    noYargsCompletion(),
    noYargsAssert(),
    noCliHighlight(),
    noNodeEmoji(),
    noCliTable3(),
    ...noSsh2Natives(),
    ssh2NoDirname(),
    ...ssh2ServerOnly(),
  ];
}
