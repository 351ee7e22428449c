import {Text} from 'ink';
import React from 'react';
import type {Line, Span} from '../layout/lines';
import type {Theme} from '../theme';
import {chalkStyle, type Styler} from '../theme-chalk';

/**
 * An OSC 8 hyperlink. The target is a URL from the sanitized résumé (no control characters can
 * be in it) that safeLink accepted: http(s) or mailto, nothing else.
 */
function hyperlink(url: string, text: string): string {
  return `\x1b]8;;${url}\x1b\\${text}\x1b]8;;\x1b\\`;
}

/** Per theme, each span style's chalk function (chalkStyle writes the SGR codes Ink's <Text> would). */
const stylers = new WeakMap<Theme, Map<string, Styler>>();

function stylerFor(span: Span, theme: Theme): Styler {
  let byName = stylers.get(theme);
  if (!byName) stylers.set(theme, (byName = new Map()));
  const name = span.badge === undefined ? (span.style ?? 'plain') : `badge ${span.chosen ? 'chosen ' : ''}${span.badge}`;
  let styler = byName.get(name);
  if (styler === undefined) {
    const style = span.badge === undefined ? theme.styles[span.style ?? 'plain'] : span.chosen ? {...theme.badge(span.badge), ...theme.styles.badgeChosen} : theme.badge(span.badge);
    byName.set(name, (styler = chalkStyle(style)));
  }
  return styler;
}

/** A line as one styled string: a single <Text> node for Ink to lay out and draw, not one per span. */
export function lineString(line: Line, theme: Theme): string {
  let text = '';
  for (const s of line) text += stylerFor(s, theme)(s.link && theme.hyperlinks ? hyperlink(s.link, s.text) : s.text);
  return text;
}

/** Whether two lines draw the same: the same spans, field for field (a frame builds many lines anew). */
export function sameLine(a: Line, b: Line): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.text !== y.text || x.style !== y.style || x.badge !== y.badge || x.chosen !== y.chosen || x.link !== y.link || x.ansi !== y.ansi) return false;
  }
  return true;
}

/** One laid-out line. An empty line keeps its row. */
export const LineView = React.memo(
  function LineView({line, theme}: {line: Line; theme: Theme}) {
    if (line.length === 0) return <Text> </Text>;
    return <Text wrap="truncate">{lineString(line, theme)}</Text>;
  },
  (before, after) => before.theme === after.theme && sameLine(before.line, after.line),
);

/**
 * A column of lines, keyed by row. (Keyed by what each line shows instead, React kept the rows a
 * scroll only moves, but mounting and unmounting the others cost more than updating every row:
 * in-process time per key, Tab 3.8 → 3.0 ms and scrolling a long section 7.8 → 7.1 ms with row
 * keys. A row whose spans are unchanged is not rendered again: LineView compares them.)
 */
export function Lines({lines, theme}: {lines: Line[]; theme: Theme}) {
  return (
    <>
      {lines.map((line, i) => (
        <LineView key={i} line={line} theme={theme} />
      ))}
    </>
  );
}
