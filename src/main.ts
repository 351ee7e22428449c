import {closeSync} from 'node:fs';
import {isatty} from 'node:tty';
import {EXIT, run, type Io} from './cli/run';
import {askTerminal, mayAnswerLate} from './terminal/ask';
import {PROGRAM} from './program';

/**
 * The process edge: real streams in, an exit code out. A closed pipe (`kim-resume | head -1`)
 * ends quietly; an unexpected error prints one line (the stack only with DEBUG set).
 */

/** The reader went away: a closed pipe (EPIPE), or a terminal that was hung up, its window closed (EIO). */
const readerGone = (error: unknown) => ['EPIPE', 'EIO'].includes((error as NodeJS.ErrnoException)?.code ?? '');

/** Output that cannot be written (a full disk: `kim-resume > /dev/full`): one line, never a stack. */
function outputFailed(error: NodeJS.ErrnoException): never {
  const reason = error.code ? `${error.code} (${describeCode(error)})` : String(error.message ?? error);
  process.stderr.write(`${PROGRAM}: cannot write the output: ${reason}\n`);
  process.exit(EXIT.output);
}
/** `ENOSPC: no space left on device, write` → `no space left on device`. */
const describeCode = (error: NodeJS.ErrnoException) => (error.message ?? '').replace(/^[A-Z]+: /, '').replace(/, \w+$/, '') || 'write failed';

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (readerGone(error)) process.exit(EXIT.ok);
  outputFailed(error);
});

// Node 20 restores each standard stream's terminal modes at exit and aborts (SIGABRT, a native
// stack on stderr; SIGSEGV when it happens twice) if that terminal has been hung up:
// nodejs/node#51519, fixed only in newer Node by nodejs/node#58200. A hung-up terminal answers
// no terminal ioctl, so isatty() turns false; its descriptor is closed at exit, so that Node
// skips it (a closed descriptor is allowed) and the program ends quietly when its window closes.
const startedOnTty = [0, 1, 2].map((fd) => isatty(fd));
process.on('exit', () => {
  startedOnTty.forEach((wasTty, fd) => {
    if (!wasTty || isatty(fd)) return;
    try {
      closeSync(fd);
    } catch {
      // Already closed: nothing for Node to restore either.
    }
  });
});

// isatty(0) rather than process.stdin.isTTY: making process.stdin (a stream, with the modules it
// needs) costs a printed run ~1 ms, and only the app reads the terminal.
const stdinIsTTY = isatty(0);
const io: Io = {
  stdinIsTTY,
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  env: process.env,
  columns: process.stdout.columns,
  write: (text) => new Promise((resolve, reject) => process.stdout.write(text, (error) => (error ? reject(error) : resolve()))),
  error: (line) => process.stderr.write(line + '\n'),
  // Only a terminal on both sides can be asked (and answer).
  ask: stdinIsTTY && process.stdout.isTTY ? (queries) => askTerminal(process.stdin, process.stdout, queries, {lateReplies: mayAnswerLate(process.env)}) : undefined,
  // The local terminal is the app's session; loaded only when the app starts.
  session: async () => (await import('./terminal/local')).localSession(process.stdin, process.stdout),
};

// No top-level await: the bundle runs as a classic script (src/boot/loader.ts).
run(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (readerGone(error)) process.exit(EXIT.ok);
    if ((error as NodeJS.ErrnoException)?.syscall === 'write') outputFailed(error as NodeJS.ErrnoException);
    process.stderr.write(`${PROGRAM}: internal error: ${(error as Error).message ?? String(error)}\n`);
    if (process.env.DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    process.exitCode = EXIT.internal;
  },
);
