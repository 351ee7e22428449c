/**
 * `kim-resume serve`: many apps at once in one process, and one app per connection.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {fixturePath} from '../helpers/fixtures';
import {collect, connect, request, shell, startServer, type Server} from '../helpers/serve';
import {PROGRAM} from '../helpers/program';

const FILE = fixturePath('jiwoo');
const NAME = '한지우';

let server: Server;
beforeAll(async () => {
  server = await startServer([FILE, '--max-per-address', '16'], {NODE_OPTIONS: '--trace-warnings'});
});
afterAll(async () => {
  await server?.stop();
});

describe('serve: many apps in one process', () => {
  it('12 apps at once (more than an emitter allows listeners by default): no MaxListenersExceededWarning', async () => {
    const clients = await Promise.all(Array.from({length: 12}, () => connect(server.ssh)));
    const screens = await Promise.all(clients.map((client) => shell(client, 80, 24)));
    await Promise.all(screens.map((screen) => screen.waitFor(NAME)));
    for (const screen of screens) screen.channel.write('q');
    await Promise.all(screens.map((screen) => screen.closed));
    for (const client of clients) client.end();
    for (const screen of screens) screen.dispose();
    expect(server.lines.join('\n')).not.toMatch(/MaxListenersExceededWarning/);
  });
});

describe('serve: one app per connection', () => {
  it('a second shell with a pty on the same connection is refused in one line (status 1); the first app goes on, and plain text is still served', async () => {
    const client = await connect(server.ssh);
    const first = await shell(client, 80, 24);
    await first.waitFor(NAME);
    const second = await new Promise<Awaited<ReturnType<typeof collect>>>((resolve, reject) =>
      client.shell({term: 'xterm-256color', cols: 80, rows: 24}, (error, channel) => (error ? reject(error) : collect(channel).then(resolve))),
    );
    expect(second.err).toBe(`${PROGRAM}: one app per connection, and this one has one open; connect again for another\r\n`);
    expect(second.code).toBe(1);
    // A second channel for the plain text is allowed: it costs little and ends at once.
    expect((await request(client, '')).out).toContain(NAME);
    // The first app still answers keys.
    first.channel.write('?');
    await first.waitFor('next section');
    first.channel.write('q');
    expect((await first.closed).code).toBe(0);
    client.end();
    first.dispose();
    await server.waitForLine(/ ssh-app [\d.]+s in=\d+B out=[1-9]\d*B ok; refused: a second app$/);
  });
});
