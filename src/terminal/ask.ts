import {StringDecoder} from 'node:string_decoder';
import {createInputSplitter, type TerminalReply} from './input';

/**
 * Asking the terminal: a batch of queries written at once, with DA1 (`CSI c`, "send device
 * attributes") behind them as a sentinel, and the terminal's replies collected until DA1's
 * answer arrives. Every terminal answers DA1 (VT100 onwards), and terminals answer in order, so
 * once DA1 is answered every query before it that will ever be answered has been: a terminal
 * that does not know a query (OSC 11 in many) costs one round trip, never a timeout. Only a
 * terminal that answers nothing at all waits out the safety timeout.
 * (xterm's control sequences: https://invisible-island.net/xterm/ctlseqs/ctlseqs.html)
 *
 * Usage, e.g. the background colour and the width of an emoji in one round trip:
 *
 *     const asking = askTerminal(stdin, stdout, [OSC11_QUERY, '\x1b[H👩‍💻\x1b[6n']);
 *     // … work that has to happen anyway …
 *     const {replies} = await asking.handOver();   // or asking.close() if the app will not run
 *
 * Replies are recognised by the input splitter (src/terminal/input.ts). Nothing read while
 * asking is lost: every byte (keys typed early, and the replies, which the app's own splitter
 * consumes as replies and never takes for keys) is put back into stdin for the app to read.
 */

/** DA1, the sentinel: "send device attributes". */
export const DA1_QUERY = '\x1b[c';

/**
 * How long to wait for a terminal that answers nothing, not even DA1 (a dumb serial line, a
 * broken emulator). Every terminal tried answers DA1 within a few milliseconds (xterm.js in
 * the pty tests), so this is only a safety net; one second is what a person would not mistake
 * for a hang, and far above an SSH round trip.
 */
export const ASK_TIMEOUT_MS = 1000;

/** The outcome of a batch. */
export interface Answers {
  /** Every terminal reply read, in order (the DA1 answer last when `complete`). */
  replies: TerminalReply[];
  /** True when DA1 was answered: the replies are all there will be. False after the timeout. */
  complete: boolean;
}

/**
 * The pure part: text read from the terminal in, chunk by chunk (a reply may be cut anywhere,
 * and keys typed early may come before, between or after the replies), the replies collected
 * until the DA1 answer.
 */
export function createReplyCollector() {
  const splitter = createInputSplitter();
  const replies: TerminalReply[] = [];
  let complete = false;
  return {
    /** Reads one chunk; true once DA1 has been answered (later chunks change nothing). */
    push(chunk: string): boolean {
      if (complete) return true;
      for (const event of splitter.push(chunk)) {
        if (event.type !== 'reply') continue;
        replies.push(event.reply);
        if (event.reply.kind === 'deviceAttributes') {
          complete = true;
          break;
        }
      }
      return complete;
    },
    get answers(): Answers {
      return {replies: [...replies], complete};
    },
  };
}

/** A batch on its way: its answers, a second batch if one is needed, and the two ways to end reading. */
export interface Asking {
  /** Resolves with the first batch's answers once DA1 is answered, or after the timeout. */
  readonly answers: Promise<Answers>;
  /**
   * Asks more, in one more round trip behind a DA1 of its own, once the batches before it are
   * answered (e.g. emoji widths, which need the résumé loaded and the alternate screen entered).
   * Resolves with this batch's answers only.
   */
  more(queries: readonly string[]): Promise<Answers>;
  /**
   * For the app: waits for the answers, stops reading and puts what was read back into stdin.
   * The terminal stays in raw mode (no echo, no line editing) for the app, which takes it over.
   */
  handOver(): Promise<Answers>;
  /**
   * When the app will not run after all: waits for the answers (so none reaches the shell), then
   * line mode again. Does nothing after handOver (the app gives the terminal back itself).
   */
  close(): Promise<void>;
}

/**
 * Writes `queries` and DA1 in one write, in raw mode (so nothing is echoed and the replies are
 * not held back for a line), and reads the replies. stdin and stdout must be terminals.
 */
export function askTerminal(stdin: NodeJS.ReadStream, stdout: NodeJS.WriteStream, queries: readonly string[], timeoutMs = ASK_TIMEOUT_MS): Asking {
  // The bytes as read, to hand on; decoded for the collectors without cutting a character in two.
  const read: Buffer[] = [];
  const decoder = new StringDecoder('utf8');
  stdin.setRawMode(true);
  /** One batch: its queries and DA1 written, its replies read until DA1's answer (or the timeout). */
  const round = (batch: readonly string[]) =>
    new Promise<Answers>((resolve) => {
      const collector = createReplyCollector();
      const onData = (chunk: Buffer | string) => {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
        read.push(bytes);
        if (collector.push(decoder.write(bytes))) finish();
      };
      const finish = () => {
        clearTimeout(timer);
        stdin.off('data', onData);
        stdin.pause();
        resolve(collector.answers);
      };
      const timer = setTimeout(finish, timeoutMs);
      stdin.on('data', onData);
      // A stream paused by the round before does not flow again by itself.
      stdin.resume();
      stdout.write(batch.join('') + DA1_QUERY);
    });
  const answers = round(queries);
  let last: Promise<Answers> = answers;
  let handed = false;
  return {
    answers,
    more(batch) {
      last = last.then(() => round(batch));
      return last;
    },
    async handOver() {
      const result = await last;
      if (!handed) {
        handed = true;
        // Back in front of whatever arrives next: Ink reads it with its first 'readable'.
        if (read.length > 0) stdin.unshift(Buffer.concat(read));
      }
      return result;
    },
    async close() {
      await last;
      if (handed) return;
      handed = true;
      try {
        stdin.setRawMode(false);
      } catch {
        // The terminal has gone (hung up): there is no line mode to give back.
      }
    },
  };
}
