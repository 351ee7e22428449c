/**
 * A lockout attempt beside a normal reader, on a server with the default limits (the ones a
 * public server runs with). The attacker, every socket bound to 127.0.0.2, opens SSH connections
 * as fast as it can, authenticates and opens no channel (as `ssh -N` does) and keeps each one;
 * and opens HTTP sockets that send a partial head (`GET / HTTP/1.1\r\nHost: x\r\n`, never the
 * blank line) and keep them. It holds at most a fixed number of each and starts again whenever
 * one is closed. Meanwhile the reader, from 127.0.0.1, opens an app session to its first frame
 * and quits, and asks for / over HTTP, over and over. Each of the reader's attempts has a
 * timeout; one refused, failed or late is a lockout. The reader's times quiet (before the
 * attack, same server) are the baseline.
 */
import {get as httpGet} from 'node:http';
import {connect as tcp, type Socket} from 'node:net';
import {performance} from 'node:perf_hooks';
import type ssh2 from 'ssh2';
import {startServer} from '../../test/helpers/serve';
import {sleep} from '../config';
import {sampled, type Sampled} from '../stats';
import {closeApp, connectFrom, openApp, reason, stopServer, within} from './serve-client';

export const LOCKOUT = {
  attacker: '127.0.0.2',
  reader: '127.0.0.1',
  sshWorkers: 16,
  httpWorkers: 8,
  /** The most the attacker holds open at once, of each kind (the default --max-sessions is 64). */
  maxHeld: 256,
  rampMs: 3000,
  attackMs: 15_000,
  quietAttempts: 5,
  sshTimeoutMs: 10_000,
  httpTimeoutMs: 5000,
};
/** A worker's pause after a refusal, so that a server refusing at once does not make the attacker a busy loop. */
const BREATH_MS = 20;
const PARTIAL_HEAD = 'GET / HTTP/1.1\r\nHost: x\r\n';

export interface Attempts {
  attempts: number;
  failed: number;
  ms: Sampled;
}

export interface Lockout {
  attackMs: number;
  sshTimeoutMs: number;
  httpTimeoutMs: number;
  quiet: {ssh: Attempts; http: Attempts};
  underAttack: {ssh: Attempts; http: Attempts};
  /** What the attacker managed: connections opened and authenticated, and the most held at once. */
  attacker: {sshOpened: number; sshReady: number; sshHeldPeak: number; httpOpened: number; httpHeldPeak: number};
  /** The reader's attempts that failed under attack, each with its reason. */
  lockouts: string[];
  failed: string[];
}

class Tally {
  ms: number[] = [];
  attempts = 0;
  failures: string[] = [];
  summary(): Attempts {
    return {attempts: this.attempts, failed: this.failures.length, ms: sampled(this.ms)};
  }
}

async function readerSsh(port: number, tally: Tally): Promise<void> {
  tally.attempts++;
  try {
    const app = await openApp(port, {localAddress: LOCKOUT.reader, timeoutMs: LOCKOUT.sshTimeoutMs});
    tally.ms.push(app.firstFrameMs);
    const problem = await closeApp(app);
    if (problem) tally.failures.push(`ssh quit: ${problem}`);
  } catch (error) {
    tally.failures.push(`ssh: ${reason(error)}`);
  }
}

async function readerHttp(port: number, tally: Tally): Promise<void> {
  tally.attempts++;
  const t0 = performance.now();
  try {
    const status = await within(get(port), LOCKOUT.httpTimeoutMs, `no answer within ${LOCKOUT.httpTimeoutMs} ms`);
    if (status !== 200) throw new Error(`status ${status}`);
    tally.ms.push(performance.now() - t0);
  } catch (error) {
    tally.failures.push(`http: ${reason(error)}`);
  }
}

/** GET / on a connection of its own (no keep-alive: each attempt connects, as a new visitor does); resolves with the status once the body is read. */
function get(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpGet({host: '127.0.0.1', port, path: '/', localAddress: LOCKOUT.reader, agent: false, timeout: LOCKOUT.httpTimeoutMs}, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error(`no answer within ${LOCKOUT.httpTimeoutMs} ms`)));
    request.on('error', reject);
  });
}

export async function lockoutAttempt(): Promise<Lockout> {
  const server = await startServer();
  const failed: string[] = [];
  const sshHeld = new Set<ssh2.Client>();
  const httpHeld = new Set<Socket>();
  const attacker = {sshOpened: 0, sshReady: 0, sshHeldPeak: 0, httpOpened: 0, httpHeldPeak: 0};
  let attacking = true;
  try {
    const quiet = {ssh: new Tally(), http: new Tally()};
    // Bounded: a server that fails the reader with nobody else on it fails it once.
    for (let i = 0; i < LOCKOUT.quietAttempts && !quiet.ssh.failures.length; i++) await readerSsh(server.ssh, quiet.ssh);
    for (let i = 0; i < LOCKOUT.quietAttempts && !quiet.http.failures.length; i++) await readerHttp(server.http, quiet.http);

    // Each worker keeps one attempt in flight and starts the next as soon as it is in (or, after
    // a breath, refused).
    const sshWorker = async () => {
      while (attacking) {
        if (sshHeld.size >= LOCKOUT.maxHeld) {
          await sleep(50);
          continue;
        }
        attacker.sshOpened++;
        const {client, ready} = connectFrom(server.ssh, LOCKOUT.attacker, LOCKOUT.sshTimeoutMs);
        sshHeld.add(client);
        attacker.sshHeldPeak = Math.max(attacker.sshHeldPeak, sshHeld.size);
        client.once('close', () => sshHeld.delete(client));
        try {
          await ready;
          attacker.sshReady++;
        } catch {
          client.destroy();
          sshHeld.delete(client);
          await sleep(BREATH_MS);
        }
      }
    };
    const httpWorker = async () => {
      while (attacking) {
        if (httpHeld.size >= LOCKOUT.maxHeld) {
          await sleep(50);
          continue;
        }
        attacker.httpOpened++;
        const socket = tcp({host: '127.0.0.1', port: server.http, localAddress: LOCKOUT.attacker});
        socket.on('error', () => {});
        socket.on('data', () => {});
        httpHeld.add(socket);
        attacker.httpHeldPeak = Math.max(attacker.httpHeldPeak, httpHeld.size);
        const gone = new Promise<void>((resolve) => socket.once('close', () => resolve()));
        void gone.then(() => httpHeld.delete(socket));
        const connected = await Promise.race([new Promise<boolean>((resolve) => socket.once('connect', () => resolve(true))), gone.then(() => false), sleep(LOCKOUT.httpTimeoutMs).then(() => false)]);
        if (connected) socket.write(PARTIAL_HEAD);
        // Held for a moment: a socket the server closes at once counts as refused, and the worker
        // takes a breath before the next.
        const refused = !connected || (await Promise.race([gone.then(() => true), sleep(50).then(() => false)]));
        if (refused) {
          socket.destroy();
          await sleep(BREATH_MS);
        }
      }
    };
    const workers = [...Array.from({length: LOCKOUT.sshWorkers}, sshWorker), ...Array.from({length: LOCKOUT.httpWorkers}, httpWorker)];
    await sleep(LOCKOUT.rampMs);

    const underAttack = {ssh: new Tally(), http: new Tally()};
    const end = performance.now() + LOCKOUT.attackMs;
    const loop = async (attempt: () => Promise<void>) => {
      while (performance.now() < end) {
        await attempt();
        await sleep(100);
      }
    };
    await Promise.all([loop(() => readerSsh(server.ssh, underAttack.ssh)), loop(() => readerHttp(server.http, underAttack.http))]);
    attacking = false;
    // Cut off what the attacker holds, and the handshakes still under way with it.
    for (const client of sshHeld) client.destroy();
    for (const socket of httpHeld) socket.destroy();
    await within(Promise.all(workers), 5000, 'attacker still running').catch(() => failed.push('the attacker did not stop within 5 s'));
    for (const [what, tally] of Object.entries(quiet)) for (const f of tally.failures) failed.push(`quiet ${what}: ${f}`);
    return {
      attackMs: LOCKOUT.attackMs,
      sshTimeoutMs: LOCKOUT.sshTimeoutMs,
      httpTimeoutMs: LOCKOUT.httpTimeoutMs,
      quiet: {ssh: quiet.ssh.summary(), http: quiet.http.summary()},
      underAttack: {ssh: underAttack.ssh.summary(), http: underAttack.http.summary()},
      attacker,
      lockouts: [...underAttack.ssh.failures, ...underAttack.http.failures],
      failed,
    };
  } finally {
    attacking = false;
    for (const client of sshHeld) client.destroy();
    for (const socket of httpHeld) socket.destroy();
    const problem = await stopServer(server);
    if (problem) failed.push(problem);
  }
}
