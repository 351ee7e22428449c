import {relative, isAbsolute} from 'node:path';
import {fileURLToPath} from 'node:url';
import yargs from 'yargs';
import pkg from '../../package.json' with {type: 'json'};
import {resumeSection, toDocument} from '../document/build';
import type {ResumeDocument} from '../document/model';
import {findSection, onlySection, sectionChoices, techDocument} from '../document/select';
import {closeMatches, findTech, techIndex} from '../document/tech';
import type {Resume} from '../resume/types';
import {formatLoadError, loadResumeFile} from '../resume/load';
import {sanitizeText} from '../resume/sanitize';
import {renderMarkdown} from '../text/markdown';
import {renderPlain} from '../text/plain';
import {defaultWidth, MIN_WIDTH} from '../text/width';
import {colorLevel, isInteractive, wantsColor, type Format, type TerminalFacts} from './mode';

/** Exit codes, documented in --help and the README. */
export const EXIT = {
  ok: 0,
  /** An unexpected failure inside kim-resume (a bug): one line, no stack unless DEBUG is set. */
  internal: 1,
  /** A bad command line or a résumé file that cannot be loaded. */
  usage: 2,
  /** --tech: no project uses that technology. */
  noMatch: 3,
} as const;

export const MAX_WIDTH = 1000;

/** The streams and facts the CLI works with (the real process, or fakes in tests). */
export interface Io extends TerminalFacts {
  columns: number | undefined;
  write(text: string): Promise<void>;
  error(line: string): void;
}

/** The embedded résumé, shipped beside the code. */
// Built, this module is dist/main.js; under the test runner it is src/cli/run.ts.
export const DEFAULT_RESUME = fileURLToPath(new URL(import.meta.url.endsWith('/src/cli/run.ts') ? '../../data/resume.json' : '../data/resume.json', import.meta.url));

class UsageError extends Error {}

const EPILOGUE = `In a terminal it opens the interactive résumé (press ? for keys). Piped or redirected, or with\n--format, it prints and exits. Without FILE, it shows 김성호's résumé.

Exit codes:
  0  success
  1  internal error (a bug; set DEBUG=1 for the stack trace)
  2  bad command line, or a résumé file that cannot be read or is not valid
  3  --tech: no project uses that technology (close names are suggested)`;

function parser(args: string[]) {
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

/** Where errors name the file: relative to the working directory when it is inside it. */
function displayName(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

/** Runs the CLI and returns the exit code. Only this module decides modes and exit codes. */
export async function run(args: string[], io: Io): Promise<number> {
  const y = parser(args);
  let argv;
  try {
    argv = await y.parseAsync();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.error(`kim-resume: ${sanitizeText(error.message)} (see kim-resume --help)`);
    return EXIT.usage;
  }
  if (argv.help) {
    await io.write((await y.getHelp()) + '\n');
    return EXIT.ok;
  }
  if (argv.version) {
    await io.write(`${pkg.version}\n`);
    return EXIT.ok;
  }
  const rawWidth = argv.width;
  const width = rawWidth === undefined ? undefined : /^\d+$/.test(rawWidth) ? Number(rawWidth) : Number.NaN;
  if (width !== undefined && (!Number.isInteger(width) || width < MIN_WIDTH || width > MAX_WIDTH)) {
    io.error(`kim-resume: --width must be a whole number from ${MIN_WIDTH} to ${MAX_WIDTH}, got ${sanitizeText(String(rawWidth))} (see kim-resume --help)`);
    return EXIT.usage;
  }

  const given = typeof argv.file === 'string' ? argv.file : undefined;
  const file = given ?? DEFAULT_RESUME;
  const loaded = loadResumeFile(file, given ?? displayName(file));
  if (!loaded.ok) {
    io.error(formatLoadError(loaded.error));
    return EXIT.usage;
  }

  const format: Format | undefined = argv.format;
  const doc = toDocument(loaded.resume);
  let section: number | undefined;
  if (argv.section !== undefined) {
    section = findSection(doc, argv.section);
    if (section === -1) {
      io.error(`kim-resume: no section ${JSON.stringify(sanitizeText(argv.section))}; choose one of: ${sectionChoices(doc)}`);
      return EXIT.usage;
    }
  }
  const color = wantsColor(argv.color, io);
  const cells = width ?? defaultWidth(io.stdoutIsTTY ? io.columns : undefined);
  const print = (printed: ResumeDocument, resume: Resume = loaded.resume) => printDocument(printed, resume, format ?? 'text', {io, color, width: cells});

  if (argv.tech !== undefined) {
    const index = techIndex(doc);
    const tech = findTech(index, argv.tech);
    if (!tech || tech.projects.length === 0) {
      const close = closeMatches(index.filter((t) => t.projects.length > 0).map((t) => t.name), argv.tech);
      const name = JSON.stringify(sanitizeText(argv.tech));
      io.error(`kim-resume: no project uses ${name}${close.length > 0 ? `; did you mean ${close.join(', ')}?` : ''}`);
      return EXIT.noMatch;
    }
    return print(techDocument(doc, tech));
  }
  if (isInteractive(format, io)) {
    // Loaded only here: piping never pays for React and Ink.
    const {runInteractive} = await import('../ui/run');
    return runInteractive(doc, {color, ascii: argv.ascii, mouse: argv.mouse, initialSection: section});
  }
  if (section !== undefined) return print(onlySection(doc, section), resumeSection(loaded.resume, doc.sections[section]!.id));
  return print(doc);
}

/** Prints a document in a format and returns the exit code. */
async function printDocument(doc: ResumeDocument, resume: Resume, format: Format, {io, color, width}: {io: Io; color: boolean; width: number}): Promise<number> {
  if (format === 'json') {
    await io.write(JSON.stringify(resume, null, 2) + '\n');
  } else if (format === 'markdown') {
    await io.write(renderMarkdown(doc));
  } else if (!color) {
    await io.write(renderPlain(doc, width));
  } else {
    // Loaded only here: the plain path never pays for marked, marked-terminal and chalk.
    const [{default: chalk}, {renderTerminal}] = await Promise.all([import('chalk'), import('../text/terminal')]);
    chalk.level = colorLevel(true, io.env);
    await io.write(renderTerminal(doc, width));
  }
  return EXIT.ok;
}
