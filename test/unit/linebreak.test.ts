/**
 * Line breaking by UAX #14 (src/text/linebreak.ts, src/text/wrap.ts, src/text/styled-wrap.ts):
 * where a line may break, how lines are filled, the fast path held to the library, and the
 * issue's promises over every line of the fixtures in test/fixtures/lang at 30, 40, 80 and 120
 * columns: no line starts with closing punctuation nor ends with opening punctuation, no Latin
 * word or address is split when it fits.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {toDocument} from '../../src/document/build';
import {loadResumeFile} from '../../src/resume/load';
import {addressSpans, breakOpportunities} from '../../src/text/linebreak';
import {renderPlainLines} from '../../src/text/plain';
import {wrapStyled} from '../../src/text/styled-wrap';
import {breakWord, cellWidth, wrapHanging, wrapText} from '../../src/text/width';
import {onlySpaceBreaks, wrapByOpportunities, wrapParagraph} from '../../src/text/wrap';
import {REPO_ROOT} from '../helpers/fixtures';

const LANG_FIXTURES = ['zh', 'ja', 'th', 'en-urls'] as const;
const langPath = (name: string) => join(REPO_ROOT, 'test', 'fixtures', 'lang', `${name}.json`);
const WIDTHS = [30, 40, 80, 120];

/** Pieces of `text` between its break opportunities. */
function pieces(text: string): string[] {
  const out: string[] = [];
  let last = 0;
  for (const p of [...breakOpportunities(text), text.length]) {
    out.push(text.slice(last, p));
    last = p;
  }
  return out;
}

describe('break opportunities (UAX #14, tailored)', () => {
  it.each([
    ['between ideographs, never inside a Latin word', '使用Redux和i18n', ['使', '用', 'Redux', '和', 'i18n']],
    ['Fabric.js stays one word', '基于Fabric.js开发', ['基', '于', 'Fabric.js', '开', '发']],
    ['never before closing punctuation (。，、：）」)', '开发。项目，好、对：是）「是」', ['开', '发。', '项', '目，', '好、', '对：', '是）', '「是」']],
    ['never after opening punctuation (（「)', '（开源）「引用」', ['（开', '源）', '「引', '用」']],
    ['kana and kanji, small kana and the long vowel mark never first', '日本語のテキストです。ッー', ['日', '本', '語', 'の', 'テ', 'キ', 'ス', 'ト', 'で', 'す。ッー']],
    ['Korean keeps its words and breaks at spaces', '데이터 파이프라인을 구축했습니다.', ['데이터 ', '파이프라인을 ', '구축했습니다.']],
    ['Korean beside ideographs breaks like them', '한국語', ['한국', '語']],
    ['after a space, after a hyphen, after a slash', 'real-time Kafka/Flink', ['real-', 'time ', 'Kafka/', 'Flink']],
    ['never before a slash or a closing bracket, even after a space', 'Java / Kotlin ( Spring )', ['Java / ', 'Kotlin ', '( Spring )']],
    ['Thai at the dictionary\'s word boundaries', 'ผมทำงานเป็นวิศวกร', ['ผม', 'ทำงาน', 'เป็น', 'วิศวกร']],
    ['Thai beside a Latin word breaks at its edge', 'ด้วยPrometheusและ', ['ด้วย', 'Prometheus', 'และ']],
    ['a Thai repetition mark never starts a line', 'ดีๆ ครับ', ['ดีๆ ', 'ครับ']],
    ['Lao and Khmer repetition marks neither', 'ພາສາລາວໆ ភាសាខ្មែរៗ', ['ພາ', 'ສາ', 'ລາວໆ ', 'ភា', 'សា', 'ខ្មែរៗ']],
    ['a web address is one piece', 'see https://github.com/alexteester/tinyqueue now', ['see ', 'https://github.com/alexteester/tinyqueue ', 'now']],
    ['an e-mail address is one piece', '联系kim.seongho@example.com。', ['联', '系', 'kim.seongho@example.com。']],
  ])('%s', (_name, text, expected) => {
    expect(pieces(text)).toEqual(expected);
  });

  it.each([
    ['https://github.com/alexteester/tinyqueue.', 'https://github.com/alexteester/tinyqueue'],
    ['(https://wiki.example.com/a_(b)).', 'https://wiki.example.com/a_(b)'],
    ['mailto:kim@example.com,', 'mailto:kim@example.com'],
    ['www.example.com/path?q=1&r=2;', 'www.example.com/path?q=1&r=2'],
    ['github.com/kim/repo', 'github.com/kim/repo'],
    ['storage-slo-owners@lists.acme.example.com)', 'storage-slo-owners@lists.acme.example.com'],
    ['项目：https://x.example.cn/a（开源）', 'https://x.example.cn/a'],
  ])('finds the address in %s', (text, address) => {
    expect(addressSpans(text).map((s) => text.slice(s.start, s.end))).toEqual([address]);
  });

  it('finds no address in ordinary words', () => {
    for (const text of ['Kafka/Flink', 'A/B testing', '4.1/4.5', 'Fabric.js', 'e.g. this', 'and/or']) expect(addressSpans(text), text).toEqual([]);
  });
});

describe('wrapText: lines filled at those opportunities, in cells', () => {
  it.each([
    ['a CJK summary fills the line', 'AI驱动的在线设计平台前端负责人，八年前端开发经验。', 20, ['AI驱动的在线设计平台', '前端负责人，八年前端', '开发经验。']],
    ['closing punctuation stays with the word before it, even when it makes the line shorter', '一二三四五六七八九。十', 18, ['一二三四五六七八', '九。十']],
    ['an English word inside Chinese moves whole', '我们使用Redux和i18n开发', 12, ['我们使用', 'Redux和i18n', '开发']],
    ['Japanese with a Latin word', 'Go言語とKubernetesを中心に', 16, ['Go言語と', 'Kubernetesを中心', 'に']],
    ['Korean as before: at spaces', '안녕하세요. 백엔드 엔지니어 김성호 입니다.', 20, ['안녕하세요. 백엔드', '엔지니어 김성호', '입니다.']],
    ['a web address that fits moves whole to the next line', 'kept at https://github.com/alexteester/tinyqueue here', 42, ['kept at', 'https://github.com/alexteester/tinyqueue', 'here']],
    ['a web address wider than the line is cut after / . or -', 'at https://github.com/alexteester/tinyqueue', 30, ['at', 'https://github.com/', 'alexteester/tinyqueue']],
    ['an e-mail address wider than the line too', 'priya.raman.reliability@mailbox.example.org', 30, ['priya.raman.', 'reliability@mailbox.example.', 'org']],
    ['a cut never leaves closing punctuation first', '(https://wiki.example.com/display/SRE/Handbook) and', 28, ['(https://wiki.example.com/', 'display/SRE/Handbook) and']],
    ['a long word without opportunities breaks between graphemes', 'Donaudampfschifffahrtsgesellschaft', 12, ['Donaudampfsc', 'hifffahrtsge', 'sellschaft']],
  ])('%s', (_name, text, width, expected) => {
    const lines = wrapText(text, width);
    expect(lines).toEqual(expected);
    for (const line of lines) expect(cellWidth(line)).toBeLessThanOrEqual(width);
  });

  it('fills each line as far as the rules allow: a CJK summary no longer stops at "AI"', () => {
    const summary = 'AI驱动的在线设计平台前端负责人，八年前端开发经验。主导基于React、Redux和TypeScript的编辑器架构，使用Fabric.js实现画布渲染，并为产品接入i18n国际化方案。';
    for (const width of [30, 79, 119]) {
      const lines = wrapText(summary, width);
      expect(lines[0]!.startsWith('AI驱动的')).toBe(true);
      expect(lines.join('')).toBe(summary);
      // The next line's first piece would not have fitted on the line before it.
      for (let i = 0; i + 1 < lines.length; i++) expect(cellWidth(lines[i]!) + cellWidth(pieces(lines[i + 1]!)[0]!), lines[i]).toBeGreaterThan(width);
    }
  });

  it('hangs CJK under a bullet', () => {
    expect(wrapHanging('基于Fabric.js重写画布层：支持多选。', 16, '- ')).toEqual(['- 基于Fabric.js', '  重写画布层：支', '  持多选。']);
  });

  it('breakWord keeps Hangul, emoji and marks whole, and cuts an address after / . -', () => {
    expect(breakWord('한글한글한', 4)).toEqual(['한글', '한글', '한']);
    expect(breakWord('https://example.com/a-very-long-path', 16)).toEqual(['https://example.', 'com/a-very-long-', 'path']);
    expect(breakWord('https://example.com/a-very-long-path', 12)).toEqual(['https://', 'example.com/', 'a-very-long-', 'path']);
  });
});

describe('the fast path: the same lines as the library, without it for most text', () => {
  // Characters whose class the fast path knows: printable ASCII, Hangul, the middle dot, curly quotes.
  const known = [...Array.from({length: 0x7e - 0x20}, (_, i) => String.fromCharCode(0x21 + i)), '가', '힣', '·', '‘', '’', '“', '”'];

  it('decides a break at a space exactly as the library does, for every pair of known characters', () => {
    for (const a of known) {
      for (const b of known) {
        const library = breakOpportunities(`${a} ${b}`).includes(2);
        // onlySpaceBreaks may say "ask" (false) when the library breaks; never "break" when it does not.
        if (onlySpaceBreaks(a, b)) expect(library, `"${a} ${b}"`).toBe(true);
        else if (library) expect.unreachable(`"${a} ${b}": the library breaks at the space; the fast path should too`);
      }
    }
  });

  it('sees every opportunity inside a word: for every pair of known characters', () => {
    for (const b of known) {
      for (const c of known) {
        // "a a<b><c>": the space breaks, "a" before b never does: only the pair b,c decides.
        const inside = breakOpportunities(`a a${b}${c}`).some((p) => p > 2);
        if (onlySpaceBreaks('a', `a${b}${c}`)) expect(inside, `"a${b}${c}"`).toBe(false);
        else expect(inside || !breakOpportunities(`a a${b}${c}`).includes(2), `"a${b}${c}" is left to the library for no reason`).toBe(true);
      }
    }
  });

  it('wrapParagraph gives the lines of the library for any text (property)', () => {
    const piece = fc.constantFrom('a', 'Kafka', 'API', '2021.06', '데이터', '를', '(', ')', '-', '/', '.', ',', '$', '%', '"', '·', '中', '文。', '「', '」', 'ทำงาน', '👍', 'https://x.example.com/a/b', 'kim@example.com', '!', '?', ':');
    const word = fc.array(piece, {minLength: 1, maxLength: 6}).map((p) => p.join(''));
    const text = fc.array(word, {minLength: 1, maxLength: 40}).map((w) => w.join(' '));
    fc.assert(
      fc.property(text, fc.integer({min: 4, max: 80}), (input, width) => {
        expect(wrapParagraph(input, width)).toEqual(wrapByOpportunities(input, width));
      }),
      {numRuns: 400},
    );
  });
});

describe('wrapStyled: styled text breaks where plain text does, each line styled whole', () => {
  const bold = (s: string) => `\x1b[1m${s}\x1b[22m`;
  const red = (s: string) => `\x1b[38;5;160m${s}\x1b[39m`;
  const strip = (s: string) => s.replace(/\x1b\[[0-9;]*m|\x1b\]8;[^\x07]*\x07/g, '');

  it('gives the plain lines, with the styles reopened on each line and closed at its end', () => {
    const plain = '基于Fabric.js重写画布层：支持多选、吸附对齐。';
    const styled = `基于${bold('Fabric.js重写画布层')}：支持${red('多选、吸附')}对齐。`;
    const lines = wrapStyled(styled, 12);
    expect(lines.map(strip)).toEqual(wrapText(plain, 12));
    expect(lines).toEqual(['基于', bold('Fabric.js重'), `${bold('写画布层')}：支`, `持${red('多选、吸附')}`, '对齐。']);
  });

  it('carries a link (OSC 8) and nested styles across lines', () => {
    const link = (url: string, s: string) => `\x1b]8;;${url}\x07${s}\x1b]8;;\x07`;
    const lines = wrapStyled(`see ${link('https://example.com', bold('the whole manual'))} now`, 12);
    expect(lines.map(strip)).toEqual(['see the', 'whole manual', 'now']);
    expect(lines[1]).toBe(`\x1b[1m\x1b]8;;https://example.com\x07whole manual\x1b]8;;\x07\x1b[22m`);
  });
});

/** Every string of a JSON document. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

const CLOSING = /^[)\]}.,:;!?。，、：；！？）」』】〕》〉．｝ー々ッ]/u;
const OPENING = /[([{（「『【〔《〈｛“‘]$/u;
const LATIN_WORD = /[A-Za-z0-9](?:[A-Za-z0-9.'_+#]*[A-Za-z0-9+#])?/g;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe.each(LANG_FIXTURES)('test/fixtures/lang/%s.json, piped', (name) => {
  const loaded = loadResumeFile(langPath(name));
  if (!loaded.ok) throw new Error(loaded.error.message);
  const doc = toDocument(loaded.resume);
  const source = strings(JSON.parse(readFileSync(langPath(name), 'utf8')));
  const addresses = source.flatMap((s) => addressSpans(s).map((span) => s.slice(span.start, span.end)));
  const words = source.flatMap((s) => {
    let rest = s;
    for (const span of addressSpans(s).reverse()) rest = rest.slice(0, span.start) + ' ' + rest.slice(span.end);
    return rest.match(LATIN_WORD) ?? [];
  });

  it.each(WIDTHS)('at %i columns: no line wider, none starting with closing punctuation or ending with opening', (width) => {
    const lines = renderPlainLines(doc, width);
    for (const line of lines) {
      expect(cellWidth(line), line).toBeLessThanOrEqual(width);
      const text = line.trimStart().replace(/^- /, '');
      expect(text, line).not.toMatch(CLOSING);
      expect(line.trimEnd(), line).not.toMatch(OPENING);
    }
  });

  it.each(WIDTHS)('at %i columns: no Latin word or address split when it fits', (width) => {
    const out = renderPlainLines(doc, width).join('\n');
    // The room of the most indented text: a project's bullet under a block label.
    const room = width - 6;
    const fitting = [...new Set([...words, ...addresses])].filter((w) => cellWidth(w) <= room);
    expect(fitting.length).toBeGreaterThan(name === 'th' ? 5 : 10);
    for (const word of fitting) {
      for (let k = 1; k < word.length; k++) {
        const split = new RegExp(`${escapeRe(word.slice(0, k))}\\n *(?:- )?${escapeRe(word.slice(k))}`);
        expect(out, `"${word}" split after "${word.slice(0, k)}"`).not.toMatch(split);
      }
    }
  });
});
