import chalk from 'chalk';
import {Marked} from 'marked';
import {markedTerminal} from 'marked-terminal';
import wrapAnsi from 'wrap-ansi';
import {plainInline, type InlineRenderer} from './layout/panel';
import {MARKDOWN_HINT} from './markdown-hint';

/**
 * Inline Markdown in panels, rendered by marked + marked-terminal and wrapped by display cells
 * (marked-terminal's own reflow counts `.length`; FIELD-NOTES "Colors"). The result carries SGR
 * codes from marked-terminal only: the text itself was sanitized at load.
 */
export function createMarkdownInline(color: boolean): InlineRenderer {
  chalk.level = color ? Math.max(chalk.level, 1) as 1 | 2 | 3 : 0;
  const marked = new Marked();
  marked.use(markedTerminal({reflowText: false, emoji: false, showSectionPrefix: false}));
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
