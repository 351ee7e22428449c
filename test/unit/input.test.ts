import {describe, expect, it} from 'vitest';
import {createInputSplitter, flushPending, splitInput, type InputEvent} from '../../src/terminal/input';

const key = (input: string, flags: Record<string, unknown> = {}): InputEvent => ({type: 'key', key: {input, ...flags}});
const named = (name: string, flags: Record<string, unknown> = {}): InputEvent => ({type: 'key', key: {name, input: '', ...flags}} as InputEvent);
const text = (t: string): InputEvent => ({type: 'text', text: t});

describe('the input splitter: one chunk, many events', () => {
  const cases: Array<[string, string, InputEvent[]]> = [
    ['typed text stays one run', 'kafka', [text('kafka')]],
    ['Hangul and emoji are text', '대시보드👍', [text('대시보드👍')]],
    ['Backspace between letters splits the run', 'kafkx\x7fa', [text('kafkx'), named('backspace'), text('a')]],
    ['two Backspaces are two keys', '\x7f\x7f', [named('backspace'), named('backspace')]],
    ['Ctrl-H is Backspace too', '\b', [named('backspace')]],
    ['Enter ends a run', '/Kafka\r', [text('/Kafka'), named('return')]],
    ['CR LF is one Enter', 'a\r\nb', [text('a'), named('return'), text('b')]],
    ['LF is Enter', '\n', [named('return')]],
    ['Tab between letters is a key', 'j\tk', [text('j'), named('tab'), text('k')]],
    ['Ctrl-C', '\x03', [key('c', {ctrl: true})]],
    ['arrows, also in application mode', '\x1b[A\x1b[B\x1bOC\x1bOD', [named('up'), named('down'), named('right'), named('left')]],
    ['Home and End, three ways', '\x1b[H\x1b[1~\x1bOH\x1b[F\x1b[4~\x1b[8~', [named('home'), named('home'), named('home'), named('end'), named('end'), named('end')]],
    ['pages and Delete', '\x1b[5~\x1b[6~\x1b[3~', [named('pageUp'), named('pageDown'), named('delete')]],
    ['Shift-Tab', '\x1b[Z\x1b[Z', [named('tab', {shift: true}), named('tab', {shift: true})]],
    ['modifiers on arrows', '\x1b[1;2A\x1b[1;5C\x1b[1;3B', [named('up', {shift: true}), named('right', {ctrl: true}), named('down', {meta: true})]],
    ['Esc then a letter is Esc, then the letter (no Alt bindings)', '\x1bq', [named('escape'), text('q')]],
    ['Esc Esc then an arrow', '\x1b\x1b[A', [named('escape'), named('up')]],
    ['an unknown CSI is dropped whole, not typed', 'a\x1b[99Xb\x1b[15~c', [text('a'), text('b'), text('c')]],
    ['a bracketed paste is one event, its markers gone', 'x\x1b[200~Kafka\nq\x1b[201~y', [text('x'), {type: 'paste', text: 'Kafka\nq'}, text('y')]],
    ['C1 controls are dropped', 'a\u009bb', [text('a'), text('b')]],
  ];
  it.each(cases)('%s', (_name, chunk, events) => {
    expect(splitInput(chunk)).toEqual({events, pending: ''});
  });
});

describe('mouse reports', () => {
  it('SGR: wheel, press and release; coordinates become 0-based; motion is dropped', () => {
    const {events} = splitInput('\x1b[<64;10;5M\x1b[<65;1;1M\x1b[<0;30;3M\x1b[<0;30;3m\x1b[<2;4;4M\x1b[<35;5;5M\x1b[<4;2;2M');
    expect(events).toEqual([
      {type: 'mouse', mouse: {kind: 'wheelUp', button: 0, x: 9, y: 4}},
      {type: 'mouse', mouse: {kind: 'wheelDown', button: 0, x: 0, y: 0}},
      {type: 'mouse', mouse: {kind: 'press', button: 0, x: 29, y: 2}},
      {type: 'mouse', mouse: {kind: 'release', button: 0, x: 29, y: 2}},
      {type: 'mouse', mouse: {kind: 'press', button: 2, x: 3, y: 3}},
      {type: 'mouse', mouse: {kind: 'press', button: 0, x: 1, y: 1}},
    ]);
  });
  it('keys around a report stay keys', () => {
    expect(splitInput('j\x1b[<65;3;4Mk').events).toEqual([text('j'), {type: 'mouse', mouse: {kind: 'wheelDown', button: 0, x: 2, y: 3}}, text('k')]);
  });
  it('a legacy report (ESC [ M and three bytes) is read, never typed', () => {
    const legacy = `\x1b[M${String.fromCharCode(32 + 0, 32 + 10, 32 + 5)}`;
    expect(splitInput(`a${legacy}b`).events).toEqual([text('a'), {type: 'mouse', mouse: {kind: 'press', button: 0, x: 9, y: 4}}, text('b')]);
    const release = `\x1b[M${String.fromCharCode(32 + 3, 33, 33)}`;
    expect(splitInput(release).events).toEqual([]);
  });
});

describe('chunk boundaries', () => {
  it('a sequence cut off at the end of a chunk waits for the next', () => {
    expect(splitInput('q\x1b[<64;1')).toEqual({events: [text('q')], pending: '\x1b[<64;1'});
    expect(splitInput('\x1b[')).toEqual({events: [], pending: '\x1b['});
    expect(splitInput('\x1bO')).toEqual({events: [], pending: '\x1bO'});
    expect(splitInput('\x1b[200~half')).toEqual({events: [], pending: '\x1b[200~half'});
  });
  it('a lone Esc waits, and is Esc when nothing follows', () => {
    expect(splitInput('\x1b')).toEqual({events: [], pending: '\x1b'});
    expect(flushPending('\x1b')).toEqual([named('escape')]);
    expect(flushPending('\x1b[')).toEqual([named('escape'), text('[')]);
    expect(flushPending('\x1b[200~unfinished')).toEqual([{type: 'paste', text: 'unfinished'}]);
  });
  it('the stateful splitter joins what a read split', () => {
    const splitter = createInputSplitter();
    expect(splitter.push('j\x1b[<65;3')).toEqual([text('j')]);
    expect(splitter.hasPending).toBe(true);
    expect(splitter.push(';4Mk')).toEqual([{type: 'mouse', mouse: {kind: 'wheelDown', button: 0, x: 2, y: 3}}, text('k')]);
    expect(splitter.hasPending).toBe(false);
    expect(splitter.push('\x1b')).toEqual([]);
    expect(splitter.flush()).toEqual([named('escape')]);
    expect(splitter.hasPending).toBe(false);
    expect(splitter.push('\x1b[200~Kaf')).toEqual([]);
    expect(splitter.push('ka\x1b[201~')).toEqual([{type: 'paste', text: 'Kafka'}]);
  });
  it('a paste flushed before its end marker stays a paste to the marker: its tail is never typed keys', () => {
    const splitter = createInputSplitter();
    expect(splitter.push('\x1b[200~Kaf')).toEqual([]);
    // No more input at once: what came is given as pasted, and the splitter stays inside the paste.
    expect(splitter.flush()).toEqual([{type: 'paste', text: 'Kaf'}]);
    expect(splitter.push('ka q')).toEqual([]);
    expect(splitter.flush()).toEqual([{type: 'paste', text: 'ka q'}]);
    // The end marker cut between two reads is still found.
    expect(splitter.push('Go\x1b[20')).toEqual([]);
    expect(splitter.push('1~q')).toEqual([{type: 'paste', text: 'Go'}, text('q')]);
    // … and so is one cut by a flush: the start of a marker is held back, not pasted.
    expect(splitter.push('\x1b[200~ab')).toEqual([]);
    expect(splitter.flush()).toEqual([{type: 'paste', text: 'ab'}]);
    expect(splitter.push('cd\x1b[2')).toEqual([]);
    expect(splitter.flush()).toEqual([{type: 'paste', text: 'cd'}]);
    expect(splitter.push('01~k')).toEqual([text('k')]);
    expect(splitter.hasPending).toBe(false);
    expect(splitter.push('j')).toEqual([text('j')]);
  });
});

describe('terminal replies: events of their own, never keys or text', () => {
  it('OSC 11 and OSC 10 answers (BEL or ST), in 4, 2 or 1 hex digits a channel', () => {
    expect(splitInput('\x1b]11;rgb:ffff/ffff/ffff\x1b\\').events).toEqual([{type: 'reply', reply: {kind: 'background', rgb: [1, 1, 1]}}]);
    expect(splitInput('\x1b]11;rgb:00/00/00\x07').events).toEqual([{type: 'reply', reply: {kind: 'background', rgb: [0, 0, 0]}}]);
    const [fg] = splitInput('\x1b]10;rgb:f/0/8\x07').events;
    expect(fg).toMatchObject({type: 'reply', reply: {kind: 'foreground'}});
    expect((fg as {reply: {rgb: number[]}}).reply.rgb[2]).toBeCloseTo(8 / 15);
  });
  it('DA1 and cursor position reports', () => {
    expect(splitInput('\x1b[?62;22c').events).toEqual([{type: 'reply', reply: {kind: 'deviceAttributes', params: '62;22'}}]);
    expect(splitInput('\x1b[12;34R').events).toEqual([{type: 'reply', reply: {kind: 'cursor', row: 12, col: 34}}]);
  });
  it('cursor reports counted from 0 (dvtm: `ESC[0;2R` where xterm says `ESC[1;3R`) are replies too, never keys', () => {
    expect(splitInput('\x1b[0;2R\x1b[0;0R').events).toEqual([
      {type: 'reply', reply: {kind: 'cursor', row: 0, col: 2}},
      {type: 'reply', reply: {kind: 'cursor', row: 0, col: 0}},
    ]);
  });
  it('replies mixed with keys keep the keys in order; other OSC strings are swallowed', () => {
    expect(splitInput('j\x1b]11;rgb:0/0/0\x07k\x1b]52;c;aGk=\x07l').events).toEqual([
      text('j'),
      {type: 'reply', reply: {kind: 'background', rgb: [0, 0, 0]}},
      text('k'),
      {type: 'reply', reply: {kind: 'osc', data: '52;c;aGk='}},
      text('l'),
    ]);
  });
  it('a reply split across reads waits; one cut short is dropped, not typed', () => {
    const splitter = createInputSplitter();
    expect(splitter.push('\x1b]11;rgb:ff')).toEqual([]);
    expect(splitter.push('ff/ffff/ffff\x07q')).toEqual([{type: 'reply', reply: {kind: 'background', rgb: [1, 1, 1]}}, text('q')]);
    expect(flushPending('\x1b]11;rgb:ff')).toEqual([]);
  });
});
