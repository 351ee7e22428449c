import {clipLine, lineWidth, type Line, type Span} from './lines';
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

/**
 * A row of the frame as the string the app writes for it: never wider than the frame. Ink
 * truncates a <Text> as one string, which would cut the whole frame, not this line. The layout
 * makes lines fit; this only holds it to that, with an ellipsis where the line was cut, as Ink's
 * truncation shows. An empty row is one space (an empty <Text> takes no row in Ink).
 */
export function frameLine(line: Line, theme: Theme, width: number): string {
  const known = strings.get(line);
  if (known && known.theme === theme && known.width === width) return known.text;
  const fitted = lineWidth(line) > width ? [...clipLine(line, Math.max(0, width - 1)), {text: theme.glyphs.ellipsis, style: line.at(-1)?.style}] : line;
  const text = lineString(fitted, theme) || ' ';
  strings.set(line, {theme, width, text});
  return text;
}
