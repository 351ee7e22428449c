import {Box, useApp, useInput, useStdin, type Key} from 'ink';
import type {EventEmitter} from 'node:events';
import React, {useEffect, useMemo, useRef, useState} from 'react';
import type {MouseEvent} from './mouse';
import type {ResumeDocument} from '../document/model';
import {Lines} from './components/LineView';
import {FrameBuilder, type Screen} from './frame';
import {useScreenSize} from './hooks/useScreenSize';
import {commandFor} from './keymap';
import {graphemes} from '../text/width';
import type {InlineRenderer} from './layout/panel';
import {initialState, reduce, type Action, type EditKey, type NavState} from './state';
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
  /** Mouse reports, when the mouse is on (see mouse.ts). */
  mouse?: EventEmitter;
}

/** The search line's editing keys (Ink 6 reports Backspace, 0x7F, as `delete`). */
function editKeyFor(key: Key): EditKey | undefined {
  if (key.return) return 'submit';
  if (key.escape) return 'cancel';
  if (key.backspace || key.delete) return 'backspace';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.home) return 'home';
  if (key.end) return 'end';
  return undefined;
}

/** The interactive résumé: input → reducer → frame lines. Everything it shows is built by FrameBuilder. */
export function App({doc, theme, inline, initialSection = 0, size, crashAfterKeys, mouse}: AppProps) {
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
  const techContext = useMemo(() => builder.techContext(() => screenRef.current), [builder]);

  const dispatch = (action: Action) => {
    // Too small to show anything: only quitting does something.
    if (builder.tooSmall(screenRef.current) && !(action.type === 'command' && (action.command === 'quit' || action.command === 'back'))) return;
    const next = reduce(
      latest.current,
      action,
      (s) => builder.geometry(s, screenRef.current),
      doc.sections.length,
      (state, query) => builder.search(state, screenRef.current, query),
      techContext,
    );
    if (next === latest.current) return;
    latest.current = next;
    setState(next);
  };

  // Below the minimum size nothing is laid out, so the reader's place is left as it was: a
  // terminal shrunk too far and grown back shows what it showed before.
  const tooSmall = builder.tooSmall(screen);
  useEffect(() => {
    if (!tooSmall) dispatch({type: 'resize'});
  }, [screen.width, screen.rows]);

  // The wheel scrolls; a click on a tab opens its section; a click on a panel focuses it.
  useEffect(() => {
    if (!mouse) return;
    const onMouse = (event: MouseEvent) => {
      const state = latest.current;
      if (event.kind === 'wheelUp' || event.kind === 'wheelDown') return dispatch({type: 'scroll', delta: event.kind === 'wheelUp' ? -3 : 3});
      if (event.kind !== 'press' || event.button !== 0 || state.search?.editing) return;
      const chrome = builder.chrome(state, screenRef.current);
      if (event.y === chrome.barRow) {
        const tab = chrome.tabs.find(({start, end}) => event.x >= start && event.x < end);
        if (tab) dispatch({type: 'command', command: 'jumpSection', digit: tab.section + 1});
        return;
      }
      const row = event.y - chrome.top;
      const height = builder.viewportHeight(screenRef.current);
      if (row >= 0 && row < height) dispatch({type: 'click', line: (state.offset[state.section] ?? 0) + row});
    };
    mouse.on('mouse', onMouse);
    return () => {
      mouse.off('mouse', onMouse);
    };
  }, [mouse, builder]);
  useEffect(() => {
    if (state.quit) exit();
  }, [state.quit]);

  /** Typed characters, one at a time: a fast typist or a paste arrives as one chunk ("/Kafka\r"). */
  const typed = (text: string) => {
    const chars = graphemes(text);
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i]!;
      if (ch === '\r' || ch === '\n') {
        if (latest.current.search?.editing) dispatch({type: 'edit', key: 'submit'});
        else dispatch({type: 'command', command: 'toggle'});
      } else if (latest.current.search?.editing) {
        // The rest of the run, up to a line break, is the query.
        let run = '';
        while (i < chars.length && chars[i] !== '\r' && chars[i] !== '\n') run += chars[i++];
        i--;
        dispatch({type: 'text', text: run});
      } else {
        // A Tab that shares a read with other keys arrives as a character, not as key.tab.
        const command = commandFor(ch === '\t' ? {input: '', tab: true} : {input: ch});
        if (command) dispatch({type: 'command', command, digit: Number(ch)});
      }
    }
  };

  useInput(
    (input, key) => {
      keys.current++;
      const plain = !key.ctrl && !key.meta && input.length > 0 && !/[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f]/.test(input);
      if (latest.current.search?.editing) {
        const edit = editKeyFor(key);
        if (edit) dispatch({type: 'edit', key: edit});
        else if (plain) typed(input);
        else if (key.ctrl && input === 'c') dispatch({type: 'command', command: 'quit'});
        return;
      }
      if (plain && graphemes(input).length > 1) return typed(input);
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
