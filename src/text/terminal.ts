import {Marked, type MarkedExtension, type RendererObject} from 'marked';
import {markedTerminal} from 'marked-terminal';
import wrapAnsi from 'wrap-ansi';
import type {ResumeDocument} from '../document/model';
import {createTheme, type Theme, type Token} from '../ui/theme';
import {chalkTokens, markedTerminalStyles, type Styler} from '../ui/theme-chalk';
import {renderMarkdown} from './markdown';
import {printRoleStyles} from './print-roles';

/**
 * The colored print for a terminal (`kim-resume --format text` on a TTY): the Markdown export
 * rendered by marked + marked-terminal in the theme's tokens, then wrapped by display cells.
 * marked-terminal's own `reflowText` counts `.length` and would cut a Hangul line at twice its
 * width, so it stays off and wrap-ansi (string-width inside) does the wrapping. chalk's level
 * (set once by src/cli/colour.ts) decides whether any code is written.
 */
export function renderTerminal(doc: ResumeDocument, width: number, theme: Theme = createTheme({color: true, ascii: false})): string {
  const style = chalkTokens(theme.styles);
  const options = {
    ...markedTerminalStyles(style),
    // Bold text and paragraphs the app draws in a token of their own (a block label, a period…).
    ...printRoleStyles(doc, style),
    // The rule between entries: marked-terminal draws it as wide as process.stdout, not `width`.
    hr: () => style('border')('-'.repeat(width)),
    reflowText: false,
    showSectionPrefix: false,
    emoji: false,
    tab: 2,
    width,
    tableOptions: {style: {head: [], border: []}},
  };
  const marked = new Marked();
  marked.use(markedTerminal(options), headingsByDepth(options, style), INLINE_IN_LIST_ITEMS);
  const rendered = marked.parse(renderMarkdown(doc), {async: false}) as string;
  return (
    rendered
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd()
      .split('\n')
      .map((line) => wrapLine(line, width))
      .join('\n') + '\n'
  );
}

/** The token of each heading depth, as the app draws them: the name, section titles, organizations, projects (and deeper). */
export const HEADING_TOKENS: readonly Token[] = ['name', 'heading', 'orgTitle', 'panelTitle'];

/**
 * marked-terminal 7 styles the first heading level in `firstHeading` and every other in one
 * `heading`. A heading of depth d is rendered instead by a marked-terminal renderer whose two
 * heading styles are both depth d's token. Registered after marked-terminal, this renderer is
 * asked first (https://marked.js.org/using_pro#renderer).
 */
function headingsByDepth(options: Record<string, unknown>, style: (token: Token) => Styler): MarkedExtension {
  const byDepth = HEADING_TOKENS.map((token) => markedTerminal({...options, firstHeading: style(token), heading: style(token)}).renderer!.heading!);
  const heading: RendererObject['heading'] = function (token) {
    return byDepth[Math.min(token.depth, byDepth.length) - 1]!.call(this, token);
  };
  return {renderer: {heading}};
}

/**
 * marked-terminal 7.3 prints the text of a tight list item as written, `**bold**` and
 * `[links](<…>)` included, with marked 13 and later (mikaelbr/marked-terminal#304, #371): such a
 * text token's inline tokens are rendered here; every other text goes on to marked-terminal.
 */
const INLINE_IN_LIST_ITEMS: MarkedExtension = {
  renderer: {
    text(token) {
      return 'tokens' in token && token.tokens ? this.parser.parseInline(token.tokens) : false;
    },
  },
};

/** Wraps one rendered line by cells; a list item's continuation lines hang under its text. */
function wrapLine(line: string, width: number): string {
  // The bullet and indent marked-terminal writes come before any color code.
  const prefix = /^ *(?:[*-] |\d+\. )?/.exec(line)?.[0] ?? '';
  const room = width - prefix.length;
  // trim: a wrapped line neither ends in the space it broke at nor starts with one.
  if (prefix === '' || room < 10) return wrapAnsi(line, width, {hard: true, trim: true});
  return wrapAnsi(line.slice(prefix.length), room, {hard: true, trim: true})
    .split('\n')
    .map((part, i) => (i === 0 ? prefix : ' '.repeat(prefix.length)) + part)
    .join('\n');
}
