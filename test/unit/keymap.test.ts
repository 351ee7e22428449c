import {describe, expect, it} from 'vitest';
import {commandFor, KEYMAP, keyLabels, statusHints, type Command, type KeyPress} from '../../src/ui/keymap';

const key = (input: string, flags: Partial<KeyPress> = {}): KeyPress => ({input, ...flags});

describe('keymap: keys that must match each command', () => {
  const cases: Array<[string, KeyPress, Command]> = [
    ['Tab', key('', {tab: true}), 'nextSection'],
    ['→', key('', {rightArrow: true}), 'nextSection'],
    ['l', key('l'), 'nextSection'],
    ['Shift-Tab', key('', {tab: true, shift: true}), 'prevSection'],
    ['←', key('', {leftArrow: true}), 'prevSection'],
    ['h', key('h'), 'prevSection'],
    ['1', key('1'), 'jumpSection'],
    ['9', key('9'), 'jumpSection'],
    ['↓', key('', {downArrow: true}), 'down'],
    ['j', key('j'), 'down'],
    ['↑', key('', {upArrow: true}), 'up'],
    ['k', key('k'), 'up'],
    ['Space', key(' '), 'pageDown'],
    ['PgDn', key('', {pageDown: true}), 'pageDown'],
    ['f', key('f'), 'pageDown'],
    ['b', key('b'), 'pageUp'],
    ['PgUp', key('', {pageUp: true}), 'pageUp'],
    ['d', key('d'), 'halfDown'],
    ['u', key('u'), 'halfUp'],
    ['g', key('g'), 'top'],
    ['Home', key('', {home: true}), 'top'],
    ['G (Ink reports shift)', key('G', {shift: true}), 'bottom'],
    ['End', key('', {end: true}), 'bottom'],
    ['Enter', key('', {return: true}), 'toggle'],
    ['z', key('z'), 'toggleAll'],
    ['?', key('?'), 'help'],
    ['Esc (Ink sets meta too)', key('', {escape: true, meta: true}), 'back'],
    ['q', key('q'), 'quit'],
    ['Ctrl-C', key('c', {ctrl: true}), 'quit'],
  ];
  it.each(cases)('%s', (_name, press, command) => {
    expect(commandFor(press)).toBe(command);
  });
});

describe('keymap: keys that must not match', () => {
  const cases: Array<[string, KeyPress, Command | undefined]> = [
    ['0 is no section', key('0'), undefined],
    ['c alone is not quit', key('c'), undefined],
    ['Ctrl-Q is not q', key('q', {ctrl: true}), undefined],
    ['Alt-j is not j', key('j', {meta: true}), undefined],
    ['Ctrl-1 is not a jump', key('1', {ctrl: true}), undefined],
    ['x is nothing', key('x'), undefined],
    ['Q is not q', key('Q', {shift: true}), undefined],
    ['Shift-Tab is not next', key('', {tab: true, shift: true}), 'prevSection'],
    ['Tab is not previous', key('', {tab: true}), 'nextSection'],
  ];
  it.each(cases)('%s', (_name, press, expected) => {
    expect(commandFor(press)).toBe(expected);
  });
});

describe('keymap table', () => {
  it('binds every command once, each with keys and a description', () => {
    const commands = KEYMAP.map((b) => b.command);
    expect(new Set(commands).size).toBe(commands.length);
    for (const binding of KEYMAP) {
      expect(binding.keys.length).toBeGreaterThan(0);
      expect(binding.description).not.toBe('');
    }
  });

  it('no key is bound to two commands', () => {
    const seen = new Map<string, Command>();
    for (const binding of KEYMAP) {
      for (const k of binding.keys) {
        const id = JSON.stringify({...k, label: undefined});
        expect(seen.get(id), `${k.label} bound twice`).toBeUndefined();
        seen.set(id, binding.command);
      }
    }
  });

  it('labels and hints come from the table', () => {
    expect(keyLabels('nextSection')).toBe('Tab/→/l');
    expect(keyLabels('quit')).toBe('q/Ctrl-C');
    expect(statusHints().map((h) => h.hint)).toEqual(KEYMAP.filter((b) => b.hint).map((b) => b.hint));
  });
});
