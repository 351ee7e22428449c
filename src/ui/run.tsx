import {render} from 'ink';
import React from 'react';
import {onExit} from 'signal-exit';
import {supportsHyperlink} from 'supports-hyperlinks';
import type {ResumeDocument} from '../document/model';
import {App} from './App';
import {ErrorBoundary} from './components/ErrorBoundary';
import {hasMarkdown} from './markdown-hint';
import {CAN_SUSPEND, holdTerminal} from '../terminal/local';
import {createTheme} from './theme';

export interface InteractiveOptions {
  color: boolean;
  ascii: boolean;
  /** Report the mouse (wheel, clicks); --no-mouse turns it off. */
  mouse: boolean;
  initialSection?: number;
}

/**
 * KIM_RESUME_TEST_CRASH=N makes the app throw while rendering after N key presses: the only way
 * for the end-to-end tests to prove that a rendering error still restores the terminal.
 */
function crashAfterKeys(): number | undefined {
  const value = process.env.KIM_RESUME_TEST_CRASH;
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

/** The app failed while rendering; the terminal has been restored when this reaches the CLI. */
export class AppError extends Error {
  constructor(cause: Error) {
    super(`the interactive view failed: ${cause.message}`, {cause});
  }
}

/**
 * Runs the full-screen app until the reader quits. The terminal is left as it was found on every
 * way out: Ink restores raw mode and the cursor; the alternate screen, mouse reports and
 * bracketed paste are switched off here, by signal-exit's handler on signals (process 'exit'
 * does not run on SIGINT/SIGTERM/SIGHUP). Ctrl-Z and SIGTSTP give the terminal back and stop;
 * `fg` takes it again and redraws the whole frame.
 */
export async function runInteractive(doc: ResumeDocument, options: InteractiveOptions): Promise<number> {
  let instance: ReturnType<typeof render> | undefined;
  let redraw = () => {};
  const terminal = holdTerminal(process.stdin, process.stdout, {mouse: options.mouse, redraw: () => redraw()});
  const restore = () => terminal.release();
  const removeExitHandler = onExit(restore, {alwaysLast: true});
  terminal.take();
  try {
    const theme = createTheme({color: options.color, ascii: options.ascii, hyperlinks: supportsHyperlink(process.stdout)});
    // Only a résumé whose text holds Markdown pays for loading marked and marked-terminal.
    const inline = hasMarkdown(doc) ? (await import('./markdown')).createMarkdownInline(theme) : undefined;
    let failure: Error | undefined;
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
          initialSection={options.initialSection}
          crashAfterKeys={crashAfterKeys()}
          onSuspend={CAN_SUSPEND ? terminal.suspend : undefined}
          onRedraw={(draw) => (redraw = draw)}
        />
      </ErrorBoundary>,
      {
        stdin: process.stdin,
        exitOnCtrlC: false,
        patchConsole: false,
        // Ink 6.8's incrementalRendering misplaced our full-screen frame by one row after a
        // section change (seen in tmux): each frame is redrawn whole instead, inside
        // synchronized output, which Ink turns on by itself.
        incrementalRendering: false,
        // Ink draws a lone key at once and throttles what follows to one frame per interval, so
        // under auto-repeat the last key shows about one interval late: measured with keys 8 ms
        // apart, 35 ms after the last key at 60 fps, 23 ms at 120; CPU while idle (0) and for
        // the same keys (~1 s) were the same at both.
        maxFps: 120,
      },
    );
    // The terminal going away (stdin closed) ends the app like q does.
    const onEnd = () => instance?.unmount();
    process.stdin.once('end', onEnd);
    await instance.waitUntilExit();
    process.stdin.off('end', onEnd);
    if (failure) throw new AppError(failure);
  } finally {
    restore();
    terminal.dispose();
    removeExitHandler();
  }
  return 0;
}
