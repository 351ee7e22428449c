/**
 * Content negotiation for `serve --http`, pure: which of the forms a request prefers (`Accept`),
 * which content coding (`Accept-Encoding`), and whether the client's copy is current
 * (`If-None-Match`). RFC 9110 §12.4–12.5 and §13.1.2.
 */

/** One element of an Accept or Accept-Encoding list: its name (lower case) and weight. */
export interface Weighted {
  name: string;
  q: number;
}

/**
 * A comma-separated list of `name;param=value;q=0.5` elements (RFC 9110 §12.4.2): each name in
 * lower case with its weight (1 when it has none). An element whose weight is not a number from
 * 0 to 1 is left out, as are empty ones; parameters other than `q` are ignored.
 */
export function parseWeighted(header: string | undefined): Weighted[] {
  if (header === undefined) return [];
  const list: Weighted[] = [];
  for (const element of header.split(',')) {
    const [name = '', ...params] = element.split(';').map((part) => part.trim());
    if (name === '') continue;
    let q = 1;
    for (const param of params) {
      const [key = '', value = ''] = param.split('=').map((part) => part.trim());
      if (key.toLowerCase() !== 'q') continue;
      q = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/.test(value) ? Number(value) : NaN;
    }
    if (!Number.isNaN(q)) list.push({name: name.toLowerCase(), q});
  }
  return list;
}

/**
 * The weight an Accept list gives a media type: that of its most specific range (`text/html`
 * before `text/*` before `*\/*`); 0 when none matches. No Accept at all accepts everything (1).
 */
export function mediaQuality(accept: string | undefined, type: string): number {
  if (accept === undefined) return 1;
  const [major] = type.split('/');
  let best = -1;
  let q = 0;
  for (const range of parseWeighted(accept)) {
    const specificity = range.name === type ? 2 : range.name === `${major}/*` ? 1 : range.name === '*/*' ? 0 : -1;
    if (specificity > best) [best, q] = [specificity, range.q];
  }
  return q;
}

/**
 * Whether `/` should be the HTML page: only when the client weighs `text/html` above
 * `text/plain`. A browser does (`text/html,…,*\/*;q=0.8`); curl, wget and HTTPie send `*\/*`
 * (HTTPie with JSON `application/json, *\/*;q=0.5`), a tie that keeps the text they have always had.
 */
export function prefersHtml(accept: string | undefined): boolean {
  return mediaQuality(accept, 'text/html') > mediaQuality(accept, 'text/plain');
}

/** The content codings the server makes, best first (brotli is the smaller for text). */
export type Coding = 'br' | 'gzip' | 'identity';
const OFFERED: readonly Coding[] = ['br', 'gzip', 'identity'];

/**
 * The coding to send, from Accept-Encoding (RFC 9110 §12.5.3): the acceptable one of highest
 * weight, ties to brotli, then gzip, then none. No header, or an empty one, gets none (curl
 * without `--compressed` sends none: it gets the bytes it always had). `identity` is acceptable
 * unless it, or `*` without it, is weighed 0; it is then sent anyway when nothing else is
 * acceptable (the RFC's "SHOULD send a response without any content coding" when nothing listed is
 * available, and no 406 for a résumé). `x-gzip` is gzip (§8.4.1.3).
 */
export function chooseCoding(header: string | undefined): Coding {
  const listed = parseWeighted(header).map((w) => (w.name === 'x-gzip' ? {...w, name: 'gzip'} : w));
  const weightOf = (coding: Coding): number => {
    const own = listed.find((w) => w.name === coding);
    if (own) return own.q;
    const any = listed.find((w) => w.name === '*');
    if (any) return any.q;
    // Not named: identity is acceptable, below every coding the client did name.
    return coding === 'identity' ? 0.0001 : 0;
  };
  let best: Coding = 'identity';
  let bestQ = 0;
  for (const coding of OFFERED) {
    const q = weightOf(coding);
    if (q > bestQ) [best, bestQ] = [coding, q];
  }
  return best;
}

/**
 * Whether If-None-Match matches the representation's entity tag (RFC 9110 §13.1.2): `*`, or a
 * list of tags one of which equals it by the weak comparison (`W/"x"` matches `"x"`). A header
 * that is not a list of entity tags matches nothing.
 */
export function noneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.replace(/^W\//, '');
  const tags = header.match(/(?:W\/)?"[\x21\x23-\x7e\x80-\xff]*"/g) ?? [];
  return tags.some((tag) => opaque(tag) === opaque(etag));
}
