import {render} from 'ink';
import React from 'react';
import {onExit} from 'signal-exit';
import {supportsHyperlink} from 'supports-hyperlinks';
import type {ResumeDocument} from '../document/model';
import {App} from './App';
import {ErrorBoundary} from './components/ErrorBoundary';
import {hasMarkdown} from './markdown-hint';
import {ENTER_SCREEN, LEAVE_SCREEN, MOUSE_ON} from '../terminal/modes';
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
 * way out: Ink restores raw mode and the cursor; the alternate screen is left here, by
 * signal-exit's handler on signals (process 'exit' does not run on SIGINT/SIGTERM/SIGHUP).
 */
export async function runInteractive(doc: ResumeDocument, options: InteractiveOptions): Promise<number> {
  const stdout = process.stdout;
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    stdout.write(LEAVE_SCREEN);
  };
  const removeExitHandler = onExit(restore, {alwaysLast: true});
  stdout.write(ENTER_SCREEN + (options.mouse ? MOUSE_ON : ''));
  try {
    const theme = createTheme({color: options.color, ascii: options.ascii, hyperlinks: supportsHyperlink(process.stdout)});
    // Only a résumé whose text holds Markdown pays for loading marked and marked-terminal.
    const inline = hasMarkdown(doc) ? (await import('./markdown')).createMarkdownInline(theme) : undefined;
    let failure: Error | undefined;
    const instance = render(
      <ErrorBoundary
        onError={(error) => {
          failure = error;
          instance.unmount();
        }}
      >
        <App
          doc={doc}
          theme={theme}
          inline={inline}
          initialSection={options.initialSection}
          crashAfterKeys={crashAfterKeys()}
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
        maxFps: 60,
      },
    );
    // The terminal going away (stdin closed) ends the app like q does.
    const onEnd = () => instance.unmount();
    process.stdin.once('end', onEnd);
    await instance.waitUntilExit();
    process.stdin.off('end', onEnd);
    if (failure) throw new AppError(failure);
  } finally {
    restore();
    removeExitHandler();
  }
  return 0;
}
