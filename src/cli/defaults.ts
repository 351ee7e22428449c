import type {ThemeChoice} from './colour';
import type {Format} from './mode';

/** The options kim-resume runs with (src/cli/args.ts parses them with yargs). */
export interface Arguments {
  file?: string;
  format?: Format;
  width?: string;
  color?: boolean;
  /** --theme; undefined: KIM_RESUME_THEME, else auto (src/cli/colour.ts themeChoice). */
  theme?: ThemeChoice;
  section?: string;
  tech?: string;
  /** --lang: the résumé's language as a BCP 47 tag, over what the document says (src/i18n/language.ts). */
  lang?: string;
  mouse: boolean;
  /** --ascii (true), --no-ascii (false); undefined: the locale decides (src/cli/locale.ts asciiReason). */
  ascii?: boolean;
  /** --screen-reader: the app in reading order for a screen reader (INK_SCREEN_READER=true too). */
  screenReader: boolean;
  /** Refuse a file with any problem (exit 2) instead of showing it with warnings. */
  strict: boolean;
  /** Print every problem of the file, and exit. */
  check: boolean;
  help: boolean;
  version: boolean;
}

/** What yargs gives for an empty command line (checked against yargs in test/unit/cli.test.ts). */
export const NO_ARGUMENTS: Arguments = Object.freeze({mouse: true, screenReader: false, strict: false, check: false, help: false, version: false});
