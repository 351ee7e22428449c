/**
 * src/terminal/frame-writes.ts: what Ink writes for one frame, from "begin synchronized update"
 * to "end", reaches the terminal as one write; everything else passes as it was written.
 */
import {EventEmitter} from 'node:events';
import {describe, expect, it} from 'vitest';
import {BEGIN_SYNC, END_SYNC, joinFrameWrites} from '../../src/terminal/frame-writes';

/** A terminal stream that records each write it is given. */
function recorder() {
  const writes: unknown[] = [];
  const stream = Object.assign(new EventEmitter(), {
    isTTY: true,
    columns: 100,
    rows: 30,
    write(chunk: unknown, encoding?: unknown, callback?: unknown) {
      writes.push(chunk);
      const done = typeof encoding === 'function' ? encoding : callback;
      if (typeof done === 'function') (done as () => void)();
      return true;
    },
  });
  return {writes, stream: stream as unknown as NodeJS.WriteStream & EventEmitter};
}

describe('joinFrameWrites', () => {
  it("writes a frame's three writes (begin, frame, end) as one", () => {
    const {writes, stream} = recorder();
    const out = joinFrameWrites(stream);
    expect(out.write(BEGIN_SYNC)).toBe(true);
    out.write('\x1b[2Kline one\nline two\n');
    expect(writes).toEqual([]);
    out.write(END_SYNC);
    expect(writes).toEqual([`${BEGIN_SYNC}\x1b[2Kline one\nline two\n${END_SYNC}`]);
  });

  it('passes writes outside a frame straight through, in order', () => {
    const {writes, stream} = recorder();
    const out = joinFrameWrites(stream);
    out.write('\x1b[?1049h');
    out.write(BEGIN_SYNC);
    out.write('frame');
    out.write(END_SYNC);
    out.write('\x1b[?1049l');
    expect(writes).toEqual(['\x1b[?1049h', `${BEGIN_SYNC}frame${END_SYNC}`, '\x1b[?1049l']);
  });

  it('never holds a frame back: one left open is written at the next microtask', async () => {
    const {writes, stream} = recorder();
    const out = joinFrameWrites(stream);
    out.write(BEGIN_SYNC);
    out.write('half a frame');
    expect(writes).toEqual([]);
    await Promise.resolve();
    expect(writes).toEqual([`${BEGIN_SYNC}half a frame`]);
    // The next write is a fresh start, not part of the old frame.
    out.write('after');
    expect(writes).toEqual([`${BEGIN_SYNC}half a frame`, 'after']);
  });

  it('writes what it holds first when a write comes with a callback or as bytes', () => {
    const {writes, stream} = recorder();
    const out = joinFrameWrites(stream);
    let called = 0;
    out.write(BEGIN_SYNC);
    out.write('a');
    out.write('b', () => called++);
    expect(writes).toEqual([`${BEGIN_SYNC}a`, 'b']);
    expect(called).toBe(1);
    out.write(BEGIN_SYNC);
    out.write(Buffer.from('c'));
    expect(writes.slice(2)).toEqual([BEGIN_SYNC, Buffer.from('c')]);
  });

  it("is otherwise the stream itself: size, isTTY, events ('in' as Ink checks it)", () => {
    const {stream} = recorder();
    const out = joinFrameWrites(stream);
    expect(out.columns).toBe(100);
    expect(out.rows).toBe(30);
    expect('isTTY' in out && out.isTTY).toBe(true);
    let resized = 0;
    const onResize = () => resized++;
    out.on('resize', onResize);
    stream.emit('resize');
    out.off('resize', onResize);
    stream.emit('resize');
    expect(resized).toBe(1);
  });
});
