import {EXIT, run, type Io} from './cli/run';

/**
 * The process edge: real streams in, an exit code out. A closed pipe (`kim-resume | head -1`)
 * ends quietly; an unexpected error prints one line (the stack only with DEBUG set).
 */
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(EXIT.ok);
  throw error;
});

const io: Io = {
  stdinIsTTY: Boolean(process.stdin.isTTY),
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  env: process.env,
  columns: process.stdout.columns,
  write: (text) => new Promise((resolve, reject) => process.stdout.write(text, (error) => (error ? reject(error) : resolve()))),
  error: (line) => process.stderr.write(line + '\n'),
};

try {
  process.exitCode = await run(process.argv.slice(2), io);
} catch (error) {
  if ((error as NodeJS.ErrnoException).code === 'EPIPE') process.exit(EXIT.ok);
  process.stderr.write(`kim-resume: internal error: ${(error as Error).message ?? String(error)}\n`);
  if (process.env.DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
  process.exitCode = EXIT.internal;
}
