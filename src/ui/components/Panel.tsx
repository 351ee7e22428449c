import {Box} from 'ink';
import React from 'react';
import type {Entry} from '../../document/model';
import {panelLines, type InlineRenderer} from '../layout/panel';
import type {Theme} from '../../theme/theme';
import {FrameText} from './FrameText';

export interface PanelProps {
  entry: Entry;
  width: number;
  theme: Theme;
  focused?: boolean;
  collapsed?: boolean;
  inline?: InlineRenderer;
}

/** A project (or any entry) in its bordered box, with badges for its technologies. */
export function Panel({entry, width, theme, focused = false, collapsed = false, inline}: PanelProps) {
  return (
    <Box flexDirection="column" width={width}>
      <FrameText lines={panelLines(entry, {width, theme, focused, collapsed, inline})} theme={theme} width={width} />
    </Box>
  );
}
