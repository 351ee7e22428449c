/**
 * What terminals draw, for the width tests. Each row gives the cells measured in three
 * terminals by printing the text at column 1 and reading the cursor back:
 *  - U6: xterm.js (@xterm/headless 6.0) with its default Unicode 6 tables;
 *  - U11: the same with @xterm/addon-unicode11 active (VS Code's terminal);
 *  - tmux: tmux 3.3a, answering CSI 6n (measured with a script printing each text then `ESC[6n`;
 *    test/e2e/widths.test.ts measures the same rows live in tmux).
 * The xterm.js columns are checked live in test/unit/cells.test.ts, so they cannot drift from the library.
 */

export type Terminal = 'U6' | 'U11' | 'tmux';
export const TERMINALS: Terminal[] = ['U6', 'U11', 'tmux'];

export interface Row {
  name: string;
  text: string;
  U6: number;
  U11: number;
  tmux: number;
  /** cellWidth's answer with nothing learned. */
  app: number;
}

/** Text: every terminal draws it alike, and the width function must say the same. */
export const TEXT_ROWS: Row[] = [
  {name: 'ASCII', text: 'Backend', U6: 7, U11: 7, tmux: 7, app: 7},
  {name: 'Hangul syllables', text: '한지우', U6: 6, U11: 6, tmux: 6, app: 6},
  {name: 'Thai SARA AM (ทำ: string-width says 1)', text: 'ทำ', U6: 2, U11: 2, tmux: 2, app: 2},
  {name: 'Thai with a tone mark (น้ำ)', text: 'น้ำ', U6: 2, U11: 2, tmux: 2, app: 2},
  {name: 'Devanagari conjunct (क्ष: string-width says 1)', text: 'क्ष', U6: 2, U11: 2, tmux: 2, app: 2},
  {name: 'Devanagari word (हिन्दी)', text: 'हिन्दी', U6: 5, U11: 5, tmux: 5, app: 5},
  {name: 'Devanagari spacing mark (का, Mc = 1)', text: 'का', U6: 2, U11: 2, tmux: 2, app: 2},
  {name: 'soft hyphen drawn as one cell', text: 'a\u00adb', U6: 3, U11: 3, tmux: 3, app: 3},
  {name: 'Hangul filler U+3164 (2 cells)', text: 'a\u3164b', U6: 4, U11: 4, tmux: 4, app: 4},
  {name: 'halfwidth Hangul filler U+FFA0', text: 'a\uffa0b', U6: 3, U11: 3, tmux: 3, app: 3},
  {name: 'choseong filler U+115F', text: 'a\u115fb', U6: 4, U11: 4, tmux: 4, app: 4},
  {name: 'jungseong filler U+1160 (conjoining: 0)', text: 'a\u1160b', U6: 2, U11: 2, tmux: 2, app: 2},
  {name: 'replacement character (a lone surrogate, after sanitizing)', text: '\ufffd', U6: 1, U11: 1, tmux: 1, app: 1},
  {name: 'decomposed é', text: 'e\u0301', U6: 1, U11: 1, tmux: 1, app: 1},
  {name: 'German ß', text: 'Straße', U6: 6, U11: 6, tmux: 6, app: 6},
  {name: 'zero-width space', text: 'a\u200bb', U6: 2, U11: 2, tmux: 2, app: 2},
  {name: 'middle dot, ellipsis, box drawing', text: '·…─', U6: 3, U11: 3, tmux: 3, app: 3},
  {name: 'VS16 ❤️ (string-width says 2)', text: '❤\ufe0f', U6: 1, U11: 1, tmux: 1, app: 1},
  {name: 'VS16 ✔️', text: '✔\ufe0f', U6: 1, U11: 1, tmux: 1, app: 1},
  {name: 'VS16 ⚠️', text: '⚠\ufe0f', U6: 1, U11: 1, tmux: 1, app: 1},
  {name: 'keycap 1️⃣', text: '1\ufe0f\u20e3', U6: 1, U11: 1, tmux: 1, app: 1},
  {name: 'flag 🇰🇷', text: '🇰🇷', U6: 2, U11: 2, tmux: 2, app: 2},
  {name: 'text-presentation ☺︎ (VS15)', text: '☺\ufe0e', U6: 1, U11: 1, tmux: 1, app: 1},
];

/** Emoji sequences: terminals disagree, and `agrees` names those the default matches. */
export const EMOJI_ROWS: (Row & {agrees: Terminal[]})[] = [
  {name: 'ZWJ 👩‍💻', text: '👩\u200d💻', U6: 2, U11: 4, tmux: 2, app: 2, agrees: ['U6', 'tmux']},
  {name: 'ZWJ family 👩‍👩‍👧', text: '👩\u200d👩\u200d👧', U6: 3, U11: 6, tmux: 2, app: 2, agrees: ['tmux']},
  {name: 'skin tone 👍🏽', text: '👍🏽', U6: 2, U11: 4, tmux: 4, app: 4, agrees: ['U11', 'tmux']},
  {name: 'skin tone in a ZWJ sequence 👩🏽‍💻', text: '👩🏽\u200d💻', U6: 3, U11: 6, tmux: 4, app: 4, agrees: ['tmux']},
  {name: 'rainbow flag 🏳️‍🌈', text: '🏳\ufe0f\u200d🌈', U6: 2, U11: 3, tmux: 1, app: 1, agrees: ['tmux']},
  {name: 'single emoji 💻 (Unicode 6: 1 cell)', text: '💻', U6: 1, U11: 2, tmux: 2, app: 2, agrees: ['U11', 'tmux']},
  {name: 'VS16 on a wide base ⌚️', text: '⌚\ufe0f', U6: 1, U11: 2, tmux: 2, app: 2, agrees: ['U11', 'tmux']},
];

