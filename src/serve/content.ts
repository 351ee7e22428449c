import type {ResumeDocument} from '../document/model';
import {renderHtml} from '../html/page';
import {MAX_WIDTH, MIN_WIDTH} from '../sizes';
import {renderMarkdown} from '../text/markdown';
import {renderPlain} from '../text/plain';
import {renderTerminal} from '../text/terminal';
import {createTheme, THEMES} from '../theme/theme';
import {TEXT_WIDTH} from './options';

/**
 * The résumé as every session gets it, made from the one loaded at start: the app's document,
 * and the printed forms (the same functions as `kim-resume --format …`), each made once per
 * width asked for and kept (a few widths at most are ever asked for; the cache is bounded).
 */
export interface Content {
  doc: ResumeDocument;
  /** The document with the app's ASCII separators, for a client whose locale is not UTF-8. */
  asciiDoc: ResumeDocument;
  plain(width?: number): string;
  /** The colored print, as `kim-resume` prints it on a terminal: for curl, wget and HTTPie. */
  colored(width?: number): string;
  markdown(): string;
  json(): string;
  /** The HTML page (`--format html`): rendered on the first ask, once per loaded file, then kept. */
  html(): string;
}

/** A width asked for, clamped to what `--width` accepts. */
export const clampWidth = (width: number) => Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.trunc(width)));

const CACHED_WIDTHS = 32;

function cached(make: (width: number) => string): (width?: number) => string {
  const made = new Map<number, string>();
  return (width = TEXT_WIDTH) => {
    const cells = clampWidth(width);
    let text = made.get(cells);
    if (text === undefined) {
      text = make(cells);
      if (made.size >= CACHED_WIDTHS) made.delete(made.keys().next().value!);
      made.set(cells, text);
    }
    return text;
  };
}

export function createContent(doc: ResumeDocument, source: object, asciiDoc: ResumeDocument = doc): Content {
  const theme = createTheme({color: true, ascii: false, tokens: THEMES.neutral});
  const markdown = renderMarkdown(doc);
  const json = JSON.stringify(source, null, 2) + '\n';
  let html: string | undefined;
  return {
    doc,
    asciiDoc,
    plain: cached((width) => renderPlain(doc, width)),
    colored: cached((width) => renderTerminal(doc, width, theme)),
    markdown: () => markdown,
    json: () => json,
    html: () => (html ??= renderHtml(doc)),
  };
}
