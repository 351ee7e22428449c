import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {filterText, sanitizeText, sanitizeValue, sourceIsUntouched} from '../../src/resume/sanitize';
import {REPO_ROOT} from '../helpers/fixtures';

/** Every character that must never survive sanitizing: controls, bidi, ZWSP, BOM, soft hyphen, Hangul fillers. */
const FORBIDDEN = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b\ufeff\u00ad\u115f\u1160\u3164\uffa0]/;
/** A surrogate that is not half of a pair. */
const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('sanitizeText: escape sequences are removed whole', () => {
  it.each([
    ['CSI colors', 'a\x1b[31mred\x1b[0mb', 'aredb'],
    ['CSI 256/true color', '\x1b[38;2;255;0;0mx\x1b[48;5;17my\x1b[m', 'xy'],
    ['CSI cursor moves and clear screen', 'a\x1b[2J\x1b[H\x1b[10;20Hb\x1b[3A\x1b[K', 'ab'],
    ['CSI private mode (alternate screen, hide cursor)', 'a\x1b[?1049h\x1b[?25lb', 'ab'],
    ['OSC 0 title, BEL-terminated', 'a\x1b]0;pwned\x07b', 'ab'],
    ['OSC 0 title, ST-terminated', 'a\x1b]0;pwned\x1b\\b', 'ab'],
    ['OSC 52 clipboard write, BEL-terminated', 'a\x1b]52;c;cm0gLXJmIH4=\x07b', 'ab'],
    ['OSC 52 clipboard write, ST-terminated', 'a\x1b]52;c;cm0gLXJmIH4=\x1b\\b', 'ab'],
    ['OSC 8 hyperlink keeps only its visible text', 'a\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\b', 'aclickb'],
    ['DCS string (sixel)', 'a\x1bPq#0;2;0;0;0#0~~\x1b\\b', 'ab'],
    ['APC string (kitty graphics)', 'a\x1b_Gf=100;payload\x1b\\b', 'ab'],
    ['SOS and PM strings', 'a\x1bXsos\x1b\\b\x1b^pm\x1b\\c', 'abc'],
    ['unterminated OSC swallows the rest', 'a\x1b]0;title without end', 'a'],
    ['two-character escapes (save cursor, reset, charset)', 'a\x1b7b\x1b8c\x1b(Bd\x1bce', 'abcde'],
    ['a lone ESC at the end', 'a\x1b', 'a'],
  ])('%s', (_name, input, expected) => {
    expect(sanitizeText(input)).toBe(expected);
  });
});

describe('sanitizeText: 8-bit C1 introducers', () => {
  it.each([
    ['0x9B CSI', 'a\x9b31mb', 'ab'],
    ['0x9B CSI cursor move', 'a\x9b10;10Hb', 'ab'],
    ['0x9D OSC, BEL-terminated', 'a\x9d0;pwned\x07b', 'ab'],
    ['0x9D OSC, 0x9C-terminated', 'a\x9d52;c;eA==\x9cb', 'ab'],
    ['0x90 DCS', 'a\x90q#0\x9cb', 'ab'],
    ['0x9F APC, 0x9C-terminated', 'a\x9fGpayload\x9cb', 'ab'],
    ['0x85 NEL and other lone C1 bytes', 'a\x85b\x80c\x81d', 'abcd'],
  ])('%s', (_name, input, expected) => {
    expect(sanitizeText(input)).toBe(expected);
  });
});

describe('sanitizeText: single controls', () => {
  it.each([
    ['BEL', 'a\x07b', 'ab'],
    ['backspace', 'abc\b\bX', 'abcX'],
    ['bare CR becomes LF', 'a\rb', 'a\nb'],
    ['CRLF becomes LF', 'a\r\nb\r\nc', 'a\nb\nc'],
    ['CR CR LF', 'a\r\r\nb', 'a\n\nb'],
    ['NUL', 'a\x00b', 'ab'],
    ['DEL', 'a\x7fb', 'ab'],
    ['vertical tab and form feed', 'a\x0bb\x0cc', 'abc'],
    ['bidi override U+202E', 'abc\u202eexe.txt', 'abcexe.txt'],
    ['bidi embeddings U+202A-U+202D', '\u202aa\u202bb\u202cc\u202dd', 'abcd'],
    ['bidi isolates U+2066-U+2069', 'a\u2066b\u2067c\u2068d\u2069', 'abcd'],
    ['LRM, RLM, ALM', 'a\u200eb\u200fc\u061cd', 'abcd'],
    ['zero-width space U+200B', 'a\u200bb', 'ab'],
    ['BOM U+FEFF at the start and inside', '\ufeffa\ufeffb', 'ab'],
    ['line and paragraph separators become LF', 'a\u2028b\u2029c', 'a\nb\nc'],
    ['tab becomes 4 spaces', 'a\tb', 'a    b'],
    ['two tabs become 8 spaces', '\t\tx', '        x'],
    ['newline survives', 'a\nb', 'a\nb'],
  ])('%s', (_name, input, expected) => {
    expect(sanitizeText(input)).toBe(expected);
  });
});

describe('sanitizeText: what no two terminals draw alike', () => {
  it.each([
    ['soft hyphens are removed (the app does not hyphenate)', 'Daten\u00adingenieurin \u00ad', 'Dateningenieurin '],
    ['a lone high surrogate becomes U+FFFD', 'a\ud800b', 'a\ufffdb'],
    ['a lone low surrogate becomes U+FFFD', 'a\udc00b', 'a\ufffdb'],
    ['a high surrogate at the end becomes U+FFFD', 'ab\udbff', 'ab\ufffd'],
    ['two high surrogates: both replaced', '\ud800\ud800', '\ufffd\ufffd'],
    ['a reversed pair: both replaced', '\udc00\ud800', '\ufffd\ufffd'],
    ['a surrogate split from its pair by a control: both replaced, the control removed', '\ud83d\x07\ude00', '\ufffd\ufffd'],
    ['Hangul filler U+3164 is removed', '\u3164김\u3164', '김'],
    ['halfwidth Hangul filler U+FFA0 is removed', 'a\uffa0b', 'ab'],
    ['choseong and jungseong fillers U+115F U+1160 are removed', '\u115f\u1160a', 'a'],
    ['a ZWJ ending an emoji sequence cut short is removed (tmux joins the next character to it)', '👨\u200d👩\u200d 👨\u200d👩\u200d👧', '👨\u200d👩 👨\u200d👩\u200d👧'],
    ['a ZWJ between an emoji and a letter is removed', '👨\u200dx', '👨x'],
    ['a ZWJ at the end of the text is removed', 'a\u200d', 'a'],
    ['a ZWJ before a space is removed', 'a\u200d b', 'a b'],
  ])('%s', (_name, input, expected) => {
    expect(sanitizeText(input)).toBe(expected);
  });

  it('keeps a well-formed surrogate pair (an emoji outside the BMP)', () => {
    expect(sanitizeText('\ud83d\udcbb 💻')).toBe('💻 💻');
  });

  it('turns the JSON escape "\\ud800" into U+FFFD through sanitizeValue', () => {
    expect(sanitizeValue(JSON.parse('{"name": "x\\ud800y"}'))).toEqual({name: 'x\ufffdy'});
  });
});

describe('sanitizeText: text that must survive', () => {
  it('keeps a ZWJ emoji family intact', () => {
    expect(sanitizeText('👩\u200d👩\u200d👧')).toBe('👩\u200d👩\u200d👧');
  });

  it('keeps a ZWJ inside a word: a Devanagari half form (क्‍ष), a skin-toned and a VS16 emoji sequence', () => {
    for (const text of ['क्\u200dष', '👩🏽\u200d💻', '🏳\ufe0f\u200d🌈']) expect(sanitizeText(text)).toBe(text);
  });

  it('keeps ZWNJ', () => {
    expect(sanitizeText('a\u200cb')).toBe('a\u200cb');
  });

  it('normalizes e + combining acute to NFC é', () => {
    const out = sanitizeText('caf' + 'e\u0301');
    expect(out).toBe('caf\u00e9');
    expect(out).toHaveLength(4);
  });

  it('normalizes decomposed Hangul jamo to syllables', () => {
    // ᄒ ᅡ ᆫ (U+1112 U+1161 U+11AB) is 한 decomposed.
    expect(sanitizeText('\u1112\u1161\u11ab')).toBe('한');
  });

  it('keeps Hangul, punctuation and the résumé symbols', () => {
    const text = '안녕하세요. 백엔드 엔지니어 김성호 입니다. 전산 · 네트워크병 💻 🎒 🚀 4.1/4.5 0.4$';
    expect(sanitizeText(text)).toBe(text);
  });

  it('keeps flags and skin-tone modifiers', () => {
    expect(sanitizeText('🇰🇷 👍🏽')).toBe('🇰🇷 👍🏽');
  });
});

describe('sanitizeValue', () => {
  it('sanitizes nested values and object keys, leaving non-strings alone', () => {
    const input = {
      '\x1b[31mname': '\x1b]0;pwned\x07김성호',
      list: ['a\rb', 42, null, true, {'\u202ekey': 'x\u200by', nested: [['\x9b2Jdeep']]}],
    };
    expect(sanitizeValue(input)).toEqual({
      name: '김성호',
      list: ['a\nb', 42, null, true, {key: 'xy', nested: [['deep']]}],
    });
  });

  it('returns numbers, booleans and null unchanged', () => {
    expect(sanitizeValue(3.5)).toBe(3.5);
    expect(sanitizeValue(false)).toBe(false);
    expect(sanitizeValue(null)).toBe(null);
  });

  it('does not modify its input', () => {
    const input = {a: ['\x1b[1mx']};
    sanitizeValue(input);
    expect(input).toEqual({a: ['\x1b[1mx']});
  });
});

describe('sanitizeText properties', () => {
  // Strings built from the characters attackers use, so the property meets them often.
  const dangerous = fc.constantFrom(
    '\x1b', '[', ']', 'P', '_', '\\', ';', '0', 'm', '\x07', '\x9b', '\x9c', '\x9d', '\x90', '\r', '\n', '\t', '\b',
    '\x00', '\x7f', '\u202e', '\u2066', '\u200b', '\ufeff', '\u200d', '\u0301', 'e', '가', '👩',
    '\u00ad', '\u3164', '\uffa0', '\u115f', '\u1160', '\ud800', '\udc00', '\ud83d',
  );
  const arbitraries = {
    binary: fc.string({unit: 'binary', maxLength: 80}),
    fullUnicode: fc.string({unit: 'grapheme', maxLength: 40}),
    dangerous: fc.string({unit: dangerous, maxLength: 80}),
  };

  it.each(Object.entries(arbitraries))('output of %s strings has no control, bidi, ZWSP, BOM, soft hyphen, filler or lone surrogate', (_name, arbitrary) => {
    fc.assert(
      fc.property(arbitrary, (input) => {
        const out = sanitizeText(input);
        expect(out).not.toMatch(FORBIDDEN);
        expect(out).not.toMatch(LONE);
      }),
      {numRuns: 500},
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({unit: 'binary', maxLength: 80}), (input) => {
        const once = sanitizeText(input);
        expect(sanitizeText(once)).toBe(once);
      }),
      {numRuns: 500},
    );
  });

  it('leaves text with no controls unchanged (apart from NFC)', () => {
    const safeChar = fc
      .string({unit: 'binary', maxLength: 60})
      .map((s) => s.replace(new RegExp(FORBIDDEN.source, 'g'), '').replace(new RegExp(LONE.source, 'g'), '').replace(/[\x1b\u2028\u2029\u200e\u200f\u061c\u2060]/g, ''));
    fc.assert(
      fc.property(safeChar, (input) => {
        expect(sanitizeText(input)).toBe(input.normalize('NFC'));
      }),
      {numRuns: 500},
    );
  });
});

describe('sanitizeText: text the filter cannot change skips it', () => {
  // The code points sanitizeText passes through untouched (see UNTOUCHED in sanitize.ts).
  const ranges: Array<[number, number]> = [[0x0a, 0x0a], [0x20, 0x7e], [0xa0, 0xac], [0xae, 0x2ff], [0x2010, 0x2027], [0x2030, 0x205e], [0x4e00, 0x9fff], [0xac00, 0xd7a3]];
  const passed = ranges.flatMap(([from, to]) => Array.from({length: to - from + 1}, (_, i) => String.fromCodePoint(from + i)));
  const latin = passed.filter((ch) => ch < '\u0300');

  it('every such code point comes out of the whole filter unchanged, alone and after any Latin letter, jamo or syllable', () => {
    const bases = [...latin, '\u1100', '\u1161', '가', '각', '一'];
    const changed: string[] = [];
    for (const ch of passed) {
      if (filterText(ch) !== ch) changed.push(ch);
      // Composition joins a character to the one before it; only characters outside the set
      // (combining marks, conjoining jamo) compose with what precedes them.
      for (const base of ch < '\u0300' ? bases : ['a', 'e', '\u1100', '가', '각', '一']) if (filterText(base + ch) !== base + ch) changed.push(base + ch);
    }
    expect(changed).toEqual([]);
    expect(sanitizeText(`한지우 — “Backend” · 日本語 café\n2021–2024 … ©`)).toBe(`한지우 — “Backend” · 日本語 café\n2021–2024 … ©`);
  });

  it('text with anything else still goes through the whole filter', () => {
    for (const text of ['e\u0301', 'a\r\nb', 'a\tb', 'a\x1b[31mb', '\u00ad', '\u3164', 'a\u2028b', '\ud800', '가\u11a8', '\u2126', '\ufeffa']) {
      expect(sanitizeText(text)).toBe(filterText(text));
      expect(sanitizeText(text)).not.toBe(text);
    }
  });
});

describe('sanitizeValue: what sanitizing leaves unchanged is not copied', () => {
  it('returns a clean value itself, and copies only the objects and arrays on the way to a change', () => {
    const clean = {basics: {name: '한지우', label: 'Backend — data'}, work: [{name: 'Co', highlights: ['a', 'b']}], n: 1, t: true, z: null};
    expect(sanitizeValue(clean)).toBe(clean);
    const dirty = {basics: {name: 'Kim\x1b[31m'}, work: [{name: 'Co', highlights: ['a', 'b\u200b']}, {name: 'Other'}], 'x-\u200bkey': {ok: 'yes'}, n: 1};
    const before = structuredClone(dirty);
    const out = sanitizeValue(dirty) as typeof dirty & Record<string, unknown>;
    expect(out).toEqual({basics: {name: 'Kim'}, work: [{name: 'Co', highlights: ['a', 'b']}, {name: 'Other'}], 'x-key': {ok: 'yes'}, n: 1});
    expect(Object.keys(out)).toEqual(['basics', 'work', 'x-key', 'n']);
    expect(dirty).toEqual(before);
    expect(out.work[1]).toBe(dirty.work[1]);
    expect(out['x-key']).toBe(dirty['x-\u200bkey']);
  });

  it('sanitizes each value once, however deep the change (64 levels)', () => {
    let deep: unknown = 'leaf\x07';
    for (let i = 0; i < 64; i++) deep = i % 2 ? {k: deep, other: 'x'} : [deep, 'y'];
    let out = sanitizeValue(deep);
    for (let i = 63; i >= 0; i--) out = i % 2 ? (out as {k: unknown}).k : (out as unknown[])[0];
    expect(out).toBe('leaf');
  });

  it('keeps an own "__proto__" key as the copy always did: assigned, not an own key', () => {
    const parsed = JSON.parse('{"a": 1, "__proto__": {"polluted": true}}');
    const out = sanitizeValue(parsed) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['a']);
    expect(Object.hasOwn(parsed, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(out)).toEqual({polluted: true});
  });
});

describe('sourceIsUntouched: a JSON text whose parse sanitizing gives back as it is', () => {
  const parsedUnchanged = (text: string) => {
    const parsed: unknown = JSON.parse(text);
    return sanitizeValue(parsed) === parsed;
  };

  it('holds for every pictograph of U+1F000–U+1FBFF it lets through: NFC and NFD leave it, before or after a letter, and the filter keeps it', () => {
    const changed: string[] = [];
    for (let cp = 0x1f000; cp <= 0x1fbff; cp++) {
      const c = String.fromCodePoint(cp);
      for (const s of [c, `a${c}`, `가${c}`, `${c}a`, `é${c}`]) {
        if (s.normalize('NFC') !== s || filterText(s) !== s || !sourceIsUntouched(JSON.stringify({[s]: s}))) changed.push(cp.toString(16));
      }
      if (c.normalize('NFD') !== c) changed.push(cp.toString(16));
    }
    expect(changed).toEqual([]);
  });

  it.each([
    ['plain Korean, English and a pictograph', '{"a":"김성호 💻 Backend — “quoted”","b":["x\\ny", "\\"q\\" \\\\ \\/"]}', true],
    ['a tab escape (becomes spaces)', '{"a":"x\\ty"}', false],
    ['a CR escape', '{"a":"x\\ry"}', false],
    ['a \\u escape (may be a control)', '{"a":"x\\u001b[31my"}', false],
    ['a harmless \\u escape is still refused (the filter decides)', '{"a":"\\u0041"}', false],
    ['a backspace escape', '{"a":"x\\by"}', false],
    ['an escaped backslash before u: a backslash and a u', '{"a":"C:\\\\users"}', true],
    ['an escaped backslash, then a tab escape', '{"a":"C:\\\\\\tx"}', false],
    ['a raw ESC is not JSON, but a C1 control is', '{"a":"x\u0085y"}', false],
    ['a zero-width joiner', '{"a":"👨\u200d👩"}', false],
    ['a soft hyphen', '{"a":"co\u00adop"}', false],
    ['a combining mark (NFC may compose it)', '{"a":"e\u0301"}', false],
    ['a lone high surrogate', '{"a":"x\ud83dy"}', false],
    ['a pictograph outside U+1F000–U+1FBFF (✅ U+2705)', '{"a":"✅"}', false],
    ['a __proto__ key', '{"__proto__":{"x":1}}', false],
    ['tabs and CRs between tokens', '{\r\n\t"a": "b"\r\n}', true],
  ])('%s → %s', (_name, text, untouched) => {
    expect(sourceIsUntouched(text)).toBe(untouched);
    if (untouched) expect(parsedUnchanged(text)).toBe(true);
  });

  it('never says untouched when sanitizing would change a string or a key (random JSON of risky text)', () => {
    const risky = fc.string({unit: fc.constantFrom('a', '가', '\n', '\t', '\r', '\x1b', '\x85', '\u200d', '\u0301', '\u00ad', '\ud83d', '\udcbb', '💻', '✅', '\\', '"', '\u3164', ' '), maxLength: 12});
    const value = fc.dictionary(risky, fc.oneof(risky, fc.array(risky, {maxLength: 3})), {maxKeys: 4});
    fc.assert(
      fc.property(value, (v) => {
        const text = JSON.stringify(v);
        if (sourceIsUntouched(text)) expect(parsedUnchanged(text)).toBe(true);
      }),
      {numRuns: 2000},
    );
  });

  it('finds the shipped résumé and the fixtures as they are: said untouched only where nothing changes', () => {
    for (const file of ['data/resume.json', ...readdirSync(join(REPO_ROOT, 'test/fixtures')).filter((f) => f.endsWith('.json')).map((f) => `test/fixtures/${f}`)]) {
      const text = readFileSync(join(REPO_ROOT, file), 'utf8');
      expect(sourceIsUntouched(text) ? parsedUnchanged(text) : true, file).toBe(true);
    }
  });
});
