import {Marked} from 'marked';
import {markedTerminal} from 'marked-terminal';
import wrapAnsi from 'wrap-ansi';
import {plainInline, type InlineRenderer} from './layout/panel';
import {MARKDOWN_HINT} from './markdown-hint';
import type {Theme} from './theme';
import {chalkTokens, markedTerminalStyles} from './theme-chalk';

/**
 * Inline Markdown in panels, rendered by marked + marked-terminal in the theme's tokens
 * (`**strong**` in `strong`, `` `code` `` in `code`…) and wrapped by display cells: marked-terminal's
 * own reflow (`reflowText`) counts `.length`, so a Hangul line would be cut at twice its width.
 * The result carries SGR codes from the theme only: the text itself was sanitized at load.
 */
export function createMarkdownInline(theme: Theme): InlineRenderer {
  const marked = new Marked();
  marked.use(markedTerminal({...markedTerminalStyles(chalkTokens(theme.styles)), reflowText: false, emoji: false, showSectionPrefix: false}));
  const cache = new Map<string, string>();
  return (text, width, style) => {
    if (!MARKDOWN_HINT.test(text)) return plainInline(text, width, style);
    let rendered = cache.get(text);
    if (rendered === undefined) {
      rendered = (marked.parseInline(text, {async: false}) as string).replace(/\n/g, ' ');
      cache.set(text, rendered);
    }
    return wrapAnsi(rendered, width, {hard: true, trim: true})
      .split('\n')
      .map((line) => [{text: line, style, ansi: true}]);
  };
}
