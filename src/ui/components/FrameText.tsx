import {Text} from 'ink';
import React from 'react';
import {clipLine, lineWidth, type Line, type Span} from '../layout/lines';
import type {Theme} from '../../theme/theme';
import {chalkStyle, type Styler} from '../../theme/chalk';

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

/** A line as one styled string (the SGR codes Ink would write for the same spans as nested <Text>s). */
export function lineString(line: Line, theme: Theme): string {
  let text = '';
  for (const s of line) text += stylerFor(s, theme)(s.link && theme.hyperlinks ? hyperlink(s.link, s.text) : s.text);
  return text;
}

/** Each line's string at a width, kept while the line (most are a layout's cached objects) lives. */
const strings = new WeakMap<Line, {theme: Theme; width: number; text: string}>();

function frameLine(line: Line, theme: Theme, width: number): string {
  const known = strings.get(line);
  if (known && known.theme === theme && known.width === width) return known.text;
  // Never wider than the frame: Ink truncates a <Text> as one string, which would cut the
  // whole frame, not this line. The layout makes lines fit; this only holds it to that, with
  // an ellipsis where the line was cut, as Ink's truncation shows.
  const fitted = lineWidth(line) > width ? [...clipLine(line, Math.max(0, width - 1)), {text: '…', style: line.at(-1)?.style}] : line;
  const text = lineString(fitted, theme);
  strings.set(line, {theme, width, text});
  return text;
}

/**
 * The whole frame as one <Text>, its lines joined: one node for React to update and for Ink to
 * lay out and draw, where a <Text> per line made every key pay Ink's per-node work (yoga calls
 * through its WebAssembly bindings, squashing, measuring) thirty times. Measured inside the
 * process, from a key's bytes to the frame written (node-pty, 100×30, 120 presses): Tab
 * 2.04 → 1.02 ms, scrolling a 1,000-project section 6.1 → 4.9 ms. Ink draws only the rows
 * that changed (the ink-row-memo build patch).
 */
export function FrameText({lines, theme, width}: {lines: Line[]; theme: Theme; width: number}) {
  let text = '';
  for (let i = 0; i < lines.length; i++) text += (i > 0 ? '\n' : '') + frameLine(lines[i]!, theme, width);
  return <Text>{text}</Text>;
}
