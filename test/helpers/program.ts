import {programOf} from '../../scripts/build/program.mjs';

/**
 * The program's name and its variables' prefix, as the build gives them (package.json's `bin`):
 * `kim-resume` and `KIM_RESUME_` here, `ada-cv` and `ADA_CV_` in a fork renamed so. Tests expect
 * the program's words through these, so a fork's `npm test` passes (docs/make-it-yours.md). Read
 * from package.json, not src/program.ts: bench/ runs these helpers outside the test runner too.
 */
export const {name: PROGRAM, envPrefix: ENV_PREFIX} = programOf();

/** The name of one of the program's variables: `programVar('THEME')` is `KIM_RESUME_THEME` here. */
export const programVar = (name: 'THEME' | 'NO_CACHE' | 'TEST_CRASH'): string => `${ENV_PREFIX}${name}`;
