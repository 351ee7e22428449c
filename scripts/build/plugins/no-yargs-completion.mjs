// @ts-check
// yargs carries bash and zsh completion scripts for `.completion()`
// (https://yargs.js.org/docs/#api-reference-completioncmd-description-fn). kim-resume never offers
// completion: empty templates take their place.
import {stub} from '../paths.mjs';
import {inPackage, stubImport} from '../stub-import.mjs';

export const noYargsCompletion = () =>
  stubImport({name: 'no-yargs-completion', specifier: './completion-templates.js', from: inPackage('yargs'), stub: stub('yargs-completion-templates.ts')});
