/**
 * The program's name comes from package.json (scripts/build/program.mjs, src/program.ts): the
 * `bin` command, else the unscoped package name; the variables' prefix from it.
 */
import {describe, expect, it} from 'vitest';
import {commandName, envPrefix, programOf} from '../../scripts/build/program.mjs';
import {ENV_PREFIX, PROGRAM, programEnv} from '../../src/program';
import {themeChoice} from '../../src/cli/colour';

describe('the program name', () => {
  it('is the bin command, else the package name without its scope', () => {
    expect(commandName({name: 'ada-cv', bin: {'ada-cv': 'bin/kim-resume.js'}})).toBe('ada-cv');
    expect(commandName({name: '@ada/cv', bin: {adacv: 'bin/x.js'}})).toBe('adacv');
    expect(commandName({name: '@ada/cv', bin: 'bin/x.js'})).toBe('cv');
    expect(commandName({name: 'ada-cv'})).toBe('ada-cv');
    expect(() => commandName({})).toThrow(/no name/);
  });

  it('gives the prefix of its variables', () => {
    expect(envPrefix('kim-resume')).toBe('KIM_RESUME_');
    expect(envPrefix('ada-cv')).toBe('ADA_CV_');
    expect(envPrefix('ada.cv--2')).toBe('ADA_CV_2_');
  });

  it('is what the source sees under the test runner, as the build defines it', () => {
    expect({name: PROGRAM, envPrefix: ENV_PREFIX}).toEqual(programOf());
    // The variables read are the prefix's (KIM_RESUME_THEME here: nothing changes for this package).
    expect(programEnv({[`${ENV_PREFIX}THEME`]: 'dark'}, 'THEME')).toBe('dark');
    expect(themeChoice(undefined, {[`${ENV_PREFIX}THEME`]: 'light'})).toBe('light');
    expect(themeChoice(undefined, {THEME: 'light', OTHER_THEME: 'light'})).toBe('auto');
  });
});

describe('npm run rename', () => {
  it('names the package and its one command, keeping the bin file', async () => {
    const {renamed} = await import('../../scripts/rename.mjs');
    expect(renamed({name: 'kim-resume', bin: {'kim-resume': 'bin/kim-resume.js'}, version: '1.0.0'}, 'ada-cv')).toEqual({name: 'ada-cv', bin: {'ada-cv': 'bin/kim-resume.js'}, version: '1.0.0'});
    expect(renamed({name: 'kim-resume', bin: {'kim-resume': 'bin/kim-resume.js'}}, '@ada/cv').bin).toEqual({cv: 'bin/kim-resume.js'});
    expect(() => renamed({name: 'x', bin: 'bin/x.js'}, 'Ada CV')).toThrow(/not a package name/);
    expect(() => renamed({name: 'x'}, 'ada-cv')).toThrow(/no bin/);
  });
});
