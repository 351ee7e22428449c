import {Marked} from 'marked';
import {markedTerminal} from 'marked-terminal';
import wrapAnsi from 'wrap-ansi';
import type {ResumeDocument} from '../document/model';
import {MARKDOWN_HINT} from '../ui/markdown-hint';
import {createTheme, type Theme} from '../ui/theme';
import {chalkTokens, markedTerminalStyles} from '../ui/theme-chalk';
import {renderStyledLines, type InlineWrap} from './plain';

/**
 * The colored print for a terminal (`kim-resume --format text` on a TTY): the plain text's lines
 * (src/text/plain.ts: the same wrapping, indentation and blank lines), each part in its theme
 * token: the name, section titles, organizations, projects, block labels, periods… chalk's level
 * (set once by src/cli/colour.ts) decides whether any code is written.
 */
export function renderTerminal(doc: ResumeDocument, width: number, theme: Theme = createTheme({color: true, ascii: false})): string {
  const style = chalkTokens(theme.styles);
  const lines = renderStyledLines(doc, width, markdownInline(theme));
  return lines.map((line) => line.map((s) => (s.ansi || !s.token ? s.text : style(s.token)(s.text))).join('')).join('\n') + '\n';
}

/**
 * Inline Markdown in a paragraph (`**Kafka**`, `` `code` ``, links), rendered by marked +
 * marked-terminal in the theme's tokens, as the app renders it in panels (src/ui/markdown.ts).
 * marked-terminal's own `reflowText` counts `.length` and would cut a Hangul line at twice its
 * width, so it stays off and wrap-ansi (string-width inside) does the wrapping. Text without a
 * Markdown mark is left to the plain layout.
 */
function markdownInline(theme: Theme): InlineWrap {
  let marked: Marked | undefined;
  return (text, width) => {
    if (!MARKDOWN_HINT.test(text)) return undefined;
    if (!marked) {
      marked = new Marked();
      marked.use(markedTerminal({...markedTerminalStyles(chalkTokens(theme.styles)), reflowText: false, emoji: false, showSectionPrefix: false}));
    }
    const rendered = (marked.parseInline(text, {async: false}) as string).replace(/\n/g, ' ');
    return wrapAnsi(rendered, width, {hard: true, trim: true}).split('\n');
  };
}
