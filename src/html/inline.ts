import {escapeHtml, safeUrl} from './escape';

/**
 * A paragraph's inline marks as HTML. HTML in the data was read at load into the marks inline
 * Markdown gives (src/resume/html.ts: `**bold**`, `*italics*`, `[text](address)`, line breaks), and
 * people write `` `code` `` themselves: those four become <strong>, <em>, <a> and <code>, and a
 * line break <br>. Nothing else is markup: every other character is escaped, and a link whose
 * address is not http, https, mailto or tel keeps its text alone.
 */

/** A link (as plain.ts reads it), code, bold, italics: the first that starts earliest wins. */
const MARK = /\[((?:\\.|[^\\\]])*)\]\(([^()\s]+)\)|`([^`\n]+)`|\*\*(?=\S)((?:[^*\n]|\*(?!\*))+?)\*\*|\*(?=[^\s*])([^*\n]+?)\*/g;

function marks(text: string, depth: number): string {
  if (depth > 4 || !/[*`[]/.test(text)) return escapeHtml(text);
  let out = '';
  let at = 0;
  for (const m of text.matchAll(MARK)) {
    out += escapeHtml(text.slice(at, m.index));
    at = m.index + m[0].length;
    const [whole, linkText, address, code, bold, italic] = m;
    if (linkText !== undefined) {
      const shown = linkText.replace(/\\([\\[\]])/g, '$1');
      // An address from HTML had `<>()\` percent-encoded at load (src/resume/html.ts): a browser reads it the same.
      const url = safeUrl(address);
      out += url ? `<a href="${escapeHtml(url)}">${marks(shown, depth + 1)}</a>` : marks(shown, depth + 1);
    } else if (code !== undefined) out += `<code>${escapeHtml(code)}</code>`;
    else if (bold !== undefined) out += `<strong>${marks(bold, depth + 1)}</strong>`;
    else if (italic !== undefined) out += `<em>${marks(italic, depth + 1)}</em>`;
    else out += escapeHtml(whole);
  }
  return out + escapeHtml(text.slice(at));
}

/** A paragraph or list item as HTML: its inline marks, its line breaks as <br>. */
export const inlineHtml = (text: string): string => marks(text, 0).replace(/\n/g, '<br>');
