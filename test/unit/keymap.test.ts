import {describe, expect, it} from 'vitest';
import type {KeyName} from '../../src/terminal/input';
import {commandFor, describeCommand, EDIT_KEYMAP, editKeyFor, hintsFor, hintWords, KEYMAP, keyLabels, worksWhenTooSmall, type Command, type KeyPress} from '../../src/ui/keymap';
import {isTooSmall} from '../../src/ui/layout/regions';

const key = (input: string, flags: Partial<KeyPress> = {}): KeyPress => ({input, ...flags});
const named = (name: KeyName, flags: Partial<KeyPress> = {}): KeyPress => ({name, input: '', ...flags});

describe('keymap: keys that must match each command', () => {
  const cases: Array<[string, KeyPress, Command]> = [
    ['Tab', named('tab'), 'nextSection'],
    ['→', named('right'), 'nextSection'],
    ['l', key('l'), 'nextSection'],
    ['Shift-Tab', named('tab', {shift: true}), 'prevSection'],
    ['←', named('left'), 'prevSection'],
    ['h', key('h'), 'prevSection'],
    ['1', key('1'), 'jumpSection'],
    ['9', key('9'), 'jumpSection'],
    ['↓', named('down'), 'down'],
    ['j', key('j'), 'down'],
    ['↑', named('up'), 'up'],
    ['k', key('k'), 'up'],
    ['Space', key(' '), 'pageDown'],
    ['PgDn', named('pageDown'), 'pageDown'],
    ['f', key('f'), 'pageDown'],
    ['b', key('b'), 'pageUp'],
    ['PgUp', named('pageUp'), 'pageUp'],
    ['d', key('d'), 'halfDown'],
    ['u', key('u'), 'halfUp'],
    ['g', key('g'), 'top'],
    ['Home', named('home'), 'top'],
    ['G', key('G'), 'bottom'],
    ['End', named('end'), 'bottom'],
    ['Enter', named('return'), 'toggle'],
    ['z', key('z'), 'toggleAll'],
    ['/', key('/'), 'search'],
    ['n', key('n'), 'nextMatch'],
    ['N', key('N'), 'prevMatch'],
    ['t', key('t'), 'techIndex'],
    ['?', key('?'), 'help'],
    ['i', key('i'), 'about'],
    ['Esc', named('escape'), 'back'],
    ['q', key('q'), 'quit'],
    ['Ctrl-C', key('c', {ctrl: true}), 'quit'],
    ['Ctrl-Z', key('z', {ctrl: true}), 'suspend'],
  ];
  it.each(cases)('%s', (_name, press, command) => {
    expect(commandFor(press)).toBe(command);
  });
});

describe('keymap: keys that must not match', () => {
  const cases: Array<[string, KeyPress]> = [
    ['0 is no section', key('0')],
    ['c alone is not quit', key('c')],
    ['Ctrl-Q is not q', key('q', {ctrl: true})],
    ['Alt-j is not j', key('j', {meta: true})],
    ['Ctrl-1 is not a jump', key('1', {ctrl: true})],
    ['x is nothing', key('x')],
    ['Q is not q', key('Q')],
    ['I is not i', key('I')],
    ['Ctrl-→ is not →', named('right', {ctrl: true})],
    ['Alt-↓ is not ↓', named('down', {meta: true})],
    ['Delete is no command', named('delete')],
    ['Backspace is no command', named('backspace')],
  ];
  it.each(cases)('%s', (_name, press) => {
    expect(commandFor(press)).toBeUndefined();
  });
  it('Shift-Tab is not next and Tab is not previous', () => {
    expect(commandFor(named('tab', {shift: true}))).not.toBe('nextSection');
    expect(commandFor(named('tab'))).not.toBe('prevSection');
  });
});

describe('keymap: where keys work', () => {
  it('in the search line only Ctrl-C and Ctrl-Z are commands: q and j are typed text', () => {
    expect(commandFor(key('c', {ctrl: true}), {editing: true})).toBe('quit');
    expect(commandFor(key('z', {ctrl: true}), {editing: true})).toBe('suspend');
    for (const input of ['q', 'j', '/', 'n', '?', '1']) expect(commandFor(key(input), {editing: true}), input).toBeUndefined();
    expect(commandFor(named('tab'), {editing: true})).toBeUndefined();
  });
  it('the search line has its editing keys', () => {
    expect(editKeyFor(named('return'))).toBe('submit');
    expect(editKeyFor(named('escape'))).toBe('cancel');
    expect(editKeyFor(named('backspace'))).toBe('backspace');
    // Delete removes the character after the cursor, Backspace the one before.
    expect(editKeyFor(named('delete'))).toBe('delete');
    expect(editKeyFor(named('left'))).toBe('left');
    expect(editKeyFor(named('right'))).toBe('right');
    expect(editKeyFor(named('home'))).toBe('home');
    expect(editKeyFor(named('end'))).toBe('end');
    expect(editKeyFor(key('j'))).toBeUndefined();
    expect(editKeyFor(named('left', {ctrl: true}))).toBeUndefined();
  });
  it('below the minimum size only quitting (and suspending) work', () => {
    expect(commandFor(key('q'), {tooSmall: true})).toBe('quit');
    for (const press of [key('j'), named('tab'), key('/'), key('?'), named('escape'), key('i')]) expect(commandFor(press, {tooSmall: true})).toBeUndefined();
    expect(KEYMAP.filter((b) => b.whenTooSmall).map((b) => b.command).sort()).toEqual(['quit', 'suspend']);
  });
  it('at 30×5 Ctrl-Z means suspend, and suspend is a command that works there', () => {
    const tooSmall = isTooSmall({width: 30, rows: 5});
    expect(tooSmall).toBe(true);
    expect(commandFor(key('z', {ctrl: true}), {tooSmall})).toBe('suspend');
    expect(commandFor(key('z'), {tooSmall})).toBeUndefined();
    expect(worksWhenTooSmall('suspend')).toBe(true);
    expect(worksWhenTooSmall('quit')).toBe(true);
    expect(worksWhenTooSmall('down')).toBe(false);
  });
});

describe('keymap tables', () => {
  it('bind every command once, each with keys and a description', () => {
    const commands = KEYMAP.map((b) => b.command);
    expect(new Set(commands).size).toBe(commands.length);
    for (const binding of KEYMAP) {
      expect(binding.keys.length).toBeGreaterThan(0);
      expect(describeCommand(binding.command)).not.toBe('');
    }
    const edits = EDIT_KEYMAP.map((b) => b.edit);
    expect(new Set(edits).size).toBe(edits.length);
  });

  it('no key is bound to two commands', () => {
    const seen = new Map<string, Command>();
    for (const binding of KEYMAP) {
      for (const k of binding.keys) {
        const id = JSON.stringify({...k, label: undefined, whileEditing: undefined});
        expect(seen.get(id), `${k.label} bound twice`).toBeUndefined();
        seen.set(id, binding.command);
      }
    }
  });

  it('labels and hints come from the table', () => {
    expect(keyLabels('nextSection')).toBe('Tab/→/l');
    expect(keyLabels('quit')).toBe('q/Ctrl-C');
    expect(hintWords('nextSection')).toEqual({key: 'Tab', words: 'section'});
    expect(hintWords(['back', 'list'])).toEqual({key: 'Esc', words: 'list'});
    expect(hintWords('back')).toEqual({key: 'Esc', words: 'close'});
  });

  it('hints per mode: fold only on a foldable panel; each mode its own set', () => {
    const commands = (hints: ReturnType<typeof hintsFor>) => hints.map((h) => (Array.isArray(h) ? h[0] : h));
    expect(commands(hintsFor('section', {foldable: true}))).toContain('toggle');
    expect(commands(hintsFor('section', {foldable: false}))).not.toContain('toggle');
    expect(commands(hintsFor('help'))).toEqual(['back', 'down', 'quit']);
    expect(commands(hintsFor('searchResults'))).toEqual(['nextMatch', 'prevMatch', 'back', 'quit']);
    expect(hintsFor('about')).toEqual([['back', 'fold'], ['down', 'scroll'], 'search', 'quit']);
    expect(commands(hintsFor('section', {foldable: false}))).toEqual(['nextSection', 'down', 'search', 'techIndex', 'about', 'help', 'quit']);
    expect(hintsFor('techList')).toContainEqual(['toggle', 'projects']);
    expect(hintsFor('techProjects')).toContainEqual(['back', 'list']);
  });

  it('hints say what the state is: unfold on a folded panel, no i when the header has no more, no n/N after no match', () => {
    const commands = (hints: ReturnType<typeof hintsFor>) => hints.map((h) => (Array.isArray(h) ? h[0] : h));
    expect(hintsFor('section', {foldable: true, folded: true})).toContainEqual(['toggle', 'unfold']);
    expect(hintsFor('section', {foldable: true, folded: false})).toContain('toggle');
    expect(hintWords(['toggle', 'unfold'])).toEqual({key: 'Enter', words: 'unfold'});
    expect(commands(hintsFor('section', {aboutMore: false}))).not.toContain('about');
    expect(commands(hintsFor('section', {aboutMore: true}))).toContain('about');
    expect(commands(hintsFor('searchResults', {matches: 0}))).toEqual(['back', 'quit']);
    expect(commands(hintsFor('searchResults', {matches: 3}))).toEqual(['nextMatch', 'prevMatch', 'back', 'quit']);
  });
});
