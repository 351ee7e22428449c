/**
 * The locale's character set (src/cli/locale.ts), the app's characters in each set
 * (src/theme/glyphs.ts), and the colour depth the theme follows (src/cli/colour.ts,
 * src/theme/theme.ts tokensFor): issue 23, items 5, 8 and 9.
 */
import stripAnsi from 'strip-ansi';
import {describe, expect, it} from 'vitest';
import {EXIT, run} from '../../src/cli/run';
import {fixturePath} from '../helpers/fixtures';
import {fakeIo} from '../helpers/io';
import {declaredDepth, depthOf} from '../../src/cli/colour';
import {asciiNotice, asciiReason, localeOf} from '../../src/cli/locale';
import {ASCII, UNICODE} from '../../src/theme/glyphs';
import {BASIC_TOKENS, createTheme, THEMES, tokensFor, type StyleName, type ThemeName, type Token} from '../../src/theme/theme';
import {helpLines, statusBar, tooSmallLines} from '../../src/ui/layout/chrome';
import {hintsFor, type HintMode} from '../../src/ui/keymap';
import {lineText} from '../../src/ui/layout/lines';
import {PROGRAM} from '../helpers/program';

describe('localeOf: LC_ALL, then LC_CTYPE, then LANG; an empty value is skipped', () => {
  it.each([
    [{LANG: 'en_US.UTF-8'}, 'LANG', true],
    [{LANG: 'ko_KR.utf8'}, 'LANG', true],
    [{LANG: 'C.UTF-8'}, 'LANG', true],
    [{LANG: 'de_DE.UTF-8@euro'}, 'LANG', true],
    [{LC_CTYPE: 'UTF-8', LANG: 'C'}, 'LC_CTYPE', true],
    [{LANG: 'C'}, 'LANG', false],
    [{LANG: 'POSIX'}, 'LANG', false],
    [{LANG: 'en_US'}, 'LANG', false],
    [{LANG: 'de_DE.ISO-8859-1'}, 'LANG', false],
    [{LANG: 'ko_KR.EUC-KR'}, 'LANG', false],
    [{LC_ALL: 'C', LC_CTYPE: 'en_US.UTF-8', LANG: 'en_US.UTF-8'}, 'LC_ALL', false],
    [{LC_ALL: '', LC_CTYPE: 'C', LANG: 'en_US.UTF-8'}, 'LC_CTYPE', false],
    [{LC_ALL: '', LC_CTYPE: '', LANG: 'en_US.UTF-8'}, 'LANG', true],
  ] as const)('%j: %s decides, UTF-8 %s', (env, variable, utf8) => {
    expect(localeOf(env)).toEqual({variable, value: (env as Record<string, string>)[variable], utf8});
  });

  it('none set, or all empty: unknown (Windows leaves LANG unset)', () => {
    expect(localeOf({})).toBeUndefined();
    expect(localeOf({LC_ALL: '', LC_CTYPE: '', LANG: ''})).toBeUndefined();
  });
});

describe('asciiReason: --ascii, --no-ascii, else the locale', () => {
  it('only an explicit locale that is not UTF-8 draws ASCII by itself', () => {
    expect(asciiReason(undefined, {LANG: 'C'})).toEqual({by: 'locale', locale: {variable: 'LANG', value: 'C', utf8: false}});
    expect(asciiReason(undefined, {LANG: 'en_US.UTF-8'})).toBeUndefined();
    expect(asciiReason(undefined, {})).toBeUndefined();
  });

  it('the flags win over the locale, either way', () => {
    expect(asciiReason(true, {LANG: 'en_US.UTF-8'})).toEqual({by: 'flag'});
    expect(asciiReason(true, {})).toEqual({by: 'flag'});
    expect(asciiReason(false, {LANG: 'C', LC_ALL: 'C'})).toBeUndefined();
  });

  it('the notice: one ASCII line naming the variable and the way back; the résumé’s text mentioned when it has any outside ASCII', () => {
    const locale = localeOf({LC_ALL: 'C'})!;
    expect(asciiNotice(locale, false)).toBe(`${PROGRAM}: LC_ALL=C is not UTF-8: drawing in ASCII (--no-ascii: Unicode)`);
    expect(asciiNotice(locale, true)).toBe(`${PROGRAM}: LC_ALL=C is not UTF-8: drawing in ASCII; the resume's own text is kept as it is (--no-ascii: Unicode)`);
    // A value from the environment is data: nothing in it reaches the terminal as a control.
    expect(asciiNotice(localeOf({LANG: 'x\x1b[2Jy'})!, false)).toBe(`${PROGRAM}: LANG=x?[2Jy is not UTF-8: drawing in ASCII (--no-ascii: Unicode)`);
  });
});

describe('the glyphs: the app’s own characters in ASCII', () => {
  const NON_ASCII = /[^\x00-\x7f]/;

  it('each ASCII glyph takes the cells of its Unicode twin, so layouts are the same', () => {
    for (const key of ['folded', 'unfolded', 'bullet', 'ellipsis', 'separator'] as const) expect(ASCII[key].length, key).toBe([...UNICODE[key]].length);
    for (const key of ['folded', 'unfolded', 'bullet', 'ellipsis', 'separator'] as const) expect(ASCII[key]).not.toMatch(NON_ASCII);
  });

  it.each([20, 40, 80, 120])('the help at %i columns is ASCII (and is not without ASCII glyphs)', (width) => {
    expect(helpLines(width, ASCII).map(lineText).join('\n')).not.toMatch(NON_ASCII);
    expect(helpLines(width, UNICODE).map(lineText).join('\n')).toMatch(NON_ASCII);
  });

  it('every status bar hint, and the enlarge message, are ASCII', () => {
    const modes: HintMode[] = ['section', 'help', 'techList', 'techProjects', 'searchResults', 'about'];
    for (const mode of modes) {
      for (const width of [40, 80, 200]) expect(lineText(statusBar(hintsFor(mode, {foldable: true}), '42%', width, ASCII)), `${mode} at ${width}`).not.toMatch(NON_ASCII);
    }
    expect(lineText(statusBar(hintsFor('section', {foldable: true}), '42%', 200, UNICODE))).toContain('↓');
    expect(lineText(statusBar(hintsFor('section', {foldable: true}), '42%', 200, ASCII))).toContain('Down');
    expect(tooSmallLines(40, 5, {width: 60, rows: 16}, ASCII).map(lineText).join(' ')).toBe('enlarge the terminal (now 40x5, need 60x16)');
  });

  it('a theme made with ascii has the ASCII glyphs and boxes; without, Unicode', () => {
    expect(createTheme({color: true, ascii: true}).glyphs).toBe(ASCII);
    expect(createTheme({color: true, ascii: true}).bullet).toBe('-');
    expect(createTheme({color: true, ascii: false}).glyphs).toBe(UNICODE);
  });
});

describe('the colour depth (item 8) and what the theme writes at each (item 9)', () => {
  it.each([
    [{TERM: 'xterm'}, 16],
    [{TERM: 'vt100'}, 16],
    [{TERM: 'vt220'}, 16],
    [{TERM: 'ansi'}, 16],
    [{TERM: 'linux'}, 16],
    [{TERM: 'screen'}, 16],
    [{}, 16],
    [{TERM: 'xterm-256color'}, 256],
    [{TERM: 'screen-256color'}, 256],
    [{TERM: 'tmux-256color'}, 256],
    [{TERM: 'xterm-direct'}, 'truecolor'],
    [{TERM: 'xterm', COLORTERM: 'truecolor'}, 'truecolor'],
    [{TERM: 'xterm-256color', COLORTERM: '24bit'}, 'truecolor'],
    [{TERM: 'xterm-256color', FORCE_COLOR: '1'}, 16],
  ] as const)('%j declares %s', (env, depth) => {
    expect(declaredDepth(env)).toBe(depth);
  });

  it('chalk’s levels as depths', () => {
    expect([depthOf(0), depthOf(1), depthOf(2), depthOf(3)]).toEqual([16, 16, 256, 'truecolor']);
  });

  /** Tokens that are not read: a palette colour may mark them. */
  const DECORATION: ReadonlySet<Token> = new Set<StyleName>(['border', 'bullet']);
  const COLOURED: ThemeName[] = ['dark', 'light', 'neutral'];

  it('16 colours: every token read is in the terminal’s own colours (no color), whatever the background; badges have no chip', () => {
    for (const name of COLOURED) {
      const tokens = tokensFor(name, 16);
      expect(tokens).toBe(BASIC_TOKENS);
      for (const [token, style] of Object.entries(tokens)) {
        if (DECORATION.has(token as Token)) continue;
        expect(style.color, token).toBeUndefined();
        expect(style.backgroundColor, token).toBeUndefined();
      }
      const theme = createTheme({color: true, ascii: false, depth: 16, tokens});
      expect(theme.badge('Kafka').backgroundColor).toBeUndefined();
      expect(theme.badgeText('Kafka')).toBe('[Kafka]');
    }
    // Decoration only in the 16 named colours, which every 16-colour terminal has.
    for (const token of DECORATION) expect(BASIC_TOKENS[token].color ?? 'blue').toMatch(/^[a-z]+$/);
    expect(tokensFor('mono', 16)).toBe(THEMES.mono);
  });

  it('256 colours: every color a fixed value of the cube or the grey ramp (16–255)', () => {
    for (const name of COLOURED) {
      for (const [token, style] of Object.entries(tokensFor(name, 256))) {
        for (const color of [style.color, style.backgroundColor]) {
          if (color === undefined) continue;
          const index = /^ansi256\((\d+)\)$/.exec(color)?.[1];
          expect(index, `${name}.${token}: ${color}`).toBeDefined();
          expect(Number(index), `${name}.${token}`).toBeGreaterThanOrEqual(16);
        }
      }
    }
  });

  it('truecolour: the same colors as xterm’s values of the 256 palette', () => {
    expect(tokensFor('dark', 'truecolor').name).toEqual({color: 'rgb(0,255,255)', bold: true});
    expect(tokensFor('neutral', 'truecolor').muted).toEqual({color: 'rgb(118,118,118)'});
    expect(tokensFor('light', 'truecolor').tabActive).toEqual({color: 'rgb(255,255,255)', backgroundColor: 'rgb(0,95,175)', bold: true});
    for (const name of COLOURED) {
      for (const [token, style] of Object.entries(tokensFor(name, 'truecolor'))) {
        for (const color of [style.color, style.backgroundColor]) if (color !== undefined) expect(color, `${name}.${token}`).toMatch(/^rgb\(\d+,\d+,\d+\)$/);
      }
    }
    const chip = createTheme({color: true, ascii: false, depth: 'truecolor', tokens: tokensFor('dark', 'truecolor')}).badge('Kafka').backgroundColor;
    expect(chip).toMatch(/^rgb\(\d+,\d+,\d+\)$/);
  });
});

describe('the print in ASCII: --ascii anywhere, a locale that is not UTF-8 on a terminal', () => {
  const print = async (args: string[], facts: Parameters<typeof fakeIo>[0]) => {
    const io = fakeIo(facts);
    expect(await run([fixturePath('ascii'), ...args], io)).toBe(EXIT.ok);
    return stripAnsi(io.out());
  };
  const onlyAscii = (text: string) => [...text].filter((ch) => ch.codePointAt(0)! > 0x7e && ch !== '\n');
  it('Unicode separators by default, so the test can tell', async () => {
    expect(await print(['--format', 'text'], {stdoutIsTTY: true, env: {LANG: 'en_US.UTF-8', NO_COLOR: '1'}})).toContain(' · ');
  });
  it('LANG=C printing to a terminal: plain and colored, every character ASCII', async () => {
    expect(onlyAscii(await print(['--format', 'text'], {stdoutIsTTY: true, env: {LANG: 'C', NO_COLOR: '1'}}))).toEqual([]);
    expect(onlyAscii(await print(['--format', 'text'], {stdoutIsTTY: true, env: {LANG: 'C', FORCE_COLOR: '2'}}))).toEqual([]);
  });
  it('LANG=C into a pipe keeps Unicode (the locale speaks for a terminal); --ascii into a pipe is ASCII', async () => {
    expect(await print([], {env: {LANG: 'C'}})).toContain(' · ');
    expect(onlyAscii(await print(['--ascii'], {env: {}}))).toEqual([]);
  });
  it('Markdown and JSON are data: --ascii leaves them as they are', async () => {
    const markdown = await print(['--format', 'markdown'], {env: {}});
    expect(await print(['--format', 'markdown', '--ascii'], {env: {}})).toBe(markdown);
  });
});
