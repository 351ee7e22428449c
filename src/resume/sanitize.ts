/**
 * Text from data is data: nothing in a résumé may reach the terminal as a control.
 *
 * Applied once, at load (see load.ts), to every string and every key. The filter has the
 * shape of gemini-cli's `stripUnsafeCharacters`, extended for what strip-ansi leaves behind
 * (it removes CSI and `ESC ]` sequences only, not bare controls, C1 controls or DCS/APC strings:
 * https://github.com/chalk/strip-ansi, https://invisible-island.net/xterm/ctlseqs/ctlseqs.html): 7-bit and 8-bit escape sequences are removed whole
 * (CSI, OSC with its payload, DCS/SOS/PM/APC strings), then any remaining C0/C1 control,
 * bidirectional override, zero-width space and BOM is dropped. Newlines survive (they are
 * structure); tabs become spaces (string-width counts a tab as zero cells); CR LF becomes LF
 * and a bare CR becomes LF. ZWJ/ZWNJ survive so emoji sequences keep rendering.
 *
 * Then what no two terminals draw alike, so no width count can match: a lone surrogate (invalid
 * UTF-16, which `JSON.parse` accepts from `"\ud800"`) becomes U+FFFD, drawn and counted as one
 * cell; soft hyphens (U+00AD, which some terminals draw as a hyphen, others as nothing, and the
 * app never hyphenates) and the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0: blank, drawn 0 to
 * 2 cells wide, and the usual way to fake an empty name) are removed, and so is a zero-width
 * joiner that joins nothing (an emoji sequence cut short: tmux joins the next character to it).
 */

// ESC or C1 introducers, followed by the body of the sequence.
//  - CSI: ESC [ or 0x9B, parameters 0x30-0x3F, intermediates 0x20-0x2F, final 0x40-0x7E
//  - OSC/DCS/SOS/PM/APC: ESC ] P X ^ _ (or 0x9D 0x90 0x98 0x9E 0x9F), payload up to BEL or ST
//    (ESC \ or 0x9C); an unterminated string eats to the end (what a terminal would swallow)
//  - any other ESC x: two-character escape (ESC 7, ESC c, ESC ( B ...)
const SEQUENCE =
  /(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?|(?:\x1b[\]PX^_]|[\x9d\x90\x98\x9e\x9f])[\s\S]*?(?:\x07|\x1b\\|\x9c|$)|\x1b[\x20-\x2f]*[\x30-\x7e]?/g;

// What may never be printed: C0 but \n, DEL, C1, bidi controls, ZWSP, word joiner..BOM-ish.
const UNSAFE = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

// Soft hyphen and the Hangul fillers.
const INVISIBLE = /[\u00ad\u115f\u1160\u3164\uffa0]/g;
// A dangling zero-width joiner: after an emoji part and before no pictograph (`👨‍👩‍` cut short),
// or before a space or the end. It joins nothing, yet tmux joins whatever is printed next to the
// cell before it (the next word, a box border, the first character of the next row), which no
// width count can follow. A ZWJ inside a word (Indic half forms, क्‍ष) is kept.
const DANGLING_ZWJ = /(?<=[\p{Extended_Pictographic}\p{Emoji_Modifier}\ufe0f\u20e3])\u200d(?!\p{Extended_Pictographic})|\u200d(?=\s|$)/gu;

// Text made only of these is left as it is, in one regex test: printable ASCII, newline, Latin-1
// but the soft hyphen, Latin Extended and IPA (below U+0300), general punctuation (en and em
// dashes, curly quotes, bullets, ellipses; not the bidi controls or line separators), CJK
// ideographs and Hangul syllables. No replacement below touches any of them, and each has
// NFC_Quick_Check=Yes and composes with nothing before it (every "No" or "Maybe" code point of
// https://www.unicode.org/Public/UCD/latest/ucd/DerivedNormalizationProps.txt lies outside), so
// such text is NFC already: nearly every string of a résumé skips the six passes and the normalizer.
const UNTOUCHED_SET = String.raw`\n\x20-\x7e\xa0-\xac\xae-\u02ff\u2010-\u2027\u2030-\u205e\u4e00-\u9fff\uac00-\ud7a3`;
const UNTOUCHED = new RegExp(`^[${UNTOUCHED_SET}]*$`);

/**
 * A character of a JSON text that could make sanitizing change one of its strings or keys once
 * parsed: one outside UNTOUCHED's set, the JSON's own whitespace (tab and CR) and pictographs of
 * U+1F000–U+1FBFF as whole surrogate pairs aside (none has a canonical decomposition or composes
 * with what precedes it: test/unit/sanitize.test.ts checks every one).
 */
const CHANGEABLE_CHARACTER = new RegExp(String.raw`[^${UNTOUCHED_SET}\t\r\ud83c-\ud83e\udc00-\udfff]`);

/**
 * Whether sanitizeValue would give back JSON.parse(text) as it is: a few passes over the file's
 * text instead of one per string (a 1.4 MB résumé: ~3 ms against ~10). It may not when the text
 * has a lone surrogate (String.prototype.isWellFormed, ES2024, native), a character sanitizing
 * may change, an escape but \" \\ \/ \n (\t, \r, \b, \f and \u may make what the filter
 * removes), or a "__proto__" key, which sanitizeValue copies. Such a text is sanitized string by
 * string, as always. Each check is a separate native scan: one regex alternating them all tried
 * every branch at every character, 2-3 times slower on a first run.
 */
export function sourceIsUntouched(text: string): boolean {
  return text.isWellFormed() && !CHANGEABLE_CHARACTER.test(text) && !text.includes('__proto__') && onlyUntouchedEscapes(text);
}

/**
 * Whether every escape of a JSON text is \" \\ \/ or \n. Every backslash JSON.parse accepts
 * opens an escape, and an escape is two characters (a \u escape is refused at its first two), so
 * the next backslash after one is the next escape.
 */
function onlyUntouchedEscapes(text: string): boolean {
  for (let i = text.indexOf('\\'); i !== -1; i = text.indexOf('\\', i + 2)) {
    const next = text.charCodeAt(i + 1);
    if (next !== 0x22 && next !== 0x5c && next !== 0x2f && next !== 0x6e) return false;
  }
  return true;
}

/** Returns `text` with every terminal control removed; well-formed UTF-16, NFC-normalized. */
export function sanitizeText(text: string): string {
  return UNTOUCHED.test(text) ? text : filterText(text);
}

/** The whole filter, which sanitizeText skips for text it cannot change (exported for its test). */
export function filterText(text: string): string {
  // toWellFormed (ES2024): each lone surrogate becomes U+FFFD.
  return text
    .toWellFormed()
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/\t/g, '    ')
    .replace(SEQUENCE, '')
    .replace(UNSAFE, '')
    .replace(INVISIBLE, '')
    .replace(DANGLING_ZWJ, '')
    .normalize('NFC');
}

/**
 * Sanitizes every string (and every object key) in a parsed JSON value. What sanitizing leaves
 * unchanged is returned as it is, not copied: a résumé without controls in it (nearly all) costs
 * one walk, not a second tree of a megabyte.
 */
export function sanitizeValue(value: unknown): unknown {
  if (typeof value === 'string') return sanitizeText(value);
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const clean = sanitizeValue(item);
      if (clean !== item) (out ??= value.slice())[i] = clean;
    }
    return out ?? value;
  }
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    let out: Record<string, unknown> | undefined;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const inner = record[key];
      const cleanKey = sanitizeText(key);
      const clean = sanitizeValue(inner);
      // A key that changes, or "__proto__" (an own key from JSON.parse, which assigning does not
      // recreate: kept as the copy always treated it), makes a new object; so does a value that changes.
      if (!out && (cleanKey !== key || clean !== inner || key === '__proto__')) {
        out = {};
        // The keys before it are unchanged, and so are their values.
        for (let j = 0; j < i; j++) out[keys[j]!] = record[keys[j]!];
      }
      if (out) out[cleanKey] = clean;
    }
    return out ?? record;
  }
  return value;
}
