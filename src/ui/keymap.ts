/**
 * Every key the app takes, as data: the navigation commands, the search line's editing keys, the
 * rules for which keys still work while the search line is open or the terminal is too small,
 * and the hints the status bar shows in each mode. Input handling, the help overlay and the
 * status bar all read these tables, so they cannot drift apart (gemini-cli keyBindings.ts,
 * bubbletea key.WithHelp).
 */
import type {KeyName, KeyPress} from '../terminal/input';

export type {KeyPress} from '../terminal/input';

export type Command =
  | 'nextSection'
  | 'prevSection'
  | 'jumpSection'
  | 'down'
  | 'up'
  | 'pageDown'
  | 'pageUp'
  | 'halfDown'
  | 'halfUp'
  | 'top'
  | 'bottom'
  | 'toggle'
  | 'toggleAll'
  | 'search'
  | 'nextMatch'
  | 'prevMatch'
  | 'techIndex'
  | 'help'
  | 'about'
  | 'back'
  | 'suspend'
  | 'quit';

/** One key: a character typed, or a named key, with modifiers. */
export interface KeySpec {
  /** Shown in help: `Tab`, `⇧Tab`, `j`. */
  label: string;
  input?: string;
  named?: KeyName;
  /** Must the key be shifted (true), unshifted (false), or either (undefined)? */
  shift?: boolean;
  ctrl?: boolean;
  /** Matches any digit 1–9. */
  digit?: boolean;
  /** Also taken while the search line is open (where other characters are typed text). */
  whileEditing?: boolean;
}

export interface Binding {
  command: Command;
  keys: KeySpec[];
  /** Said in the help overlay. */
  description: string;
  /** Said in the status bar. */
  hint?: string;
  group: 'Sections' | 'Moving' | 'Panels' | 'Finding' | 'General';
  /** Still taken when the terminal is below the minimum size (nothing else is). */
  whenTooSmall?: boolean;
}

const ch = (input: string, label = input): KeySpec => ({label, input});
const named = (name: KeyName, label: string, extra: Partial<KeySpec> = {}): KeySpec => ({label, named: name, ...extra});

export const KEYMAP: readonly Binding[] = [
  {command: 'nextSection', group: 'Sections', description: 'next section', hint: 'section',
    keys: [named('tab', 'Tab', {shift: false}), named('right', '→'), ch('l')]},
  {command: 'prevSection', group: 'Sections', description: 'previous section',
    keys: [named('tab', '⇧Tab', {shift: true}), named('left', '←'), ch('h')]},
  {command: 'jumpSection', group: 'Sections', description: 'jump to section 1–9', keys: [{label: '1-9', digit: true}]},
  {command: 'down', group: 'Moving', description: 'next panel (or read on in a tall one)', hint: 'move', keys: [named('down', '↓'), ch('j')]},
  {command: 'up', group: 'Moving', description: 'previous panel', keys: [named('up', '↑'), ch('k')]},
  {command: 'pageDown', group: 'Moving', description: 'page down', keys: [ch(' ', 'Space'), named('pageDown', 'PgDn'), ch('f')]},
  {command: 'pageUp', group: 'Moving', description: 'page up', keys: [ch('b'), named('pageUp', 'PgUp')]},
  {command: 'halfDown', group: 'Moving', description: 'half a page down', keys: [ch('d')]},
  {command: 'halfUp', group: 'Moving', description: 'half a page up', keys: [ch('u')]},
  {command: 'top', group: 'Moving', description: 'top', keys: [ch('g'), named('home', 'Home')]},
  {command: 'bottom', group: 'Moving', description: 'bottom', keys: [ch('G'), named('end', 'End')]},
  {command: 'toggle', group: 'Panels', description: 'fold or unfold a project’s details', hint: 'fold', keys: [named('return', 'Enter')]},
  {command: 'toggleAll', group: 'Panels', description: 'fold or unfold every project', keys: [ch('z')]},
  {command: 'search', group: 'Finding', description: 'search the whole résumé (Enter to go, Esc to clear)', hint: 'search', keys: [ch('/')]},
  {command: 'nextMatch', group: 'Finding', description: 'next match', hint: 'next', keys: [ch('n')]},
  {command: 'prevMatch', group: 'Finding', description: 'previous match', hint: 'previous', keys: [ch('N')]},
  {command: 'techIndex', group: 'Finding', description: 'technologies: every one, and the projects that use it', hint: 'tech', keys: [ch('t')]},
  {command: 'about', group: 'General', description: 'unfold the header: the whole summary, every contact and profile (again to fold)', hint: 'about', keys: [ch('i')]},
  {command: 'help', group: 'General', description: 'show or hide this help', hint: 'help', keys: [ch('?')]},
  // Esc never quits: one Esc too many after closing the search must not lose the reader's place.
  {command: 'back', group: 'General', description: 'close what is open (help, search, a list, the header); never quits',
    keys: [named('escape', 'Esc')]},
  {command: 'suspend', group: 'General', description: 'suspend to the shell (fg comes back)', keys: [{label: 'Ctrl-Z', input: 'z', ctrl: true, whileEditing: true}], whenTooSmall: true},
  {command: 'quit', group: 'General', description: 'quit', hint: 'quit',
    keys: [ch('q'), {label: 'Ctrl-C', input: 'c', ctrl: true, whileEditing: true}], whenTooSmall: true},
];

/** The search line's editing keys (what the keys do while a query is typed). */
export type EditKey = 'submit' | 'cancel' | 'backspace' | 'left' | 'right' | 'home' | 'end';

export interface EditBinding {
  edit: EditKey;
  keys: KeySpec[];
  description: string;
}

export const EDIT_KEYMAP: readonly EditBinding[] = [
  {edit: 'submit', keys: [named('return', 'Enter')], description: 'search (an empty query closes the line)'},
  {edit: 'cancel', keys: [named('escape', 'Esc')], description: 'close the search line'},
  {edit: 'backspace', keys: [named('backspace', 'Backspace'), named('delete', 'Del')], description: 'delete the character before the cursor'},
  {edit: 'left', keys: [named('left', '←')], description: 'cursor left'},
  {edit: 'right', keys: [named('right', '→')], description: 'cursor right'},
  {edit: 'home', keys: [named('home', 'Home')], description: 'cursor to the start'},
  {edit: 'end', keys: [named('end', 'End')], description: 'cursor to the end'},
];

function matches(spec: KeySpec, key: KeyPress): boolean {
  if (spec.digit) return /^[1-9]$/.test(key.input) && !key.name && !key.ctrl && !key.meta;
  if (spec.named) {
    if (key.name !== spec.named || Boolean(key.ctrl) !== Boolean(spec.ctrl) || key.meta) return false;
    return spec.shift === undefined || Boolean(key.shift) === spec.shift;
  }
  if (key.name || spec.input === undefined || key.input !== spec.input) return false;
  return Boolean(spec.ctrl) === Boolean(key.ctrl) && !key.meta;
}

/** Where the app is, as far as keys care. */
export interface KeyContext {
  /** The search line is open: characters are typed text, only `whileEditing` keys are commands. */
  editing?: boolean;
  /** The terminal is below the minimum size: only `whenTooSmall` commands work. */
  tooSmall?: boolean;
}

/** Whether a command still works below the minimum size (its binding's `whenTooSmall`). */
export function worksWhenTooSmall(command: Command): boolean {
  return KEYMAP.some((b) => b.command === command && b.whenTooSmall);
}

/** The command a key press means here, if any. */
export function commandFor(key: KeyPress, context: KeyContext = {}): Command | undefined {
  for (const binding of KEYMAP) {
    if (context.tooSmall && !binding.whenTooSmall) continue;
    if (binding.keys.some((spec) => (!context.editing || spec.whileEditing) && matches(spec, key))) return binding.command;
  }
  return undefined;
}

/** The editing key a key press means in the search line, if any. */
export function editKeyFor(key: KeyPress): EditKey | undefined {
  return EDIT_KEYMAP.find((b) => b.keys.some((spec) => matches(spec, key)))?.edit;
}

/** The keys of a command, as the help and status bar show them: `Tab/→/l`. */
export function keyLabels(command: Command): string {
  const binding = KEYMAP.find((b) => b.command === command);
  return binding ? binding.keys.map((k) => k.label).join('/') : '';
}

/** A status bar hint: a command, or a command with words of its own for this mode. */
export type Hint = Command | [Command, string];

/** What the status bar offers in each mode, in the order shown. */
export type HintMode = 'section' | 'help' | 'techList' | 'techProjects' | 'searchResults' | 'about';

const HINTS: Record<HintMode, readonly Hint[]> = {
  section: ['nextSection', 'down', 'toggle', 'search', 'techIndex', 'about', 'help', 'quit'],
  help: ['back', 'down', 'quit'],
  techList: [['toggle', 'projects'], 'down', ['back', 'close'], 'quit'],
  techProjects: [['back', 'list'], 'down', 'quit'],
  searchResults: ['nextMatch', 'prevMatch', 'back', 'quit'],
  about: [['back', 'fold'], ['down', 'scroll'], 'search', 'quit'],
};

/** When the bar is short of room, hints go in this order; help and quit stay longest. */
export const HINT_DROP_ORDER: readonly Command[] = ['techIndex', 'toggle', 'about', 'search', 'down', 'nextSection', 'nextMatch', 'prevMatch', 'back', 'help'];

/** The hints for a mode; Enter's "fold" only when the focused panel folds. */
export function hintsFor(mode: HintMode, context: {foldable?: boolean} = {}): Hint[] {
  return HINTS[mode].filter((h) => (Array.isArray(h) ? h[0] : h) !== 'toggle' || mode !== 'section' || context.foldable);
}

/** A hint's key and words: `Tab` `section`. */
export function hintWords(hint: Hint): {key: string; words: string} {
  const [command, words] = Array.isArray(hint) ? hint : [hint, undefined];
  const binding = KEYMAP.find((b) => b.command === command)!;
  return {key: binding.keys[0]!.label, words: words ?? binding.hint ?? binding.description.split(' ')[0]!};
}
