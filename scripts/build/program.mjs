// @ts-check
// The program's name, from package.json, for the build (scripts/build/options.mjs `define`) and
// for the tests that run the source (vitest.config.ts): a fork renames its package, and every
// message, folder and environment variable follows (src/program.ts).
import {readFileSync} from 'node:fs';
import {fromRoot} from './paths.mjs';

/**
 * The command a person types: the key of package.json's `bin` when it is an object (the first
 * one), else the package name without its scope (npm's own rule for a `bin` given as a string).
 * @param {{name?: string, bin?: string | Record<string, string>}} pkg
 */
export function commandName(pkg) {
  if (pkg.bin && typeof pkg.bin === 'object') {
    const [first] = Object.keys(pkg.bin);
    if (first) return first;
  }
  const name = String(pkg.name ?? '').replace(/^@[^/]+\//, '');
  if (!name) throw new Error('package.json has no name: the program is named after it');
  return name;
}

/**
 * The prefix of the program's environment variables: the name in capitals, every run of other
 * characters an underscore (`kim-resume` → `KIM_RESUME_`, `ada-cv` → `ADA_CV_`).
 * @param {string} command
 */
export const envPrefix = (command) => `${command.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '')}_`;

/** The name and the prefix of the package at `file` (package.json at the root by default). */
export function programOf(file = fromRoot('package.json')) {
  const pkg = JSON.parse(readFileSync(file, 'utf8'));
  const name = commandName(pkg);
  return {name, envPrefix: envPrefix(name)};
}

/**
 * The esbuild `define` (and vitest's) that fills src/program.ts: JSON text for each constant.
 * @param {{name: string, envPrefix: string}} program
 */
export const programDefine = (program = programOf()) => ({
  __PROGRAM_NAME__: JSON.stringify(program.name),
  __PROGRAM_ENV_PREFIX__: JSON.stringify(program.envPrefix),
});
