// @ts-check
// marked-terminal turns `:shortcodes:` into emoji with node-emoji and its ~200 KB table unless
// given `emoji: false` (its `emoji` option: https://github.com/mikaelbr/marked-terminal), which kim-resume
// always gives: the table stays out, shortcodes stay as written.
import {stub} from '../paths.mjs';
import {stubImport} from '../stub-import.mjs';

export const noNodeEmoji = () => stubImport({name: 'no-node-emoji', specifier: 'node-emoji', stub: stub('node-emoji.ts')});
