/** Real key sequences, as xterm sends them (normal cursor-key mode). */
export const KEYS = {
  tab: '\t',
  shiftTab: '\x1b[Z',
  up: '\x1b[A',
  down: '\x1b[B',
  right: '\x1b[C',
  left: '\x1b[D',
  home: '\x1b[H',
  end: '\x1b[F',
  pageUp: '\x1b[5~',
  pageDown: '\x1b[6~',
  enter: '\r',
  escape: '\x1b',
  space: ' ',
  ctrlC: '\x03',
} as const;

/**
 * A burst of 1,000 keys on the jiwoo fixture (test/e2e/scale.test.ts, bench/steps/burst.ts), to
 * be sent one write per key, as a held key arrives: 300 × j (past the last panel), 300 × k (back),
 * 200 × l/h (next and previous section: it ends in section 1), 100 × ↓ and 100 × ↑ (escape
 * sequences). Section 3 is reached by none of them, so a 3 pressed after it shows that every key
 * before it was handled.
 */
export const BURST_1000: readonly string[] = [
  ...Array<string>(300).fill('j'),
  ...Array<string>(300).fill('k'),
  ...Array.from({length: 200}, (_, i) => (i % 2 ? 'h' : 'l')),
  ...Array<string>(100).fill(KEYS.down),
  ...Array<string>(100).fill(KEYS.up),
];
