/**
 * Asking the terminal in batches (src/terminal/ask.ts): the replies collected until the sentinel
 * (a cursor report, then DA1) is answered, however the chunks cut them and whatever keys come
 * between; a terminal that answers no DA1 (dvtm) ends a batch at its cursor report, and a DA1
 * answer that arrives afterwards ends no later batch; nothing read is lost; a terminal that
 * answers nothing costs the timeout once and is asked nothing more; a background answer that
 * comes after the sentinel (GNU screen) is still taken for a short while.
 */
import {PassThrough} from 'node:stream';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {askTerminal, createReplyCollector, mayAnswerLate, SENTINEL, ASK_TIMEOUT_MS, LATE_REPLY_MS} from '../../src/terminal/ask';
import {OSC11_QUERY} from '../../src/terminal/background';

const OSC11_WHITE = '\x1b]11;rgb:ffff/ffff/ffff\x1b\\';
const CPR = '\x1b[3;5R';
const DA1 = '\x1b[?62;22c';

/** Feeds `chunks` to a collector with one batch open (`written`: its queries and sentinel); the replies it kept and whether the batch ended. */
function collect(chunks: string[], written = OSC11_QUERY + SENTINEL) {
  const collector = createReplyCollector();
  collector.open(written);
  const done = chunks.map((chunk) => collector.push(chunk));
  return {...collector.answers, done};
}

describe('the reply collector', () => {
  it('keeps the replies in order and ends at the sentinel\'s cursor report', () => {
    const {replies, complete} = collect([OSC11_WHITE + CPR + DA1]);
    expect(complete).toBe(true);
    expect(replies).toEqual([
      {kind: 'background', rgb: [1, 1, 1]},
      {kind: 'cursor', row: 3, col: 5},
    ]);
  });

  it('DA1 answered, then the cursor report: complete only at the cursor report, the last thing asked', () => {
    expect(collect([DA1, CPR])).toEqual({replies: [{kind: 'deviceAttributes', params: '62;22'}, {kind: 'cursor', row: 3, col: 5}], complete: true, done: [false, true]});
  });

  it('no DA1 at all, cursor reports 0-based (dvtm): complete at the last cursor report the batch asked for', () => {
    const written = '\x1b[1;1H \x1b[6n💻\x1b[6n' + SENTINEL;
    const {replies, done} = collect(['\x1b[0;1R', '\x1b[0;3R', '\x1b[0;0R'], written);
    expect(done).toEqual([false, false, true]);
    expect(replies).toEqual([
      {kind: 'cursor', row: 0, col: 1},
      {kind: 'cursor', row: 0, col: 3},
      {kind: 'cursor', row: 0, col: 0},
    ]);
  });

  it('replies cut anywhere across chunks, keys before, between and after them', () => {
    const whole = 'j' + OSC11_WHITE + 'k한' + CPR + DA1 + 'q';
    // Every way of cutting the input in two, and byte by byte.
    for (let cut = 1; cut < whole.length; cut++) {
      const {replies, complete, done} = collect([whole.slice(0, cut), whole.slice(cut)]);
      expect(replies.map((r) => r.kind), `cut at ${cut}`).toEqual(['background', 'cursor']);
      expect(complete).toBe(true);
      expect(done[0], `cut at ${cut}: done only once the cursor report is in`).toBe(cut >= whole.indexOf(CPR) + CPR.length);
    }
    expect(collect([...whole]).replies).toHaveLength(2);
  });

  it('not complete without the sentinel: the keys are not replies, and a reply cut short is not one yet', () => {
    const {replies, complete} = collect(['abc', '\x1b[A', OSC11_WHITE.slice(0, 8)]);
    expect(replies).toEqual([]);
    expect(complete).toBe(false);
  });

  it('replies after the sentinel belong to no batch, but are kept among all replies', () => {
    const collector = createReplyCollector();
    collector.open(OSC11_QUERY + SENTINEL);
    collector.push(CPR + DA1 + OSC11_WHITE);
    expect(collector.answers.replies.map((r) => r.kind)).toEqual(['cursor']);
    expect(collector.replies.map((r) => r.kind)).toEqual(['cursor', 'deviceAttributes', 'background']);
  });

  it('nothing of a batch is still due once it ends: a DA1 answer ends nothing, the next batch is its own', () => {
    const collector = createReplyCollector();
    collector.open(OSC11_QUERY + SENTINEL);
    expect(collector.push(DA1)).toBe(false);
    expect(collector.push(CPR)).toBe(true);
    collector.open('\x1b[6n\x1b[6n' + SENTINEL);
    expect(collector.push('\x1b[1;2R\x1b[1;4R' + DA1)).toBe(false);
    expect(collector.push(CPR)).toBe(true);
    expect(collector.answers.replies).toEqual([
      {kind: 'cursor', row: 1, col: 2},
      {kind: 'cursor', row: 1, col: 4},
      {kind: 'deviceAttributes', params: '62;22'},
      {kind: 'cursor', row: 3, col: 5},
    ]);
  });
});

/** A terminal's stdin and stdout, as far as askTerminal uses them. */
function fakeTerminal({lateReplies = false} = {}) {
  const stdin = Object.assign(new PassThrough(), {isTTY: true, rawModes: [] as boolean[]}) as PassThrough & {isTTY: true; rawModes: boolean[]; setRawMode(raw: boolean): void};
  stdin.setRawMode = (raw: boolean) => void stdin.rawModes.push(raw);
  const written: string[] = [];
  const stdout = {write: (text: string) => written.push(text)};
  return {stdin, stdout, written, ask: (queries: string[]) => askTerminal(stdin as unknown as NodeJS.ReadStream, stdout as unknown as NodeJS.WriteStream, queries, {lateReplies})};
}

/** Everything readable from the stream now. */
function readAll(stream: PassThrough): string {
  let out = '';
  for (let chunk = stream.read(); chunk !== null; chunk = stream.read()) out += chunk.toString();
  return out;
}

describe('askTerminal', () => {
  afterEach(() => vi.useRealTimers());

  it('writes the queries and the sentinel (DA1, then CPR) in one write, in raw mode', () => {
    const term = fakeTerminal();
    term.ask([OSC11_QUERY, '\x1b[6n']);
    expect(term.written).toEqual([OSC11_QUERY + '\x1b[6n' + '\x1b[c\x1b[6n']);
    expect(term.stdin.rawModes).toEqual([true]);
  });

  it('no queries: nothing written, and a batch asked later by more() is the first', async () => {
    const term = fakeTerminal();
    const asking = term.ask([]);
    expect(await asking.answers).toEqual({replies: [], complete: true});
    expect(term.written).toEqual([]);
    const probe = asking.more(['💻']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(term.written).toEqual(['💻' + SENTINEL]);
    term.stdin.write('\x1b[1;1R\x1b[?1;2c');
    expect((await probe).complete).toBe(true);
    await asking.handOver();
  });

  it('answered the sentinel (no OSC 11): resolves without any timer running out', async () => {
    vi.useFakeTimers();
    const term = fakeTerminal();
    const asking = term.ask([OSC11_QUERY]);
    term.stdin.write(CPR + DA1);
    await vi.advanceTimersByTimeAsync(0);
    const answers = await asking.answers;
    expect(answers).toEqual({replies: [{kind: 'cursor', row: 3, col: 5}], complete: true});
    expect(vi.getTimerCount()).toBe(0);
  });

  it('more: a second batch in one more round trip, written only once the first is answered, with only its own replies', async () => {
    const term = fakeTerminal();
    const asking = term.ask([OSC11_QUERY]);
    const second = asking.more(['\x1b[1;1H💻\x1b[6n']);
    expect(term.written).toEqual([OSC11_QUERY + SENTINEL]);
    term.stdin.write('j' + OSC11_WHITE + DA1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(term.written, 'not before the first batch has ended').toEqual([OSC11_QUERY + SENTINEL]);
    term.stdin.write(CPR);
    expect((await asking.answers).replies.map((r) => r.kind)).toEqual(['background', 'deviceAttributes', 'cursor']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(term.written).toEqual([OSC11_QUERY + SENTINEL, '\x1b[1;1H💻\x1b[6n' + SENTINEL]);
    term.stdin.write('\x1b[1;3R');
    await new Promise((resolve) => setImmediate(resolve));
    term.stdin.write(DA1 + CPR + 'k');
    expect(await second).toEqual({replies: [{kind: 'cursor', row: 1, col: 3}, {kind: 'deviceAttributes', params: '62;22'}, {kind: 'cursor', row: 3, col: 5}], complete: true});
    // Everything read in both rounds goes on to the app, keys included; every reply is handed over.
    const all = await asking.handOver();
    expect(all.replies.map((r) => r.kind)).toEqual(['background', 'deviceAttributes', 'cursor', 'cursor', 'deviceAttributes', 'cursor']);
    expect(readAll(term.stdin)).toBe('j' + OSC11_WHITE + DA1 + CPR + '\x1b[1;3R' + DA1 + CPR + 'k');
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

  it('a terminal that answered nothing is asked nothing more: more() writes nothing and answers at once, handOver waits no more', async () => {
    vi.useFakeTimers();
    const term = fakeTerminal();
    const asking = term.ask([OSC11_QUERY]);
    const probe = asking.more(['\x1b[1;1H💻\x1b[6n']);
    await vi.advanceTimersByTimeAsync(ASK_TIMEOUT_MS);
    expect(await probe).toEqual({replies: [], complete: false});
    expect(term.written, 'one batch only').toEqual([OSC11_QUERY + SENTINEL]);
    const handing = asking.handOver();
    await vi.advanceTimersByTimeAsync(0);
    expect((await handing).complete).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('GNU screen: the background answered after the sentinel, within LATE_REPLY_MS, is handed over', async () => {
    vi.useFakeTimers();
    const term = fakeTerminal({lateReplies: true});
    const asking = term.ask([OSC11_QUERY]);
    term.stdin.write(CPR + DA1);
    expect((await asking.answers).replies.map((r) => r.kind)).toEqual(['cursor']);
    let handed = false;
    const handing = asking.handOver().then((answers) => ((handed = true), answers));
    await vi.advanceTimersByTimeAsync(LATE_REPLY_MS / 2);
    expect(handed, 'still waiting for the background').toBe(false);
    term.stdin.write(OSC11_WHITE);
    await vi.advanceTimersByTimeAsync(0);
    expect((await handing).replies).toContainEqual({kind: 'background', rgb: [1, 1, 1]});
    expect(vi.getTimerCount()).toBe(0);
    // The late reply is handed on as read, for the app's splitter to take as a reply, never as keys.
    expect(readAll(term.stdin)).toBe(CPR + DA1 + OSC11_WHITE);
  });

  it('inside screen, no background answer at all: handOver waits LATE_REPLY_MS after the sentinel, no longer', async () => {
    vi.useFakeTimers();
    const term = fakeTerminal({lateReplies: true});
    const asking = term.ask([OSC11_QUERY]);
    term.stdin.write(CPR + DA1);
    await asking.answers;
    let handed = false;
    void asking.handOver().then(() => (handed = true));
    await vi.advanceTimersByTimeAsync(LATE_REPLY_MS - 1);
    expect(handed).toBe(false);
    // The late wait's end, then the tick handOver leaves for stdin to stop reading.
    await vi.advanceTimersByTimeAsync(10);
    expect(handed).toBe(true);
  });

  it('close, when the app will not run: a late background answer (GNU screen) is still read, never left for the shell', async () => {
    vi.useFakeTimers();
    const term = fakeTerminal({lateReplies: true});
    const asking = term.ask([OSC11_QUERY]);
    term.stdin.write(CPR + DA1);
    await asking.answers;
    let closed = false;
    void asking.close().then(() => (closed = true));
    await vi.advanceTimersByTimeAsync(10);
    expect(closed, 'line mode not given back yet').toBe(false);
    term.stdin.write(OSC11_WHITE);
    await vi.advanceTimersByTimeAsync(0);
    expect(closed).toBe(true);
    expect(term.stdin.rawModes).toEqual([true, false]);
    // Read by the asker, so the shell never sees it.
    expect(readAll(term.stdin)).toBe('');
  });

  it('outside screen, an unanswered background costs no wait: handOver at once after the sentinel', async () => {
    vi.useFakeTimers();
    const term = fakeTerminal();
    const asking = term.ask([OSC11_QUERY]);
    term.stdin.write(CPR + DA1);
    await asking.answers;
    let handed = false;
    void asking.handOver().then(() => (handed = true));
    await vi.advanceTimersByTimeAsync(1);
    expect(handed).toBe(true);
  });

  it('screen is known by STY, or by a TERM of screen or screen.<outer> (which also travels over SSH)', () => {
    expect(mayAnswerLate({STY: '1234.pts-0.host', TERM: 'xterm-256color'})).toBe(true);
    expect(mayAnswerLate({TERM: 'screen'})).toBe(true);
    expect(mayAnswerLate({TERM: 'screen.xterm-256color'})).toBe(true);
    expect(mayAnswerLate({TERM: 'screen-256color'})).toBe(true);
    expect(mayAnswerLate({TERM: 'xterm-256color'})).toBe(false);
    expect(mayAnswerLate({TERM: 'tmux-256color'})).toBe(false);
    expect(mayAnswerLate({})).toBe(false);
  });

  it('the background answered in time: handOver waits for nothing', async () => {
    vi.useFakeTimers();
    const term = fakeTerminal();
    const asking = term.ask([OSC11_QUERY]);
    term.stdin.write(OSC11_WHITE + CPR + DA1);
    await vi.advanceTimersByTimeAsync(0);
    let handed = false;
    void asking.handOver().then(() => (handed = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(handed).toBe(true);
  });

  it('handOver: every byte read (keys typed early, replies, a Hangul syllable cut in two) is put back for the app; raw mode stays', async () => {
    const term = fakeTerminal();
    const asking = term.ask([OSC11_QUERY]);
    const hangul = Buffer.from('한', 'utf8');
    term.stdin.write(Buffer.concat([Buffer.from('j' + OSC11_WHITE), hangul.subarray(0, 1)]));
    term.stdin.write(Buffer.concat([hangul.subarray(1), Buffer.from(CPR + DA1 + 'q')]));
    const answers = await asking.handOver();
    expect(answers.replies.map((r) => r.kind)).toEqual(['background', 'cursor', 'deviceAttributes']);
    expect(readAll(term.stdin)).toBe('j' + OSC11_WHITE + '한' + CPR + DA1 + 'q');
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
    term.stdin.write(OSC11_WHITE + CPR + DA1);
    await closed;
    expect(term.stdin.rawModes).toEqual([true, false]);
  });
});
