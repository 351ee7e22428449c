import {Marked} from 'marked';
import {markedTerminal} from 'marked-terminal';
import stripAnsi from 'strip-ansi';
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
        const styles = markedTerminalStyles(chalkTokens(theme.styles));
        marked.use(markedTerminal({...styles, reflowText: false, emoji: false, showSectionPrefix: false}));
        // A link as the theme says (not as the process's stdout would: a session over SSH has its
        // own terminal): an OSC 8 hyperlink on its text, or its text and then its address.
        marked.use({
          renderer: {
            link(this: {parser: {parseInline(tokens: unknown): string}}, token: {href: string; tokens: unknown}) {
              const text = this.parser.parseInline(token.tokens);
              const href = token.href;
              if (theme.hyperlinks) return `\x1b]8;;${href}\x07${styles.href!(text)}\x1b]8;;\x07`;
              return stripAnsi(text) === href ? styles.href!(href) : `${text} (${styles.href!(href)})`;
            },
          },
        });
      }
      // Line breaks stay (a paragraph's lines, an HTML list's items): wrap-ansi wraps each line.
      line = marked.parseInline(text, {async: false}) as string;
      rendered.set(text, line);
    }
    // Broken where plain text breaks (UAX #14), each line reopening its styles and link; a link
    // is written in the ST form the frame's other links use (src/ui/components/FrameText.tsx).
    return wrapStyled(line, width).map((l) => (l.includes('\x1b]8;') ? l.replace(/\x1b\]8;;([^\x07]*)\x07/g, '\x1b]8;;$1\x1b\\') : l));
  };
}
