import {markdownLines} from '../theme/markdown';
import type {Theme} from '../theme/theme';
import {plainInline, type InlineRenderer} from './layout/panel';

/**
 * Inline Markdown in panels: the theme's Markdown (src/theme/markdown.ts), each line one span of
 * text styled already; text without Markdown wrapped plainly. Loaded only for a résumé that has
 * some (src/ui/start.ts), and marked with it.
 */
export function createMarkdownInline(theme: Theme): InlineRenderer {
  const markdown = markdownLines(theme);
  return (text, width, style) => markdown(text, width)?.map((line) => [{text: line, style, ansi: true}]) ?? plainInline(text, width, style);
}
