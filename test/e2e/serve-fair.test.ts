/**
 * `kim-resume serve` shared fairly: addresses that open connections as fast as they can, or hold
 * them half-open, do not keep another address out. Each attacker binds its own loopback source
 * address (127.0.0.2 …; Linux routes all of 127.0.0.0/8 to the loopback), the reader uses
 * 127.0.0.1. Bounds are generous: the reader must be served, within a small multiple of its
 * quiet time (time targets are the bench's).
 */
import {request as httpRequest} from 'node:http';
import {connect as netConnect, type Socket} from 'node:net';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {fixturePath} from '../helpers/fixtures';
import {connect, request, startServer, type Server} from '../helpers/serve';
import {waitFor} from '../helpers/wait';
import {PROGRAM} from '../helpers/program';

const FILE = fixturePath('jiwoo');
const NAME = '한지우';
/** The attack: 8 addresses, each trying to hold far more than its share. */
const ATTACKERS = Array.from({length: 8}, (_, i) => `127.0.0.${i + 2}`);

let server: Server;
beforeAll(async () => {
  server = await startServer([FILE]);
});
afterAll(async () => {
  await server?.stop();
});

/**
 * Sockets from `address`, `workers` at a time, each sending `payload` (then nothing) and opened
 * again as soon as the server closes it: as fast as the server lets them. A socket is `held`
 * once the server answered with `heldWhen`, or sent nothing yet; `refused` when its first bytes
 * match `refusedWhen`.
 */
function flood(port: number, address: string, workers: number, payload: string, refusedWhen: RegExp) {
  let stopped = false;
  const open = new Set<Socket>();
  const stats = {opened: 0, refused: 0, maxHeld: 0};
  const held = new Set<Socket>();
  const one = () => {
    if (stopped) return;
    stats.opened++;
    const socket = netConnect({port, host: '127.0.0.1', localAddress: address});
    open.add(socket);
    let first = '';
    socket.on('connect', () => payload && socket.write(payload));
    socket.on('data', (chunk) => {
      if (first) return;
      first = chunk.toString('latin1');
      if (refusedWhen.test(first)) {
        stats.refused++;
        socket.destroy();
      } else {
        held.add(socket);
        stats.maxHeld = Math.max(stats.maxHeld, held.size);
      }
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      open.delete(socket);
      held.delete(socket);
      setImmediate(one);
    });
  };
  for (let i = 0; i < workers; i++) one();
  return {
    stats,
    held: () => held.size,
    stop() {
      stopped = true;
      for (const socket of open) socket.destroy();
    },
  };
}

async function timed<T>(work: () => Promise<T>): Promise<{ms: number; value: T}> {
  const started = Date.now();
  const value = await work();
  return {ms: Date.now() - started, value};
}

/** GET / from 127.0.0.1: status and body. */
function httpGet(port: number): Promise<{status: number; body: string}> {
  return new Promise((resolve, reject) => {
    const asking = httpRequest({host: '127.0.0.1', port, path: '/', localAddress: '127.0.0.1', agent: false, headers: {'User-Agent': 'x'}}, (response) => {
      let body = '';
      // Resolved once the body is read and the socket closed: the reader's next request is not its second.
      const closed = new Promise((done) => response.socket.once('close', done));
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      response.on('end', () => void closed.then(() => resolve({status: response.statusCode ?? 0, body})));
    });
    asking.on('error', reject);
    asking.end();
  });
}

describe('serve shared fairly', () => {
  it('SSH: 8 addresses opening silent connections as fast as they can hold at most 8 each, and a reader at another address is served', async () => {
    const sshText = async () => {
      const client = await connect(server.ssh, {localAddress: '127.0.0.1'});
      const result = await request(client, '');
      const closed = new Promise<void>((resolve) => client.on('close', () => resolve()));
      client.end();
      await closed;
      return result;
    };
    const quiet = await timed(sshText);
    expect(quiet.value.out).toContain(NAME);
    const floods = ATTACKERS.map((address) => flood(server.ssh, address, 16, '', new RegExp(`^${PROGRAM}: `)));
    try {
      // Every slot the attackers can get is taken (6 addresses of 8 and 2 of 2: 52 of 64), and
      // they go on opening more.
      await waitFor(() => floods.reduce((sum, f) => sum + f.held(), 0) >= 50, {
        what: 'the flood to fill what it can',
        show: () => JSON.stringify(floods.map((f) => [f.held(), f.stats])),
      });
      for (let i = 0; i < 3; i++) {
        const busy = await timed(sshText);
        expect(busy.value.out).toContain(NAME);
        expect(busy.value.code).toBe(0);
        expect(busy.ms).toBeLessThan(Math.max(10 * quiet.ms, quiet.ms + 5_000));
      }
      expect(Math.max(...floods.map((f) => f.stats.maxHeld))).toBeLessThanOrEqual(8);
      expect(floods.every((f) => f.stats.refused > 0)).toBe(true);
    } finally {
      for (const f of floods) f.stop();
    }
    await server.waitForLine(/ 127\.0\.0\.2 ssh-refused [\d.]+s in=0B out=\d+B refused: too many connections from 127\.0\.0\.2 \(8\)/);
  });

  it('HTTP: 8 addresses holding sockets with half a request head, reopened as fast as they can, do not fail a reader at another address', async () => {
    // Once the last test's connections are gone.
    const quiet = await waitFor(async () => {
      const got = await timed(() => httpGet(server.http));
      return got.value.status === 200 && got;
    }, {what: 'a quiet 200'});
    const floods = ATTACKERS.map((address) => flood(server.http, address, 16, 'GET / HTTP/1.1\r\nHost: x\r\n', /^HTTP\/1\.1 503 /));
    try {
      // Every socket has been opened, and opened again after the server closed it.
      await waitFor(() => floods.every((f) => f.stats.opened >= 32), {what: 'the flood to be under way', show: () => JSON.stringify(floods.map((f) => f.stats))});
      for (let i = 0; i < 3; i++) {
        const busy = await timed(() => httpGet(server.http));
        expect(busy.value.status).toBe(200);
        expect(busy.value.body).toContain(NAME);
        expect(busy.ms).toBeLessThan(Math.max(10 * quiet.ms, quiet.ms + 5_000));
      }
    } finally {
      for (const f of floods) f.stop();
    }
    await server.waitForLine(/ 127\.0\.0\.\d http [\d.]+s in=\d+B out=\d+B 503 refused: /);
  });
});
