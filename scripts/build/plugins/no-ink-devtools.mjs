// @ts-check
// Ink imports its devtools module (which loads react-devtools-core and the `ws` WebSocket library)
// only when DEV=true, to connect to the standalone React DevTools
// (https://github.com/vadimdemedes/ink#using-react-devtools). kim-resume never runs in that mode:
// an empty module takes its place, and with it react-devtools-core and ws stay out.
import {stub} from '../paths.mjs';
import {inPackage, stubImport} from '../stub-import.mjs';

export const noInkDevtools = () => stubImport({name: 'no-ink-devtools', specifier: './devtools.js', from: inPackage('ink'), stub: stub('empty.ts')});
