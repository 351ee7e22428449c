/**
 * Property tests (issue 6): generated JSON Resume documents whose strings mix Hangul, emoji (ZWJ
 * sequences, skin tones, flags, keycaps), combining marks, C0/C1 controls, escape sequences,
 * bidi and zero-width characters, odd spaces and very long words. Each document is loaded from its
 * JSON text by `parseResume`, so it is sanitized exactly as a real file is; then every view must
 * keep its promises at any width: no control byte, nothing wider than the width, the frame no
 * taller than the terminal. Widths are measured as the bundle's Ink measures them: string-width's
 * interface over the app's cell count (src/text/string-width.ts; the count itself is tested
 * against what terminals draw in test/unit/cells.test.ts), independently of the wrapping in
 * src/text/width.ts.
 *
 * Run counts are stated per property (numRuns; 1,808 runs in all, plus 50 sampled for the sanity
 * check) and sized to keep this file under 10 s on 2 cores.
 */
import fc from 'fast-check';
import React from 'react';
import stringWidth from '../../src/text/string-width';
import {describe, expect, it} from 'vitest';
import {toDocument} from '../../src/document/build';
import type {ResumeDocument} from '../../src/document/model';
import {formatLoadError, parseResume} from '../../src/resume/load';
import {renderMarkdown} from '../../src/text/markdown';
import {renderPlain} from '../../src/text/plain';
import {App} from '../../src/ui/App';
import {FrameBuilder} from '../../src/ui/frame';
import {initialState} from '../../src/ui/state';
import {createTheme} from '../../src/theme/theme';
import {CONTROL_BYTE, controlsIn, HOSTILE_PAYLOADS} from '../helpers/hostile';
import {startInk} from '../helpers/ink';

/** Multiplies every numRuns below: `PROPERTY_RUNS=20 npx vitest run test/unit/properties.test.ts` hunts longer. */
const NUM_RUNS = Math.max(1, Number(process.env.PROPERTY_RUNS ?? 1) || 1);

// ─── Text ────────────────────────────────────────────────────────────────────────────────────

const pick = <T>(...values: T[]) => fc.constantFrom(...values);
const codepoints = (min: number, max: number) => fc.integer({min, max}).map((c) => String.fromCodePoint(c));

/** Pieces of text, each a kind of trouble for a terminal or for width arithmetic. */
const fragment: fc.Arbitrary<string> = fc.oneof(
  {weight: 6, arbitrary: fc.string({unit: pick(...'abcdefghijklmnopqrstuvwxyz0123456789'), minLength: 1, maxLength: 10})},
  {weight: 2, arbitrary: fc.string({unit: pick(...'.,;:!?-_*`[]()<>#|~/\\"\''), minLength: 1, maxLength: 3})},
  {weight: 5, arbitrary: fc.string({unit: codepoints(0xac00, 0xd7a3), minLength: 1, maxLength: 6})},
  {weight: 3, arbitrary: pick('😀', '👍', '👍🏽', '👩\u200d👩\u200d👧', '👨\u200d💻', '❤️', '❤️\u200d🔥', '🇰🇷', '🏳️\u200d🌈', '💻', '🚀', '1️⃣', '☕', '✔')},
  {weight: 2, arbitrary: fc.tuple(pick('e', 'a', 'o', 'n', '가', 'x'), fc.array(codepoints(0x300, 0x36f), {minLength: 1, maxLength: 3})).map(([b, m]) => b + m.join(''))},
  {weight: 2, arbitrary: codepoints(0x00, 0x1f)},
  {weight: 2, arbitrary: codepoints(0x7f, 0x9f)},
  {
    weight: 3,
    arbitrary: pick(
      ...Object.values(HOSTILE_PAYLOADS),
      '\u001b[38;2;1;2;3m',
      '\u001b7',
      '\u001bc',
      '\u001b[?1049h',
      '\u001b[?1000h',
      '\u001b]1337;File=:AAAA\u0007',
      '\u001b',
      '\u009b',
      '\u001b]0;never terminated',
      '\u001bP',
    ),
  },
  {weight: 2, arbitrary: pick('\u200b', '\u200d', '\u200c', '\u202e', '\u2066', '\ufeff', '\u061c', '\u2060', '\u00ad', '\ufe0f')},
  {weight: 4, arbitrary: pick(' ', '  ', '\n', '\n\n', '\t', '\r\n', '\r', '\u00a0', '\u3000', '\u2028')},
  {weight: 1, arbitrary: fc.tuple(pick('x', '가', '👍', 'é', 'W'), fc.integer({min: 30, max: 350})).map(([c, n]) => c.repeat(n))},
  {weight: 1, arbitrary: fc.string({unit: 'binary', minLength: 1, maxLength: 4})},
);

const text = (maxLength = 10) => fc.array(fragment, {maxLength}).map((parts) => parts.join(''));
const shortText = text(3);

// ─── Documents ───────────────────────────────────────────────────────────────────────────────

const date = pick('2017', '2019-08', '2020-01', '2021-06', '2021-06-29');

/** A JSON Resume with every section the app shows, and projects tied to work entries by `entity`. */
const resumeJson: fc.Arbitrary<string> = fc
  .record({
    name: text(),
    label: shortText,
    summary: text(16),
    works: fc.array(fc.record({name: shortText, position: shortText, description: text(), startDate: date}), {minLength: 1, maxLength: 2}),
    projects: fc.array(
      fc.record({
        name: text(6),
        description: text(16),
        highlights: fc.array(text(), {maxLength: 3}),
        keywords: fc.array(shortText, {maxLength: 5}),
        work: fc.nat(),
        orphan: fc.boolean(),
      }),
      {maxLength: 3},
    ),
    education: fc.array(fc.record({institution: shortText, area: shortText, studyType: shortText, score: shortText}), {maxLength: 2}),
    skills: fc.array(fc.record({name: shortText, keywords: fc.array(shortText, {maxLength: 4})}), {maxLength: 2}),
    essays: fc.array(fc.record({title: text(6), entries: fc.array(fc.record({title: shortText, body: text(20)}), {minLength: 1, maxLength: 2})}), {maxLength: 2}),
  })
  .map((r) =>
    JSON.stringify({
      basics: {name: r.name, label: r.label, summary: r.summary},
      work: r.works,
      projects: r.projects.map((p) => ({
        name: p.name,
        description: p.description,
        highlights: p.highlights,
        keywords: p.keywords,
        // The same string as the work entry's name: they match once both are sanitized.
        entity: p.orphan ? `${p.name} (own)` : r.works[p.work % r.works.length]!.name,
      })),
      education: r.education.map((e) => ({...e, startDate: '2017-03', endDate: '2022-06'})),
      skills: r.skills,
      'x-essays': r.essays,
    }),
  );

/** The generated JSON text, loaded as the CLI loads a file: parsed, validated, sanitized. */
const documentOf = (json: string): ResumeDocument => {
  const loaded = parseResume(json, 'generated.json');
  if (!loaded.ok) throw new Error(`a generated résumé does not load: ${formatLoadError(loaded.error)}`);
  return toDocument(loaded.resume);
};
const doc = resumeJson.map(documentOf);

const width = fc.integer({min: 10, max: 300});
const rows = fc.integer({min: 5, max: 80});
const lineText = (line: Array<{text: string}>) => line.map((s) => s.text).join('');
const tooWide = (lines: string[], cols: number) => lines.filter((l) => stringWidth(l) > cols).map((l) => `${stringWidth(l)} > ${cols}: ${JSON.stringify(l)}`);

// ─── Properties ──────────────────────────────────────────────────────────────────────────────

describe('properties over generated résumés (loaded and sanitized from JSON)', () => {
  it('the generator makes documents the loader accepts, with the troubles left in the JSON (sanity check)', () => {
    const samples = fc.sample(resumeJson, {numRuns: 50, seed: 1});
    expect(samples.some((json) => /\\u001b/.test(json)), 'escape sequences reach the loader').toBe(true);
    expect(samples.some((json) => /[\uac00-\ud7a3]/.test(json)), 'Hangul').toBe(true);
    for (const json of samples) expect(() => documentOf(json)).not.toThrow();
  });

  it('renderPlain: no control byte, no line wider than the width (widths 10–300; numRuns 500)', () => {
    fc.assert(
      fc.property(doc, width, (d, cols) => {
        const out = renderPlain(d, cols);
        expect(controlsIn(out)).toEqual([]);
        expect(tooWide(out.split('\n'), cols)).toEqual([]);
      }),
      {numRuns: 500 * NUM_RUNS},
    );
  });

  it('renderMarkdown: no control byte (numRuns 300)', () => {
    fc.assert(
      fc.property(doc, (d) => {
        expect(controlsIn(renderMarkdown(d))).toEqual([]);
      }),
      {numRuns: 300 * NUM_RUNS},
    );
  });

  /**
   * A frame for any section, scrolled anywhere in it, at any size. The arbitrary keeps the JSON
   * text, so a counterexample is a résumé to reproduce with (`kim-resume file.json`).
   */
  const frameCase = fc.record({json: resumeJson, cols: width, height: rows, section: fc.nat(), scroll: fc.double({min: 0, max: 1, noNaN: true}), color: fc.boolean()});
  const frameOf = ({json, cols, height, section, scroll, color}: {json: string; cols: number; height: number; section: number; scroll: number; color: boolean}) => {
    const d = documentOf(json);
    const builder = new FrameBuilder(d, createTheme({color, ascii: false}));
    const screen = {width: cols, rows: height};
    const state = initialState(d.sections.length, screen, d.sections.length > 0 ? section % d.sections.length : 0);
    const offset = [...state.offset];
    offset[state.section] = Math.floor(scroll * Math.max(0, builder.geometry(state).lines - 1));
    return builder.build({...state, offset});
  };
  it('FrameBuilder.build: no line wider than the width, at most `rows` lines (widths 10–300, rows 5–80; numRuns 500)', () => {
    fc.assert(
      fc.property(frameCase, (c) => {
        const lines = frameOf(c);
        expect(tooWide(lines.map(lineText), c.cols)).toEqual([]);
        expect(lines.length).toBeLessThanOrEqual(c.height);
      }),
      {numRuns: 500 * NUM_RUNS},
    );
  });

  // Each Line is one terminal row: a newline in a span (a one-line field such as a name or a
  // badge holding one) makes the terminal draw two, so the frame grows past the screen and its
  // boxes break, though no line is too wide. Controls would reach the terminal directly.
  it('FrameBuilder.build: every line is one row, with no newline or control in any span (numRuns 500)', () => {
    fc.assert(
      fc.property(frameCase, (c) => {
        const bad = frameOf(c)
          .map(lineText).filter((l) => CONTROL_BYTE.test(l) || l.includes('\n'));
        expect(bad.map((l) => JSON.stringify(l))).toEqual([]);
      }),
      {numRuns: 500 * NUM_RUNS},
    );
  });

  it('the Ink App (ink-testing-library, fixed size): no rendered row wider than the width (numRuns 8)', async () => {
    const theme = createTheme({color: true, ascii: false});
    await fc.assert(
      fc.asyncProperty(doc, fc.integer({min: 10, max: 300}), fc.integer({min: 5, max: 60}), async (d, cols, height) => {
        // The first frame and the frames of the App's first effects (startInk waits for them).
        const {app, screen} = await startInk(React.createElement(App, {doc: d, theme, size: {width: cols, rows: height}}));
        try {
          expect(tooWide(screen(), cols)).toEqual([]);
        } finally {
          app.unmount();
        }
      }),
      {numRuns: 8 * NUM_RUNS},
    );
  });
});
