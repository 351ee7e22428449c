/**
 * The program's name and the prefix of its environment variables, from package.json at build
 * time (scripts/build/program.mjs: the `bin` command, else the package name), so that a fork
 * renamed in package.json is renamed everywhere it speaks: messages, `--help`, the cache and
 * state folders, the SSH banner, the variables it reads (`kim-resume` → `KIM_RESUME_THEME`,
 * `ada-cv` → `ADA_CV_THEME`). The tests run the source with the same values (vitest.config.ts).
 */
declare const __PROGRAM_NAME__: string;
declare const __PROGRAM_ENV_PREFIX__: string;

/** The command a person types, as the program names itself. */
export const PROGRAM: string = __PROGRAM_NAME__;

/** The prefix of every environment variable the program reads: `${ENV_PREFIX}THEME`. */
export const ENV_PREFIX: string = __PROGRAM_ENV_PREFIX__;

/** One of the program's own environment variables, read from `env`. */
export const programEnv = (env: NodeJS.ProcessEnv, name: 'THEME' | 'NO_CACHE' | 'TEST_CRASH'): string | undefined => env[`${ENV_PREFIX}${name}`];
