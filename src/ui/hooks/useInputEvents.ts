import {useStdin} from 'ink';
import {useEffect, useRef} from 'react';
import {createInputSplitter, type InputEvent} from '../../terminal/input';

/**
 * The terminal's input as events (keys, typed text, pastes, mouse reports), split by the pure
 * splitter in src/terminal/input.ts. Ink puts the terminal in raw mode and reads it; this hook
 * listens to the chunks it reads, so several keys in one read are several events. A lone Esc
 * is held until the reads already queued are handled (as Ink does), then delivered.
 */
export function useInputEvents(onEvent: (event: InputEvent) => void): void {
  const {stdin, setRawMode, isRawModeSupported} = useStdin();
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    if (!isRawModeSupported) return;
    const splitter = createInputSplitter();
    let flush: NodeJS.Immediate | undefined;
    const emit = (events: InputEvent[]) => {
      for (const event of events) handler.current(event);
    };
    const onData = (chunk: Buffer | string) => {
      if (flush) clearImmediate(flush);
      flush = undefined;
      emit(splitter.push(chunk.toString()));
      if (splitter.hasPending) flush = setImmediate(() => emit(splitter.flush()));
    };
    setRawMode(true);
    stdin.on('data', onData);
    return () => {
      if (flush) clearImmediate(flush);
      stdin.off('data', onData);
      setRawMode(false);
    };
  }, [stdin, setRawMode, isRawModeSupported]);
}
