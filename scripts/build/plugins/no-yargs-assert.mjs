// @ts-check
// yargs' ESM platform shim imports node:assert for two sanity checks (strictEqual,
// notStrictEqual: https://github.com/yargs/yargs/blob/main/lib/platform-shims/esm.mjs). Loading
// node:assert, with its error formatting, costs about 15 ms of every start that parses arguments;
// src/stubs/assert.ts gives the same two checks. Only yargs' import is replaced: signal-exit 3
// (under Ink) uses more of node:assert.
import {stub} from '../paths.mjs';
import {inPackage, stubImport} from '../stub-import.mjs';

export const noYargsAssert = () => stubImport({name: 'no-yargs-assert', specifier: 'assert', from: inPackage('yargs'), stub: stub('assert.ts')});
