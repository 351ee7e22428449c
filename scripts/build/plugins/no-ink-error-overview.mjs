// @ts-check
// Ink's ErrorBoundary draws an ErrorOverview with a source excerpt and a cleaned stack
// (code-excerpt, stack-utils: https://github.com/vadimdemedes/ink/blob/master/src/components/ErrorOverview.tsx).
// kim-resume's own boundary (src/ui/components/ErrorBoundary.tsx) catches every rendering error
// first, so Ink's overview is never drawn: a one-line stand-in takes its place.
import {stub} from '../paths.mjs';
import {inPackage, stubImport} from '../stub-import.mjs';

export const noInkErrorOverview = () =>
  stubImport({name: 'no-ink-error-overview', specifier: './ErrorOverview.js', from: inPackage('ink'), stub: stub('ink-error-overview.tsx')});
