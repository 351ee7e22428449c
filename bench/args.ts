/** The bench's command line: `--runs N`, `--quick`, `--only steps`. */
export const STEP_NAMES = ['firstPaint', 'piped', 'latency', 'memory', 'package', 'scale', 'serve', 'servePage', 'search', 'burst', 'page'] as const;

export interface BenchArgs {
  runs: number;
  /** Only these steps (lower-cased comparison), or all. */
  only?: string[];
}

export function parseArgs(argv: string[]): BenchArgs {
  let runs = 15;
  let only: string[] | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--quick') runs = 5;
    else if (a === '--runs') runs = Number(argv[++i]);
    else if (a.startsWith('--runs=')) runs = Number(a.slice('--runs='.length));
    else if (a === '--only') only = (argv[++i] ?? '').split(',');
    else if (a === '--help' || a === '-h') {
      console.log(
        `usage: node bench/run.mjs [--runs N] [--quick]\n  --runs N  runs per measured command (default 15)\n  --quick   5 runs, for trying it\n  --only S  only these steps (comma-separated): ${STEP_NAMES.join(',')}`,
      );
      process.exit(0);
    } else {
      console.error(`bench: unknown argument ${a}`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(runs) || runs < 1) {
    console.error('bench: --runs must be a whole number ≥ 1');
    process.exit(2);
  }
  return {runs, only};
}
