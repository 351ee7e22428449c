import {Text} from 'ink';
import React from 'react';
import type {Line} from '../layout/lines';
import {frameLine} from '../layout/frame-lines';
import type {Theme} from '../../theme/theme';

/**
 * The frame, a <Text> per row, each row one styled string (its spans' SGR codes joined:
 * src/ui/layout/frame-lines.ts), not a <Text> per span: one node per row for React to update
 * and for Ink to lay out and draw. A row that did not change is the same string as in the last
 * frame, which Ink's output, as the ink-output-memo build patch keeps it, takes from memory: its
 * tokens, its lines and its drawn row. One <Text> for the whole frame (6.8's fastest) made Ink
 * tokenize and split the whole frame on every key: measured with Ink 8 (`npm run bench -- --only
 * latency`, spaced ↓ / Tab / PgDn), 1.80× / 1.58× / 3.04× the one-box app as one <Text>, 1.28× /
 * 1.75× / 1.90× a <Text> per row before the lines of a text were kept, 1.00× / 0.93× / 1.23× after.
 */
export function FrameText({lines, theme, width}: {lines: Line[]; theme: Theme; width: number}) {
  return (
    <>
      {lines.map((line, i) => (
        <Text key={i}>{frameLine(line, theme, width)}</Text>
      ))}
    </>
  );
}
