import {render} from 'ink';
import React from 'react';
import type {ResumeDocument} from '../document/model';
import {App} from './App';
import {ErrorBoundary} from './components/ErrorBoundary';
import type {FrameBuilder} from './frame';
import type {InlineRenderer} from './layout/panel';
import {joinFrameWrites} from '../terminal/frame-writes';
import type {RendererHandover, Session} from '../terminal/session';
import type {Theme} from '../theme/theme';
import type {Messages} from '../i18n/messages';
import {AppError, type InteractiveOptions} from './start';

/** What ./start.ts hands Ink: the screen is taken, the theme chosen, the first frame drawn by `builder`. */
export interface Prepared {
  doc: ResumeDocument;
  theme: Theme;
  inline?: InlineRenderer;
  messages: Messages;
  builder: FrameBuilder;
  options: InteractiveOptions;
  session: Session;
  suspend?: () => void;
  onHandover: (handover: RendererHandover) => void;
}

/** Renders the app with Ink until the reader quits or the session's input ends (./start.ts restores the terminal). */
export async function renderApp({doc, theme, inline, messages, builder, options, session, suspend, onHandover}: Prepared): Promise<number> {
  let instance: ReturnType<typeof render> | undefined;
  let failure: Error | undefined;
  const output = joinFrameWrites(session.output);
  instance = render(
    <ErrorBoundary
      onError={(error) => {
        failure = error;
        instance?.unmount();
      }}
    >
      <App
        doc={doc}
        theme={theme}
        inline={inline}
        messages={messages}
        builder={builder}
        initialSection={options.initialSection}
        crashAfterKeys={options.crashAfterKeys}
        onSuspend={suspend}
        onHandover={onHandover}
      />
    </ErrorBoundary>,
    {
      stdin: session.input,
      stdout: output,
      // Ink writes to its stderr only for useStderr, which the app does not use; left out,
      // Ink reads process.stderr, and making that terminal stream costs ~3 ms before the
      // first frame (measured with --cpu-prof: Node's tty and colour setup).
      stderr: output,
      exitOnCtrlC: false,
      patchConsole: false,
      // kim-resume decides itself whether a person is at a terminal (src/cli/mode.ts); left to
      // Ink, a terminal with CI set in its environment would get only the last frame
      // (vadimdemedes/ink#718). Ink's own option since 7.0 (#888).
      interactive: true,
      isScreenReaderEnabled: options.screenReader ?? false,
      // Ink 7 fixed the incremental renderer's trailing-newline case (vadimdemedes/ink#910) that
      // misplaced this full-screen frame in 6.8, but it measured slower here: key to screen
      // 2.40× / 0.99× / 2.00× the one-box app for ↓ / Tab / PgDn, against 0.96× / 0.88× / 1.13×
      // redrawing the whole frame (`npm run bench -- --only latency`, one run of each, Ink 8.0).
      incrementalRendering: false,
      // Ink draws a lone key at once and throttles what follows to one frame per interval, so
      // under auto-repeat the last key shows about one interval late: measured with keys 8 ms
      // apart, 35 ms after the last key at 60 fps, 23 ms at 120; CPU while idle (0) and for
      // the same keys (~1 s) were the same at both.
      maxFps: 120,
    },
  );
  // Ink drew the first frame inside render(): what waited for it may run now, off its way.
  if (options.onFirstFrame) setImmediate(options.onFirstFrame);
  // The terminal going away (stdin closed) ends the app like q does.
  const onEnd = () => instance?.unmount();
  session.input.once('end', onEnd);
  await instance.waitUntilExit();
  session.input.off('end', onEnd);
  if (failure) throw new AppError(failure);
  return 0;
}
