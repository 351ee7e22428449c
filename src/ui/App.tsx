import {Box, useApp, useInput, useStdin} from 'ink';
import React, {useEffect, useMemo, useRef, useState} from 'react';
import type {ResumeDocument} from '../document/model';
import {Lines} from './components/LineView';
import {FrameBuilder, type Screen} from './frame';
import {useScreenSize} from './hooks/useScreenSize';
import {commandFor} from './keymap';
import type {InlineRenderer} from './layout/panel';
import {initialState, reduce, type Action, type NavState} from './state';
import type {Theme} from './theme';

export interface AppProps {
  doc: ResumeDocument;
  theme: Theme;
  inline?: InlineRenderer;
  /** The section to open (deep links). */
  initialSection?: number;
  /** Fixed size (tests); otherwise the terminal's, following resizes. */
  size?: Partial<Screen>;
  /** Throw while rendering after this many key presses (tests of the error path; see run.tsx). */
  crashAfterKeys?: number;
}

/** The interactive résumé: input → reducer → frame lines. Everything it shows is built by FrameBuilder. */
export function App({doc, theme, inline, initialSection = 0, size, crashAfterKeys}: AppProps) {
  const {exit} = useApp();
  const {isRawModeSupported} = useStdin();
  const screen = useScreenSize(size);
  const builder = useMemo(() => new FrameBuilder(doc, theme, inline), [doc, theme, inline]);
  const [state, setState] = useState<NavState>(() => initialState(doc.sections.length, initialSection));
  // Keys that arrive between renders must see the newest state, not the one of the last render.
  const latest = useRef(state);
  const keys = useRef(0);
  const screenRef = useRef(screen);
  screenRef.current = screen;

  const dispatch = (action: Action) => {
    const next = reduce(latest.current, action, (s) => builder.geometry(s, screenRef.current), doc.sections.length);
    if (next === latest.current) return;
    latest.current = next;
    setState(next);
  };

  useEffect(() => dispatch({type: 'resize'}), [screen.width, screen.rows]);
  useEffect(() => {
    if (state.quit) exit();
  }, [state.quit]);

  useInput(
    (input, key) => {
      keys.current++;
      const command = commandFor({input, ...key});
      if (command) dispatch({type: 'command', command, digit: Number(input)});
    },
    {isActive: isRawModeSupported === true},
  );

  if (crashAfterKeys !== undefined && keys.current >= crashAfterKeys) throw new Error(`test crash after ${crashAfterKeys} keys`);
  const lines = builder.build(state, screen);
  return (
    <Box flexDirection="column" width={screen.width}>
      <Lines lines={lines} theme={theme} />
    </Box>
  );
}
