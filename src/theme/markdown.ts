import {Marked} from 'marked';
import {markedTerminal} from 'marked-terminal';
import {wrapStyled} from '../text/styled-wrap';
import {chalkTokens, markedTerminalStyles} from './chalk';
import {MARKDOWN_HINT} from './markdown-hint';
import type {Theme} from './theme';

/** A paragraph's inline Markdown as lines of at most `width` cells; undefined for text without Markdown. */
export type MarkdownLines = (text: string, width: number) => string[] | undefined;

/**
 * Inline Markdown (`**Kafka**`, `` `code` ``, links) in the theme's tokens, as the panels
 * (src/ui/markdown.ts) and the colored print (src/text/terminal.ts) both show it: rendered by
 * marked + marked-terminal, and wrapped by display cells. marked-terminal's own reflow
 * (`reflowText`) counts `.length` and would cut a Hangul line at twice its width, so it stays off
 * and wrapStyled (src/text/styled-wrap.ts) breaks the lines where the plain text breaks them
 * (UAX #14, in cells), each line with its styles reopened. The lines carry SGR codes from the theme
 * only: the text itself was sanitized at load. Text without a Markdown mark is left to the
 * caller's plain layout; marked is set up on the first text that has one.
 */
export function markdownLines(theme: Theme): MarkdownLines {
  let marked: Marked | undefined;
  const rendered = new Map<string, string>();
  return (text, width) => {
    if (!MARKDOWN_HINT.test(text)) return undefined;
    let line = rendered.get(text);
    if (line === undefined) {
      if (!marked) {
        marked = new Marked();
        marked.use(markedTerminal({...markedTerminalStyles(chalkTokens(theme.styles)), reflowText: false, emoji: false, showSectionPrefix: false}));
      }
      line = (marked.parseInline(text, {async: false}) as string).replace(/\n/g, ' ');
      rendered.set(text, line);
    }
    return wrapStyled(line, width);
  };
}
