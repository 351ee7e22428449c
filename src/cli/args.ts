import yargs from 'yargs';
import {THEME_CHOICES} from './colour';
import type {Arguments} from './defaults';

// The command line, parsed by yargs: strict (an unknown option is an error), our own --help and
// --version. Loaded only when there are arguments (src/cli/run.ts).

class UsageError extends Error {}

const EPILOGUE = `In a terminal it opens the interactive résumé (press ? for keys). Piped or redirected, or with\n--format, it prints and exits. Without FILE, it shows 김성호's résumé.

Exit codes:
  0  success
  1  internal error (a bug; set DEBUG=1 for the stack trace)
  2  bad command line, or a résumé file that cannot be read or is not valid
  3  --tech: no project uses that technology (close names are suggested)
  4  the output could not be written (a full disk, an I/O error)`;

export function parser(args: string[]) {
  return yargs(args)
    .scriptName('kim-resume')
    // Our own --help and --version, so they write through `io` like everything else.
    .help(false)
    .version(false)
    .usage('Usage: $0 [FILE] [options]\n\nA résumé in your terminal. FILE is any JSON Resume document (https://jsonresume.org/schema).')
    .command('$0 [file]', false, (y) => y.positional('file', {type: 'string', describe: 'a JSON Resume file'}))
    .option('format', {choices: ['text', 'markdown', 'json'] as const, describe: 'print this format and exit'})
    // Read as text so that `--width abc` can be quoted back; `--width` alone is an error.
    .option('width', {type: 'string', requiresArg: true, describe: 'wrap text to N columns (default: the terminal, at most 100; else 80)'})
    .option('color', {type: 'boolean', describe: 'use color (--no-color: never)'})
    // No yargs default: an explicit --theme wins over KIM_RESUME_THEME, the default does not.
    .option('theme', {choices: THEME_CHOICES, describe: 'colors for a light or dark background (default: auto, which asks the terminal; or KIM_RESUME_THEME)'})
    .option('section', {type: 'string', requiresArg: true, describe: 'open at this section (name or number); with --format, print only it'})
    .option('tech', {type: 'string', requiresArg: true, describe: 'print the projects that use this technology, and exit'})
    .option('mouse', {type: 'boolean', default: true, describe: 'wheel scrolls, clicks pick a section or a panel (--no-mouse: off)'})
    .option('ascii', {type: 'boolean', default: false, describe: 'draw boxes with ASCII characters (for terminals that draw box lines wide)'})
    .option('help', {alias: 'h', type: 'boolean', describe: 'show this help'})
    .option('version', {alias: 'v', type: 'boolean', describe: 'show the version'})
    .strict()
    .locale('en')
    .exitProcess(false)
    .wrap(null)
    .epilogue(EPILOGUE)
    .fail((message, error) => {
      throw new UsageError((message ?? error?.message ?? 'bad arguments').replace(/\s*\n\s*/g, ' '));
    });
}

/** Parses the arguments: the options, or the one-line usage error. */
export async function parseArguments(args: string[]): Promise<{argv: Arguments; error?: undefined} | {error: string}> {
  try {
    const argv = await parser(args).parseAsync();
    return {
      argv: {
        file: typeof argv.file === 'string' ? argv.file : undefined,
        format: argv.format,
        width: argv.width,
        color: argv.color,
        theme: argv.theme,
        section: argv.section,
        tech: argv.tech,
        mouse: argv.mouse,
        ascii: argv.ascii,
        help: argv.help === true,
        version: argv.version === true,
      },
    };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return {error: error.message};
  }
}

/** The --help text. */
export function helpText(): Promise<string> {
  return parser([]).getHelp();
}
