import ssh2, {type Connection, type ServerChannel} from 'ssh2';
import type {Content} from './content';
import {defaultWidth} from '../text/width';
import type {Gate} from './limits';
import {oneLine, peerName, type SessionRecord} from './log';
import {TEXT_WIDTH, type Limits} from './options';
import {channelSession, crlf, type ChannelSession} from './ssh-session';

/**
 * The SSH server (ssh2, https://github.com/mscdex/ssh2#server-examples): anyone is let in with
 * the `none` method (the résumé is public). A session with a pty gets the app; one without (and
 * any `exec`, whose command is never run) gets the plain text, as a pipe would. Subsystems
 * (sftp), port forwarding both ways, X11 and agent forwarding are refused.
 */
export interface SshDeps {
  content: Content;
  hostKey: Buffer;
  limits: Limits;
  gate: Gate;
  log(record: SessionRecord): void;
  /** Runs the app in a session until it ends; throws when it fails. */
  app(session: ChannelSession): Promise<unknown>;
}

export interface RunningServer {
  port: number;
  /** Says goodbye to every open session, restores its terminal, closes; resolves when all are gone (or after `graceMs`). */
  stop(graceMs: number): Promise<void>;
}

/** Session channels one connection may hold at once (OpenSSH multiplexing opens several). */
const CHANNELS_PER_CONNECTION = 2;
/** How long a connection with no session left may stay open. */
const LINGER_MS = 5_000;

/** The live parts of one connection, for idle and shutdown goodbyes. */
interface Link {
  goodbye(reason: string): void;
  closed: Promise<void>;
}

export function startSsh(deps: SshDeps, port: number, host: string): Promise<RunningServer> {
  const links = new Set<Link>();
  const server = new ssh2.Server({hostKeys: [deps.hostKey], ident: 'kim-resume'}, (client, info) => links.add(connect(client, info.ip, deps, links)));
  // Past this many sockets, new ones are closed unread: the gate answers up to its limit with a
  // one-line reason, and this bounds the handshakes a flood can start.
  server.maxConnections = deps.limits.sessions * 2;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      server.on('error', () => {});
      resolve({
        port: (server.address() as {port: number}).port,
        async stop(graceMs) {
          server.close();
          for (const link of links) link.goodbye('the server is stopping');
          await Promise.race([Promise.all([...links].map((l) => l.closed)), new Promise((r) => setTimeout(r, graceMs).unref())]);
        },
      });
    });
  });
}

function connect(client: Connection, address: string, deps: SshDeps, links: Set<Link>): Link {
  const {limits} = deps;
  const record: SessionRecord = {peer: peerName(address), kind: 'ssh-text', started: Date.now(), bytesIn: 0, bytesOut: 0, outcome: 'ok'};
  const admission = deps.gate.open(record.peer);
  const channels = new Set<{goodbye(): void}>();
  let ready = false;
  let farewell: string | undefined;
  let closedResolve = () => {};
  const closed = new Promise<void>((resolve) => (closedResolve = resolve));

  /** Ends the connection; a client that does not close its side is cut off shortly after. */
  const hangUp = () => {
    client.end();
    // ssh2's Connection keeps its socket private; destroy it if the polite end is ignored.
    setTimeout(() => (client as unknown as {_sock?: {destroy(): void}})._sock?.destroy(), 500).unref();
  };
  const handshake = setTimeout(() => {
    record.kind = 'ssh-refused';
    record.outcome = `refused: no handshake within ${limits.handshakeMs / 1000}s`;
    hangUp();
  }, limits.handshakeMs);
  let idle: NodeJS.Timeout | undefined;
  const stillThere = () => {
    clearTimeout(idle);
    idle = setTimeout(() => link.goodbye(`idle for ${Math.round(limits.idleMs / 1000)}s`), limits.idleMs);
  };

  const link: Link = {
    goodbye(reason) {
      if (farewell) return;
      farewell = reason;
      if (channels.size === 0) hangUp();
      for (const channel of channels) channel.goodbye();
    },
    closed,
  };

  client.on('error', (error) => {
    // A client that sends garbage, or vanishes mid-frame: only this connection ends.
    if (record.outcome === 'ok') record.outcome = `failed: ${oneLine(error.message)}`;
    if (!ready) record.kind = 'ssh-failed';
  });
  client.on('close', () => {
    clearTimeout(handshake);
    clearTimeout(idle);
    admission.close?.();
    links.delete(link);
    deps.log(record);
    closedResolve();
  });
  client.on('authentication', (ctx) => ctx.accept());
  client.on('ready', () => {
    ready = true;
    clearTimeout(handshake);
    stillThere();
  });
  // Forwarding and everything else a connection may ask for are refused.
  client.on('tcpip', (_accept, reject) => reject());
  client.on('openssh.streamlocal', (_accept, reject) => reject());
  client.on('request', (_accept, reject) => reject?.());
  client.on('session', (accept, reject) => {
    if (channels.size >= CHANNELS_PER_CONNECTION || farewell) return reject();
    const session = accept();
    let pty: {columns: number; rows: number} | undefined;
    let live: ChannelSession | undefined;
    let started = false;
    const entry = {
      /** The app ends (and restores the screen) and the farewell follows; anything else just closes. */
      goodbye() {
        if (live) live.end();
        else hangUp();
      },
    };
    channels.add(entry);
    // The client closes the connection itself once its session is over (ending it from here
    // would print "Received disconnect" in OpenSSH); one that lingers is let go shortly after.
    session.on('close', () => {
      channels.delete(entry);
      if (channels.size === 0) setTimeout(() => channels.size === 0 && hangUp(), LINGER_MS).unref();
    });
    session.on('pty', (accept, _reject, info) => {
      pty = {columns: info.cols, rows: info.rows};
      accept?.();
    });
    session.on('window-change', (accept, _reject, info) => {
      if (pty) pty = {columns: info.cols, rows: info.rows};
      live?.resize(info.cols, info.rows);
      accept?.();
    });
    const refuse = (_accept: unknown, reject?: () => void) => reject?.();
    session.on('subsystem', refuse);
    session.on('sftp', refuse);
    session.on('x11', refuse);
    session.on('auth-agent', refuse);
    const start = (channel: ServerChannel, exec: boolean) => {
      if (started) return;
      started = true;
      channel.on('data', (chunk: Buffer) => {
        record.bytesIn += chunk.length;
        stillThere();
      });
      void serveChannel(channel, exec);
    };
    session.on('shell', (accept) => start(accept(), false));
    session.on('exec', (accept) => start(accept(), true));

    const serveChannel = async (channel: ServerChannel, exec: boolean) => {
      const send = (text: string) => {
        const bytes = Buffer.from(text, 'utf8');
        const out = pty ? crlf(bytes) : bytes;
        record.bytesOut += out.length;
        channel.write(out);
      };
      const finish = (status: number) => {
        channel.exit(status);
        channel.end();
      };
      if (admission.refusal) {
        record.kind = 'ssh-refused';
        record.outcome = `refused: ${admission.refusal}`;
        channel.stderr.write(`kim-resume: ${admission.refusal}${pty ? '\r\n' : '\n'}`);
        return finish(1);
      }
      if (!pty || exec) {
        // As a pipe would get it: the plain text, as wide as the window if there is one.
        send(deps.content.plain(pty ? defaultWidth(pty.columns) : TEXT_WIDTH));
        return finish(0);
      }
      record.kind = 'ssh-app';
      live = channelSession(channel, pty);
      let status = 0;
      try {
        await deps.app(live);
      } catch (error) {
        status = 1;
        record.outcome = `crashed: ${oneLine((error as Error).message ?? String(error))}`;
        channel.stderr.write(`kim-resume: ${oneLine((error as Error).message ?? String(error))}\r\n`);
      }
      record.bytesOut += live.bytes.out;
      await new Promise<void>((resolve) => live!.output.end(resolve));
      if (farewell) {
        record.outcome = `ended: ${farewell}`;
        send(`kim-resume: ${farewell}, goodbye\n`);
      }
      finish(status);
    };
    if (farewell) entry.goodbye();
  });
  return link;
}
