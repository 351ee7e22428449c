/**
 * Hostile résumé data: JSON Resume documents whose strings carry terminal controls (escape
 * sequences, C0/C1 bytes, bidi overrides, zero-width characters) next to text that must survive
 * (a ZWJ emoji family, a decomposed é, Hangul, a 600-character word). Used by the hostile-data
 * tests on every output; the sanitizer (src/resume/sanitize.ts) must take out every control and
 * keep every visible word.
 */

/** One payload per kind of control, each between visible marker words. */
export const HOSTILE_PAYLOADS = {
  csiClear: '\u001b[2J',
  csiRed: '\u001b[31m',
  oscTitle: '\u001b]0;pwned\u0007',
  oscClipboard: '\u001b]52;c;SGVsbG8=\u0007',
  oscHyperlink: '\u001b]8;;http://evil\u001b\\click\u001b]8;;\u001b\\',
  dcs: '\u001bPq#0\u001b\\',
  apc: '\u001b_x\u001b\\',
  c1Csi: '\u009b31m',
  c1Osc: '\u009d0;t\u0007',
  bel: '\u0007',
  backspace: '\b',
  bareCr: '\r',
  nul: '\u0000',
  del: '\u007f',
  bidiOverride: '\u202e',
  zeroWidthSpace: '\u200b',
} as const;

/** Text that must reach the reader as written. */
export const ZWJ_FAMILY = '👩\u200d👩\u200d👧';
/** `é` as e + COMBINING ACUTE ACCENT: shown (and exported) as the composed U+00E9. */
export const DECOMPOSED_E = 'e\u0301';
export const COMPOSED_E = '\u00e9';
/** A 600-character word with no break opportunity: must be broken to fit, never overflow. */
export const LONG_WORD = 'W'.repeat(300) + 'x'.repeat(300);

/**
 * A string with every payload, each after a visible marker word (`alpha0`, `alpha1`, …) so that
 * tests can tell the surrounding text survived. `tag` makes the markers of each field distinct.
 */
export function hostileString(tag: string): string {
  const parts = Object.values(HOSTILE_PAYLOADS).map((payload, i) => `${tag}${i} ${payload}`);
  return `${parts.join(' ')} ${ZWJ_FAMILY} caf${DECOMPOSED_E} ${tag}end`;
}

/** The visible words `hostileString(tag)` must still show after sanitizing. */
export function survivingWords(tag: string): string[] {
  return [...Object.keys(HOSTILE_PAYLOADS).map((_, i) => `${tag}${i}`), `${tag}end`, `caf${COMPOSED_E}`];
}

/** Fields of the hostile résumé and the marker tag each carries. */
export const HOSTILE_TAGS = {
  name: 'nm',
  label: 'lb',
  summary: 'sm',
  workName: 'wn',
  workPosition: 'wp',
  projectName: 'pn',
  projectDescription: 'pd',
  projectHighlight: 'ph',
  projectKeyword: 'pk',
  essayTitle: 'et',
  essayEntryTitle: 'ee',
  essayBody: 'eb',
} as const;

/**
 * A JSON Resume (valid once sanitized) whose every text field is hostile. The project belongs to
 * the work entry by `entity`, which must match the work entry's name as loaded: both carry the
 * same hostile string, so they match after sanitizing as well.
 */
export function hostileResume(): Record<string, unknown> {
  const t = HOSTILE_TAGS;
  const workName = hostileString(t.workName);
  return {
    basics: {name: hostileString(t.name), label: hostileString(t.label), summary: `${hostileString(t.summary)} ${LONG_WORD}`},
    work: [{name: workName, position: hostileString(t.workPosition), startDate: '2021-06'}],
    projects: [
      {
        name: hostileString(t.projectName),
        description: `${hostileString(t.projectDescription)} ${LONG_WORD}`,
        highlights: [hostileString(t.projectHighlight), `${LONG_WORD}\u001b]0;pwned\u0007`],
        keywords: [hostileString(t.projectKeyword), `Fast\u001b[31mAPI`, `\u009b2JRedis`],
        entity: workName,
      },
    ],
    'x-essays': [
      {
        title: hostileString(t.essayTitle),
        entries: [{title: hostileString(t.essayEntryTitle), body: `${hostileString(t.essayBody)}\n${LONG_WORD}`}],
      },
    ],
  };
}

/** The hostile résumé as a file's text (JSON escapes every control, as a real file would carry them). */
export function hostileJson(): string {
  return JSON.stringify(hostileResume(), null, 2) + '\n';
}

/**
 * Bytes that must never reach a terminal from data: C0 controls except newline (a tab never
 * appears either: the sanitizer expands it), DEL and the C1 range.
 */
export const CONTROL_BYTE = /[\x00-\x09\x0b-\x1f\x7f-\x9f]/;

/** Every control character in `text`, as code points, for readable failure messages. */
export function controlsIn(text: string): string[] {
  return [...text.matchAll(new RegExp(CONTROL_BYTE.source, 'g'))].map((m) => `U+${m[0].codePointAt(0)!.toString(16).padStart(4, '0')}`);
}
