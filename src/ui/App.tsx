import {Box, useApp} from 'ink';
import React, {useEffect, useMemo, useRef, useState} from 'react';
import type {ResumeDocument} from '../document/model';
import {WHEEL_STEP} from '../sizes';
import type {InputEvent} from '../terminal/input';
import type {RendererHandover} from '../terminal/session';
import {FrameText} from './components/FrameText';
import {FrameBuilder} from './frame';
import {useInputEvents} from './hooks/useInputEvents';
import {useScreenSize} from './hooks/useScreenSize';
import type {InlineRenderer} from './layout/panel';
import type {Screen} from './layout/regions';
import {createReducer, initialState, type Action, type NavState} from './state';
import type {Theme} from '../theme/theme';
import type {Messages} from '../i18n/messages';

export interface AppProps {
  doc: ResumeDocument;
  theme: Theme;
  inline?: InlineRenderer;
  /** The app's own words in the reader's language (English when not given). */
  messages?: Messages;
  /** The section to open (deep links). */
  initialSection?: number;
  /** The frame builder of these doc, theme, inline and messages, when the caller made one (src/ui/start.ts drew the first frame with it). */
  builder?: FrameBuilder;
  /** Fixed size (tests); otherwise the terminal's, following resizes. */
  size?: Partial<Screen>;
  /** Throw while rendering after this many input events (tests of the error path; see start.ts). */
  crashAfterKeys?: number;
  /** Give the terminal back and stop (Ctrl-Z); absent where there is no job control. */
  onSuspend?: () => void;
  /**
   * Receives what Ink does around a suspend: `give` erases the frame and stops reading the
   * terminal, `take` reads it again and draws the whole frame (after the screen was cleared, as
   * on `fg`). Ink's own suspendTerminal (7.1+), meant for handing the terminal to a child process.
   */
  onHandover?: (handover: RendererHandover) => void;
}

/** What an input event asks of the reducer: keys, text and pastes as they are; the wheel and left clicks. */
export function actionFor(event: InputEvent): Action | undefined {
  switch (event.type) {
    case 'key':
    case 'text':
    case 'paste':
      return event.type === 'key' ? {type: 'key', key: event.key} : {type: event.type, text: event.text};
    case 'mouse': {
      const {kind, button, x, y} = event.mouse;
      if (kind === 'wheelUp' || kind === 'wheelDown') return {type: 'scroll', delta: kind === 'wheelUp' ? -WHEEL_STEP : WHEEL_STEP};
      return kind === 'press' && button === 0 ? {type: 'click', x, y} : undefined;
    }
    case 'reply':
      // Terminal answers are for whoever asked (src/terminal/), never keys.
      return undefined;
  }
}

/** The interactive résumé: input events → reducer → frame lines. Everything it shows is built by FrameBuilder. */
export function App({doc, theme, inline, messages, initialSection = 0, builder: given, size, crashAfterKeys, onSuspend, onHandover}: AppProps) {
  const {exit, suspendTerminal} = useApp();
  const screen = useScreenSize(size);
  const builder = useMemo(() => given ?? new FrameBuilder(doc, theme, inline, messages), [given, doc, theme, inline, messages]);
  const reduce = useMemo(() => createReducer(builder.env()), [builder]);
  const [state, setState] = useState<NavState>(() => initialState(doc.sections.length, screen, initialSection));
  // Events that arrive between renders must see the newest state, not the one of the last render.
  const latest = useRef(state);
  const events = useRef(0);
  useEffect(() => {
    // suspendTerminal() does its giving back synchronously, before its promise settles.
    let suspension: ReturnType<typeof suspendTerminal> | undefined;
    onHandover?.({
      give() {
        suspension ??= suspendTerminal();
      },
      take() {
        const held = suspension;
        suspension = undefined;
        void held?.then((s) => s.resume());
      },
    });
  }, []);

  const dispatch = (action: Action) => {
    const next = reduce(latest.current, action);
    if (next === latest.current) return;
    latest.current = next;
    setState(next);
  };

  useEffect(() => {
    dispatch({type: 'resize', screen});
  }, [screen.width, screen.rows]);
  useEffect(() => {
    if (state.quit) exit();
  }, [state.quit]);
  useEffect(() => {
    if (state.suspends > 0) onSuspend?.();
  }, [state.suspends]);

  useInputEvents((event) => {
    // Keys count; the terminal's answers to the start-up questions (handed on to Ink) do not.
    if (event.type !== 'reply') events.current++;
    const action = actionFor(event);
    if (action) dispatch(action);
  });

  if (crashAfterKeys !== undefined && events.current >= crashAfterKeys) throw new Error(`test crash after ${crashAfterKeys} keys`);
  return (
    <Box flexDirection="column" width={state.screen.width}>
      <FrameText lines={builder.build(state)} theme={theme} width={state.screen.width} />
    </Box>
  );
}
