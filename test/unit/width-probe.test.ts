import xterm from '@xterm/headless';
import {describe, expect, it} from 'vitest';
import {splitInput} from '../../src/terminal/input';
import {emojiClusters, emojiClustersIn, emojiKind, widthProbe, widthsFromReports} from '../../src/text/width-probe';
import {fixtureResume} from '../helpers/resume';
import {useWidths} from '../helpers/term-widths';
import {EMOJI_ROWS} from '../helpers/width-table';

const ZWJ = '👩\u200d💻';
const HEART = '❤\ufe0f';
const KEYCAP = '1\ufe0f\u20e3';

describe('emojiKind', () => {
  it.each([
    [ZWJ, 'zwj'],
    ['👩\u200d👩\u200d👧', 'zwj'],
    ['👩🏽\u200d💻', 'zwj'],
    ['🏳\ufe0f\u200d🌈', 'zwj'],
    [KEYCAP, 'keycap'],
    ['#\u20e3', 'keycap'],
    ['🇰🇷', 'flag'],
    ['🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}', 'flag'],
    ['👍🏽', 'modifier'],
    [HEART, 'vs16'],
    ['⚠\ufe0f', 'vs16'],
    ['💻', 'pictograph'],
  ])('%s is %s', (cluster, kind) => {
    expect(emojiKind(cluster)).toBe(kind);
  });

  it.each([['a'], ['한'], ['❤'], ['©'], ['ทำ'], ['a\u200d'], ['\u200d'], ['☺\ufe0e']])('%s is none', (cluster) => {
    expect(emojiKind(cluster)).toBeUndefined();
  });
});

describe('emojiClusters', () => {
  it('lists each emoji cluster once, in order of first appearance, with its kind', () => {
    const texts = [`Pair ${ZWJ} programming 👍🏽`, 'plain text, Hangul 한지우, Thai ทำ', `I ${HEART} Kafka ${ZWJ}`, `Step ${KEYCAP} in 🇰🇷, on 💻`];
    expect(emojiClusters(texts)).toEqual([
      {cluster: ZWJ, kind: 'zwj'},
      {cluster: '👍🏽', kind: 'modifier'},
      {cluster: HEART, kind: 'vs16'},
      {cluster: KEYCAP, kind: 'keycap'},
      {cluster: '🇰🇷', kind: 'flag'},
      {cluster: '💻', kind: 'pictograph'},
    ]);
  });

  it('finds nothing in text without emoji (so no probe is sent)', () => {
    expect(emojiClusters(['Backend engineer', '한지우 데이터 엔지니어', 'Straße', 'क्ष ทำ', '© 2024 ❤ ☺'])).toEqual([]);
    expect(emojiClustersIn(fixtureResume('jiwoo'))).toEqual([]);
    // Thai, Devanagari, German, Hangul fillers and lone surrogates: text, not emoji.
    expect(emojiClustersIn(fixtureResume('widths')).map((c) => c.kind)).toEqual(['vs16', 'vs16', 'vs16']);
  });

  it("lists the emoji fixture's sequences", () => {
    expect(emojiClustersIn(fixtureResume('widths-emoji'))).toEqual([
      {cluster: ZWJ, kind: 'zwj'},
      {cluster: '👍🏽', kind: 'modifier'},
      {cluster: '🇰🇷', kind: 'flag'},
      {cluster: '🇩🇪', kind: 'flag'},
      {cluster: KEYCAP, kind: 'keycap'},
      {cluster: '2\ufe0f\u20e3', kind: 'keycap'},
      {cluster: '👩\u200d👩\u200d👧', kind: 'zwj'},
    ]);
  });

  it('finds every emoji-presentation code point, and every VS16 and keycap sequence, wherever it is in the text', () => {
    // Every code point of the Unicode property, as this Node's ICU has it: none may be skipped by
    // the quick test that spares text without emoji from segmenting.
    const all = Array.from({length: 0x110000}, (_, c) => c).filter((c) => (c < 0xd800 || c > 0xdfff) && /^\p{Emoji_Presentation}$/u.test(String.fromCodePoint(c)));
    const pictographs = all.map((c) => String.fromCodePoint(c)).filter((e) => !/[\u{1f1e6}-\u{1f1ff}\u{1f3fb}-\u{1f3ff}]/u.test(e));
    expect(pictographs.length).toBeGreaterThan(1000);
    const found = emojiClustersIn({items: pictographs.map((e) => `데이터 ${e} pipeline`)});
    expect(found.map((c) => c.cluster)).toEqual(pictographs);
    expect(new Set(found.map((c) => c.kind))).toEqual(new Set(['pictograph']));
    // Text-presentation symbols made emoji by VS16 (U+2139 ℹ, U+3030 〰, U+00A9 ©) and keycaps.
    const sequences = ['\u2139\ufe0f', '\u3030\ufe0f', '\u00a9\ufe0f', '#\ufe0f\u20e3'];
    expect(emojiClustersIn({[`키 ${sequences[0]}`]: sequences.slice(1).map((e) => `x${e}y`)}).map((c) => c.cluster)).toEqual(sequences);
  });

  it('walks every string and key of a JSON value', () => {
    const resume = {basics: {name: 'Ada', label: `Engineer ${HEART}`}, projects: [{name: `Pairing ${ZWJ}`, highlights: ['👍🏽 fast']}], [`key 🇰🇷`]: 1};
    expect(emojiClustersIn(resume).map((c) => c.cluster)).toEqual([HEART, ZWJ, '👍🏽', '🇰🇷']);
  });
});

describe('widthProbe and widthsFromReports', () => {
  it('prints each cluster at column 1 of the row, asks for the cursor, then clears the row', () => {
    expect(widthProbe([ZWJ, HEART], 2)).toBe(`\x1b[2;1H${ZWJ}\x1b[6n\x1b[2;1H${HEART}\x1b[6n\x1b[2;1H\x1b[2K`);
    expect(widthProbe([], 2)).toBe('');
  });

  it('reads each width as the reported column − 1', () => {
    const reports = [
      {row: 2, col: 5},
      {row: 2, col: 2},
      {row: 2, col: 1},
    ];
    expect(widthsFromReports([ZWJ, HEART, '\u200d'], reports, 2)).toEqual(
      new Map([
        [ZWJ, 4],
        [HEART, 1],
        ['\u200d', 0],
      ]),
    );
  });

  it('leaves out clusters with no report, or one from another row', () => {
    expect(widthsFromReports([ZWJ, HEART, KEYCAP], [{row: 3, col: 3}, {row: 2, col: 2}], 2)).toEqual(new Map([[HEART, 1]]));
  });

  it.each(['6', '11'] as const)('learns what xterm.js with Unicode %s tables draws, through the input splitter', async (version) => {
    const term = new xterm.Terminal({cols: 40, rows: 5, allowProposedApi: true});
    useWidths(term, version);
    let replies = '';
    term.onData((data) => {
      replies += data;
    });
    const clusters = EMOJI_ROWS.map((row) => row.text);
    await new Promise<void>((resolve) => term.write(widthProbe(clusters, 3), resolve));
    const reports = splitInput(replies).events.flatMap((e) => (e.type === 'reply' && e.reply.kind === 'cursor' ? [e.reply] : []));
    const column = version === '6' ? 'U6' : 'U11';
    expect(widthsFromReports(clusters, reports, 3)).toEqual(new Map(EMOJI_ROWS.map((row) => [row.text, row[column]])));
    // The row is left blank.
    expect(term.buffer.active.getLine(2)?.translateToString(true)).toBe('');
    term.dispose();
  });
});
