import {render} from 'ink';
import React from 'react';
import type {ResumeDocument} from '../document/model';
import {App} from './App';
import {ErrorBoundary} from './components/ErrorBoundary';
import {hasMarkdown} from '../theme/markdown-hint';
import type {Asking} from '../terminal/ask';
import type {TerminalReply} from '../terminal/input';
import {joinFrameWrites} from '../terminal/frame-writes';
import {holdScreen, type RendererHandover, type Session} from '../terminal/session';
import {defaultCellWidth, setClusterWidths} from '../text/cells';
import {widthProbe, widthsFromReports} from '../text/width-probe';
import {backgroundFromReplies, type Background} from '../terminal/background';
import {createTheme, tokensFor, type ColourDepth, type ThemeName} from '../theme/theme';
import {messagesFor, type AppLanguage} from '../i18n/messages';
import {programEnv} from '../program';

export interface InteractiveOptions {
  color: boolean;
  /**
   * The theme chosen for this terminal (src/cli/colour.ts themeName), or how to choose it from
   * the background the terminal answered (known only once every question is answered).
   */
  theme: ThemeName | ((background: Background | undefined) => ThemeName);
  /** The terminal's colour depth (src/cli/colour.ts depthOf); 256 when not given. */
  depth?: ColourDepth;
  ascii: boolean;
  /**
   * The reader's language, for the app's own words (src/i18n/reader.ts); English when not given.
   * The caller gives English with `ascii`: ASCII has no Hangul or kana to draw them with.
   */
  language?: AppLanguage;
  /**
   * A screen reader is in use: Ink writes each frame for it (isScreenReaderEnabled, Ink 6.1+),
   * and the frame is laid out in reading order (one column, no drawn boxes).
   */
  screenReader?: boolean;
  /** Report the mouse (wheel, clicks); --no-mouse turns it off. */
  mouse: boolean;
  initialSection?: number;
  /**
   * The questions to the terminal still open (src/terminal/ask.ts): the app hands them over
   * before its first frame, after asking how wide the terminal draws `clusters`.
   */
  asking?: Asking;
  /** The clusters of the résumé whose width terminals disagree on, to measure (src/text/width-probe.ts). */
  clusters?: readonly string[];
  /** Called once the first frame is on the screen (the code cache is written then). */
  onFirstFrame?: () => void;
  /** Throw while rendering after this many input events (KIM_RESUME_TEST_CRASH, read by the CLI). */
  crashAfterKeys?: number;
}

/**
 * KIM_RESUME_TEST_CRASH=N makes the app throw while rendering after N key presses: the only way
 * for the end-to-end tests to prove that a rendering error still restores the terminal.
 */
export function crashAfterKeys(env: NodeJS.ProcessEnv): number | undefined {
  const value = programEnv(env, 'TEST_CRASH');
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

/** The app failed while rendering; the terminal has been restored when this reaches the CLI. */
export class AppError extends Error {
  constructor(cause: Error) {
    super(`the interactive view failed: ${cause.message}`, {cause});
  }
}

/** The row the clusters are printed on to be measured: the alternate screen's first, cleared after. */
const PROBE_ROW = 1;

/**
 * Asks the terminal how wide it draws each cluster (one round trip, on the alternate screen
 * before the first frame; none when the terminal answered nothing before), keeps the widths that
 * differ from the default count, and hands the terminal's input over to the app. Resolves with
 * the background the terminal answered, in any batch.
 */
async function learnWidths(asking: Asking | undefined, clusters: readonly string[], columns: number): Promise<Background | undefined> {
  if (!asking) return undefined;
  if (clusters.length > 0) {
    const {replies} = await asking.more([widthProbe(clusters, PROBE_ROW)]);
    const reports = replies.filter((r): r is Extract<TerminalReply, {kind: 'cursor'}> => r.kind === 'cursor');
    const measured = widthsFromReports(clusters, reports, columns);
    // Only where the terminal differs: the fast path for simple text stays on otherwise.
    setClusterWidths(new Map([...measured].filter(([cluster, width]) => width !== defaultCellWidth(cluster))));
  }
  return backgroundFromReplies((await asking.handOver()).replies);
}

/**
 * Runs the full-screen app in `session` until the reader quits or the session's input ends. The
 * terminal is left as it was found on every way out: Ink restores raw mode and the cursor; the
 * alternate screen, mouse reports and bracketed paste are switched off here, and by the
 * session's end handler when it is ended from outside (a signal, the server stopping). Where the
 * session has job control, Ctrl-Z gives the terminal back and stops; `fg` takes it again and
 * Ink redraws the whole frame (its suspendTerminal, since 7.1).
 */
export async function runInteractive(doc: ResumeDocument, options: InteractiveOptions, session: Session): Promise<number> {
  let instance: ReturnType<typeof render> | undefined;
  // The app hands Ink's own suspend (useApp().suspendTerminal) over once it is mounted.
  let renderer: RendererHandover = {give() {}, take() {}};
  const screen = holdScreen(session, {mouse: options.mouse, renderer: {give: () => renderer.give(), take: () => renderer.take()}});
  const restore = () => screen.release();
  const removeEndHandler = session.onEnd(restore);
  screen.take();
  try {
    const background = await learnWidths(options.asking, options.clusters ?? [], session.output.columns ?? 80);
    const name = typeof options.theme === 'function' ? options.theme(background) : options.theme;
    const theme = createTheme({color: options.color, ascii: options.ascii, reader: options.screenReader, hyperlinks: session.hyperlinks, depth: options.depth, tokens: tokensFor(name, options.depth ?? 256)});
    // Only a résumé whose text holds Markdown pays for loading marked and marked-terminal.
    const inline = hasMarkdown(doc) ? (await import('./markdown')).createMarkdownInline(theme) : undefined;
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
          messages={messagesFor(options.language)}
          initialSection={options.initialSection}
          crashAfterKeys={options.crashAfterKeys}
          onSuspend={screen.suspend}
          onHandover={(handover) => (renderer = handover)}
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
  } finally {
    restore();
    screen.dispose();
    removeEndHandler();
  }
  return 0;
}
