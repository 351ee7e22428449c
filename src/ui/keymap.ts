/**
 * The keymap is data: one table maps each command to its keys and words. Input handling, the
 * help overlay and the status bar hints all read it, so they cannot drift apart
 * (gemini-cli keyBindings.ts, bubbletea key.WithHelp).
 */

/** What Ink's useInput reports for a key press (the fields we read). */
export interface KeyPress {
  input: string;
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  home?: boolean;
  end?: boolean;
  return?: boolean;
  escape?: boolean;
  tab?: boolean;
  shift?: boolean;
  ctrl?: boolean;
  meta?: boolean;
}

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
  | 'back'
  | 'quit';

/** One key: a character typed, or a named key Ink reports, with modifiers. */
interface KeySpec {
  /** Shown in help: `Tab`, `⇧Tab`, `j`. */
  label: string;
  input?: string;
  named?: 'upArrow' | 'downArrow' | 'leftArrow' | 'rightArrow' | 'pageUp' | 'pageDown' | 'home' | 'end' | 'return' | 'escape' | 'tab';
  shift?: boolean;
  ctrl?: boolean;
  /** Matches any digit 1–9. */
  digit?: boolean;
}

export interface Binding {
  command: Command;
  keys: KeySpec[];
  /** Said in the help overlay. */
  description: string;
  /** Said in the status bar, when short hints are shown. */
  hint?: string;
  group: 'Sections' | 'Moving' | 'Panels' | 'Finding' | 'General';
}

const ch = (input: string, label = input): KeySpec => ({label, input});

export const KEYMAP: readonly Binding[] = [
  {command: 'nextSection', group: 'Sections', description: 'next section', hint: 'section',
    keys: [{label: 'Tab', named: 'tab', shift: false}, {label: '→', named: 'rightArrow'}, ch('l')]},
  {command: 'prevSection', group: 'Sections', description: 'previous section',
    keys: [{label: '⇧Tab', named: 'tab', shift: true}, {label: '←', named: 'leftArrow'}, ch('h')]},
  {command: 'jumpSection', group: 'Sections', description: 'jump to section 1–9', keys: [{label: '1-9', digit: true}]},
  {command: 'down', group: 'Moving', description: 'next panel (or read on in a tall one)', hint: 'move',
    keys: [{label: '↓', named: 'downArrow'}, ch('j')]},
  {command: 'up', group: 'Moving', description: 'previous panel', keys: [{label: '↑', named: 'upArrow'}, ch('k')]},
  {command: 'pageDown', group: 'Moving', description: 'page down',
    keys: [{label: 'Space', input: ' '}, {label: 'PgDn', named: 'pageDown'}, ch('f')]},
  {command: 'pageUp', group: 'Moving', description: 'page up', keys: [ch('b'), {label: 'PgUp', named: 'pageUp'}]},
  {command: 'halfDown', group: 'Moving', description: 'half a page down', keys: [ch('d')]},
  {command: 'halfUp', group: 'Moving', description: 'half a page up', keys: [ch('u')]},
  {command: 'top', group: 'Moving', description: 'top', keys: [ch('g'), {label: 'Home', named: 'home'}]},
  {command: 'bottom', group: 'Moving', description: 'bottom', keys: [ch('G'), {label: 'End', named: 'end'}]},
  {command: 'toggle', group: 'Panels', description: 'fold or unfold a project’s details', hint: 'fold',
    keys: [{label: 'Enter', named: 'return'}]},
  {command: 'toggleAll', group: 'Panels', description: 'fold or unfold every project', keys: [ch('z')]},
  {command: 'search', group: 'Finding', description: 'search the whole résumé (Enter to go, Esc to clear)', hint: 'search', keys: [ch('/')]},
  {command: 'nextMatch', group: 'Finding', description: 'next match', keys: [ch('n')]},
  {command: 'prevMatch', group: 'Finding', description: 'previous match', keys: [ch('N')]},
  {command: 'techIndex', group: 'Finding', description: 'technologies: every one, and the projects that use it', hint: 'tech', keys: [ch('t')]},
  {command: 'help', group: 'General', description: 'show or hide this help', hint: 'help', keys: [ch('?')]},
  {command: 'back', group: 'General', description: 'close what is open (help, search, a list); quit when nothing is', keys: [{label: 'Esc', named: 'escape'}]},
  {command: 'quit', group: 'General', description: 'quit', hint: 'quit', keys: [ch('q'), {label: 'Ctrl-C', input: 'c', ctrl: true}]},
];

function matches(spec: KeySpec, key: KeyPress): boolean {
  if (spec.digit) return /^[1-9]$/.test(key.input) && !key.ctrl && !key.meta;
  if (spec.named) {
    if (!key[spec.named]) return false;
    if (spec.shift !== undefined && Boolean(key.shift) !== spec.shift) return false;
    return true;
  }
  if (spec.input === undefined || key.input !== spec.input) return false;
  if (Boolean(spec.ctrl) !== Boolean(key.ctrl)) return false;
  // Esc sequences arrive with meta set; a typed character does not.
  return !key.meta;
}

/** The command a key press means, if any. Named keys win over the characters they carry. */
export function commandFor(key: KeyPress): Command | undefined {
  for (const binding of KEYMAP) {
    if (binding.keys.some((spec) => matches(spec, key))) return binding.command;
  }
  return undefined;
}

/** The keys of a command, as the help and status bar show them: `Tab/→/l`. */
export function keyLabels(command: Command): string {
  const binding = KEYMAP.find((b) => b.command === command);
  return binding ? binding.keys.map((k) => k.label).join('/') : '';
}

/** The status bar hints, in table order: `Tab section · ↓ move · ? help · q quit`. */
export function statusHints(): Array<{keys: string; hint: string}> {
  return KEYMAP.filter((b) => b.hint).map((b) => ({keys: b.keys[0]!.label, hint: b.hint!}));
}
