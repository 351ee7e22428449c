import {relative, isAbsolute} from 'node:path';
import {fileURLToPath} from 'node:url';
// A named import: the bundle carries only the version, not the whole package.json.
import {version} from '../../package.json';
import {NO_ARGUMENTS, type Arguments} from './defaults';
import {fastArguments} from './fast-args';
import {toDocument} from '../document/build';
import {resumeSection} from '../document/sections';
import type {ResumeDocument} from '../document/model';
import {findSection, onlySection, resumeForTech, sectionChoices, techDocument} from '../document/select';
import {closeMatches, findTech, techIndex} from '../document/tech';
import type {Resume} from '../resume/types';
import {formatLoadError, loadResumeFile} from '../resume/load';
import {sanitizeText} from '../resume/sanitize';
import {renderMarkdown} from '../text/markdown';
import {renderPlain} from '../text/plain';
import {MAX_WIDTH, MIN_WIDTH} from '../sizes';
import {defaultWidth} from '../text/width';
import {startupDone} from '../boot/hooks';
import {setColourLevel} from './colour';
import {isInteractive, wantsColor, type Format, type TerminalFacts} from './mode';

/** Exit codes, documented in --help and the README. */
export const EXIT = {
  ok: 0,
  /** An unexpected failure inside kim-resume (a bug): one line, no stack unless DEBUG is set. */
  internal: 1,
  /** A bad command line or a résumé file that cannot be loaded. */
  usage: 2,
  /** --tech: no project uses that technology. */
  noMatch: 3,
  /** The output could not be written (a full disk, an I/O error); a closed pipe is not an error. */
  output: 4,
} as const;

/** The streams and facts the CLI works with (the real process, or fakes in tests). */
export interface Io extends TerminalFacts {
  columns: number | undefined;
  write(text: string): Promise<void>;
  error(line: string): void;
}

/** The embedded résumé, shipped beside the code. */
// Built, this module is dist/main.js; under the test runner it is src/cli/run.ts.
export const DEFAULT_RESUME = fileURLToPath(new URL(import.meta.url.endsWith('/src/cli/run.ts') ? '../../data/resume.json' : '../data/resume.json', import.meta.url));

/** Where errors name the file: relative to the working directory when it is inside it. */
function displayName(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

/**
 * Runs the CLI and returns the exit code. This module decides the mode and every exit code of a
 * run that ends normally; src/main.ts only adds the two endings that come from outside a run: a
 * reader that went away (0) and an unexpected error (EXIT.internal).
 */
export async function run(args: string[], io: Io): Promise<number> {
  // yargs (10–14 ms of start-up) loads only for what the fast parser leaves to it: help, errors,
  // anything unusual. test/unit/cli.test.ts checks that NO_ARGUMENTS is what yargs gives for no
  // arguments, and test/unit/fast-args.test.ts that both parsers agree.
  let argv: Arguments = fastArguments(args) ?? NO_ARGUMENTS;
  if (args.length > 0 && argv === NO_ARGUMENTS) {
    const {parseArguments, helpText} = await import('./args');
    const parsed = await parseArguments(args);
    if (parsed.error !== undefined) {
      io.error(`kim-resume: ${sanitizeText(parsed.error)} (see kim-resume --help)`);
      return EXIT.usage;
    }
    argv = parsed.argv;
    if (argv.help) {
      await io.write((await helpText()) + '\n');
      return EXIT.ok;
    }
  }
  if (argv.version) {
    await io.write(`${version}\n`);
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
    return print(techDocument(doc, tech), resumeForTech(loaded.resume, tech.name));
  }
  if (isInteractive(format, io)) {
    // Loaded only here: piping never pays for React and Ink.
    const [, {runInteractive}] = await Promise.all([setColourLevel('app', color, io.env), import('../ui/run')]);
    // Ink draws the first frame synchronously inside runInteractive (a legacy React root), so this
    // runs once it is on the screen: the code cache is written then, off the way to it. (V8's
    // --optimize-for-size for the app is set by the loader, src/boot/main.ts, before any code.)
    setImmediate(startupDone);
    return runInteractive(doc, {color, ascii: argv.ascii, mouse: argv.mouse, initialSection: section});
  }
  if (section !== undefined) {
    const id = doc.sections[section]!.id;
    return print(onlySection(doc, section), id === 'tech' ? loaded.resume : resumeSection(loaded.resume, id));
  }
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
    const [, {renderTerminal}] = await Promise.all([setColourLevel('print', true, io.env), import('../text/terminal')]);
    await io.write(renderTerminal(doc, width));
  }
  startupDone();
  return EXIT.ok;
}
