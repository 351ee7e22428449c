import type {Io} from '../../src/cli/run';

/** A fake terminal for `run(args, io)`: collects what is written and every error line. */
export interface FakeIo extends Io {
  /** Everything written to stdout, concatenated. */
  readonly out: () => string;
  readonly errors: string[];
}

export function fakeIo(facts: Partial<Pick<Io, 'stdinIsTTY' | 'stdoutIsTTY' | 'env' | 'columns'>> = {}): FakeIo {
  const chunks: string[] = [];
  const errors: string[] = [];
  return {
    stdinIsTTY: facts.stdinIsTTY ?? false,
    stdoutIsTTY: facts.stdoutIsTTY ?? false,
    env: facts.env ?? {},
    columns: facts.columns,
    async write(text: string) {
      chunks.push(text);
    },
    error(line: string) {
      errors.push(line);
    },
    out: () => chunks.join(''),
    errors,
  };
}
