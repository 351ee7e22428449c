import {describe, expect, it} from 'vitest';
import {colorLevel, isInteractive, wantsColor, type Format, type TerminalFacts} from '../../src/cli/mode';

const facts = (stdinIsTTY: boolean, stdoutIsTTY: boolean, env: NodeJS.ProcessEnv = {}): TerminalFacts => ({stdinIsTTY, stdoutIsTTY, env});

describe('isInteractive', () => {
  it.each<[string, Format | undefined, TerminalFacts, boolean]>([
    ['both TTYs, no format', undefined, facts(true, true, {TERM: 'xterm-256color'}), true],
    ['both TTYs, TERM unset', undefined, facts(true, true), true],
    ['stdout piped', undefined, facts(true, false), false],
    ['stdin piped', undefined, facts(false, true), false],
    ['nothing is a TTY', undefined, facts(false, false), false],
    ['TERM=dumb', undefined, facts(true, true, {TERM: 'dumb'}), false],
    ['--format text on a TTY', 'text', facts(true, true), false],
    ['--format markdown on a TTY', 'markdown', facts(true, true), false],
    ['--format json on a TTY', 'json', facts(true, true), false],
  ])('%s → %s', (_name, format, f, expected) => {
    expect(isInteractive(format, f)).toBe(expected);
  });
});

describe('wantsColor', () => {
  it.each<[string, boolean | undefined, TerminalFacts, boolean]>([
    ['a TTY', undefined, facts(true, true), true],
    ['piped', undefined, facts(true, false), false],
    ['piped, even with a 256-color TERM', undefined, facts(false, false, {TERM: 'xterm-256color'}), false],
    ['--color when piped', true, facts(false, false), true],
    ['--no-color on a TTY', false, facts(true, true), false],
    ['--no-color beats FORCE_COLOR', false, facts(true, true, {FORCE_COLOR: '3'}), false],
    ['--color beats NO_COLOR', true, facts(true, true, {NO_COLOR: '1'}), true],
    ['NO_COLOR=1 on a TTY', undefined, facts(true, true, {NO_COLOR: '1'}), false],
    ['NO_COLOR empty is not set (no-color.org)', undefined, facts(true, true, {NO_COLOR: ''}), true],
    ['TERM=dumb on a TTY', undefined, facts(true, true, {TERM: 'dumb'}), false],
    ['FORCE_COLOR=1 piped', undefined, facts(false, false, {FORCE_COLOR: '1'}), true],
    ['FORCE_COLOR=3 piped', undefined, facts(false, false, {FORCE_COLOR: '3'}), true],
    ['FORCE_COLOR=true piped', undefined, facts(false, false, {FORCE_COLOR: 'true'}), true],
    ['FORCE_COLOR=0 on a TTY', undefined, facts(true, true, {FORCE_COLOR: '0'}), false],
    ['FORCE_COLOR=false on a TTY', undefined, facts(true, true, {FORCE_COLOR: 'false'}), false],
    ['FORCE_COLOR empty is not set', undefined, facts(true, false, {FORCE_COLOR: ''}), false],
    ['FORCE_COLOR beats NO_COLOR', undefined, facts(false, false, {FORCE_COLOR: '1', NO_COLOR: '1'}), true],
    ['FORCE_COLOR beats TERM=dumb', undefined, facts(false, false, {FORCE_COLOR: '1', TERM: 'dumb'}), true],
  ])('%s → %s', (_name, flag, f, expected) => {
    expect(wantsColor(flag, f)).toBe(expected);
  });
});

describe('colorLevel', () => {
  it.each<[string, boolean, NodeJS.ProcessEnv, 0 | 1 | 2 | 3]>([
    ['no color wanted', false, {FORCE_COLOR: '3', COLORTERM: 'truecolor'}, 0],
    ['basic by default', true, {}, 1],
    ['xterm is basic', true, {TERM: 'xterm'}, 1],
    ['xterm-256color', true, {TERM: 'xterm-256color'}, 2],
    ['screen-256', true, {TERM: 'screen-256'}, 2],
    ['COLORTERM=truecolor', true, {COLORTERM: 'truecolor'}, 3],
    ['COLORTERM=24bit', true, {COLORTERM: '24bit', TERM: 'xterm-256color'}, 3],
    ['FORCE_COLOR=1 wins over truecolor', true, {FORCE_COLOR: '1', COLORTERM: 'truecolor'}, 1],
    ['FORCE_COLOR=2', true, {FORCE_COLOR: '2'}, 2],
    ['FORCE_COLOR=3', true, {FORCE_COLOR: '3'}, 3],
    ['FORCE_COLOR=true falls back to TERM', true, {FORCE_COLOR: 'true', TERM: 'xterm-256color'}, 2],
    ['FORCE_COLOR=7 is out of range', true, {FORCE_COLOR: '7'}, 1],
  ])('%s → %i', (_name, wanted, env, expected) => {
    expect(colorLevel(wanted, env)).toBe(expected);
  });
});
