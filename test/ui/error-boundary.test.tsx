import {Text} from 'ink';
import {render} from 'ink-testing-library';
import React from 'react';
import {expect, it, vi} from 'vitest';
import {ErrorBoundary} from '../../src/ui/components/ErrorBoundary';

function Broken(): React.ReactElement {
  throw new Error('layout exploded');
}

it('an exception while rendering reaches onError and leaves an empty screen, not a stack', () => {
  const onError = vi.fn();
  const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
  const {lastFrame, unmount} = render(
    <ErrorBoundary onError={onError}>
      <Text>before</Text>
      <Broken />
    </ErrorBoundary>,
  );
  expect(onError).toHaveBeenCalledTimes(1);
  expect((onError.mock.calls[0]![0] as Error).message).toBe('layout exploded');
  expect(lastFrame()).toBe('');
  unmount();
  quiet.mockRestore();
});
