/**
 * The input splitter: one chunk of terminal input (what one read returned) into events — named
 * keys with their modifiers, runs of typed text, pastes and mouse reports. Pure: the bytes a
 * chunk ends in that may be the start of a sequence are handed back as `pending`, to be put in
 * front of the next chunk (or flushed as what they are when no more input follows).
 *
 * Modelled on Ink's parse-keypress.ts and input-parser.ts
 * (https://github.com/vadimdemedes/ink/blob/master/src/input-parser.ts) and xterm's control
 * sequences (https://invisible-island.net/xterm/ctlseqs/ctlseqs.html). Terminal replies (OSC 10/11
 * colours, DA1, cursor position reports) are events of their own, never keys. It differs where the app
 * needs it to: several keys in one read are several events (typing fast, auto-repeat and SSH
 * deliver them together), and `ESC` followed by a printable key is Esc then that key, since
 * the app has no Alt bindings.
 */

export type KeyName =
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'pageUp'
  | 'pageDown'
  | 'home'
  | 'end'
  | 'return'
  | 'escape'
  | 'tab'
  | 'backspace'
  | 'delete';

/** A key press: a named key, or a character typed with Ctrl (`ctrl: true, input: 'c'`). */
export interface KeyPress {
  name?: KeyName;
  /** The character of a character key (`c` for Ctrl-C, `G`, `1`); empty for a named key. */
  input: string;
  ctrl?: boolean;
  shift?: boolean;
  meta?: boolean;
}

export interface MouseReport {
  kind: 'press' | 'release' | 'wheelUp' | 'wheelDown';
  /** 0 left, 1 middle, 2 right. */
  button: number;
  /** 0-based cell. */
  x: number;
  y: number;
}

/** A terminal's answer to a query the app sent (never a key: it must not reach a key handler). */
export type TerminalReply =
  /** OSC 11 (or 10): the background (foreground) colour, 0–1 per channel. */
  | {kind: 'background' | 'foreground'; rgb: [number, number, number]}
  /** DA1 (`CSI ? … c`): every terminal answers it, so it marks the end of the answers before it. */
  | {kind: 'deviceAttributes'; params: string}
  /** CPR (`CSI row ; col R`) after `CSI 6n`: 1-based. */
  | {kind: 'cursor'; row: number; col: number}
  /** Any other OSC string: consumed, never typed. */
  | {kind: 'osc'; data: string};

export type InputEvent =
  | {type: 'key'; key: KeyPress}
  | {type: 'reply'; reply: TerminalReply}
  /** Printable characters typed one after another (no control character among them). */
  | {type: 'text'; text: string}
  /** What a bracketed paste carried, markers removed. */
  | {type: 'paste'; text: string}
  | {type: 'mouse'; mouse: MouseReport};

const ESC = '\x1b';
const PASTE_START = '\x1b[200~';
const PASTE_END = '\x1b[201~';

/** CSI / SS3 final bytes and `~` codes that name keys (xterm, VT220, rxvt and the Linux console). */
const FINAL: Record<string, KeyName> = {A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end'};
const TILDE: Record<string, KeyName> = {'1': 'home', '7': 'home', '4': 'end', '8': 'end', '3': 'delete', '5': 'pageUp', '6': 'pageDown'};

/** xterm's modifier parameter: 1 + (shift 1 | alt 2 | ctrl 4). */
function modifiers(param: string | undefined): Pick<KeyPress, 'shift' | 'meta' | 'ctrl'> {
  const n = Number(param ?? 1) - 1;
  if (!(n > 0)) return {};
  return {...(n & 1 ? {shift: true} : {}), ...(n & 2 ? {meta: true} : {}), ...(n & 4 ? {ctrl: true} : {})};
}

/** A single control byte as a key: Enter, Tab, Backspace, Esc, or Ctrl with a letter. */
function controlKey(ch: string): KeyPress | undefined {
  switch (ch) {
    case '\r':
    case '\n':
      return {name: 'return', input: ''};
    case '\t':
      return {name: 'tab', input: ''};
    case '\x7f':
    case '\b':
      return {name: 'backspace', input: ''};
    case ESC:
      return {name: 'escape', input: ''};
  }
  const code = ch.charCodeAt(0);
  if (code >= 1 && code <= 26) return {input: String.fromCharCode(code + 96), ctrl: true};
  return undefined;
}

const isControl = (code: number) => code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0);

/** One CSI sequence starting at `i` (after `ESC [`): its end, or -1 when the chunk ends inside it. */
function csiEnd(input: string, from: number): number {
  for (let j = from; j < input.length; j++) {
    const c = input.charCodeAt(j);
    if (c >= 0x30 && c <= 0x3f) continue; // parameters
    if (c >= 0x20 && c <= 0x2f) continue; // intermediates
    if (c >= 0x40 && c <= 0x7e) return j + 1; // final byte
    return j; // malformed: ends before this byte
  }
  return -1;
}

/** `rgb:RRRR/GGGG/BBBB` (1–4 hex digits a channel, as xterm answers OSC 10/11) → 0–1 per channel. */
export function parseRgb(spec: string): [number, number, number] | undefined {
  const m = /^rgba?:([0-9a-f]{1,4})\/([0-9a-f]{1,4})\/([0-9a-f]{1,4})(?:\/[0-9a-f]{1,4})?$/i.exec(spec.trim());
  if (!m) return undefined;
  return [m[1]!, m[2]!, m[3]!].map((h) => parseInt(h, 16) / (16 ** h.length - 1)) as [number, number, number];
}

/** What an OSC string means (`ESC ] Ps ; Pt`, terminator removed). */
function oscEvent(data: string): InputEvent {
  const m = /^(10|11);(.*)$/s.exec(data);
  const rgb = m ? parseRgb(m[2]!) : undefined;
  if (m && rgb) return {type: 'reply', reply: {kind: m[1] === '11' ? 'background' : 'foreground', rgb}};
  return {type: 'reply', reply: {kind: 'osc', data}};
}

/** What a complete CSI sequence means, or undefined when it means nothing to the app. */
function csiEvent(sequence: string): InputEvent | undefined {
  const body = sequence.slice(2);
  const da1 = /^\?([\d;]*)c$/.exec(body);
  if (da1) return {type: 'reply', reply: {kind: 'deviceAttributes', params: da1[1]!}};
  // A cursor position report. (xterm's F3 with modifiers has the same shape, CSI 1;Pm R: the app binds no F3.)
  const cpr = /^(\d+);(\d+)R$/.exec(body);
  if (cpr) return {type: 'reply', reply: {kind: 'cursor', row: Number(cpr[1]), col: Number(cpr[2])}};
  const sgrMouse = /^<(\d+);(\d+);(\d+)([Mm])$/.exec(body);
  if (sgrMouse) return mouseEvent(Number(sgrMouse[1]), Number(sgrMouse[2]), Number(sgrMouse[3]), sgrMouse[4] === 'm');
  if (body === 'Z') return {type: 'key', key: {name: 'tab', input: '', shift: true}};
  const final = body.at(-1)!;
  const params = body.slice(0, -1).split(';');
  if (final === '~') {
    const name = TILDE[params[0] ?? ''];
    return name ? {type: 'key', key: {name, input: '', ...modifiers(params[1])}} : undefined;
  }
  const name = FINAL[final];
  if (name && /^(1?(;\d+)?)?$/.test(body.slice(0, -1))) return {type: 'key', key: {name, input: '', ...modifiers(params[1])}};
  return undefined;
}

/** A mouse report (SGR `ESC[<b;x;yM` or legacy `ESC[M` + three bytes), 1-based cells in. */
function mouseEvent(code: number, x: number, y: number, release: boolean): InputEvent | undefined {
  const base = code & ~(4 | 8 | 16 | 32);
  const at = {x: x - 1, y: y - 1};
  if (base === 64) return {type: 'mouse', mouse: {kind: 'wheelUp', button: 0, ...at}};
  if (base === 65) return {type: 'mouse', mouse: {kind: 'wheelDown', button: 0, ...at}};
  if (code & 32) return undefined; // motion
  return {type: 'mouse', mouse: {kind: release ? 'release' : 'press', button: base & 3, ...at}};
}

/**
 * Splits `input` (the pending tail of the last chunk, then this chunk) into events. `pending` is
 * what may still grow into a sequence: an unfinished escape sequence or paste. A lone `ESC` is
 * pending too: the caller flushes it (`flushPending`) when no more input follows at once.
 */
export function splitInput(input: string): {events: InputEvent[]; pending: string} {
  const events: InputEvent[] = [];
  let text = '';
  const flushText = () => {
    if (text) events.push({type: 'text', text});
    text = '';
  };
  const push = (event: InputEvent | undefined) => {
    flushText();
    if (event) events.push(event);
  };
  let i = 0;
  while (i < input.length) {
    const ch = input[i]!;
    const code = ch.charCodeAt(0);
    if (ch === ESC) {
      if (input.startsWith(PASTE_START, i)) {
        const end = input.indexOf(PASTE_END, i + PASTE_START.length);
        if (end === -1) return {events: (flushText(), events), pending: input.slice(i)};
        push({type: 'paste', text: input.slice(i + PASTE_START.length, end)});
        i = end + PASTE_END.length;
        continue;
      }
      const next = input[i + 1];
      if (next === undefined) return {events: (flushText(), events), pending: input.slice(i)};
      if (next === '[') {
        // Legacy mouse report: ESC [ M and three bytes (button, x, y, each + 32).
        if (input[i + 2] === 'M') {
          if (i + 6 > input.length) return {events: (flushText(), events), pending: input.slice(i)};
          const [b, x, y] = [3, 4, 5].map((k) => input.charCodeAt(i + k) - 32) as [number, number, number];
          push(b === 3 ? undefined : mouseEvent(b, x, y, false));
          i += 6;
          continue;
        }
        const end = csiEnd(input, i + 2);
        if (end === -1) return {events: (flushText(), events), pending: input.slice(i)};
        push(csiEvent(input.slice(i, end)));
        i = end;
        continue;
      }
      if (next === ']') {
        // OSC: a terminal's answer (background colour …), up to BEL or ST (ESC \).
        const bel = input.indexOf('\x07', i + 2);
        const st = input.indexOf('\x1b\\', i + 2);
        const end = bel === -1 ? st : st === -1 ? bel : Math.min(bel, st);
        if (end === -1) return {events: (flushText(), events), pending: input.slice(i)};
        push(oscEvent(input.slice(i + 2, end)));
        i = end + (end === bel ? 1 : 2);
        continue;
      }
      if (next === 'O') {
        // SS3: ESC O and one final byte (application cursor keys).
        if (i + 2 >= input.length) return {events: (flushText(), events), pending: input.slice(i)};
        const name = FINAL[input[i + 2]!];
        push(name ? {type: 'key', key: {name, input: ''}} : undefined);
        i += 3;
        continue;
      }
      // ESC then anything else: Esc, and the next byte is a key of its own.
      push({type: 'key', key: {name: 'escape', input: ''}});
      i += 1;
      continue;
    }
    if (ch === '\r' && input[i + 1] === '\n') {
      push({type: 'key', key: {name: 'return', input: ''}});
      i += 2;
      continue;
    }
    if (isControl(code)) {
      push(code < 0x80 ? (controlKey(ch) ? {type: 'key', key: controlKey(ch)!} : undefined) : undefined);
      i += 1;
      continue;
    }
    text += ch;
    i += 1;
  }
  flushText();
  return {events, pending: ''};
}

/** What a pending tail means when no more input follows: a lone Esc is the Esc key. */
export function flushPending(pending: string): InputEvent[] {
  if (pending === ESC) return [{type: 'key', key: {name: 'escape', input: ''}}];
  if (pending.startsWith(PASTE_START)) return [{type: 'paste', text: pending.slice(PASTE_START.length)}];
  // A terminal's answer cut short is still no key.
  if (pending.startsWith('\x1b]')) return [];
  // An escape sequence cut short: Esc, then whatever followed it, as typed.
  if (pending.startsWith(ESC)) return [{type: 'key', key: {name: 'escape', input: ''}}, ...splitInput(pending.slice(1)).events];
  return splitInput(pending).events;
}

/** A stateful splitter for one input stream: chunks in, events out. */
export function createInputSplitter() {
  let pending = '';
  // A paste flushed before its end marker came: what follows, up to the marker, is still pasted
  // (a long paste arrives in several reads, and its tail must never be taken for typed keys).
  let inPaste = false;
  return {
    push(chunk: string): InputEvent[] {
      let input = pending + chunk;
      const events: InputEvent[] = [];
      if (inPaste) {
        const end = input.indexOf(PASTE_END);
        // Held back whole until the marker (or a flush), so a marker cut between reads is found.
        if (end === -1) {
          pending = input;
          return events;
        }
        inPaste = false;
        if (end > 0) events.push({type: 'paste', text: input.slice(0, end)});
        input = input.slice(end + PASTE_END.length);
      }
      const result = splitInput(input);
      pending = result.pending;
      return events.concat(result.events);
    },
    /** Whether a tail is held back (flush it when no more input follows at once). */
    get hasPending(): boolean {
      return pending !== '';
    },
    flush(): InputEvent[] {
      if (inPaste) {
        // All but a tail that may be the start of the end marker, kept for the next read.
        let keep = Math.min(pending.length, PASTE_END.length - 1);
        while (keep > 0 && !PASTE_END.startsWith(pending.slice(-keep))) keep--;
        const text = pending.slice(0, pending.length - keep);
        pending = pending.slice(pending.length - keep);
        return text ? [{type: 'paste', text}] : [];
      }
      if (pending.startsWith(PASTE_START)) inPaste = true;
      const events = flushPending(pending);
      pending = '';
      return events;
    },
  };
}
