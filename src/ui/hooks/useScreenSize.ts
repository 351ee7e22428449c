import {useStdout} from 'ink';
import {useEffect, useState} from 'react';
import type {Screen} from '../frame';

/**
 * The terminal's size, updated on resize (Ink 6 has no useWindowSize: listen on stdout).
 * `fixed` overrides it, for tests and for callers that know better.
 */
export function useScreenSize(fixed?: Partial<Screen>): Screen {
  const {stdout} = useStdout();
  const read = (): Screen => ({width: fixed?.width ?? stdout.columns ?? 80, rows: fixed?.rows ?? stdout.rows ?? 24});
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stdout, fixed?.width, fixed?.rows]);
  return size;
}
