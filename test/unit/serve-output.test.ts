/**
 * An SSH app session's output to a client that reads slowly or not at all: superseded frames are
 * dropped (never other writes), one write at a time goes to ssh2, the socket's backpressure is
 * respected, and a session whose client takes nothing for STALL_MS is ended.
 */
import {EventEmitter} from 'node:events';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {HeldOutput, REDRAW, writeKind} from '../../src/serve/held-output';
import {MAX_HELD_BYTES, SOCKET_HIGH_WATER, STALL_MS} from '../../src/serve/options';
import {channelSession} from '../../src/serve/ssh-session';
import {BEGIN_SYNC, END_SYNC} from '../../src/terminal/frame-writes';
import {ENTER_SCREEN, LEAVE_SCREEN} from '../../src/terminal/modes';
import type {ServerChannel} from 'ssh2';

const frame = (text: string) => `${BEGIN_SYNC}\x1b[2K\x1b[1A\x1b[2K\x1b[G${text}\n${END_SYNC}`;
const ERASE = '\x1b[2K\x1b[1A\x1b[2K\x1b[G';

describe('held output: what one write is', () => {
  it('a whole synchronized frame, an erase of cursor moves only, or anything else', () => {
    expect(writeKind(frame('a'))).toBe('frame');
    expect(writeKind(ERASE)).toBe('erase');
    expect(writeKind('')).toBe('erase');
    expect(writeKind(ENTER_SCREEN)).toBe('other');
    expect(writeKind(LEAVE_SCREEN)).toBe('other');
    expect(writeKind('\x1b[?25l')).toBe('other');
    expect(writeKind(BEGIN_SYNC + 'half a frame')).toBe('other');
    expect(writeKind('\x1b]11;?\x1b\\\x1b[c')).toBe('other');
  });
});

describe('held output: only the newest frame is kept', () => {
  const drain = (held: HeldOutput) => {
    const out: string[] = [];
    for (let text = held.shift(); text !== undefined; text = held.shift()) out.push(text);
    return out;
  };

  it('a new frame replaces the frames and erases held after the last other write, and redraws from the top', () => {
    const held = new HeldOutput();
    held.push(ENTER_SCREEN);
    held.push(frame('one'));
    held.push(ERASE);
    held.push(frame('two'));
    held.push(frame('three'));
    expect(held.dropped).toBe(2);
    expect(drain(held)).toEqual([ENTER_SCREEN, BEGIN_SYNC + REDRAW + frame('three').slice(BEGIN_SYNC.length)]);
    expect(held.bytes).toBe(0);
  });

  it('never drops or reorders other writes: a frame before a mode switch or the restore stays', () => {
    const held = new HeldOutput();
    held.push(frame('one'));
    held.push(LEAVE_SCREEN);
    held.push('\x1b[?25h');
    expect(drain(held)).toEqual([frame('one'), LEAVE_SCREEN, '\x1b[?25h']);
    held.push(frame('one'));
    held.push(ENTER_SCREEN);
    held.push(frame('two'));
    expect(drain(held)).toEqual([frame('one'), ENTER_SCREEN, frame('two')]);
    expect(held.dropped).toBe(0);
  });

  it('counts the UTF-8 bytes it holds', () => {
    const held = new HeldOutput();
    held.push('한');
    held.push(frame('x'));
    expect(held.bytes).toBe(3 + Buffer.byteLength(frame('x')));
    held.push(frame('지우'));
    expect(held.bytes).toBe(3 + Buffer.byteLength(BEGIN_SYNC + REDRAW + frame('지우').slice(BEGIN_SYNC.length)));
  });
});

/** An ssh2 server channel as the session sees it: writes wait for `accept()`, as when the window is spent. */
class FakeChannel extends EventEmitter {
  destroyed = false;
  writableEnded = false;
  sent: string[] = [];
  waiting: (() => void)[] = [];
  socket = Object.assign(new EventEmitter(), {writableLength: 0});
  _client = {_sock: this.socket};
  write(data: Buffer, done: () => void) {
    this.sent.push(data.toString('utf8'));
    this.waiting.push(done);
    return false;
  }
  /** The client's window opened: every write waiting is sent, its callback runs. */
  accept() {
    const waiting = this.waiting;
    this.waiting = [];
    for (const done of waiting) done();
  }
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

function open() {
  const channel = new FakeChannel();
  const session = channelSession(channel as unknown as ServerChannel, {columns: 80, rows: 24});
  return {channel, session};
}

describe('an app session over a channel whose client does not read', () => {
  afterEach(() => vi.useRealTimers());

  it('hands ssh2 one write at a time and, while it waits, keeps only the newest frame', async () => {
    const {channel, session} = open();
    session.output.write(ENTER_SCREEN);
    for (let i = 0; i < 100; i++) session.output.write(frame(`frame ${i}`));
    expect(channel.sent).toEqual([ENTER_SCREEN]);
    // One frame held, whatever was drawn meanwhile.
    expect(session.held.bytes).toBeLessThan(2 * Buffer.byteLength(frame('frame 99')));
    expect(session.held.dropped).toBe(99);
    channel.accept();
    await tick();
    expect(channel.sent.slice(1)).toEqual([(BEGIN_SYNC + REDRAW + frame('frame 99').slice(BEGIN_SYNC.length)).replaceAll('\n', '\r\n')]);
    channel.accept();
    await tick();
    expect(session.held.bytes).toBe(0);
  });

  it('the restore on exit is sent after the newest frame, and ending the output waits for both to be handed over', async () => {
    const {channel, session} = open();
    session.output.write(frame('one'));
    session.output.write(frame('two'));
    session.output.write(frame('three'));
    session.output.write(LEAVE_SCREEN);
    let ended = false;
    session.output.end(() => (ended = true));
    await tick();
    expect(ended).toBe(false);
    for (let i = 0; i < 3; i++) {
      channel.accept();
      await tick();
    }
    expect(channel.sent).toEqual([frame('one'), BEGIN_SYNC + REDRAW + frame('three').slice(BEGIN_SYNC.length), LEAVE_SCREEN].map((s) => s.replaceAll('\n', '\r\n')));
    expect(ended).toBe(true);
  });

  it("waits while the connection's socket holds more than its high-water mark, and goes on at its drain", async () => {
    const {channel, session} = open();
    channel.socket.writableLength = SOCKET_HIGH_WATER + 1;
    session.output.write(frame('one'));
    session.output.write(frame('two'));
    expect(channel.sent).toEqual([]);
    channel.socket.writableLength = 0;
    channel.socket.emit('drain');
    expect(channel.sent).toHaveLength(1);
    expect(channel.sent[0]).toContain('two');
    expect(channel.socket.listenerCount('drain')).toBe(0);
  });

  it(`ends a session whose client takes nothing for ${STALL_MS / 1000} s, and says why`, async () => {
    vi.useFakeTimers();
    const {channel, session} = open();
    let inputEnded = false;
    session.input.on('end', () => (inputEnded = true)).resume();
    session.output.write(frame('one'));
    session.output.write(frame('two'));
    vi.advanceTimersByTime(STALL_MS - 1000);
    // Progress restarts the clock.
    channel.accept();
    await vi.advanceTimersByTimeAsync(0);
    vi.advanceTimersByTime(STALL_MS - 1000);
    expect(session.stalled).toBeUndefined();
    vi.advanceTimersByTime(1000);
    expect(session.stalled).toBe(`not reading for ${STALL_MS / 1000}s`);
    await vi.advanceTimersByTimeAsync(0);
    expect(inputEnded).toBe(true);
    // Nothing more is held or sent, and ending the output does not wait for the client.
    session.output.write(LEAVE_SCREEN);
    expect(session.held.bytes).toBe(0);
    await new Promise<void>((resolve) => session.output.end(resolve));
  });

  it('a client that reads keeps its session: no stall while nothing waits', () => {
    vi.useFakeTimers();
    const {channel, session} = open();
    session.output.write(frame('one'));
    channel.accept();
    vi.advanceTimersByTime(10 * STALL_MS);
    expect(session.stalled).toBeUndefined();
  });

  it(`ends the session at once when more than ${MAX_HELD_BYTES} bytes of writes that cannot be dropped are held`, () => {
    const {session} = open();
    const line = `\x1b[?1000h${'x'.repeat(64 * 1024)}`;
    for (let i = 0; session.stalled === undefined && i < 1000; i++) session.output.write(line);
    expect(session.stalled).toMatch(/^over 2 MiB of output not read$/);
    expect(session.held.bytes).toBe(0);
  });
});
