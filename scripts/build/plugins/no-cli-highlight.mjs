// @ts-check
// marked-terminal highlights code blocks with cli-highlight, which brings highlight.js (~1.5 MB)
// (https://github.com/mikaelbr/marked-terminal, its `highlight` path). A résumé has no code blocks worth
// highlighting: code is printed as written.
import {stub} from '../paths.mjs';
import {stubImport} from '../stub-import.mjs';

export const noCliHighlight = () => stubImport({name: 'no-cli-highlight', specifier: 'cli-highlight', stub: stub('cli-highlight.ts')});
