// @ts-check
// Ink asks is-in-ci whether it runs in CI and then draws only the last frame, so an interactive
// app looks frozen in a real terminal that merely has CI or CONTINUOUS_INTEGRATION set
// (https://github.com/vadimdemedes/ink/issues/718). kim-resume decides itself whether a person is
// at a terminal (src/cli/mode.ts): is-in-ci answers false.
import {stub} from '../paths.mjs';
import {stubImport} from '../stub-import.mjs';

export const notInCi = () => stubImport({name: 'not-in-ci', specifier: 'is-in-ci', stub: stub('false.ts')});
