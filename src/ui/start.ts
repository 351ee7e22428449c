import type {ResumeDocument} from '../document/model';
import {hasMarkdown} from '../theme/markdown-hint';
import type {Asking} from '../terminal/ask';
import type {TerminalReply} from '../terminal/input';
import {BEGIN_SYNC, END_SYNC} from '../terminal/frame-writes';
import {holdScreen, type RendererHandover, type Session} from '../terminal/session';
import {defaultCellWidth, setClusterWidths} from '../text/cells';
import {widthProbe, widthsFromReports} from '../text/width-probe';
import {backgroundFromReplies, type Background} from '../terminal/background';
import {createTheme, tokensFor, type ColourDepth, type Theme, type ThemeName} from '../theme/theme';
import {messagesFor, type AppLanguage} from '../i18n/messages';
import {FrameBuilder} from './frame';
import {frameLine} from './layout/frame-lines';
import type {Screen} from './layout/regions';
import {initialState} from './state';
import {programEnv} from '../program';

// The interactive app's start, without Ink: the screen taken, the terminal's widths and
// background learned, the theme chosen and the first frame drawn by the pure core; Ink and React
// (./run.tsx) are loaded while that frame is on the screen, and take over from it.

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
 *
 * The first frame is drawn here, by the same FrameBuilder and row strings the app renders, before
 * Ink and React are loaded (about a third of the start): the reader sees the résumé while they
 * load. Ink's own first frame then draws the same rows over it, from the top left, and the app
 * reads the keys pressed meanwhile (they wait in the terminal's input). Not for a screen reader,
 * for which Ink writes each frame its own way.
 */
export async function runInteractive(doc: ResumeDocument, options: InteractiveOptions, session: Session): Promise<number> {
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
    const messages = messagesFor(options.language);
    const builder = new FrameBuilder(doc, theme, inline, messages);
    if (!options.screenReader) session.output.write(firstFrame(builder, doc, theme, windowSize(session.output), options.initialSection));
    const {renderApp} = await import('./run');
    return await renderApp({doc, theme, inline, messages, builder, options, session, suspend: screen.suspend, onHandover: (handover) => (renderer = handover)});
  } finally {
    restore();
    screen.dispose();
    removeEndHandler();
  }
}

/** The terminal's size as Ink's useWindowSize reads it (its getWindowSize: 80×24 when unknown). */
function windowSize(output: NodeJS.WriteStream): Screen {
  return {width: output.columns || 80, rows: output.rows || 24};
}

/**
 * The app's first frame as one write: each row at its place (rows written by position, so no
 * line discipline or leftover text of the width probe matters), inside a synchronized update,
 * and the cursor back at the top left, where Ink starts its first frame.
 */
export function firstFrame(builder: FrameBuilder, doc: ResumeDocument, theme: Theme, screen: Screen, section?: number): string {
  const lines = builder.build(initialState(doc.sections.length, screen, section));
  // Trailing blanks trimmed as Ink trims each drawn row: a cell Ink leaves empty is empty here too.
  const rows = lines.map((line, y) => `\x1b[${y + 1};1H${frameLine(line, theme, screen.width).trimEnd()}\x1b[K`);
  return `${BEGIN_SYNC}${rows.join('')}\x1b[H${END_SYNC}`;
}
