/**
 * FrameText draws the frame's lines as one styled string in one <Text>
 * (src/ui/components/FrameText.tsx), so that Ink has one node to lay out and draw. What it draws
 * must be what the same spans draw as a <Text> per line with nested <Text>s styled by the theme,
 * as Ink styles them itself: the same cells, the same colours, in every theme.
 */
import chalk from 'chalk';
import {Box, Text} from 'ink';
import {render} from 'ink-testing-library';
import React from 'react';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {FrameText} from '../../src/ui/components/FrameText';
import {span, type Line} from '../../src/ui/layout/lines';
import {createTheme, THEMES, type Theme, type ThemeName} from '../../src/theme/theme';

/** The spans as Ink's own nested <Text>s, the way the app drew them before. */
function NestedLines({lines, theme}: {lines: Line[]; theme: Theme}) {
  return (
    <>
      {lines.map((line, i) =>
        line.length === 0 ? (
          <Text key={i}> </Text>
        ) : (
          <Text key={i} wrap="truncate">
            {line.map((s, j) => (
              <Text key={j} {...(s.badge === undefined ? theme.styles[s.style ?? 'plain'] : s.chosen ? {...theme.badge(s.badge), ...theme.styles.badgeChosen} : theme.badge(s.badge))}>
                {s.link && theme.hyperlinks ? `\x1b]8;;${s.link}\x1b\\${s.text}\x1b]8;;\x1b\\` : s.text}
              </Text>
            ))}
          </Text>
        ),
      )}
    </>
  );
}

const LINES: Line[] = [
  [span('김성호', 'name'), span('  '), span('Backend Engineer', 'muted')],
  [],
  [span('╭─ ', 'border'), span('Kafka 파이프라인', 'panelTitle'), span(' ─╮', 'border')],
  [{text: ' Kafka ', badge: 'Kafka'}, span(' '), {text: ' Go ', badge: 'Go', chosen: true}, span(' '), {text: 'site', style: 'match', link: 'https://example.com/a'}],
  [span('\x1b[1mbold from Markdown\x1b[22m tail', 'plain')].map((s) => ({...s, ansi: true})),
];

const draw = (element: React.ReactElement) => {
  const {lastFrame, unmount} = render(<Box flexDirection="column" width={40}>{element}</Box>);
  const out = lastFrame() ?? '';
  unmount();
  return out;
};

describe('FrameText: one string for the frame draws what nested <Text>s draw', () => {
  const level = chalk.level;
  beforeAll(() => {
    chalk.level = 3;
  });
  afterAll(() => {
    chalk.level = level;
  });

  for (const name of Object.keys(THEMES) as ThemeName[]) {
    for (const hyperlinks of [false, true]) {
      it(`${name} theme${hyperlinks ? ', with hyperlinks' : ''}`, () => {
        const theme = createTheme({color: name !== 'mono', ascii: false, hyperlinks, tokens: THEMES[name]});
        const ours = draw(<FrameText lines={LINES} theme={theme} width={40} />);
        expect(ours).toContain('\x1b[');
        expect(ours).toBe(draw(<NestedLines lines={LINES} theme={theme} />));
      });
    }
  }
});

describe('FrameText: a line wider than the frame', () => {
  it('is cut to the frame with an ellipsis (a wide character that no longer fits leaves a space), alone: every other row stays in its place', () => {
    const theme = createTheme({color: false, ascii: false});
    const lines: Line[] = [[span('first')], [span('x'.repeat(50) + 'END')], [span('한'.repeat(30))], [span('last')]];
    const rows = draw(<FrameText lines={lines} theme={theme} width={40} />)
      .replace(/\x1b\[[0-9;]*m/g, '')
      .split('\n');
    expect(rows).toEqual(['first', `${'x'.repeat(39)}…`, `${'한'.repeat(19)} …`, 'last']);
  });
});
