import yargs from 'yargs';
import {THEME_CHOICES} from './colour';
import type {Arguments} from './defaults';
import {ENV_PREFIX, PROGRAM} from '../program';

// The command line, parsed by yargs: strict (an unknown option is an error), our own --help and
// --version. Loaded only when there are arguments (src/cli/run.ts).

class UsageError extends Error {}

/**
 * The text below the options. `owner` is the built-in résumé's `basics.name` (read when --help is
 * asked for: src/cli/run.ts), so a fork with another data/resume.json names its own person.
 */
const epilogue = (owner: string | undefined) => `In a terminal it opens the interactive résumé (press ? for keys). Piped or redirected, or with\n--format, it prints and exits. Without FILE, it shows ${owner ? `${owner}'s résumé` : 'the built-in résumé'}.

Exit codes:
  0  success
  1  internal error (a bug; set DEBUG=1 for the stack trace);
     a Node.js older than 20.19, which it names instead of starting
  2  bad command line; a résumé file that cannot be read, or is not valid with --strict;
     --check: the file has problems
  3  --tech: no project uses that technology (close names are suggested)
  4  the output could not be written (a full disk, an I/O error)`;

export function parser(args: string[], owner?: string) {
  return yargs(args)
    .scriptName(PROGRAM)
    // Our own --help and --version, so they write through `io` like everything else.
    .help(false)
    .version(false)
    .usage('Usage: $0 [FILE] [options]\n\nA résumé in your terminal. FILE is any JSON Resume document (https://jsonresume.org/schema).')
    .command('$0 [file]', false, (y) => y.positional('file', {type: 'string', describe: 'a JSON Resume file'}))
    // Listed for --help only: `serve` is taken before this parser (src/cli/run.ts).
    .command('serve [file]', `serve the résumé over SSH and HTTP (${PROGRAM} serve --help)`)
    .option('format', {choices: ['text', 'markdown', 'json', 'html'] as const, describe: 'print this format and exit'})
    // Read as text so that `--width abc` can be quoted back; `--width` alone is an error.
    .option('width', {type: 'string', requiresArg: true, describe: 'wrap text to N columns (default: the terminal, at most 100; else 80)'})
    .option('color', {type: 'boolean', describe: 'use color (--no-color: never)'})
    // No yargs default: an explicit --theme wins over the THEME variable, the default does not.
    .option('theme', {choices: THEME_CHOICES, describe: `colors for a light or dark background (default: auto, which asks the terminal; or ${ENV_PREFIX}THEME)`})
    .option('section', {type: 'string', requiresArg: true, describe: 'open at this section (name or number); with --format, print only it'})
    .option('tech', {type: 'string', requiresArg: true, describe: 'print the projects that use this technology, and exit'})
    .option('lang', {type: 'string', requiresArg: true, describe: "the résumé's language, a BCP 47 tag (de, pt-BR, zh-Hant): its labels and dates (default: meta.language, else detected from its text, else en)"})
    .option('strict', {type: 'boolean', default: false, describe: 'refuse a FILE that breaks the JSON Resume schema (exit 2) instead of showing it with warnings'})
    .option('check', {type: 'boolean', default: false, describe: 'print every problem of FILE, one per line, and exit: 2 when there are any, 0 when none'})
    .option('mouse', {type: 'boolean', default: true, describe: 'wheel scrolls, clicks pick a section or a panel (--no-mouse: off)'})
    // No yargs default: without --ascii or --no-ascii the locale decides (src/cli/locale.ts).
    .option('ascii', {type: 'boolean', describe: 'draw boxes, markers and arrows in ASCII (default: when LC_ALL, LC_CTYPE or LANG names a locale that is not UTF-8, such as C; --no-ascii: never)'})
    .option('screen-reader', {type: 'boolean', default: false, describe: 'for a screen reader: one column in reading order, no drawn boxes (also INK_SCREEN_READER=true)'})
    .option('help', {alias: 'h', type: 'boolean', describe: 'show this help'})
    .option('version', {alias: 'v', type: 'boolean', describe: 'show the version'})
    .strict()
    .locale('en')
    .exitProcess(false)
    .wrap(null)
    .epilogue(epilogue(owner))
    .fail((message, error) => {
      throw new UsageError(reword((message ?? error?.message ?? 'bad arguments').replace(/\s*\n\s*/g, ' '), args));
    });
}

/** The options that take one value, and the on/off switches (which take none). */
const VALUED = ['format', 'width', 'section', 'tech', 'lang'] as const;
const SWITCHES = ['color', 'mouse', 'ascii', 'screen-reader', 'strict', 'check', 'help', 'version'];

/**
 * yargs' messages in the words of this command line: options keep their dashes as typed, a
 * missing value names what is allowed, a second FILE says that only one is taken.
 */
function reword(message: string, args: string[]): string {
  const choices = /^Invalid values: Argument: (\w+), Given: (.*), Choices: (.*)$/.exec(message);
  if (choices) {
    const allowed = choices[3]!.replace(/"/g, '').split(', ');
    const list = `${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}`;
    return choices[2] === 'true' ? `--${choices[1]} needs a value: ${list}` : `--${choices[1]} must be ${list}, got ${choices[2]}`;
  }
  const missing = /^Not enough arguments following: (\w+)$/.exec(message);
  if (missing) return `--${missing[1]} needs a value`;
  const unknown = /^Unknown arguments?: (.*)$/.exec(message);
  if (unknown) {
    const names = unknown[1]!.split(', ');
    const files = names.filter((n) => args.includes(n) && !n.startsWith('-'));
    if (files.length > 0) return `only one FILE is taken, got ${positionals(args).join(' and ')}`;
    // Keep what was typed, once: yargs lists `--no-colour=1` as both `no-colour` and `noColour`,
    // and `--no-colour` as `colour`.
    const typedName = (arg: string) => /^--?[^=]*/.exec(arg)?.[0].replace(/^-+/, '');
    const typed = names.map((n) => args.find((a) => a.startsWith('-') && [n, `no-${n}`].includes(typedName(a) ?? ''))).filter((a): a is string => a !== undefined);
    const shown = [...new Set(typed.map((a) => a.replace(/=.*$/, '')))];
    if (shown.length > 0) return `Unknown ${shown.length === 1 ? 'argument' : 'arguments'}: ${shown.join(', ')}`;
  }
  return message;
}

/** The arguments that are not options or their values: the files given. */
function positionals(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') return [...out, ...args.slice(i + 1)];
    if ((VALUED as readonly string[]).includes(arg.replace(/^--/, ''))) i++;
    else if (!arg.startsWith('-') || arg === '-') out.push(arg);
  }
  return out;
}

/** A switch given a value (`--color=maybe`), which yargs would read as false: the one-line error, or undefined. */
function switchWithValue(args: string[]): string | undefined {
  for (const arg of args) {
    if (arg === '--') break;
    const match = /^--(no-)?([a-z]+)=(.*)$/s.exec(arg);
    if (!match || !SWITCHES.includes(match[2]!)) continue;
    if (!match[1] && ['true', 'false'].includes(match[3]!)) continue;
    const name = match[2]!;
    const off = ['color', 'mouse', 'ascii'].includes(name) ? ` or --no-${name}` : '';
    return `--${name} takes no value (use --${name}${off}), got ${arg}`;
  }
  return undefined;
}

/** An option given twice (`--format markdown --format json`): the one-line error, or undefined. */
function givenTwice(argv: Record<string, unknown>): string | undefined {
  for (const name of VALUED) {
    const value = argv[name];
    if (Array.isArray(value)) return `--${name} was given ${value.length} times (${value.join(', ')}); give it once`;
  }
  return undefined;
}

/** Parses the arguments: the options, or the one-line usage error. */
export async function parseArguments(args: string[]): Promise<{argv: Arguments; error?: undefined} | {error: string}> {
  try {
    const early = switchWithValue(args);
    if (early) return {error: early};
    const argv = await parser(args).parseAsync();
    const twice = givenTwice(argv);
    if (twice) return {error: twice};
    return {
      argv: {
        file: typeof argv.file === 'string' ? argv.file : undefined,
        format: argv.format,
        width: argv.width,
        color: argv.color,
        theme: argv.theme,
        section: argv.section,
        tech: argv.tech,
        lang: argv.lang,
        mouse: argv.mouse,
        ascii: argv.ascii,
        screenReader: argv.screenReader,
        strict: argv.strict,
        check: argv.check,
        help: argv.help === true,
        version: argv.version === true,
      },
    };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return {error: error.message};
  }
}

/** The --help text; `owner`: whose résumé is built in (its `basics.name`), when known. */
export function helpText(owner?: string): Promise<string> {
  return parser([], owner).getHelp();
}

/** What `kim-resume serve` was given (ports and limits checked by src/cli/run.ts). */
export interface ServeArguments {
  file?: string;
  ssh?: number;
  http?: number;
  host: string;
  hostKey?: string;
  maxSessions: number;
  maxPerAddress: number;
  handshakeTimeout: number;
  idleTimeout: number;
  requestTimeout: number;
  help: boolean;
}

/** The `serve` command's own parser (given the arguments after `serve`). */
export function serveParser(args: string[]) {
  return yargs(args)
    .scriptName(`${PROGRAM} serve`)
    .help(false)
    .version(false)
    .usage(`Usage: ${PROGRAM} serve [FILE] --ssh PORT --http PORT [options]\n\nServes the résumé (or FILE) to anyone with ssh or curl: \`ssh -p PORT host\` opens the app, \`curl host:PORT\` prints it.`)
    .command('$0 [file]', false, (y) => y.positional('file', {type: 'string', describe: 'a JSON Resume file'}))
    .option('ssh', {type: 'number', requiresArg: true, describe: 'serve the app over SSH on this port (0: any free port)'})
    .option('http', {type: 'number', requiresArg: true, describe: 'serve the text over HTTP on this port (0: any free port)'})
    .option('host', {type: 'string', requiresArg: true, default: '127.0.0.1', describe: 'the address to listen on (0.0.0.0: every address, for the public)'})
    .option('host-key', {type: 'string', requiresArg: true, describe: `the SSH host key file (default: one made on the first start, under $XDG_STATE_HOME/${PROGRAM}/)`})
    .option('max-sessions', {type: 'number', requiresArg: true, default: 64, describe: 'connections open at once, counted from their accept: SSH connections (one app each at most) and HTTP sockets'})
    .option('max-per-address', {type: 'number', requiresArg: true, default: 8, describe: 'connections open at once from one address (the last quarter of --max-sessions only for addresses with fewer than 2)'})
    .option('handshake-timeout', {type: 'number', requiresArg: true, default: 10, describe: 'seconds an SSH client has to finish its handshake'})
    .option('idle-timeout', {type: 'number', requiresArg: true, default: 600, describe: 'seconds an SSH session may go without a key before it is closed'})
    .option('request-timeout', {type: 'number', requiresArg: true, default: 10, describe: 'seconds an HTTP request has to arrive'})
    .option('help', {alias: 'h', type: 'boolean', describe: 'show this help'})
    .strict()
    .locale('en')
    .exitProcess(false)
    .wrap(null)
    .epilogue('At least one of --ssh and --http is needed. One line per session is logged on stderr. SIGINT or SIGTERM says goodbye to every open session and stops.')
    .fail((message, error) => {
      throw new UsageError(reword((message ?? error?.message ?? 'bad arguments').replace(/\s*\n\s*/g, ' '), args));
    });
}

/** Parses `serve`'s arguments: the options, or the one-line usage error. */
export async function parseServeArguments(args: string[]): Promise<{argv: ServeArguments; error?: undefined} | {error: string}> {
  try {
    const argv = await serveParser(args).parseAsync();
    for (const name of ['ssh', 'http', 'host', 'host-key', 'max-sessions', 'max-per-address', 'handshake-timeout', 'idle-timeout', 'request-timeout'] as const) {
      if (Array.isArray(argv[name])) return {error: `--${name} was given ${(argv[name] as unknown[]).length} times; give it once`};
    }
    return {
      argv: {
        file: typeof argv.file === 'string' ? argv.file : undefined,
        ssh: argv.ssh,
        http: argv.http,
        host: argv.host,
        hostKey: argv['host-key'],
        maxSessions: argv['max-sessions'],
        maxPerAddress: argv['max-per-address'],
        handshakeTimeout: argv['handshake-timeout'],
        idleTimeout: argv['idle-timeout'],
        requestTimeout: argv['request-timeout'],
        help: argv.help === true,
      },
    };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return {error: error.message};
  }
}

/** `kim-resume serve --help`. */
export function serveHelpText(): Promise<string> {
  return serveParser([]).getHelp();
}
