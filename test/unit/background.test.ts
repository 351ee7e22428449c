/**
 * The terminal's background and the theme chosen by it (issue 11): OSC 11 replies as the input
 * splitter reads them, COLORFGBG, and the precedence of --theme, KIM_RESUME_THEME, NO_COLOR.
 */
import {describe, expect, it} from 'vitest';
import {themeChoice, themeName} from '../../src/cli/colour';
import {backgroundFromColorFgBg, backgroundFromReplies, backgroundOf} from '../../src/terminal/background';
import {splitInput, type TerminalReply} from '../../src/terminal/input';
import {programVar} from '../helpers/program';

/** The replies in what a terminal wrote back. */
const replies = (input: string): TerminalReply[] => splitInput(input).events.flatMap((e) => (e.type === 'reply' ? [e.reply] : []));
const DA1 = '\x1b[?64;1;2;6;9;15;18;21;22c';

describe('the background from OSC 11', () => {
  it.each([
    ['white, 4 hex digits, ST (xterm)', '\x1b]11;rgb:ffff/ffff/ffff\x1b\\', 'light'],
    ['black, BEL-terminated', '\x1b]11;rgb:0000/0000/0000\x07', 'dark'],
    ['2 hex digits a channel (some terminals)', '\x1b]11;rgb:fd/f6/e3\x1b\\', 'light'],
    ['1 hex digit a channel', '\x1b]11;rgb:f/f/f\x07', 'light'],
    ['3 hex digits', '\x1b]11;rgb:000/2b2/363\x07', 'dark'],
    ['upper-case hex', '\x1b]11;rgb:FFFF/FFFF/FFFF\x07', 'light'],
    ['rgba with an alpha channel (kitty-style)', '\x1b]11;rgba:ffff/ffff/ffff/ffff\x07', 'light'],
    ['Solarized Light base3 #fdf6e3', '\x1b]11;rgb:fdfd/f6f6/e3e3\x1b\\', 'light'],
    ['Solarized Dark base03 #002b36', '\x1b]11;rgb:0000/2b2b/3636\x1b\\', 'dark'],
    ['a mid grey #808080 (black text reads better on it)', '\x1b]11;rgb:8080/8080/8080\x1b\\', 'light'],
    ['a dark grey #3c3c3c', '\x1b]11;rgb:3c3c/3c3c/3c3c\x1b\\', 'dark'],
  ])('%s → %s', (_name, reply, expected) => {
    expect(backgroundFromReplies(replies(reply + DA1))).toBe(expected);
  });

  it('no OSC 11 answer: DA1 alone (the terminal does not know OSC 11) tells nothing', () => {
    expect(backgroundFromReplies(replies(DA1))).toBeUndefined();
    expect(backgroundFromReplies([])).toBeUndefined();
  });

  it('a malformed colour, or OSC 10 (the foreground), is not a background', () => {
    expect(backgroundFromReplies(replies('\x1b]11;#ffffff\x07' + DA1))).toBeUndefined();
    expect(backgroundFromReplies(replies('\x1b]11;rgb:ffff/ffff\x07' + DA1))).toBeUndefined();
    expect(backgroundFromReplies(replies('\x1b]10;rgb:ffff/ffff/ffff\x07' + DA1))).toBeUndefined();
  });

  it('the light/dark line lies where black and white text contrast equally (relative luminance ≈ 0.179)', () => {
    // #767676 (0.181) is just light, #757575 (0.178) just dark.
    expect(backgroundOf([0x76 / 255, 0x76 / 255, 0x76 / 255])).toBe('light');
    expect(backgroundOf([0x75 / 255, 0x75 / 255, 0x75 / 255])).toBe('dark');
  });
});

describe('the background from COLORFGBG', () => {
  it.each([
    ['15;0', 'dark'],
    ['0;15', 'light'],
    ['7;0', 'dark'],
    ['0;7', 'light'],
    ['15;8', 'dark'],
    ['0;9', 'light'],
    ['12;4', 'dark'],
    ['0;default;15', 'light'],
    ['15;default;0', 'dark'],
    [' 0 ; 15 ', 'light'],
    ['default;default', undefined],
    ['15', undefined],
    ['0;16', undefined],
    ['0;abc', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%j → %s', (value, expected) => {
    expect(backgroundFromColorFgBg(value)).toBe(expected);
  });
});

describe('which theme runs', () => {
  it.each([
    // [--theme, KIM_RESUME_THEME, → choice]
    [undefined, undefined, 'auto'],
    [undefined, 'light', 'light'],
    [undefined, 'DARK', 'dark'],
    [undefined, ' auto ', 'auto'],
    [undefined, 'solarized', 'auto'],
    ['dark', 'light', 'dark'],
    ['auto', 'light', 'auto'],
    ['light', undefined, 'light'],
  ] as const)('--theme %s, KIM_RESUME_THEME=%s → %s', (flag, env, expected) => {
    expect(themeChoice(flag, env === undefined ? {} : {[programVar('THEME')]: env})).toBe(expected);
  });

  it.each([
    // [color, choice, OSC 11's answer, COLORFGBG, → theme]
    [true, 'auto', 'light', undefined, 'light'],
    [true, 'auto', 'dark', undefined, 'dark'],
    [true, 'auto', 'dark', '0;15', 'dark'],
    [true, 'auto', 'light', '15;0', 'light'],
    [true, 'auto', undefined, '0;15', 'light'],
    [true, 'auto', undefined, '15;0', 'dark'],
    [true, 'auto', undefined, 'default;default', 'neutral'],
    [true, 'auto', undefined, undefined, 'neutral'],
    [true, 'dark', 'light', '0;15', 'dark'],
    [true, 'light', 'dark', '15;0', 'light'],
    [false, 'light', 'light', undefined, 'mono'],
    [false, 'auto', 'dark', undefined, 'mono'],
  ] as const)('color %s, %s, OSC 11 %s, COLORFGBG %s → %s', (color, choice, answered, colorFgBg, expected) => {
    expect(themeName(color, choice, answered, colorFgBg === undefined ? {} : {COLORFGBG: colorFgBg})).toBe(expected);
  });
});
