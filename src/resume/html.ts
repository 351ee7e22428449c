import {sanitizeText} from './sanitize';

/**
 * HTML in a résumé's strings, read for its inline meaning. JSON Resume themes render HTML, so
 * people write `<strong>`, `<a href>` and `<br>` into their summaries. At load (normalize.ts, after
 * sanitize.ts has stripped control sequences) such a string becomes the marks inline Markdown
 * gives, which every view already knows: `<b>`/`<strong>` → `**bold**`, `<i>`/`<em>` → `*italics*`,
 * `<a href>` → `[text](address)` (only http, https, mailto and tel; any other target keeps its
 * text alone), `<br>`, `<p>` and other blocks → a line break, `<li>` → a line `- item` (`1. item`
 * in an `<ol>`). Entities are decoded. Every other tag is dropped and its text kept;
 * `<script>`, `<style>`, `<template>` and `<noscript>` are dropped with their content, and so are
 * comments. Nothing runs: this is a tokenizer that copies text. The result is sanitized again, so
 * an entity (`&#27;`, `&#x9b;`) can never produce an escape sequence or a control character.
 *
 * A string is read as HTML only when it holds a tag of an HTML element (`<b>`, `</p>`, `<br/>`,
 * `<span class=…>`) or a comment: `List<String>` or `a <3 b` are text. A string with only
 * entities (`R&amp;D`) has them decoded and nothing else changed. Only strings with `<` or `&`
 * pay for any of it.
 *
 * Hand-written rather than htmlparser2: its Parser, Tokenizer and entity table bundle to 22.3 kB
 * gzipped (14.2 kB of it the table of 2,231 named entities), past the package's budget. This reads
 * tags as the HTML tokenizer's tag, attribute and raw-text states do (quoted attribute values,
 * `>` inside quotes, `</script` ending a script), and decodes numeric references as the HTML
 * standard says (https://html.spec.whatwg.org/multipage/parsing.html#numeric-character-reference-end-state)
 * and the named references résumés use (HTML 4's Latin-1, typography, arrows); another name stays
 * as written.
 */

/** `rich`: marks and line breaks (a paragraph); `line`: text only (a name, a title, a keyword). */
export type HtmlMode = 'rich' | 'line';

/** Dropped with everything inside them. */
const HIDDEN = new Set('script style template noscript head title iframe object svg select datalist'.split(' '));
/** A line break before and after. */
const BLOCKS = new Set(
  'address article aside blockquote body center dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend main menu nav p pre section summary table tbody tfoot thead tr'.split(' '),
);
const BOLD = new Set(['b', 'strong', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const ITALIC = new Set(['i', 'em', 'cite', 'dfn', 'var']);
// The elements of the HTML standard's index (https://html.spec.whatwg.org/multipage/indices.html#elements-3)
// that résumés use, with the obsolete ones themes still meet: a tag of one of these makes a string HTML.
const ELEMENTS = new Set([
  ...HIDDEN,
  ...BLOCKS,
  ...BOLD,
  ...ITALIC,
  ...'a abbr big br button caption code col colgroup data del font img input ins kbd label li link mark meta ol q s samp small span strike sub sup td textarea th time tt u ul wbr'.split(' '),
]);
const LINK_SCHEMES = /^(?:https?:\/\/|mailto:|tel:)/i;

/** A tag of an HTML element, or a comment: what makes a string HTML. */
const TAG_HINT = /<\/?([A-Za-z][A-Za-z0-9]*)(?=[\s/>])|<!--/g;
/** A character reference: `&amp;`, `&#39;`, `&#x2014;`. */
const ENTITY = /&(?:#(\d{1,8})|#[xX]([0-9A-Fa-f]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));/g;

/** Whether a string holds a tag of an HTML element or a comment. */
function holdsTag(text: string): boolean {
  TAG_HINT.lastIndex = 0;
  for (let m = TAG_HINT.exec(text); m; m = TAG_HINT.exec(text)) {
    if (m[1] === undefined || ELEMENTS.has(m[1].toLowerCase())) return true;
  }
  return false;
}

/** `text` with its HTML read as inline marks (`rich`) or as plain text (`line`); text without HTML as it is. */
export function reduceHtml(text: string, mode: HtmlMode = 'rich'): string {
  const lt = text.indexOf('<');
  const amp = text.indexOf('&');
  if (lt === -1 && amp === -1) return text;
  if (lt !== -1 && holdsTag(text)) return sanitizeText(render(tokenize(text), mode));
  if (amp === -1) return text;
  const decoded = decodeEntities(text);
  return decoded === text ? text : sanitizeText(decoded);
}

// ---------------------------------------------------------------------------------------------
// Entities

// The 96 named references of Latin-1, U+00A0 to U+00FF in order.
const LATIN1 =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest ' +
  'Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig ' +
  'agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';
// The others of HTML 4 that résumés use (typography, arrows, a few symbols): name, then code point (hex).
const OTHERS =
  'quot 22 amp 26 apos 27 lt 3c gt 3e OElig 152 oelig 153 Scaron 160 scaron 161 Yuml 178 ensp 2002 emsp 2003 thinsp 2009 zwnj 200c zwj 200d ' +
  'ndash 2013 mdash 2014 lsquo 2018 rsquo 2019 sbquo 201a ldquo 201c rdquo 201d bdquo 201e dagger 2020 Dagger 2021 bull 2022 hellip 2026 permil 2030 prime 2032 Prime 2033 ' +
  'lsaquo 2039 rsaquo 203a euro 20ac trade 2122 larr 2190 uarr 2191 rarr 2192 darr 2193 harr 2194 rArr 21d2 hArr 21d4 minus 2212 ' +
  'infin 221e asymp 2248 ne 2260 le 2264 ge 2265 check 2713 star 2606 starf 2605';

let named: Map<string, string> | undefined;
function namedEntities(): Map<string, string> {
  if (named) return named;
  named = new Map();
  LATIN1.split(' ').forEach((name, i) => named!.set(name, String.fromCodePoint(0xa0 + i)));
  const pairs = OTHERS.split(' ');
  for (let i = 0; i < pairs.length; i += 2) named.set(pairs[i]!, String.fromCodePoint(parseInt(pairs[i + 1]!, 16)));
  return named;
}

// What the HTML standard reads references 0x80–0x9F as (windows-1252); a space holds no mapping.
const C1 = '€ ‚ƒ„…†‡ˆ‰Š‹Œ Ž  ‘’“”•–—˜™š›œ žŸ';

/** A numeric reference's character, as the HTML standard decodes it. */
function fromCodePoint(code: number): string {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  if (code >= 0x80 && code <= 0x9f) {
    const mapped = C1[code - 0x80]!;
    if (mapped !== ' ') return mapped;
  }
  return String.fromCodePoint(code);
}

/** Decodes character references; an unknown name stays as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (dec !== undefined) return fromCodePoint(Number(dec));
    if (hex !== undefined) return fromCodePoint(parseInt(hex, 16));
    return namedEntities().get(name!) ?? whole;
  });
}

// ---------------------------------------------------------------------------------------------
// Tokens

type Token = {kind: 'text'; text: string} | {kind: 'open'; name: string; attrs: Record<string, string>; selfClosing: boolean} | {kind: 'close'; name: string};

const NAME = /[A-Za-z][^\s/>]*/y;
const ATTR = /[\s/]*([^\s"'>/=][^\s"'>/=]*)(?:\s*=\s*(?:"([^"]*)"?|'([^']*)'?|([^\s>]*)))?/y;

/**
 * Splits HTML into text, start tags (with their attributes) and end tags. A `<` that starts no
 * tag is text; a tag cut off by the end of the string is dropped, as a browser drops it.
 */
function tokenize(html: string): Token[] {
  const tokens: Token[] = [];
  let text = '';
  let i = 0;
  const flush = () => {
    if (text !== '') tokens.push({kind: 'text', text: decodeEntities(text)}), (text = '');
  };
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      text += html.slice(i);
      break;
    }
    text += html.slice(i, lt);
    const next = html[lt + 1] ?? '';
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    if (next === '!' || next === '?') {
      // A doctype, CDATA or processing instruction: a bogus comment, up to the next `>`.
      const end = html.indexOf('>', lt);
      i = end === -1 ? html.length : end + 1;
      continue;
    }
    const closing = next === '/';
    NAME.lastIndex = lt + (closing ? 2 : 1);
    const name = NAME.exec(html)?.[0];
    if (!name) {
      text += '<';
      i = lt + 1;
      continue;
    }
    // The attributes, up to the `>` that ends the tag (a `>` inside quotes does not).
    const attrs: Record<string, string> = {};
    let at = NAME.lastIndex;
    for (;;) {
      ATTR.lastIndex = at;
      const m = ATTR.exec(html);
      if (!m || m[0] === '') break;
      const key = m[1]!.toLowerCase();
      if (!(key in attrs)) attrs[key] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
      at = ATTR.lastIndex;
    }
    while (at < html.length && /[\s/]/.test(html[at]!)) at++;
    if (html[at] !== '>') {
      // Cut off by the end of the string: dropped, with what follows.
      i = html.length;
      break;
    }
    flush();
    const lower = name.toLowerCase();
    const selfClosing = html[at - 1] === '/';
    i = at + 1;
    // A hidden element leaves no token at all: not its tags, not what is inside.
    if (closing) {
      if (!HIDDEN.has(lower)) tokens.push({kind: 'close', name: lower});
      continue;
    }
    if (!HIDDEN.has(lower)) tokens.push({kind: 'open', name: lower, attrs, selfClosing});
    if ((HIDDEN.has(lower) || lower === 'textarea') && !selfClosing) {
      // Raw text: nothing inside is a tag, up to its own end tag (`</script`); with none, the rest.
      const end = new RegExp(`</${lower}(?=[\\s/>])`, 'gi');
      end.lastIndex = i;
      const found = end.exec(html);
      const inner = html.slice(i, found ? found.index : html.length);
      if (!HIDDEN.has(lower) && inner !== '') tokens.push({kind: 'text', text: decodeEntities(inner)});
      if (!found) return tokens;
      i = found.index;
    }
  }
  flush();
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// Rendering

/** A URL a link may point to: http, https, mailto or tel, with no space or control inside. */
function linkTarget(href: string | undefined): string | undefined {
  if (href === undefined) return undefined;
  const url = href.trim();
  return LINK_SCHEMES.test(url) && !/[\s\x00-\x1f\x7f-\x9f]/.test(url) ? url : undefined;
}

/** A link's text inside `[…]`: brackets and backslashes escaped so the link holds together. */
const linkText = (text: string) => text.replace(/[\\[\]]/g, '\\$&');
/** A link's address inside `(…)`: nothing in it can end it (it holds no space: linkTarget). */
const linkAddress = (url: string) => url.replace(/[<>()\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The tokens as text: inline marks and line breaks in `rich` mode, text alone in `line` mode. */
function render(tokens: Token[], mode: HtmlMode): string {
  const rich = mode === 'rich';
  let out = '';
  let bold = 0;
  let italic = 0;
  /** Marks opened but not written yet: written before the next visible text. */
  let pending = '';
  const lists: Array<{ordered: boolean; n: number}> = [];
  let link: {url: string; start: number} | undefined;

  const open = () => (bold > 0 ? '**' : '') + (italic > 0 ? '*' : '');
  const atLineStart = () => out === '' || out.endsWith('\n');
  /** Closes a mark: its closer after the text, before trailing spaces; one opened on nothing is forgotten. */
  const closeMark = (mark: string) => {
    if (pending.includes(mark)) {
      pending = pending.replace(mark, '');
      return;
    }
    const trimmed = out.trimEnd();
    out = trimmed + mark + out.slice(trimmed.length);
  };
  /** Closes every open mark, innermost (italics) first. */
  const closeAll = () => {
    if (italic > 0) closeMark('*');
    if (bold > 0) closeMark('**');
  };
  const lineBreak = (blank = false) => {
    if (!rich) {
      if (!atLineStart() && !out.endsWith(' ')) out += ' ';
      return;
    }
    // Marks do not run across a line break: closed before it, opened again after it.
    const marks = open();
    closeAll();
    out = out.replace(/ +$/, '');
    if (out !== '' && !out.endsWith('\n')) out += '\n';
    else if (blank && out !== '' && !out.endsWith('\n\n')) out += '\n';
    pending = marks;
  };
  const block = () => {
    if (!atLineStart()) lineBreak();
  };
  const write = (raw: string) => {
    let text = raw.replace(/[ \t\n\f\r]+/g, ' ');
    if (atLineStart() || out.endsWith(' ')) text = text.replace(/^ /, '');
    if (text === '') return;
    if (pending !== '' && text.trim() !== '') {
      const lead = text.startsWith(' ') ? ' ' : '';
      out += lead + pending;
      pending = '';
      text = text.slice(lead.length);
    }
    out += text;
  };

  for (const token of tokens) {
    if (token.kind === 'text') {
      write(token.text);
      continue;
    }
    const name = token.name;
    if (token.kind === 'open') {
      if (name === 'br') lineBreak(atLineStart());
      else if (name === 'li') {
        block();
        if (rich) {
          const list = lists.at(-1);
          // A list inside a list is indented under its item.
          out += '  '.repeat(Math.max(0, lists.length - 1)) + (list?.ordered ? `${++list.n}. ` : '- ');
        }
      } else if (name === 'ul' || name === 'ol') {
        block();
        const start = Number.parseInt(token.attrs.start ?? '', 10);
        lists.push({ordered: name === 'ol', n: Number.isFinite(start) ? start - 1 : 0});
      } else if (BLOCKS.has(name)) block();
      else if (name === 'td' || name === 'th') {
        if (!atLineStart()) write(' ');
      } else if (name === 'img') {
        // An image says what it shows in its alt text.
        const alt = token.attrs.alt?.trim();
        if (alt) write(alt);
      }
      if (!rich) continue;
      if (BOLD.has(name) && !token.selfClosing && bold++ === 0) pending += '**';
      else if (ITALIC.has(name) && !token.selfClosing && italic++ === 0) pending += '*';
      else if (name === 'a' && !link) {
        const url = linkTarget(token.attrs.href);
        if (url) {
          // Marks opened before the link stay outside it.
          if (pending) (out += pending), (pending = '');
          link = {url, start: out.length};
        }
      }
      continue;
    }
    // An end tag.
    if (name === 'ul' || name === 'ol') {
      lists.pop();
      block();
    } else if (name === 'li' || BLOCKS.has(name)) block();
    if (!rich) continue;
    if (BOLD.has(name) && bold > 0 && --bold === 0) closeMark('**');
    else if (ITALIC.has(name) && italic > 0 && --italic === 0) closeMark('*');
    else if (name === 'a' && link) {
      const inner = out.slice(link.start);
      const shown = inner.trim();
      const bare = link.url.replace(/^(?:mailto|tel):/i, '');
      // A link that shows its own address (or nothing) is the address, once.
      if (shown === '' || shown === link.url || shown === bare) out = out.slice(0, link.start) + (shown === '' ? link.url : inner);
      else out = `${out.slice(0, link.start)}[${linkText(shown)}](${linkAddress(link.url)})`;
      link = undefined;
    }
  }
  if (rich) {
    if (link) {
      const inner = out.slice(link.start).trim();
      out = inner === '' ? out + link.url : `${out.slice(0, link.start)}[${linkText(inner)}](${linkAddress(link.url)})`;
    }
    closeAll();
  }
  // Spaces at the ends of lines, and blank lines beyond one, are layout, not text.
  return out
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
