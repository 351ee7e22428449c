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
import {PROGRAM, programVar} from '../helpers/program';

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
    expect(io.errors[0]).toBe(`${PROGRAM}: --theme must be auto, dark or light, got "blue" (see ${PROGRAM} --help)`);
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
    ['KIM_RESUME_THEME=light', [], {[programVar('THEME')]: 'light'}],
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
  // The name's color tells the theme: 256-color 51 dark, 20 light, 63 neutral.
  const nameCode = (out: string) => /(\x1b\[(?:\d+;)*\d+m)+한지우/.exec(out)?.[0] ?? '';
  const printed = async (args: string[], env: NodeJS.ProcessEnv) => {
    const io = fakeIo({stdinIsTTY: false, stdoutIsTTY: true, columns: 80, env: {TERM: 'xterm-256color', ...env}});
    expect(await run(['--format', 'text', ...args, jiwoo], io)).toBe(EXIT.ok);
    return io.out();
  };
  const print = async (args: string[], env: NodeJS.ProcessEnv) => nameCode(await printed(args, env));

  it.each([
    ['no COLORFGBG: neutral', [], {}, '\x1b[38;5;63m'],
    ['COLORFGBG=0;15: light', [], {COLORFGBG: '0;15'}, '\x1b[38;5;20m'],
    ['COLORFGBG=15;0: dark', [], {COLORFGBG: '15;0'}, '\x1b[38;5;51m'],
    ['--theme dark over COLORFGBG=0;15', ['--theme', 'dark'], {COLORFGBG: '0;15'}, '\x1b[38;5;51m'],
    ['KIM_RESUME_THEME=light', [], {[programVar('THEME')]: 'light'}, '\x1b[38;5;20m'],
  ])('%s', async (_name, args, env, code) => {
    expect(await print(args, env)).toContain(code);
  });

  // Issue 23, item 8: the colors the terminal declares, no more (a 16-color terminal reads the
  // `5` of `38;5;n` as blink).
  it.each(['xterm', 'vt100', 'vt220', 'ansi', 'linux', 'screen'])('TERM=%s (16 colors): no 256-color or 24-bit code at all, the name bold in the terminal’s own foreground', async (term) => {
    for (const env of [{}, {COLORFGBG: '0;15'}, {COLORFGBG: '15;0'}]) {
      const out = await printed([], {TERM: term, ...env});
      expect(out).toContain('한지우');
      expect(out).not.toMatch(/\x1b\[[\d;]*[34]8;[25];/);
      expect(nameCode(out)).toBe('\x1b[1m한지우');
    }
  });

  it.each([
    ['TERM=xterm-256color', {TERM: 'xterm-256color'}, /\x1b\[[\d;]*38;5;\d+m/, /38;2;/],
    ['COLORTERM=truecolor', {TERM: 'xterm', COLORTERM: 'truecolor'}, /\x1b\[[\d;]*38;2;\d+;\d+;\d+m/, /38;5;/],
    ['COLORTERM=24bit', {TERM: 'xterm-256color', COLORTERM: '24bit'}, /\x1b\[[\d;]*38;2;\d+;\d+;\d+m/, /38;5;/],
    ['TERM=xterm-direct', {TERM: 'xterm-direct'}, /\x1b\[[\d;]*38;2;\d+;\d+;\d+m/, /38;5;/],
  ])('%s: the depth it declares', async (_name, env, wanted, unwanted) => {
    const out = await printed([], env);
    expect(out).toMatch(wanted);
    expect(out).not.toMatch(unwanted);
  });

  it('truecolour writes the 256 palette’s exact values: the neutral name 63 as 95;95;255', async () => {
    expect(await print([], {COLORTERM: 'truecolor'})).toContain('\x1b[38;2;95;95;255m');
  });
});
