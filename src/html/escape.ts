/**
 * What keeps data from becoming markup on the page: every string is escaped, and a link's address
 * is kept only when it is http, https, mailto or tel (the schemes src/resume/html.ts keeps).
 */

const ENTITIES: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'};

/** Text as HTML text or a quoted attribute's value: every character that could open markup is escaped. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

const SCHEMES = /^(?:https?:\/\/[^\s/?#]|mailto:[^\s]|tel:\+?[0-9])/i;

/**
 * A link's address when it may be one: http(s) with a host, mailto, tel; nothing that holds a space
 * or a control character (a browser would strip them, and `java\tscript:` is how that is abused).
 */
export function safeUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const trimmed = url.trim();
  if (/[\s\x00-\x1f\x7f-\x9f]/.test(trimmed)) return undefined;
  return SCHEMES.test(trimmed) ? trimmed : undefined;
}

/** A phone number's tel: address (RFC 3966: digits, with a leading + kept), or undefined without digits. */
export function telUrl(phone: string): string | undefined {
  const digits = phone.replace(/[^0-9+]/g, '').replace(/(?!^)\+/g, '');
  return /[0-9]{3}/.test(digits) ? `tel:${digits}` : undefined;
}

/**
 * JSON inside `<script type="application/ld+json">`: `<` written as `\u003c`, so no `</script>` or
 * `<!--` in the data can end the element (https://html.spec.whatwg.org/multipage/scripting.html#restrictions-for-contents-of-script-elements).
 * `>` and `&` too, and the two line separators JavaScript once read as line ends.
 */
export const scriptJson = (value: unknown): string =>
  JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
