/**
 * What the program does, decided from flags and terminal facts alone (pure; tested directly).
 */
export type Format = 'text' | 'markdown' | 'json' | 'html';

export interface TerminalFacts {
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  env: NodeJS.ProcessEnv;
}

/**
 * Interactive only when a person is at a real terminal: stdin and stdout both TTYs, TERM not
 * `dumb`, and no `--format` asked for (Ink cannot judge this: piped it still writes
 * line-erase sequences, with `CI` set it shows only the last frame, with `TERM=dumb` it still moves the cursor).
 */
export function isInteractive(format: Format | undefined, facts: TerminalFacts): boolean {
  return format === undefined && facts.stdinIsTTY && facts.stdoutIsTTY && facts.env.TERM !== 'dumb';
}

/**
 * Whether to print color: `--color`/`--no-color` first, then FORCE_COLOR, then NO_COLOR and
 * TERM=dumb, else only to a TTY (clig.dev). chalk alone ignores NO_COLOR (chalk#547).
 */
export function wantsColor(flag: boolean | undefined, facts: TerminalFacts): boolean {
  if (flag !== undefined) return flag;
  const force = facts.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (facts.env.NO_COLOR) return false;
  if (facts.env.TERM === 'dumb') return false;
  return facts.stdoutIsTTY;
}

/**
 * The chalk level the environment declares for a wanted color: FORCE_COLOR's when given, 3 for
 * COLORTERM=truecolor/24bit or a `*-direct` TERM, 2 for a `*-256color` TERM, else 16 colors (1).
 */
export function colorLevel(wanted: boolean, env: NodeJS.ProcessEnv): 0 | 1 | 2 | 3 {
  if (!wanted) return 0;
  const forced = Number(env.FORCE_COLOR);
  if (forced >= 1 && forced <= 3) return forced as 1 | 2 | 3;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  // ncurses names 24-bit entries `*-direct` (xterm-direct); `*-256color` has the 256 palette.
  if (/-(direct|truecolor)$/.test(env.TERM ?? '')) return 3;
  if (/-256(color)?$/.test(env.TERM ?? '')) return 2;
  return 1;
}
