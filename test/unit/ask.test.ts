/**
 * Asking the terminal in one batch (src/terminal/ask.ts): the replies collected until DA1's
 * answer, however the chunks cut them and whatever keys come between; nothing read is lost; a
 * terminal that answers DA1 costs no timeout, one that answers nothing costs the safety timeout.
 */
import {PassThrough} from 'node:stream';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {askTerminal, createReplyCollector, DA1_QUERY, ASK_TIMEOUT_MS} from '../../src/terminal/ask';
import {OSC11_QUERY} from '../../src/terminal/background';

const OSC11_WHITE = '\x1b]11;rgb:ffff/ffff/ffff\x1b\\';
const CPR = '\x1b[3;5R';
const DA1 = '\x1b[?62;22c';

/** Feeds `chunks` to a collector; the replies it kept and whether DA1 ended it. */
function collect(chunks: string[]) {
  const collector = createReplyCollector();
  const done = chunks.map((chunk) => collector.push(chunk));
  return {...collector.answers, done};
}

describe('the reply collector', () => {
  it('keeps the replies in order and ends at the DA1 answer', () => {
    const {replies, complete} = collect([OSC11_WHITE + CPR + DA1]);
    expect(complete).toBe(true);
    expect(replies).toEqual([
      {kind: 'background', rgb: [1, 1, 1]},
      {kind: 'cursor', row: 3, col: 5},
      {kind: 'deviceAttributes', params: '62;22'},
    ]);
  });

  it('DA1 answered first: the terminal knows no OSC 11, and the batch is complete at once', () => {
    expect(collect([DA1])).toEqual({replies: [{kind: 'deviceAttributes', params: '62;22'}], complete: true, done: [true]});
  });

  it('replies cut anywhere across chunks, keys before, between and after them', () => {
    const whole = 'j' + OSC11_WHITE + 'k한' + CPR + DA1 + 'q';
    // Every way of cutting the input in two, and byte by byte.
    for (let cut = 1; cut < whole.length; cut++) {
      const {replies, complete, done} = collect([whole.slice(0, cut), whole.slice(cut)]);
      expect(replies.map((r) => r.kind), `cut at ${cut}`).toEqual(['background', 'cursor', 'deviceAttributes']);
      expect(complete).toBe(true);
      expect(done[0], `cut at ${cut}: done only once DA1 is in`).toBe(cut >= whole.indexOf(DA1) + DA1.length);
    }
    expect(collect([...whole]).replies).toHaveLength(3);
  });

  it('not complete without DA1: the keys are not replies, and a reply cut short is not one yet', () => {
    const {replies, complete} = collect(['abc', '\x1b[A', OSC11_WHITE.slice(0, 8)]);
    expect(replies).toEqual([]);
    expect(complete).toBe(false);
  });

  it('replies after DA1 belong to no batch', () => {
    expect(collect([DA1 + OSC11_WHITE]).replies).toHaveLength(1);
    expect(collect([DA1, OSC11_WHITE]).replies).toHaveLength(1);
  });
});

/** A terminal's stdin and stdout, as far as askTerminal uses them. */
function fakeTerminal() {
  const stdin = Object.assign(new PassThrough(), {isTTY: true, rawModes: [] as boolean[]}) as PassThrough & {isTTY: true; rawModes: boolean[]; setRawMode(raw: boolean): void};
  stdin.setRawMode = (raw: boolean) => void stdin.rawModes.push(raw);
  const written: string[] = [];
  const stdout = {write: (text: string) => written.push(text)};
  return {stdin, stdout, written, ask: (queries: string[]) => askTerminal(stdin as unknown as NodeJS.ReadStream, stdout as unknown as NodeJS.WriteStream, queries)};
}

/** Everything readable from the stream now. */
function readAll(stream: PassThrough): string {
  let out = '';
  for (let chunk = stream.read(); chunk !== null; chunk = stream.read()) out += chunk.toString();
  return out;
}

describe('askTerminal', () => {
  afterEach(() => vi.useRealTimers());

  it('writes the queries and DA1 in one write, in raw mode', () => {
    const term = fakeTerminal();
    term.ask([OSC11_QUERY, '\x1b[6n']);
    expect(term.written).toEqual([OSC11_QUERY + '\x1b[6n' + DA1_QUERY]);
    expect(term.stdin.rawModes).toEqual([true]);
  });

  it('answered DA1 first: resolves without any timer running out', async () => {
    vi.useFakeTimers();
    const term = fakeTerminal();
    const asking = term.ask([OSC11_QUERY]);
    term.stdin.write(DA1);
    await vi.advanceTimersByTimeAsync(0);
    const answers = await asking.answers;
    expect(answers).toEqual({replies: [{kind: 'deviceAttributes', params: '62;22'}], complete: true});
    expect(vi.getTimerCount()).toBe(0);
  });

  it('more: a second batch in one more round trip, written only once the first is answered, with only its own replies', async () => {
    const term = fakeTerminal();
    const asking = term.ask([OSC11_QUERY]);
    const second = asking.more(['\x1b[1;1H💻\x1b[6n']);
    expect(term.written).toEqual([OSC11_QUERY + DA1_QUERY]);
    term.stdin.write('j' + OSC11_WHITE + DA1);
    expect((await asking.answers).replies.map((r) => r.kind)).toEqual(['background', 'deviceAttributes']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(term.written).toEqual([OSC11_QUERY + DA1_QUERY, '\x1b[1;1H💻\x1b[6n' + DA1_QUERY]);
    term.stdin.write('\x1b[1;3R' + DA1 + 'k');
    expect(await second).toEqual({replies: [{kind: 'cursor', row: 1, col: 3}, {kind: 'deviceAttributes', params: '62;22'}], complete: true});
    // Everything read in both rounds goes on to the app, keys included.
    await asking.handOver();
    expect(readAll(term.stdin)).toBe('j' + OSC11_WHITE + DA1 + '\x1b[1;3R' + DA1 + 'k');
  });

  it('a terminal that answers nothing: resolves incomplete after the safety timeout, not before', async () => {
    vi.useFakeTimers();
    const term = fakeTerminal();
    const asking = term.ask([OSC11_QUERY]);
    let settled = false;
    void asking.answers.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(ASK_TIMEOUT_MS - 1);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await asking.answers).toEqual({replies: [], complete: false});
  });

  it('handOver: every byte read (keys typed early, replies, a Hangul syllable cut in two) is put back for the app; raw mode stays', async () => {
    const term = fakeTerminal();
    const asking = term.ask([OSC11_QUERY]);
    const hangul = Buffer.from('한', 'utf8');
    term.stdin.write(Buffer.concat([Buffer.from('j' + OSC11_WHITE), hangul.subarray(0, 1)]));
    term.stdin.write(Buffer.concat([hangul.subarray(1), Buffer.from(DA1 + 'q')]));
    const answers = await asking.handOver();
    expect(answers.replies.map((r) => r.kind)).toEqual(['background', 'deviceAttributes']);
    expect(readAll(term.stdin)).toBe('j' + OSC11_WHITE + '한' + DA1 + 'q');
    expect(term.stdin.rawModes).toEqual([true]);
    await asking.close();
    expect(term.stdin.rawModes, 'close after handOver leaves the terminal to the app').toEqual([true]);
  });

  it('close: waits for the answers, then line mode again', async () => {
    const term = fakeTerminal();
    const asking = term.ask([OSC11_QUERY]);
    const closed = asking.close();
    await new Promise((resolve) => setImmediate(resolve));
    expect(term.stdin.rawModes, 'still raw while the answer is due').toEqual([true]);
    term.stdin.write(OSC11_WHITE + DA1);
    await closed;
    expect(term.stdin.rawModes).toEqual([true, false]);
  });
});
