import xterm from '@xterm/headless';
import {describe, expect, it} from 'vitest';
import {splitInput} from '../../src/terminal/input';
import {emojiClusters, emojiClustersIn, emojiKind, JOINER_OR_SPECIAL, MAX_PROBED_CLUSTERS, MAX_PROBED_LENGTH, MAYBE_JOINER_OR_SPECIAL, PROBE_GUARD, probeClusters, probeClustersIn, probeKind, widthProbe, widthsFromReports} from '../../src/text/width-probe';
import {fixtureResume} from '../helpers/resume';
import {useWidths} from '../helpers/term-widths';
import {EMOJI_ROWS, TEXT_ROWS} from '../helpers/width-table';

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

describe('probeKind and probeClusters: every cluster terminals disagree on, not only emoji', () => {
  it.each([
    ['क्षे', 'joined'],
    ['त्री', 'joined'],
    ['का', 'joined'],
    ['ทำ', 'joined'],
    ['น้ำ', 'joined'],
    ['a\u00ad', 'special'],
    ['\u00ad', 'special'],
    ['\u3164', 'special'],
    ['\uffa0', 'special'],
    ['\u1100\u1161', 'special'],
    ['\u200b', 'special'],
    ['क\u200d', 'special'],
    [ZWJ, 'zwj'],
    ['💻', 'pictograph'],
  ])('%s is %s', (cluster, kind) => {
    expect(probeKind(cluster)).toBe(kind);
  });

  it.each([['a'], ['한'], ['य'], ['क्'], ['e\u0301'], ['ü'], ['ก่'], ['☺\ufe0e'], ['—']])('%s: terminals agree, not probed', (cluster) => {
    expect(probeKind(cluster)).toBeUndefined();
  });

  it('emoji first, then the others by how often they occur, then by first appearance', () => {
    const texts = ['क्षेत्रीय क्षमता', 'ทำ ทำ ทำ', `x\u200by ${HEART}`, 'plain ASCII, 한국어', 'क्षमता'];
    expect(probeClusters(texts)).toEqual([
      {cluster: HEART, kind: 'vs16'},
      {cluster: 'ทำ', kind: 'joined'},
      {cluster: 'क्ष', kind: 'joined'},
      {cluster: 'ता', kind: 'joined'},
      {cluster: 'क्षे', kind: 'joined'},
      {cluster: 'त्री', kind: 'joined'},
      {cluster: '\u200b', kind: 'special'},
    ]);
  });

  it('caps the batch at MAX_PROBED_CLUSTERS distinct clusters, the most frequent kept', () => {
    // 300 distinct Devanagari clusters (consonant + virama + consonant), the first used twice.
    const consonants = Array.from({length: 0x939 - 0x915 + 1}, (_, i) => String.fromCodePoint(0x915 + i));
    const clusters = consonants.flatMap((a) => consonants.map((b) => `${a}\u094d${b}`)).slice(0, 300);
    const found = probeClusters([clusters.join(' '), clusters[7]!]);
    expect(MAX_PROBED_CLUSTERS).toBe(128);
    expect(found).toHaveLength(MAX_PROBED_CLUSTERS);
    expect(found[0]!.cluster).toBe(clusters[7]);
    expect(probeClusters([clusters.join(' ')], 5).map((c) => c.cluster)).toEqual(clusters.slice(0, 5));
  });

  it('the quick test that spares text from segmenting misses no code point that can make a cluster to measure', () => {
    const missed: string[] = [];
    for (let c = 0; c < 0x110000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCodePoint(c);
      if (JOINER_OR_SPECIAL.test(ch) && !MAYBE_JOINER_OR_SPECIAL.test(ch)) missed.push(c.toString(16));
    }
    expect(missed).toEqual([]);
    // And a cluster of each kind is found inside a long text, whatever is around it.
    const long = `${'데이터 파이프라인 '.repeat(500)}क्षमता ${'Straße '.repeat(500)}ทำ`;
    expect(probeClusters([long]).map((c) => c.cluster)).toEqual(['क्ष', 'ता', 'ทำ']);
  });

  it('leaves out clusters longer than MAX_PROBED_LENGTH (a mark-stacking attack stays out of the probe)', () => {
    const stacked = 'e' + '\u0301\u0e33'.repeat(MAX_PROBED_LENGTH);
    expect(probeClusters([`${stacked} ทำ`]).map((c) => c.cluster)).toEqual(['ทำ']);
  });

  it("finds the width fixture's Thai, Devanagari and VS16 emoji (its soft hyphens and fillers are removed at load); nothing in Korean", () => {
    const kinds = new Set(probeClustersIn(fixtureResume('widths')).map((c) => c.kind));
    expect(kinds).toEqual(new Set(['vs16', 'joined']));
    expect(probeClustersIn(fixtureResume('widths')).map((c) => c.cluster)).toEqual(expect.arrayContaining(['क्षे', 'त्री', 'ทำ', '❤\ufe0f']));
    expect(probeClustersIn(fixtureResume('jiwoo'))).toEqual([]);
  });
});

describe('widthProbe and widthsFromReports', () => {
  it('prints each cluster after a guard at column 1 of the row, a cursor request before and after it; then the guard again and the rows erased', () => {
    const G = PROBE_GUARD;
    expect(widthProbe([ZWJ, HEART], 2)).toBe(`\x1b[2;1H${G}\x1b[6n${ZWJ}\x1b[6n\x1b[2;1H${G}\x1b[6n${HEART}\x1b[6n\x1b[2;1H${G}\x1b[2;1H\x1b[J`);
    expect(widthProbe([], 2)).toBe('');
  });

  it('no cluster follows another directly: a guard that is not ASCII and joins nothing stands between each two (tmux joins after a trailing ZWJ)', () => {
    const malformed = '👨\u200d👩\u200d';
    const probe = widthProbe([malformed, '👨\u200d👩\u200d👧'], 1);
    // What comes right after each cluster's second request: the cursor moved home, then the guard, before anything printable.
    for (const after of probe.split(`\x1b[6n`).filter((_, i) => i % 2 === 0 && i > 0)) expect(after.startsWith(`\x1b[1;1H${PROBE_GUARD}`)).toBe(true);
    expect(probe.endsWith(`\x1b[1;1H${PROBE_GUARD}\x1b[1;1H\x1b[J`)).toBe(true);
    // tmux lets ASCII leave a pending joiner pending; the guard is a wide Hangul syllable, drawn alike everywhere.
    expect(PROBE_GUARD.codePointAt(0)).toBeGreaterThan(0x7f);
    expect(probeKind(PROBE_GUARD)).toBeUndefined();
  });

  it('reads each width as the difference of the two reports around it, whatever the origin', () => {
    const xterm = [
      {row: 2, col: 3},
      {row: 2, col: 7},
      {row: 2, col: 3},
      {row: 2, col: 4},
      {row: 2, col: 3},
      {row: 2, col: 3},
    ];
    // dvtm counts rows and columns from 0.
    const dvtm = xterm.map(({row, col}) => ({row: row - 1, col: col - 1}));
    const expected = new Map([
      [ZWJ, 4],
      [HEART, 1],
      ['\u200d', 0],
    ]);
    expect(widthsFromReports([ZWJ, HEART, '\u200d'], xterm, 80)).toEqual(expected);
    expect(widthsFromReports([ZWJ, HEART, '\u200d'], dvtm, 80)).toEqual(expected);
    // The batch's sentinel report after the pairs changes nothing.
    expect(widthsFromReports([ZWJ, HEART, '\u200d'], [...dvtm, {row: 0, col: 0}], 80)).toEqual(expected);
  });

  it('leaves out a cluster whose reports are on different rows, go backwards or reach the last columns; all when reports are missing', () => {
    const reports = [
      {row: 1, col: 2},
      {row: 2, col: 3},
      {row: 1, col: 2},
      {row: 1, col: 1},
      {row: 1, col: 2},
      {row: 1, col: 3},
      {row: 1, col: 2},
      {row: 1, col: 10},
    ];
    expect(widthsFromReports([ZWJ, HEART, KEYCAP, '🇰🇷'], reports, 10)).toEqual(new Map([[KEYCAP, 1]]));
    expect(widthsFromReports([ZWJ, HEART], reports.slice(0, 3), 80)).toEqual(new Map());
  });

  it.each(['6', '11'] as const)('learns what xterm.js with Unicode %s tables draws, through the input splitter', async (version) => {
    const term = new xterm.Terminal({cols: 40, rows: 5, allowProposedApi: true});
    useWidths(term, version);
    let replies = '';
    term.onData((data) => {
      replies += data;
    });
    const rows = [...EMOJI_ROWS, ...TEXT_ROWS];
    const clusters = rows.map((row) => row.text);
    await new Promise<void>((resolve) => term.write(widthProbe(clusters, 3), resolve));
    const reports = splitInput(replies).events.flatMap((e) => (e.type === 'reply' && e.reply.kind === 'cursor' ? [e.reply] : []));
    const column = version === '6' ? 'U6' : 'U11';
    expect(widthsFromReports(clusters, reports, 40)).toEqual(new Map(rows.map((row) => [row.text, row[column]])));
    // The rows are left blank.
    expect(term.buffer.active.getLine(2)?.translateToString(true)).toBe('');
    term.dispose();
  });
});
