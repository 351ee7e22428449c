/** The pure parts of `kim-resume serve`: the session gate, window clamping, CR LF, HTTP replies, the log line. */
import {describe, expect, it, vi} from 'vitest';
import {setColourLevel} from '../../src/cli/colour';
import {createContent} from '../../src/serve/content';
import {malformed, reply, TERMINAL_AGENT} from '../../src/serve/http';
import {accountOf, clampWindow, createGate, reserveOf, reserveShareOf} from '../../src/serve/limits';
import {coalesceRefusals, formatRecord, oneLine, peerName, readerCommands, stopOnError, type SessionRecord} from '../../src/serve/log';
import {EventEmitter} from 'node:events';
import {crlf} from '../../src/serve/ssh-session';
import {refusalBytes} from '../../src/serve/ssh';
import {readFileSync} from 'node:fs';
import {fixturePath} from '../helpers/fixtures';
import {fixtureDocument} from '../helpers/resume';
import {PROGRAM} from '../helpers/program';

describe('the connection gate', () => {
  it('counts IPv6 peers by their /64, IPv4 peers by their address', () => {
    expect(accountOf('203.0.113.7')).toBe('203.0.113.7');
    expect(accountOf('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(accountOf('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(accountOf('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(accountOf('::1')).toBe('0:0:0:0::/64');
    expect(accountOf('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    const gate = createGate({sessions: 64, perAddress: 2});
    gate.open('2001:db8:1:2::a');
    gate.open('2001:db8:1:2::b');
    expect(gate.open('2001:db8:1:2::c').refusal).toBe('too many connections from 2001:db8:1:2::/64 (2); close one and try again');
    expect(gate.open('2001:db8:1:3::a').refusal).toBeUndefined();
  });
  it('lets in up to the total and per-address limits, then refuses with one line, and counts closes once', () => {
    const gate = createGate({sessions: 3, perAddress: 2});
    const a1 = gate.open('10.0.0.1');
    const a2 = gate.open('10.0.0.1');
    expect(gate.open('10.0.0.1').refusal).toBe('too many connections from 10.0.0.1 (2); close one and try again');
    const b1 = gate.open('10.0.0.2');
    expect(gate.open('10.0.0.3').refusal).toBe('the server is full (3 connections); try again later');
    a1.close!();
    a1.close!();
    expect(gate.open_count).toBe(2);
    // One slot left, the reserve: only for an address that holds none.
    expect(gate.open('10.0.0.2').refusal).toBe('the server is nearly full: 10.0.0.2 already has 1 open; close one and try again');
    expect(gate.open('10.0.0.3').refusal).toBeUndefined();
    expect([a2.refusal, b1.refusal]).toEqual([undefined, undefined]);
  });

  it('caps each address, and keeps the last quarter of the slots for addresses that hold fewer than 2', () => {
    const gate = createGate({sessions: 64, perAddress: 8});
    expect([reserveOf(64), reserveShareOf(64), reserveShareOf(8)]).toEqual([16, 2, 1]);
    const took = (address: string, tries: number) => Array.from({length: tries}, () => gate.open(address)).filter((a) => a.refusal === undefined).length;
    expect(took('10.0.0.1', 20)).toBe(8);
    expect(gate.open('10.0.0.1').refusal).toBe('too many connections from 10.0.0.1 (8); close one and try again');
    // Eight addresses flooding at once: six take 8 each (48), then the last 16 slots go at most
    // two per address, so the two late ones get two each and 12 are left for everyone else.
    const flood = ['10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5', '10.0.0.6', '10.0.0.7', '10.0.0.8'].map((a) => took(a, 20));
    expect(flood).toEqual([8, 8, 8, 8, 8, 2, 2]);
    expect(gate.open('10.0.0.8').refusal).toBe('the server is nearly full: 10.0.0.8 already has 2 open; close one and try again');
    // Each newcomer still gets in, until the server is full.
    const newcomers = Array.from({length: 10}, (_, i) => took(`10.1.0.${i}`, 3));
    expect(newcomers).toEqual([2, 2, 2, 2, 2, 2, 0, 0, 0, 0]);
    expect(gate.open_count).toBe(64);
  });

  it('keeps one slot for another address even when the total is tiny', () => {
    const gate = createGate({sessions: 2, perAddress: 8});
    expect(gate.open('a').refusal).toBeUndefined();
    expect(gate.open('a').refusal).toMatch(/nearly full/);
    expect(gate.open('b').refusal).toBeUndefined();
  });
});

describe('an SSH refusal before the key exchange', () => {
  it('is a line, the banner, and one unencrypted SSH_MSG_DISCONNECT (reason 12) padded as RFC 4253 §6 says', () => {
    for (const reason of ['the server is full (64 connections); try again later', 'x', '한지우 ab']) {
      const bytes = refusalBytes(reason);
      const head = `${PROGRAM}: ${reason}\r\nSSH-2.0-${PROGRAM}\r\n`;
      expect(bytes.subarray(0, Buffer.byteLength(head)).toString('utf8')).toBe(head);
      const packet = bytes.subarray(Buffer.byteLength(head));
      const length = packet.readUInt32BE(0);
      const padding = packet.readUInt8(4);
      expect(packet.length).toBe(4 + length);
      expect(packet.length % 8).toBe(0);
      expect(padding).toBeGreaterThanOrEqual(4);
      const payload = packet.subarray(5, 4 + length - padding);
      expect(payload.readUInt8(0)).toBe(1);
      expect(payload.readUInt32BE(1)).toBe(12);
      const textLength = payload.readUInt32BE(5);
      expect(payload.subarray(9, 9 + textLength).toString('utf8')).toBe(reason);
      // The language tag: empty, and nothing after it.
      expect(payload.readUInt32BE(9 + textLength)).toBe(0);
      expect(payload.length).toBe(13 + textLength);
    }
  });
});

describe('window sizes', () => {
  it.each([
    [0, 0, {columns: 1, rows: 1}],
    [10_000, 10_000, {columns: 500, rows: 200}],
    [80.7, 24, {columns: 80, rows: 24}],
    [Number.NaN, -5, {columns: 1, rows: 1}],
  ])('%d×%d → %j', (columns, rows, expected) => {
    expect(clampWindow(columns, rows)).toEqual(expected);
  });
});

describe('CR LF for a client without a remote pty', () => {
  it('turns each lone LF into CR LF and leaves CR LF and multi-byte text alone', () => {
    expect(crlf(Buffer.from('a\nb\r\n한\n')).toString()).toBe('a\r\nb\r\n한\r\n');
    const same = Buffer.from('no line feed');
    expect(crlf(same)).toBe(same);
  });
});

describe('HTTP replies', () => {
  const source = JSON.parse(readFileSync(fixturePath('minimal'), 'utf8'));
  const content = createContent(fixtureDocument('minimal'), source);
  it.each([
    ['GET', '/', 'curl/8.5.0', 200, 'text/plain; charset=utf-8'],
    ['GET', '/resume.md', undefined, 200, 'text/markdown; charset=utf-8'],
    ['HEAD', '/resume.json', undefined, 200, 'application/json; charset=utf-8'],
    ['GET', '/?format=json', undefined, 200, 'application/json; charset=utf-8'],
    ['GET', '/?format=yaml', undefined, 400, 'text/plain; charset=utf-8'],
    // Only the formats' own names: nothing an object inherits.
    ['GET', '/?format=__proto__', undefined, 400, 'text/plain; charset=utf-8'],
    ['GET', '/?format=constructor', undefined, 400, 'text/plain; charset=utf-8'],
    ['GET', '/?format=toString', undefined, 400, 'text/plain; charset=utf-8'],
    ['GET', '/__proto__', undefined, 404, 'text/plain; charset=utf-8'],
    ['GET', '/?width=-3', undefined, 400, 'text/plain; charset=utf-8'],
    ['GET', '/resume.pdf', undefined, 404, 'text/plain; charset=utf-8'],
    ['PUT', '/', undefined, 405, 'text/plain; charset=utf-8'],
    ['PUT', '/nope', undefined, 404, 'text/plain; charset=utf-8'],
  ] as const)('%s %s (%s) → %d %s', (method, url, agent, status, type) => {
    const answer = reply({method, url, agent}, content);
    expect([answer.status, answer.type]).toEqual([status, type]);
  });

  it('says its own words in the language Accept-Language chose; the résumé is the same in every language', () => {
    expect(reply({method: 'GET', url: '/nope'}, content, 'ko').body).toBe('찾을 수 없음: /, /resume.html, /resume.txt, /resume.md 또는 /resume.json\n');
    expect(reply({method: 'GET', url: '/nope'}, content).body).toBe('not found: try /, /resume.html, /resume.txt, /resume.md or /resume.json\n');
    expect(reply({method: 'PUT', url: '/'}, content, 'ko').body).toBe('PUT 메서드는 받지 않음: GET 또는 HEAD\n');
    expect(reply({method: 'GET', url: '/?width=x'}, content, 'ja').body).toBe('width は列数（整数）\n');
    expect(reply({method: 'GET', url: '/', agent: 'Mozilla/5.0'}, content, 'ko').body).toBe(reply({method: 'GET', url: '/', agent: 'Mozilla/5.0'}, content).body);
  });

  it('colours only for terminal clients', async () => {
    // As serve sets it at start (src/serve/index.ts): chalk is off in a test run otherwise.
    await setColourLevel('app', true, {FORCE_COLOR: '2'});
    const content = createContent(fixtureDocument('minimal'), source);
    expect(['curl/8.5.0', 'Wget/1.21.4', 'HTTPie/3.2.2', 'xh/0.22.0'].every((a) => TERMINAL_AGENT.test(a))).toBe(true);
    expect(['Mozilla/5.0 (X11)', 'python-requests/2.31', 'curlish/1'].some((a) => TERMINAL_AGENT.test(a))).toBe(false);
    expect(reply({method: 'GET', url: '/', agent: 'curl/8'}, content).body).toContain('\x1b[');
    expect(reply({method: 'GET', url: '/', agent: 'Mozilla/5.0'}, content).body).not.toContain('\x1b');
  });

  it('text asked for by name is plain for curl too: /resume.txt and ?format=text (curl … > cv.txt saves clean text)', async () => {
    await setColourLevel('app', true, {FORCE_COLOR: '2'});
    const content = createContent(fixtureDocument('minimal'), source);
    for (const url of ['/resume.txt', '/?format=text', '/resume.txt?width=60']) {
      const answer = reply({method: 'GET', url, agent: 'curl/8.5.0'}, content);
      expect(answer.status).toBe(200);
      expect(answer.body).not.toContain('\x1b');
      expect(answer.body).toBe(content.plain(url.includes('60') ? 60 : undefined));
    }
  });
});

describe('requests node:http cannot parse', () => {
  it.each([
    ['HPE_HEADER_OVERFLOW', 431],
    ['ERR_HTTP_REQUEST_TIMEOUT', 408],
    ['HPE_INVALID_METHOD', 400],
    ['HPE_UNEXPECTED_CONTENT_LENGTH', 400],
    [undefined, 400],
  ] as const)('%s → %d', (code, status) => {
    expect(malformed(code).status).toBe(status);
  });
});

describe('the commands printed at start', () => {
  it('write an IPv6 address in brackets for curl, as it is for ssh', () => {
    expect(readerCommands('::1', 8080)).toEqual({ssh: 'ssh -p 8080 ::1', curl: 'curl [::1]:8080'});
    expect(readerCommands('127.0.0.1', 2222)).toEqual({ssh: 'ssh -p 2222 127.0.0.1', curl: 'curl 127.0.0.1:2222'});
  });
});

describe('the log line', () => {
  it('names the time, peer, kind, duration, bytes and outcome on one line', () => {
    const started = Date.UTC(2025, 0, 2, 3, 4, 5, 678);
    expect(formatRecord({peer: peerName('::ffff:10.1.2.3'), kind: 'ssh-app', started, bytesIn: 42, bytesOut: 18300, outcome: 'ok'}, started + 12_340)).toBe('2025-01-02T03:04:05.678Z 10.1.2.3 ssh-app 12.3s in=42B out=18300B ok');
    expect(oneLine('bad\r\nthing\x1b[31m')).toBe('bad thing [31m');
  });
});

describe('the log writer', () => {
  it('stops at its stream\'s first error (a closed pipe) and never throws', () => {
    const stream = new EventEmitter();
    const written: string[] = [];
    let failing = false;
    const log = stopOnError((line) => {
      if (failing) throw new Error('EPIPE');
      written.push(line);
    }, stream);
    log.say('one');
    stream.emit('error', Object.assign(new Error('write EPIPE'), {code: 'EPIPE'}));
    log.say('two');
    expect(written).toEqual(['one']);
    const other = stopOnError(() => {
      throw new Error('EPIPE');
    }, new EventEmitter());
    expect(() => other.say('x')).not.toThrow();
    failing = true;
    log.dispose();
    expect(stream.listenerCount('error')).toBe(0);
  });
});

describe('refusals in the log', () => {
  it('are one line per address and reason per window: the first at once, the rest counted when the window ends', () => {
    vi.useFakeTimers();
    try {
      const lines: SessionRecord[] = [];
      const refusals = coalesceRefusals((record) => lines.push(record), 10_000);
      const refused = (peer: string): SessionRecord => ({peer, kind: 'ssh-refused', started: Date.now(), bytesIn: 0, bytesOut: 100, outcome: `refused: too many connections from ${peer} (8)`});
      for (let i = 0; i < 500; i++) refusals.log(refused('10.0.0.2'));
      refusals.log(refused('10.0.0.3'));
      expect(lines.map((l) => l.peer)).toEqual(['10.0.0.2', '10.0.0.3']);
      vi.advanceTimersByTime(10_000);
      expect(lines.slice(2).map((l) => [l.outcome, l.bytesOut])).toEqual([['refused: too many connections from 10.0.0.2 (8) (and 499 more in 10s)', 49_900]]);
      refusals.log(refused('10.0.0.2'));
      refusals.log(refused('10.0.0.2'));
      refusals.flush();
      expect(lines.length).toBe(5);
      expect(lines[4]!.outcome).toMatch(/\(and 1 more in 10s\)$/);
    } finally {
      vi.useRealTimers();
    }
  });
});
