import {NO_ARGUMENTS, type Arguments} from './defaults';
import {THEME_CHOICES} from './colour';
import type {Format} from './mode';

/**
 * The common command lines, parsed without yargs (loading yargs costs 10–14 ms of every start
 * that has arguments): a FILE, `--width N`, `--format X`, `--section S`, `--tech T`, `--theme T`, `--lang L` (each also
 * as `--name=value`), and `--color`, `--no-color`, `--mouse`, `--no-mouse`, `--ascii`, `--no-ascii`,
 * `--screen-reader`. Anything
 * else — help, version, an unknown option, a repeated one, a value that looks like an option, a
 * second FILE — returns undefined, and yargs parses it as before, errors and help included.
 * test/unit/fast-args.test.ts checks that both parsers agree wherever this one answers.
 */
const VALUES = new Set(['width', 'format', 'section', 'tech', 'theme', 'lang']);
const FLAGS: Record<string, [keyof Arguments, boolean]> = {
  '--color': ['color', true],
  '--no-color': ['color', false],
  '--mouse': ['mouse', true],
  '--no-mouse': ['mouse', false],
  '--ascii': ['ascii', true],
  '--no-ascii': ['ascii', false],
  '--screen-reader': ['screenReader', true],
};
const FORMATS: ReadonlySet<string> = new Set<Format>(['text', 'markdown', 'json', 'html']);

export function fastArguments(args: readonly string[]): Arguments | undefined {
  // `serve` is a command of its own (src/cli/run.ts), never a FILE.
  if (args[0] === 'serve') return undefined;
  const out: Record<string, unknown> = {...NO_ARGUMENTS};
  const seen = new Set<string>();
  const once = (name: string) => !seen.has(name) && Boolean(seen.add(name));
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const flag = FLAGS[arg];
    if (flag) {
      // yargs reads `--color false` as a value for the flag: such lists are left to it.
      if (!once(flag[0]) || args[i + 1] === 'true' || args[i + 1] === 'false') return undefined;
      out[flag[0]] = flag[1];
      continue;
    }
    const option = /^--([a-z]+)(?:=(.*))?$/s.exec(arg);
    if (option) {
      const [, name, inline] = option as unknown as [string, string, string | undefined];
      if (!VALUES.has(name) || !once(name)) return undefined;
      const value = inline ?? args[++i];
      // Empty, missing or option-like values, and anything yargs would read another way, go to yargs.
      if (value === undefined || value === '' || value.startsWith('-') || value.trim() !== value) return undefined;
      if (name === 'format' && !FORMATS.has(value)) return undefined;
      if (name === 'theme' && !(THEME_CHOICES as readonly string[]).includes(value)) return undefined;
      out[name] = value;
      continue;
    }
    if (arg.startsWith('-') || arg === '' || arg.trim() !== arg || !once('file')) return undefined;
    out.file = arg;
  }
  return out as unknown as Arguments;
}
