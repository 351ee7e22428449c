import {spawnSync, type SpawnSyncReturns} from 'node:child_process';
import {delimiter, dirname, join} from 'node:path';
import {REPO_ROOT} from './fixtures';

/** The built program, as npm installs it. Build first (`npm run build`; `npm test` does). */
export const BIN = join(REPO_ROOT, 'bin', 'kim-resume.js');

const otherNode = process.env.KIM_RESUME_TEST_NODE;
/**
 * The Node that runs the program under test: `KIM_RESUME_TEST_NODE` (the path of a node binary;
 * scripts/node-lines.mjs sets it to each supported Node line's), else the one running the tests.
 * The test runner itself stays on its own Node (node-pty is built for it).
 */
export const NODE = otherNode || process.execPath;
/**
 * PATH for the programs tests start: with another Node chosen, its folder first, so that what
 * they start by name (`npx`, `npm`, an installed bin's `#!/usr/bin/env node`) runs on it too.
 */
export const TEST_PATH = otherNode ? `${dirname(otherNode)}${delimiter}${process.env.PATH ?? ''}` : (process.env.PATH ?? '');

/** The environment of a plain shell: none of the variables that switch colors or Node options. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {...process.env, PATH: TEST_PATH};
  for (const key of ['FORCE_COLOR', 'NO_COLOR', 'COLORTERM', 'NODE_OPTIONS', 'DEBUG', 'COLUMNS', 'LINES', 'LC_MESSAGES']) delete env[key];
  // The app speaks the language of LC_ALL, LC_MESSAGES or LANG (src/i18n/reader.ts): tests read
  // English unless they say otherwise, on any machine. Only the language changes, never the codeset.
  for (const key of ['LC_ALL', 'LANG']) env[key] &&= env[key]!.replace(/^(?!(?:C|POSIX|en)(?:[_.@]|$))[^.@]*/, 'en_US');
  env.TERM = 'xterm-256color';
  return {...env, ...extra};
}

export interface CliResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** stdout as bytes, to look for raw escape bytes. */
  bytes: Buffer;
}

/** Runs `node bin/kim-resume.js ...args` from the repository root with piped stdio. */
export function runCli(args: string[], options: {env?: NodeJS.ProcessEnv; input?: string} = {}): CliResult {
  const result: SpawnSyncReturns<Buffer> = spawnSync(NODE, [BIN, ...args], {
    cwd: REPO_ROOT,
    env: options.env ?? cleanEnv(),
    input: options.input ?? '',
    timeout: 20_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return {
    status: result.status,
    signal: result.signal,
    stdout: result.stdout.toString('utf8'),
    stderr: result.stderr.toString('utf8'),
    bytes: result.stdout,
  };
}
