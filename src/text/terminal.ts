import type {ResumeDocument} from '../document/model';
import {chalkTokens} from '../theme/chalk';
import {markdownLines} from '../theme/markdown';
import {createTheme, type Theme} from '../theme/theme';
import {renderStyledLines} from './plain';

/**
 * The colored print for a terminal (`kim-resume --format text` on a TTY): the plain text's lines
 * (src/text/plain.ts: the same wrapping, indentation and blank lines), each part in its theme
 * token: the name, section titles, organizations, projects, block labels, periods; inline Markdown
 * in a paragraph as the app shows it in panels (src/theme/markdown.ts). chalk's level (set once
 * by src/cli/colour.ts) decides whether any code is written.
 */
export function renderTerminal(doc: ResumeDocument, width: number, theme: Theme = createTheme({color: true, ascii: false})): string {
  const style = chalkTokens(theme.styles);
  const lines = renderStyledLines(doc, width, markdownLines(theme), theme.glyphs.separator);
  return lines.map((line) => line.map((s) => (s.ansi || !s.token ? s.text : style(s.token)(s.text))).join('')).join('\n') + '\n';
}
