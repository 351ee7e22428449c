import type {ResumeDocument} from '../document/model';
import {renderPlain} from '../text/plain';

/** Text as HTML text or attribute value: every character that could open markup is escaped. */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]!);

/**
 * The résumé as one self-contained HTML page (`--format html`, and what `serve --http` gives a
 * browser). A first form: the plain text in a <pre>; the page of issue 21 replaces the body.
 */
export function renderHtml(doc: ResumeDocument): string {
  const title = doc.label ? `${doc.name} — ${doc.label}` : doc.name;
  return (
    `<!doctype html>\n<html lang="${escapeHtml(doc.language ?? 'en')}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(title)}</title>\n</head>\n` +
    `<body>\n<pre>${escapeHtml(renderPlain(doc, 80))}</pre>\n</body>\n</html>\n`
  );
}
