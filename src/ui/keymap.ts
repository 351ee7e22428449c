/**
 * Every key the app takes, as data: the navigation commands, the search line's editing keys, the
 * rules for which keys still work while the search line is open or the terminal is too small,
 * and the hints the status bar shows in each mode. Input handling, the help overlay and the
 * status bar all read these tables, so they cannot drift apart (gemini-cli keyBindings.ts,
 * bubbletea key.WithHelp). Their words are in the reader's language, in the message table
 * (src/i18n/messages.ts): `help.<command>` for the help, `hint.<command>` for the status bar,
 * `group.<group>` and `edit.<key>`.
 */
import {ENGLISH, type Messages} from '../i18n/messages';
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

/** The help's groups, in order (their words: `group.<group>` in the message table). */
export type KeyGroup = 'Sections' | 'Moving' | 'Panels' | 'Finding' | 'General';

/** The commands the status bar offers (their words: `hint.<command>`). */
export type HintCommand = 'nextSection' | 'down' | 'toggle' | 'search' | 'nextMatch' | 'prevMatch' | 'techIndex' | 'about' | 'help' | 'back' | 'quit';

/** A mode's own words for a hint's command (`hint.<word>`): Esc says "list" over a technology's projects. */
export type HintWord = 'projects' | 'close' | 'list' | 'fold' | 'unfold' | 'scroll';

export interface Binding {
  command: Command;
  keys: KeySpec[];
  /** Its heading in the help (the description is `help.<command>` in the message table). */
  group: KeyGroup;
  /** Still taken when the terminal is below the minimum size (nothing else is). */
  whenTooSmall?: boolean;
}

const ch = (input: string, label = input): KeySpec => ({label, input});
const named = (name: KeyName, label: string, extra: Partial<KeySpec> = {}): KeySpec => ({label, named: name, ...extra});

export const KEYMAP: readonly Binding[] = [
  {command: 'nextSection', group: 'Sections', keys: [named('tab', 'Tab', {shift: false}), named('right', '→'), ch('l')]},
  {command: 'prevSection', group: 'Sections', keys: [named('tab', '⇧Tab', {shift: true}), named('left', '←'), ch('h')]},
  {command: 'jumpSection', group: 'Sections', keys: [{label: '1-9', digit: true}]},
  {command: 'down', group: 'Moving', keys: [named('down', '↓'), ch('j')]},
  {command: 'up', group: 'Moving', keys: [named('up', '↑'), ch('k')]},
  {command: 'pageDown', group: 'Moving', keys: [ch(' ', 'Space'), named('pageDown', 'PgDn'), ch('f')]},
  {command: 'pageUp', group: 'Moving', keys: [ch('b'), named('pageUp', 'PgUp')]},
  {command: 'halfDown', group: 'Moving', keys: [ch('d')]},
  {command: 'halfUp', group: 'Moving', keys: [ch('u')]},
  {command: 'top', group: 'Moving', keys: [ch('g'), named('home', 'Home')]},
  {command: 'bottom', group: 'Moving', keys: [ch('G'), named('end', 'End')]},
  {command: 'toggle', group: 'Panels', keys: [named('return', 'Enter')]},
  {command: 'toggleAll', group: 'Panels', keys: [ch('z')]},
  {command: 'search', group: 'Finding', keys: [ch('/')]},
  {command: 'nextMatch', group: 'Finding', keys: [ch('n')]},
  {command: 'prevMatch', group: 'Finding', keys: [ch('N')]},
  {command: 'techIndex', group: 'Finding', keys: [ch('t')]},
  {command: 'about', group: 'General', keys: [ch('i')]},
  {command: 'help', group: 'General', keys: [ch('?')]},
  // Esc never quits: one Esc too many after closing the search must not lose the reader's place.
  {command: 'back', group: 'General', keys: [named('escape', 'Esc')]},
  {command: 'suspend', group: 'General', keys: [{label: 'Ctrl-Z', input: 'z', ctrl: true, whileEditing: true}], whenTooSmall: true},
  {command: 'quit', group: 'General', keys: [ch('q'), {label: 'Ctrl-C', input: 'c', ctrl: true, whileEditing: true}], whenTooSmall: true},
];

/** The search line's editing keys (what the keys do while a query is typed). */
export type EditKey = 'submit' | 'cancel' | 'backspace' | 'delete' | 'left' | 'right' | 'home' | 'end';

export interface EditBinding {
  edit: EditKey;
  keys: KeySpec[];
}

export const EDIT_KEYMAP: readonly EditBinding[] = [
  {edit: 'submit', keys: [named('return', 'Enter')]},
  {edit: 'cancel', keys: [named('escape', 'Esc')]},
  {edit: 'backspace', keys: [named('backspace', 'Backspace')]},
  // Delete removes the character after the cursor, as in every line editor (readline's delete-char).
  {edit: 'delete', keys: [named('delete', 'Del')]},
  {edit: 'left', keys: [named('left', '←')]},
  {edit: 'right', keys: [named('right', '→')]},
  {edit: 'home', keys: [named('home', 'Home')]},
  {edit: 'end', keys: [named('end', 'End')]},
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
export type Hint = HintCommand | [HintCommand, HintWord];

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
export const HINT_DROP_ORDER: readonly HintCommand[] = ['techIndex', 'toggle', 'about', 'search', 'down', 'nextSection', 'nextMatch', 'prevMatch', 'back', 'help'];

/**
 * The hints for a mode, as the state is: in a section, Enter's "fold" only when the focused panel
 * folds ("unfold" when it is folded), `i` only when unfolding the header shows more; after a
 * search, `n`/`N` only when something matched.
 */
export function hintsFor(mode: HintMode, context: {foldable?: boolean; folded?: boolean; aboutMore?: boolean; matches?: number} = {}): Hint[] {
  const out: Hint[] = [];
  for (const hint of HINTS[mode]) {
    const command = Array.isArray(hint) ? hint[0] : hint;
    if (mode === 'section' && command === 'toggle') {
      if (context.foldable) out.push(context.folded ? ['toggle', 'unfold'] : hint);
    } else if (mode === 'section' && command === 'about') {
      if (context.aboutMore !== false) out.push(hint);
    } else if (mode === 'searchResults' && (command === 'nextMatch' || command === 'prevMatch')) {
      if (context.matches !== 0) out.push(hint);
    } else out.push(hint);
  }
  return out;
}

/** A hint's key and words, in the reader's language: `Tab` `section`. */
export function hintWords(hint: Hint, messages: Messages = ENGLISH): {key: string; words: string} {
  const [command, words] = Array.isArray(hint) ? hint : [hint, undefined];
  const binding = KEYMAP.find((b) => b.command === command)!;
  return {key: binding.keys[0]!.label, words: messages.say(`hint.${words ?? command}`)};
}

/** What a command does, as the help says it. */
export const describeCommand = (command: Command, messages: Messages = ENGLISH): string => messages.say(`help.${command}`);
