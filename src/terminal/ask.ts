import {StringDecoder} from 'node:string_decoder';
import {OSC11_QUERY} from './background';
import {createInputSplitter, type TerminalReply} from './input';

/**
 * Asking the terminal: a batch of queries written at once with a sentinel behind them, DA1
 * (`CSI c`, "send device attributes") and then a cursor position request (CPR, `CSI 6n`), and the
 * terminal's replies collected until the sentinel is answered. Terminals answer in order, so once
 * the sentinel is answered every query before it that will ever be answered has been: a terminal
 * that does not know a query (OSC 11 in many) costs one round trip, never a timeout.
 * (xterm's control sequences: https://invisible-island.net/xterm/ctlseqs/ctlseqs.html)
 *
 * DA1 then CPR, and a batch ends at its last cursor report: dvtm answers CPR but never DA1, and
 * every terminal tried answers CPR (VT100's DSR 6). The CPR goes last so that nothing of a batch
 * is still on its way when it ends: with the CPR first and the batch ended at whichever came first,
 * a DA1 answer read after the end reached the shell when the app did not start after all.
 *
 * Only a terminal that answers nothing at all waits out the timeout; it is then asked nothing
 * more (`more` writes nothing and answers at once). One reply may come after the sentinel:
 * GNU screen answers DA1 and CPR itself but passes OSC 11 on to the terminal it runs in, whose
 * answer arrives later. Inside screen (`lateReplies`, from `mayAnswerLate`), when OSC 11 was
 * asked and not answered, the answers are awaited up to LATE_REPLY_MS after the first batch's
 * sentinel before the app takes the terminal over. Elsewhere an unanswered OSC 11 costs nothing:
 * a terminal that does not know it never answers it.
 *
 * Usage, e.g. the background colour, then the width of an emoji:
 *
 *     const asking = askTerminal(stdin, stdout, [OSC11_QUERY]);
 *     // … work that has to happen anyway …
 *     await asking.more([widthProbe(['👩‍💻'], 1)]);
 *     const {replies} = await asking.handOver();   // or asking.close() if the app will not run
 *
 * Replies are recognised by the input splitter (src/terminal/input.ts). Nothing read while
 * asking is lost: every byte (keys typed early, and the replies, which the app's own splitter
 * consumes as replies and never takes for keys) is put back into stdin for the app to read.
 */

/** DA1: "send device attributes". */
export const DA1_QUERY = '\x1b[c';
/** CPR: "report the cursor position", answered `ESC [ row ; col R`. */
export const CPR_QUERY = '\x1b[6n';
/** What every batch ends with. */
export const SENTINEL = DA1_QUERY + CPR_QUERY;

/**
 * How long to wait for a terminal that answers nothing, neither CPR nor DA1 (a dumb serial line,
 * a broken emulator). Every terminal tried answers within a few milliseconds, so this is only a
 * safety net. It starts when the first batch is written, about 50 ms into the start, and the
 * résumé loads meanwhile: such a terminal gets its first frame about 1.0 s after the start (the
 * target: 1.1 s). With `--theme`, the first batch is the width probe, written once the résumé is
 * loaded (about 0.25 s later): 1.06 s. An SSH round trip of several hundred milliseconds still fits.
 */
export const ASK_TIMEOUT_MS = 750;

/**
 * How long after the first batch's sentinel a reply that may come late (OSC 11 inside GNU screen)
 * is still awaited: screen forwards the question to the terminal it runs in, and that answer takes
 * a local round trip (a few milliseconds) more than screen's own.
 */
export const LATE_REPLY_MS = 100;

/**
 * Whether replies may come after the sentinel's: inside GNU screen, which sets STY in each window
 * (screen(1), "ENVIRONMENT") and TERM `screen` or `screen.<outer>`, also over SSH where only TERM
 * travels. tmux, which may also say `screen`, answers OSC 11 itself, so a wait there ends at once.
 */
export function mayAnswerLate(env: {STY?: string; TERM?: string}): boolean {
  return Boolean(env.STY) || /^screen([.-]|$)/.test(env.TERM ?? '');
}

/** Queries whose answer may come after the sentinel's, and the reply that answers each. */
const LATE_QUERIES: ReadonlyMap<string, TerminalReply['kind']> = new Map([[OSC11_QUERY, 'background']]);

/** The outcome of a batch. */
export interface Answers {
  /** The terminal replies read for the batch, in order. */
  replies: TerminalReply[];
  /** True when the sentinel was answered: the replies are all there will be. False after the timeout. */
  complete: boolean;
}

/** How many times `query` occurs in `text`. */
const occurrences = (text: string, query: string) => text.split(query).length - 1;

/**
 * The pure part: text read from the terminal in, chunk by chunk (a reply may be cut anywhere,
 * and keys typed early may come before, between or after the replies), the replies of the
 * batch open at the time collected until its sentinel is answered.
 */
export function createReplyCollector() {
  const splitter = createInputSplitter();
  const all: TerminalReply[] = [];
  let batch: {replies: TerminalReply[]; cursorsLeft: number; complete: boolean} | undefined;
  const take = (reply: TerminalReply) => {
    all.push(reply);
    const open = batch && !batch.complete ? batch : undefined;
    if (!open) return;
    open.replies.push(reply);
    if (reply.kind === 'cursor' && --open.cursorsLeft === 0) open.complete = true;
  };
  return {
    /** Opens a batch whose text (sentinel included) is `written`: what the replies after this belong to. */
    open(written: string): void {
      batch = {replies: [], cursorsLeft: occurrences(written, CPR_QUERY), complete: false};
    },
    /** Reads one chunk; true once the open batch's sentinel has been answered. */
    push(chunk: string): boolean {
      for (const event of splitter.push(chunk)) if (event.type === 'reply') take(event.reply);
      return batch?.complete ?? false;
    },
    /** The open batch's answers. */
    get answers(): Answers {
      return {replies: [...(batch?.replies ?? [])], complete: batch?.complete ?? false};
    },
    /** Every reply read, in any batch or between them. */
    get replies(): readonly TerminalReply[] {
      return all;
    },
  };
}

/** A conversation with the terminal: its first batch's answers, more batches, and the two ways to end it. */
export interface Asking {
  /** Resolves with the first batch's answers once its sentinel is answered, or after the timeout. */
  readonly answers: Promise<Answers>;
  /**
   * Asks more, in one more round trip behind a sentinel of its own, once the batches before it
   * are answered (e.g. widths, which need the résumé loaded and the alternate screen entered).
   * Resolves with this batch's answers only. A terminal that answered nothing before is not
   * asked again: nothing is written and the answers are empty and incomplete.
   */
  more(queries: readonly string[]): Promise<Answers>;
  /**
   * For the app: waits for the answers (and a late reply, see above), stops reading and puts
   * what was read back into stdin. Resolves with every reply read; `complete` is false when the
   * terminal answered nothing. The terminal stays in raw mode for the app, which takes it over.
   */
  handOver(): Promise<Answers>;
  /**
   * When the app will not run after all: waits for the answers (so none reaches the shell), then
   * line mode again. Does nothing after handOver (the app gives the terminal back itself).
   */
  close(): Promise<void>;
}

/**
 * Writes `queries` and the sentinel in one write, in raw mode (so nothing is echoed and the
 * replies are not held back for a line), and reads the replies. stdin and stdout must be
 * terminals. With no queries nothing is written: `more` asks the first batch.
 */
export function askTerminal(stdin: NodeJS.ReadStream, stdout: NodeJS.WriteStream, queries: readonly string[], {timeoutMs = ASK_TIMEOUT_MS, lateReplies = false} = {}): Asking {
  // The bytes as read, to hand on; decoded for the collector without cutting a character in two.
  const read: Buffer[] = [];
  const decoder = new StringDecoder('utf8');
  const collector = createReplyCollector();
  const late = new Set<TerminalReply['kind']>();
  /** Called after each chunk: the one wait in progress checks whether it is over. */
  let check: (() => void) | undefined;
  let silent = false;
  let firstAnsweredAt: number | undefined;
  let reading = true;
  const onData = (chunk: Buffer | string) => {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    read.push(bytes);
    collector.push(decoder.write(bytes));
    check?.();
  };
  stdin.setRawMode(true);
  stdin.on('data', onData);
  stdin.resume();
  const stopReading = () => {
    if (!reading) return;
    reading = false;
    stdin.off('data', onData);
    stdin.pause();
  };

  /** Waits until `done()` holds, or `ms` have passed; true when it holds. */
  const until = (done: () => boolean, ms: number) =>
    new Promise<boolean>((resolve) => {
      if (done()) return resolve(true);
      const finish = (held: boolean) => {
        clearTimeout(timer);
        check = undefined;
        resolve(held);
      };
      const timer = setTimeout(() => finish(done()), ms);
      check = () => {
        if (done()) finish(true);
      };
    });

  /** One batch: its queries and the sentinel written, its replies read until the sentinel's answer (or the timeout). */
  const round = async (batch: readonly string[]): Promise<Answers> => {
    const text = batch.join('');
    if (text === '') return {replies: [], complete: true};
    if (silent) return {replies: [], complete: false};
    for (const query of batch) {
      const kind = LATE_QUERIES.get(query);
      if (kind) late.add(kind);
    }
    collector.open(text + SENTINEL);
    stdout.write(text + SENTINEL);
    const answered = await until(() => collector.answers.complete, timeoutMs);
    if (!answered) silent = true;
    else firstAnsweredAt ??= Date.now();
    return collector.answers;
  };

  /** Every batch answered, and a late reply awaited as long as it may still come. */
  const settled = async () => {
    await last;
    if (!lateReplies || silent || firstAnsweredAt === undefined || late.size === 0) return;
    const missing = () => [...late].some((kind) => !collector.replies.some((r) => r.kind === kind));
    await until(() => !missing(), Math.max(0, firstAnsweredAt + LATE_REPLY_MS - Date.now()));
  };

  const answers = round(queries);
  let last: Promise<Answers> = answers;
  let ended = false;
  return {
    answers,
    more(batch) {
      last = last.then(() => round(batch));
      return last;
    },
    async handOver() {
      await settled();
      if (!ended) {
        ended = true;
        stopReading();
        // Back in front of whatever arrives next: Ink reads it with its first 'readable'.
        if (read.length > 0) stdin.unshift(Buffer.concat(read));
        // process.stdin stops its handle reading one tick after pause() (Node's getStdin, so that a
        // paused stdin lets the process end). A 'readable' listener attached before that tick finds
        // a read still marked in progress, starts none, and then nothing reads the terminal: with
        // nothing buffered (a terminal that answered nothing) the process would end after its first
        // frame. The app attaches its listener after this tick.
        await new Promise((resolve) => setImmediate(resolve));
      }
      return {replies: [...collector.replies], complete: !silent};
    },
    async close() {
      await settled();
      if (ended) return;
      ended = true;
      stopReading();
      try {
        stdin.setRawMode(false);
      } catch {
        // The terminal has gone (hung up): there is no line mode to give back.
      }
    },
  };
}
