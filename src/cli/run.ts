import {relative, isAbsolute} from 'node:path';
import {fileURLToPath} from 'node:url';
// A named import: the bundle carries only the version, not the whole package.json.
import {version} from '../../package.json';
import {NO_ARGUMENTS, type Arguments} from './defaults';
import {fastArguments} from './fast-args';
import {isEmptyDocument, nothingToShow, toDocument} from '../document/build';
import {countOf} from '../document/present';
import {resumeSection} from '../document/sections';
import type {ResumeDocument} from '../document/model';
import {findSection, onlySection, resumeForTech, sectionChoices, techDocument} from '../document/select';
import {closeMatches, findTech, techIndex} from '../document/tech';
import {checkResumeFile, formatLoadError, loadResumeFile, shownFileName} from '../resume/load';
import {canonicalTag, describeLanguage, resolveLanguage} from '../i18n/language';
import {sanitizeText} from '../resume/sanitize';
import {renderMarkdown} from '../text/markdown';
import {renderPlain} from '../text/plain';
import {MAX_WIDTH, MIN_WIDTH} from '../sizes';
import {defaultWidth} from '../text/width';
import {startupDone} from '../boot/hooks';
import {depthOf, needsBackground, setColourLevel, themeChoice, themeName, type ThemeChoice} from './colour';
import {asciiNotice, asciiReason, hasNonAscii} from './locale';
import {readerLanguage} from '../i18n/reader';
import type {Asking} from '../terminal/ask';
import type {Session} from '../terminal/session';
import {probeClustersIn} from '../text/width-probe';
import {OSC11_QUERY, type Background} from '../terminal/background';
import type {ThemeName} from '../theme/theme';
import {ASCII} from '../theme/glyphs';
import {isInteractive, wantsColor, type Format, type TerminalFacts} from './mode';
import {PROGRAM} from '../program';

/** Exit codes, documented in --help and the README. */
export const EXIT = {
  ok: 0,
  /**
   * An unexpected failure inside kim-resume (a bug): one line, no stack unless DEBUG is set. Also
   * a Node.js older than 20.19, which bin/kim-resume.js refuses in one line before any of this
   * loads: like a bug, the program could not run at all, whatever its input.
   */
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
  /**
   * Asks the terminal (src/terminal/ask.ts): given only when stdin and stdout are the terminal
   * the app would run in. Without it the background is never asked for.
   */
  ask?: (queries: readonly string[]) => Asking;
  /**
   * The terminal the app runs in (src/terminal/session.ts): given when stdin and stdout are a
   * terminal. Made only when the app starts, so the printing paths never load it.
   */
  session?: () => Promise<Session>;
}

/** The embedded résumé, shipped beside the code. */
// Built, this module is dist/main.js; under the test runner it is src/cli/run.ts.
export const DEFAULT_RESUME = fileURLToPath(new URL(import.meta.url.endsWith('/src/cli/run.ts') ? '../../data/resume.json' : '../data/resume.json', import.meta.url));

/**
 * Whose the built-in résumé is (its `basics.name`, for --help), read when asked rather than fixed
 * at build time: data/resume.json is read at run time too, so the help names whoever the program
 * shows even when a fork replaced the file and did not rebuild. Undefined when it has no name.
 */
function builtInOwner(): string | undefined {
  const loaded = loadResumeFile(DEFAULT_RESUME);
  const name = loaded.ok ? loaded.resume.basics?.name?.trim() : undefined;
  return name ? sanitizeText(name) : undefined;
}

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
  if (args[0] === 'serve') return runServe(args.slice(1), io);
  // yargs (10–14 ms of start-up) loads only for what the fast parser leaves to it: help, errors,
  // anything unusual. test/unit/cli.test.ts checks that NO_ARGUMENTS is what yargs gives for no
  // arguments, and test/unit/fast-args.test.ts that both parsers agree.
  let argv: Arguments = fastArguments(args) ?? NO_ARGUMENTS;
  if (args.length > 0 && argv === NO_ARGUMENTS) {
    const {parseArguments, helpText} = await import('./args');
    const parsed = await parseArguments(args);
    if (parsed.error !== undefined) {
      io.error(`${PROGRAM}: ${sanitizeText(parsed.error)} (see ${PROGRAM} --help)`);
      return EXIT.usage;
    }
    argv = parsed.argv;
    if (argv.help) {
      await io.write((await helpText(builtInOwner())) + '\n');
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
    io.error(`${PROGRAM}: --width must be a whole number from ${MIN_WIDTH} to ${MAX_WIDTH}, got ${sanitizeText(String(rawWidth))} (see ${PROGRAM} --help)`);
    return EXIT.usage;
  }

  // The résumé's language, when given, must be one: a typo would silently fall back to the document's.
  const lang = argv.lang === undefined ? undefined : canonicalTag(argv.lang);
  if (argv.lang !== undefined && lang === undefined) {
    io.error(`${PROGRAM}: --lang must be a BCP 47 language tag such as de, pt-BR or zh-Hant, got ${JSON.stringify(sanitizeText(argv.lang))} (see ${PROGRAM} --help)`);
    return EXIT.usage;
  }

  const conflict = conflictingOptions(argv);
  if (conflict) {
    io.error(`${PROGRAM}: ${conflict} (see ${PROGRAM} --help)`);
    return EXIT.usage;
  }

  const format: Format | undefined = argv.format;
  const color = wantsColor(argv.color, io);
  const choice = themeChoice(argv.theme, io.env);
  // The app will run and must know the background: the question goes out now, so the answer
  // comes back while the résumé loads; it is awaited only when the app starts.
  const appWillRun = isInteractive(format, io) && io.session !== undefined && argv.tech === undefined && !argv.check;
  const asking = appWillRun && needsBackground(color, choice) ? io.ask?.([OSC11_QUERY]) : undefined;
  try {
    return await runLoaded(argv, io, {format, color, choice, width, lang, asking});
  } finally {
    // A run that ends before the app starts still reads the answers: none may reach the shell.
    await asking?.close();
  }
}

/** The rest of a run, once the arguments are checked: load, then print or start the app. */
async function runLoaded(argv: Arguments, io: Io, {format, color, choice, width, lang, asking}: {format: Format | undefined; color: boolean; choice: ThemeChoice; width: number | undefined; lang: string | undefined; asking: Asking | undefined}): Promise<number> {
  const given = typeof argv.file === 'string' ? argv.file : undefined;
  const file = given ?? DEFAULT_RESUME;
  const name = given ?? displayName(file);
  if (argv.check) {
    // As the official validator decides: a note (an extra top-level key) is said, but is no problem.
    const found = checkResumeFile(file, name);
    const problems = found.filter((p) => !p.note).length;
    // Without FILE it is the built-in résumé that was checked: said so, lest "no problems" read
    // as a pass for a file the reader meant to give.
    const which = given === undefined ? ` (the built-in résumé; to check yours: ${PROGRAM} --check FILE)` : '';
    // The language it settled on, and how, for a file that can be shown at all.
    const shown = loadResumeFile(file, name, {lenient: true});
    const language = shown.ok ? `${shownFileName(name)}: language ${describeLanguage(resolveLanguage(shown.resume, lang))}\n` : '';
    await io.write(found.map((p) => formatLoadError(p) + '\n').join('') + (problems === 0 ? `${shownFileName(name)}: no problems${which}\n` : '') + language);
    return problems > 0 ? EXIT.usage : EXIT.ok;
  }
  // A file given on the command line is shown whenever it can be read (its problems are warned
  // about); the embedded résumé, and any file with --strict, must be valid.
  const loaded = loadResumeFile(file, name, {lenient: given !== undefined && !argv.strict});
  if (!loaded.ok) {
    // Refused: every problem, as --check lists them (one fixed at a time would take as many runs).
    const problems = checkResumeFile(file, name).filter((p) => !p.note);
    for (const problem of problems.length > 0 ? problems : [loaded.error]) io.error(formatLoadError(problem));
    if (problems.length > 1) {
      const why = given === undefined ? 'the built-in résumé must have none' : '--strict refuses a file with any';
      io.error(`${PROGRAM}: ${countOf(problems.length, 'problem')} in ${shownFileName(name)}; ${why}`);
    }
    return EXIT.usage;
  }
  for (const warning of loaded.warnings) io.error(formatLoadError(warning));
  const problems = loaded.warnings.filter((w) => !w.note).length;
  if (problems > 0) {
    io.error(`${PROGRAM}: ${countOf(problems, 'problem')} in ${shownFileName(name)}, shown anyway (--check lists them, --strict refuses the file)`);
  }

  const doc = {...toDocument(loaded.resume, undefined, {language: lang}), warnings: problems};
  if (isEmptyDocument(doc)) io.error(`${PROGRAM}: ${nothingToShow(shownFileName(name))}`);
  let section: number | undefined;
  if (argv.section !== undefined) {
    section = findSection(doc, argv.section);
    if (section === -1) {
      io.error(`${PROGRAM}: no section ${JSON.stringify(sanitizeText(argv.section))}; choose one of: ${sectionChoices(doc)}`);
      return EXIT.usage;
    }
  }
  const cells = width ?? defaultWidth(io.stdoutIsTTY ? io.columns : undefined);
  // Printing asks the terminal nothing (stdin may be anything, and the print would wait on the
  // answer): `auto` there is COLORFGBG's background, else the neutral theme.
  const theme = themeName(color, choice, undefined, io.env);
  // ASCII for what the program draws itself (the separators between facts and tags; in the app also
  // its boxes, markers and words): asked for with --ascii, or a locale that is not UTF-8. A locale
  // speaks for the terminal, so a print into a pipe or a file keeps Unicode unless --ascii says so;
  // Markdown and JSON are data, kept as they are.
  const ascii = asciiReason(argv.ascii, io.env);
  const printAscii = ascii !== undefined && (ascii.by === 'flag' || io.stdoutIsTTY) && (format ?? 'text') === 'text';
  // The facts' separators in ASCII too: the document again, with the app's ASCII separator.
  const asciiDoc = () => ({...toDocument(loaded.resume, ASCII.separator, {language: lang, ascii: true}), warnings: doc.warnings});
  const base = printAscii ? asciiDoc() : doc;
  const print = (printed: ResumeDocument, resume: object = loaded.source) => printDocument(printed, resume, format ?? 'text', {io, color, theme, width: cells, ascii: printAscii});

  if (argv.tech !== undefined) {
    const index = techIndex(doc);
    const tech = findTech(index, argv.tech);
    if (!tech || tech.projects.length === 0) {
      const close = closeMatches(index.filter((t) => t.projects.length > 0).map((t) => t.name), argv.tech);
      const name = JSON.stringify(sanitizeText(argv.tech));
      io.error(`${PROGRAM}: no project uses ${name}${close.length > 0 ? `; did you mean ${close.join(', ')}?` : ''}`);
      return EXIT.noMatch;
    }
    return print(techDocument(base, tech), resumeForTech(loaded.source, loaded.resume, tech.name));
  }
  if (isInteractive(format, io) && io.session) {
    // Loaded only here: piping never pays for React and Ink.
    // The first batch is answered (or given up on) before the app takes the screen.
    const [level, {runInteractive, crashAfterKeys}, session] = await Promise.all([setColourLevel('app', color, io.env), import('../ui/start'), io.session(), asking?.answers]);
    // The clusters whose width terminals disagree on are measured by the terminal itself, on the
    // app's screen before its first frame (src/ui/start.ts), after the batch already open or in one
    // of their own; nothing is asked when there is nothing to ask.
    const clusters = probeClustersIn(loaded.resume).map((c) => c.cluster);
    const probing = asking ?? (clusters.length > 0 ? io.ask?.([]) : undefined);
    // Chosen once every answer is in: inside GNU screen the background comes after the others.
    const themeFor = (answered: Background | undefined) => themeName(color, choice, answered, io.env);
    // The code cache is written once the first frame is on the screen, off the way to it; then the
    // loader (src/boot/main.ts) stops V8's young generation from growing.
    // Ink's own switch for screen readers (INK_SCREEN_READER=true), or the flag.
    const screenReader = argv.screenReader || io.env.INK_SCREEN_READER === 'true';
    // A locale's ASCII is said once, on stderr before the app takes the screen (the frame stays
    // whole), as the file's warnings are.
    if (ascii?.by === 'locale') io.error(asciiNotice(ascii.locale, hasNonAscii(JSON.stringify(loaded.resume))));
    const shown = ascii ? asciiDoc() : doc;
    // The app's own words in the reader's language (LC_ALL > LC_MESSAGES > LANG); in ASCII, English.
    const language = ascii ? 'en' : readerLanguage(io.env).language;
    return runInteractive(shown, {color, theme: themeFor, depth: depthOf(level), ascii: ascii !== undefined, language, screenReader, mouse: argv.mouse, initialSection: section, asking: probing, clusters, crashAfterKeys: crashAfterKeys(io.env), onFirstFrame: startupDone}, session);
  }
  if (section !== undefined) {
    const id = doc.sections[section]!.id;
    return print(onlySection(base, section), id === 'tech' ? loaded.source : resumeSection(loaded.source, id));
  }
  return print(base);
}

/** The largest TCP port. */
const MAX_PORT = 65535;

/**
 * `kim-resume serve …`: its arguments checked and the résumé loaded here (errors as every other
 * run has them), then the server, loaded only now (src/serve/), runs until a signal stops it.
 */
async function runServe(args: string[], io: Io): Promise<number> {
  const {parseServeArguments, serveHelpText} = await import('./args');
  const parsed = await parseServeArguments(args);
  const usage = (message: string) => {
    io.error(`${PROGRAM} serve: ${sanitizeText(message)} (see ${PROGRAM} serve --help)`);
    return EXIT.usage;
  };
  if (parsed.error !== undefined) return usage(parsed.error);
  const argv = parsed.argv;
  if (argv.help) {
    await io.write((await serveHelpText()) + '\n');
    return EXIT.ok;
  }
  if (argv.ssh === undefined && argv.http === undefined) return usage('give --ssh PORT, --http PORT or both');
  for (const [name, port] of [['ssh', argv.ssh], ['http', argv.http]] as const) {
    if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= MAX_PORT)) return usage(`--${name} must be a port from 0 to ${MAX_PORT}`);
  }
  const whole = {'max-sessions': argv.maxSessions, 'max-per-address': argv.maxPerAddress, 'handshake-timeout': argv.handshakeTimeout, 'idle-timeout': argv.idleTimeout, 'request-timeout': argv.requestTimeout};
  for (const [name, value] of Object.entries(whole)) {
    if (!(Number.isInteger(value) && value >= 1)) return usage(`--${name} must be a whole number from 1`);
  }
  const given = argv.file;
  const file = given ?? DEFAULT_RESUME;
  const loaded = loadResumeFile(file, given ?? displayName(file), {lenient: given !== undefined});
  if (!loaded.ok) {
    io.error(formatLoadError(loaded.error));
    return EXIT.usage;
  }
  for (const warning of loaded.warnings) io.error(formatLoadError(warning));
  const {serve} = await import('../serve/index');
  const limits = {sessions: argv.maxSessions, perAddress: argv.maxPerAddress, handshakeMs: argv.handshakeTimeout * 1000, idleMs: argv.idleTimeout * 1000, requestMs: argv.requestTimeout * 1000};
  // The document twice: with the app's separators, and in ASCII for a client whose locale is not UTF-8.
  return serve(toDocument(loaded.resume), loaded.source, {ssh: argv.ssh, http: argv.http, host: argv.host, hostKey: argv.hostKey, limits}, {env: io.env, error: io.error}, toDocument(loaded.resume, ASCII.separator, {ascii: true}));
}

/** Options that cannot be used together: the one-line error, or undefined. */
function conflictingOptions(argv: Arguments): string | undefined {
  if (argv.check) {
    const other = (['format', 'section', 'tech', 'width'] as const).find((name) => argv[name] !== undefined);
    if (other) return `--check prints the problems of FILE and nothing else: it cannot be used with --${other}`;
  }
  // --tech lists a technology's projects wherever they are; a section would only hide some.
  if (argv.tech !== undefined && argv.section !== undefined) return '--tech and --section cannot be used together: --tech lists the projects of every section';
  return undefined;
}

/** Prints a document in a format and returns the exit code. */
async function printDocument(doc: ResumeDocument, resume: object, format: Format, {io, color, theme, width, ascii}: {io: Io; color: boolean; theme: ThemeName; width: number; ascii: boolean}): Promise<number> {
  // A document with nothing to show prints nothing (the CLI has said so on stderr), not a blank line.
  if (format !== 'json' && isEmptyDocument(doc)) return EXIT.ok;
  if (format === 'json') {
    await io.write(JSON.stringify(resume, null, 2) + '\n');
  } else if (format === 'markdown') {
    await io.write(renderMarkdown(doc));
  } else if (format === 'html') {
    // Loaded only here: the page's renderer and stylesheet are no cost to the other formats.
    const {renderHtml} = await import('../html/page');
    await io.write(renderHtml(doc));
  } else if (!color) {
    await io.write(renderPlain(doc, width, ascii ? ASCII.separator : undefined));
  } else {
    // Loaded only here: the plain path never pays for marked, marked-terminal and chalk.
    const [level, {renderTerminal}, {createTheme, tokensFor}] = await Promise.all([setColourLevel('print', true, io.env), import('../text/terminal'), import('../theme/theme')]);
    const depth = depthOf(level);
    await io.write(renderTerminal(doc, width, createTheme({color: true, ascii, depth, tokens: tokensFor(theme, depth)})));
  }
  startupDone();
  return EXIT.ok;
}
