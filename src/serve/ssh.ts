import {createServer} from 'node:net';
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
  /** Cuts the connection off (when the goodbye took too long). */
  kill(): void;
  closed: Promise<void>;
}

/** A TCP connection before ssh2 has read the client's banner: timed and logged from here. */
interface Pending {
  record: SessionRecord;
  /** Set once ssh2 has taken the connection (it logs it from then on). */
  taken: boolean;
  ready: boolean;
}

export function startSsh(deps: SshDeps, port: number, host: string): Promise<RunningServer> {
  const links = new Set<Link>();
  const pending = new Map<string, Pending>();
  const ssh = new ssh2.Server({hostKeys: [deps.hostKey], ident: 'kim-resume'}, (client, info) => {
    const waiting = pending.get(`${info.ip}:${info.port}`);
    if (!waiting) return client.end();
    waiting.taken = true;
    links.add(connect(client, waiting, deps, links));
  });
  // ssh2 reports a connection only once the client's banner has arrived: the sockets are taken
  // here first (ssh2's injectSocket), so that one that sends nothing, or garbage, is timed out
  // and logged too.
  const tcp = createServer((socket) => {
    const key = `${socket.remoteAddress}:${socket.remotePort}`;
    const record: SessionRecord = {peer: peerName(socket.remoteAddress), kind: 'ssh-failed', started: Date.now(), bytesIn: 0, bytesOut: 0, outcome: 'ok'};
    const state: Pending = {record, taken: false, ready: false};
    pending.set(key, state);
    const handshake = setTimeout(() => {
      if (state.ready) return;
      record.kind = 'ssh-refused';
      record.outcome = `refused: no handshake within ${deps.limits.handshakeMs / 1000}s`;
      socket.destroy();
    }, deps.limits.handshakeMs);
    socket.on('error', () => {});
    socket.once('close', () => {
      clearTimeout(handshake);
      pending.delete(key);
      if (state.taken) return;
      if (record.outcome === 'ok') record.outcome = 'failed: closed before an SSH banner';
      deps.log(record);
    });
    ssh.injectSocket(socket);
  });
  // Past this many sockets, new ones are closed unread: the gate answers up to its limit with a
  // one-line reason, and this bounds the handshakes a flood can start.
  tcp.maxConnections = deps.limits.sessions * 2;
  return new Promise((resolve, reject) => {
    tcp.once('error', reject);
    tcp.listen(port, host, () => {
      tcp.off('error', reject);
      tcp.on('error', () => {});
      resolve({
        port: (tcp.address() as {port: number}).port,
        async stop(graceMs) {
          tcp.close();
          for (const link of links) link.goodbye('the server is stopping');
          await Promise.race([Promise.all([...links].map((l) => l.closed)), new Promise((r) => setTimeout(r, graceMs).unref())]);
          for (const link of links) link.kill();
        },
      });
    });
  });
}

function connect(client: Connection, state: Pending, deps: SshDeps, links: Set<Link>): Link {
  const {limits} = deps;
  const {record} = state;
  const admission = deps.gate.open(record.peer);
  const channels = new Set<{goodbye(): void}>();
  let farewell: string | undefined;
  let closedResolve = () => {};
  const closed = new Promise<void>((resolve) => (closedResolve = resolve));

  /** Ends the connection; a client that does not close its side is cut off shortly after. */
  // ssh2's Connection keeps its socket private (`_sock`); destroyed when the polite end is ignored.
  const kill = () => (client as unknown as {_sock?: {destroy(): void}})._sock?.destroy();
  const hangUp = () => {
    client.end();
    setTimeout(kill, 500).unref();
  };
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
    kill,
    closed,
  };

  client.on('error', (error) => {
    // A client that sends garbage, or vanishes mid-frame: only this connection ends.
    if (record.outcome === 'ok') record.outcome = `failed: ${oneLine(error.message)}`;
  });
  client.on('close', () => {
    clearTimeout(idle);
    admission.close?.();
    links.delete(link);
    deps.log(record);
    closedResolve();
  });
  client.on('authentication', (ctx) => ctx.accept());
  client.on('ready', () => {
    state.ready = true;
    if (record.kind === 'ssh-failed') record.kind = 'ssh-text';
    stillThere();
  });
  // Forwarding and everything else a connection may ask for are refused.
  client.on('tcpip', (_accept, reject) => reject());
  client.on('openssh.streamlocal', (_accept, reject) => reject());
  client.on('request', (_accept, reject) => reject?.());
  client.on('session', (accept, reject) => {
    if (channels.size >= CHANNELS_PER_CONNECTION || farewell) return reject();
    const session = accept();
    let pty: {columns: number; rows: number; term?: string; env?: Record<string, string>} | undefined;
    // The client's locale (OpenSSH sends LANG and LC_* with `SendEnv`): it says whether its terminal takes UTF-8.
    const env: Record<string, string> = {};
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
      if (channels.size > 0) return;
      if (farewell) hangUp();
      else setTimeout(() => channels.size === 0 && hangUp(), LINGER_MS).unref();
    });
    session.on('pty', (accept, _reject, info) => {
      pty = {columns: info.cols, rows: info.rows, term: info.term};
      accept?.();
    });
    session.on('window-change', (accept, _reject, info) => {
      if (pty) pty = {...pty, columns: info.cols, rows: info.rows};
      live?.resize(info.cols, info.rows);
      accept?.();
    });
    session.on('env', (accept, reject, info) => {
      if (!/^(LANG|LC_ALL|LC_CTYPE)$/.test(info.key) || info.val.length > 100) return reject?.();
      env[info.key] = info.val;
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
      live = channelSession(channel, {...pty, env});
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
