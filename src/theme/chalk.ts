import chalk, {backgroundColorNames, foregroundColorNames, type BackgroundColorName, type ForegroundColorName} from 'chalk';
import type {TextStyle, Token, TokenMap} from './theme';

/**
 * The theme's tokens as chalk functions, for what Ink does not draw: the colored print and
 * Markdown inside panels (both render with marked-terminal). Only those paths load this module,
 * and chalk with it. The level is chalk's, set once by src/cli/colour.ts.
 */
export type Styler = (text: string) => string;

const identity: Styler = (text) => text;

const isForeground = (name: string): name is ForegroundColorName => (foregroundColorNames as readonly string[]).includes(name);
const isBackground = (name: string): name is BackgroundColorName => (backgroundColorNames as readonly string[]).includes(name);

/** A color as Ink's <Text> reads it (ink/build/colorize.js): a chalk name, #hex, ansi256(n) or rgb(r,g,b). */
function colorStyler(color: string, layer: 'foreground' | 'background'): Styler {
  const fg = layer === 'foreground';
  const named = fg ? color : `bg${color.charAt(0).toUpperCase()}${color.slice(1)}`;
  if (fg && isForeground(named)) return chalk[named];
  if (!fg && isBackground(named)) return chalk[named];
  if (color.startsWith('#')) return fg ? chalk.hex(color) : chalk.bgHex(color);
  const ansi = /^ansi256\(\s?(\d+)\s?\)$/.exec(color);
  if (ansi) return fg ? chalk.ansi256(Number(ansi[1])) : chalk.bgAnsi256(Number(ansi[1]));
  const rgb = /^rgb\(\s?(\d+),\s?(\d+),\s?(\d+)\s?\)$/.exec(color);
  // Called on chalk itself: detached, chalk.rgb has no `this` to read its level from.
  if (rgb) return fg ? chalk.rgb(Number(rgb[1]), Number(rgb[2]), Number(rgb[3])) : chalk.bgRgb(Number(rgb[1]), Number(rgb[2]), Number(rgb[3]));
  throw new Error(`theme color ${JSON.stringify(color)}: use a chalk color name, #rrggbb, ansi256(n) or rgb(r,g,b)`);
}

/**
 * The chalk function for a style: the SGR codes Ink's <Text> writes for the same style, in the
 * same nesting (ink/build/components/Text.js: dim, color, background, bold, italic, underline,
 * strikethrough, inverse, each wrapping the one before).
 */
export function chalkStyle(style: TextStyle): Styler {
  const steps: Styler[] = [];
  if (style.dimColor) steps.push(chalk.dim);
  if (style.color) steps.push(colorStyler(style.color, 'foreground'));
  if (style.backgroundColor) steps.push(colorStyler(style.backgroundColor, 'background'));
  if (style.bold) steps.push(chalk.bold);
  if (style.italic) steps.push(chalk.italic);
  if (style.underline) steps.push(chalk.underline);
  if (style.strikethrough) steps.push(chalk.strikethrough);
  if (style.inverse) steps.push(chalk.inverse);
  if (steps.length === 0) return identity;
  return (text) => steps.reduce((styled, step) => step(styled), text);
}

/** Each token of a map as a chalk function. */
export function chalkTokens(tokens: TokenMap): (token: Token) => Styler {
  const cache = new Map<Token, Styler>();
  return (token) => {
    let styler = cache.get(token);
    if (styler === undefined) cache.set(token, (styler = chalkStyle(tokens[token])));
    return styler;
  };
}

/**
 * Every style option marked-terminal 7 has (its index.js `defaultOptions`), from the theme's
 * tokens: none of marked-terminal's own colors remains. Headings here are the first level in
 * `name` and the others in `heading`; the colored print styles each level itself.
 */
export function markedTerminalStyles(style: (token: Token) => Styler): Record<string, Styler> {
  return {
    firstHeading: style('name'),
    heading: style('heading'),
    strong: style('strong'),
    em: style('emphasis'),
    codespan: style('code'),
    code: style('code'),
    del: style('deleted'),
    // Without OSC 8 support a link prints as `text (address)`: `href` styles the address (with
    // it, the text), `link` the whole.
    href: style('link'),
    link: style('plain'),
    blockquote: style('quote'),
    html: style('muted'),
    hr: style('border'),
    listitem: style('plain'),
    paragraph: style('plain'),
    table: style('plain'),
    // Every run of text, inside headings, bold and links too: styling it would cover theirs.
    text: identity,
  };
}
