/**
 * The section bar in the app, on a résumé with more sections than 80 columns hold
 * (test/fixtures/sections-11.json: one entry in each of eleven sections): Tab walks every section
 * and every frame names the current tab, drawn inverse by the mono theme, and its neighbours.
 */
import chalk from 'chalk';
import React from 'react';
import stripAnsi from 'strip-ansi';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {App} from '../../src/ui/App';
import {FrameBuilder} from '../../src/ui/frame';
import {createTheme} from '../../src/theme/theme';
import {cellWidth} from '../../src/text/width';
import {startInk} from '../helpers/ink';
import {fixtureDocument} from '../helpers/resume';

const doc = fixtureDocument('sections-11');
const titles = doc.sections.map((s) => s.title);
const theme = createTheme({color: false, ascii: false});

// At level 1 the frame carries the mono theme's SGR codes: the current tab is the inverse one.
const level = chalk.level;
beforeAll(() => {
  chalk.level = 1;
});
afterAll(() => {
  chalk.level = level;
});

/** `name` names section i: its title whole, or a start of it and "…". */
const names = (name: string, i: number) => name === titles[i] || (name.endsWith('…') && name.length > 1 && titles[i]!.startsWith(name.slice(0, -1)));

describe('the section bar of an 11-section résumé at 80 columns', () => {
  it('holds more titles than fit (else this test proves nothing)', () => {
    expect(titles).toHaveLength(11);
    expect(titles.reduce((sum, t, i) => sum + cellWidth(` ${i + 1} ${t} `), 0)).toBeGreaterThan(80);
  });

  it('Tab through every section and back to the first: each frame names the current tab and its neighbours', async () => {
    const {app, raw, screen, press} = await startInk(<App doc={doc} theme={theme} size={{width: 80, rows: 24}} />);
    const barRow = new FrameBuilder(doc, theme).regions(0, {width: 80, rows: 24}).bar.row;
    for (let presses = 0; presses <= titles.length; presses++) {
      const current = presses % titles.length;
      const rawBar = raw().split('\n')[barRow]!;
      const bar = screen()[barRow]!;
      const what = `after ${presses} Tab: ${bar}`;
      expect(cellWidth(bar), what).toBeLessThanOrEqual(80);
      // The inverse run is the current tab: its number and its name.
      const inverse = /\x1b\[7m(?:\x1b\[[0-9;]*m)*([^\x1b]*)/.exec(rawBar)?.[1];
      const tab = / (\d+) (.+) /.exec(inverse ?? '');
      expect(tab?.[1], what).toBe(String(current + 1));
      expect(names(tab![2]!, current), what).toBe(true);
      // The neighbours, by number and name; two cells apart from the current tab.
      const shown = new Map([...bar.matchAll(/(?<=^|[ ‹])(\d+) (.+?)(?= {2}\d| ?›| *$)/g)].map((m) => [Number(m[1]) - 1, m[2]!] as const));
      for (const neighbour of [current - 1, current + 1].filter((i) => i >= 0 && i < titles.length)) {
        expect(shown.has(neighbour), `${what}: neighbour ${neighbour + 1}`).toBe(true);
        expect(names(shown.get(neighbour)!, neighbour), `${what}: neighbour ${neighbour + 1} is "${shown.get(neighbour)}"`).toBe(true);
      }
      // The section itself is open: its first entry is on screen.
      const first = doc.sections[current]!.entries[0]!.title.split(' ')[0]!;
      expect(screen().slice(barRow + 1).join('\n'), what).toContain(first);
      await press('\t');
    }
    app.unmount();
  });
});
