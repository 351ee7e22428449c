/**
 * The theme at the CLI edge (issue 11): `--theme`, when the terminal is asked (before the résumé
 * loads, only for the app, only with color and `auto`), and the colored print's choice, which
 * asks nothing (COLORFGBG, else neutral).
 */
import chalk from 'chalk';
import {afterEach, describe, expect, it} from 'vitest';
import {EXIT, run} from '../../src/cli/run';
import type {Answers, Asking} from '../../src/terminal/ask';
import {OSC11_QUERY} from '../../src/terminal/background';
import {fixturePath} from '../helpers/fixtures';
import {fakeIo} from '../helpers/io';

const chalkLevel = chalk.level;
afterEach(() => {
  chalk.level = chalkLevel;
});

const jiwoo = fixturePath('jiwoo');

/** An `ask` that records what it was asked and how the batch ended. */
function recordingAsk() {
  const log: string[] = [];
  const answers: Answers = {replies: [{kind: 'deviceAttributes', params: '62'}], complete: true};
  const ask = (queries: readonly string[]): Asking => {
    log.push(`ask ${JSON.stringify(queries)}`);
    return {
      answers: Promise.resolve(answers),
      more: async () => (log.push('more'), answers),
      handOver: async () => (log.push('handOver'), answers),
      close: async () => void log.push('close'),
    };
  };
  return {log, ask};
}

describe('--theme', () => {
  it('takes auto, dark or light; anything else is a usage error naming the choices', async () => {
    const io = fakeIo();
    expect(await run(['--theme', 'blue', jiwoo], io)).toBe(EXIT.usage);
    expect(io.errors).toHaveLength(1);
    expect(io.errors[0]).toBe(`kim-resume: --theme must be auto, dark or light, got "blue" (see kim-resume --help)`);
  });

  it('is in --help', async () => {
    const io = fakeIo();
    await run(['--help'], io);
    expect(io.out()).toMatch(/--theme\s.*auto/);
  });
});

describe('asking the terminal for its background', () => {
  const tty = {stdinIsTTY: true, stdoutIsTTY: true, columns: 80};
  /** A terminal the app could run in (these runs end before it would start). */
  const session = async (): Promise<never> => {
    throw new Error('the app was not expected to start');
  };

  it('goes out before the résumé is loaded, and a run that ends there reads the answers and closes', async () => {
    const {log, ask} = recordingAsk();
    const io = {...fakeIo({...tty, env: {TERM: 'xterm-256color'}}), ask, session};
    expect(await run(['/nonexistent/resume.json'], io)).toBe(EXIT.usage);
    expect(io.errors[0]).toContain('/nonexistent/resume.json');
    expect(log).toEqual([`ask ${JSON.stringify([OSC11_QUERY])}`, 'close']);
  });

  it.each([
    ['--theme dark', ['--theme', 'dark'], {}],
    ['--theme light', ['--theme', 'light'], {}],
    ['KIM_RESUME_THEME=light', [], {KIM_RESUME_THEME: 'light'}],
    ['--no-color', ['--no-color'], {}],
    ['NO_COLOR=1', [], {NO_COLOR: '1'}],
    ['--format text (printing)', ['--format', 'text'], {}],
    ['--tech (printing)', ['--tech', 'kafka'], {}],
    ['TERM=dumb', [], {TERM: 'dumb'}],
  ])('is not asked with %s', async (_name, args, env) => {
    const {log, ask} = recordingAsk();
    const io = {...fakeIo({...tty, env: {TERM: 'xterm-256color', ...env}}), ask, session};
    await run([...args, '/nonexistent/resume.json'], io);
    expect(log).toEqual([]);
  });
});

describe('the colored print', () => {
  // The name's color tells the theme: bright cyan (SGR 96) dark, blue (34) light, 256-color 63 neutral.
  const nameCode = (out: string) => /(\x1b\[(?:\d+;)*\d+m)+한지우/.exec(out)?.[0] ?? '';
  const print = async (args: string[], env: NodeJS.ProcessEnv) => {
    const io = fakeIo({stdinIsTTY: false, stdoutIsTTY: true, columns: 80, env: {TERM: 'xterm-256color', ...env}});
    expect(await run(['--format', 'text', ...args, jiwoo], io)).toBe(EXIT.ok);
    return nameCode(io.out());
  };

  it.each([
    ['no COLORFGBG: neutral', [], {}, '\x1b[38;5;63m'],
    ['COLORFGBG=0;15: light', [], {COLORFGBG: '0;15'}, '\x1b[34m'],
    ['COLORFGBG=15;0: dark', [], {COLORFGBG: '15;0'}, '\x1b[96m'],
    ['--theme dark over COLORFGBG=0;15', ['--theme', 'dark'], {COLORFGBG: '0;15'}, '\x1b[96m'],
    ['KIM_RESUME_THEME=light', [], {KIM_RESUME_THEME: 'light'}, '\x1b[34m'],
  ])('%s', async (_name, args, env, code) => {
    expect(await print(args, env)).toContain(code);
  });
});
