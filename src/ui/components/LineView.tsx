import {Text} from 'ink';
import React from 'react';
import type {Line} from '../layout/lines';
import type {Theme} from '../theme';

/**
 * An OSC 8 hyperlink. The target is a URL from the sanitized résumé (no control characters can
 * be in it) that safeLink accepted: http(s) or mailto, nothing else.
 */
function hyperlink(url: string, text: string): string {
  return `\x1b]8;;${url}\x1b\\${text}\x1b]8;;\x1b\\`;
}

/** One laid-out line: each span a <Text> styled by the theme. An empty line keeps its row. */
export const LineView = React.memo(function LineView({line, theme}: {line: Line; theme: Theme}) {
  if (line.length === 0) return <Text> </Text>;
  return (
    <Text wrap="truncate">
      {line.map((s, i) => (
        <Text key={i} {...(s.badge === undefined ? theme.styles[s.style ?? 'plain'] : s.chosen ? {...theme.badge(s.badge), ...theme.styles.badgeChosen} : theme.badge(s.badge))}>
          {s.link && theme.hyperlinks ? hyperlink(s.link, s.text) : s.text}
        </Text>
      ))}
    </Text>
  );
});

/** A column of lines. */
export function Lines({lines, theme}: {lines: Line[]; theme: Theme}) {
  return (
    <>
      {lines.map((line, i) => (
        <LineView key={i} line={line} theme={theme} />
      ))}
    </>
  );
}
