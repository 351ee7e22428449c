import {useWindowSize} from 'ink';
import type {Screen} from '../frame';

/**
 * The terminal's size, updated on resize: Ink's useWindowSize, which reads the stream the app
 * renders to (the session's output, so each SSH session has its own). `fixed` overrides it, for
 * tests and for callers that know better.
 */
export function useScreenSize(fixed?: Partial<Screen>): Screen {
  const {columns, rows} = useWindowSize();
  return {width: fixed?.width ?? columns, rows: fixed?.rows ?? rows};
}
