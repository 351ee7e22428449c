import {Marked} from 'marked';
import {markedTerminal} from 'marked-terminal';
import wrapAnsi from 'wrap-ansi';
import type {ResumeDocument} from '../document/model';
import {renderMarkdown} from './markdown';

/**
 * The colored print for a terminal (`kim-resume --format text` on a TTY): the Markdown export
 * rendered by marked + marked-terminal, then wrapped by display cells. marked-terminal's own
 * `reflowText` counts `.length` and breaks Korean lines (FIELD-NOTES "Colors"), so it stays off
 * and wrap-ansi (string-width inside) does the wrapping. Colors follow chalk's level.
 */
export function renderTerminal(doc: ResumeDocument, width: number): string {
  const marked = new Marked();
  marked.use(
    markedTerminal({
      reflowText: false,
      showSectionPrefix: false,
      emoji: false,
      tab: 2,
      width,
      tableOptions: {style: {head: [], border: []}},
    }),
  );
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
