import {createServer, type Socket} from 'node:net';
import ssh2, {type Connection, type ServerChannel} from 'ssh2';
import {SSH_CIPHERS} from './ciphers';
import {asciiReason} from '../cli/locale';
import {ENGLISH, messagesFor, type Messages} from '../i18n/messages';
import {readerLanguage} from '../i18n/reader';
import type {Content} from './content';
import {defaultWidth} from '../text/width';
import type {Gate} from './limits';
import {oneLine, peerName, type SessionRecord} from './log';
import {TEXT_WIDTH, type Limits} from './options';
import {channelSession, crlf, type ChannelSession} from './ssh-session';
import {PROGRAM} from '../program';

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
  /** Logs a connection refused at the gate (coalesced per address: src/serve/log.ts). */
  logRefusal(record: SessionRecord): void;
  /** Runs the app in a session until it ends; throws when it fails. */
  app(session: ChannelSession): Promise<unknown>;
}

export interface RunningServer {
  port: number;
  /** Says goodbye to every open session, restores its terminal, closes; resolves when all are gone (or after `graceMs`). */
  stop(graceMs: number): Promise<void>;
}

/**
 * Session channels one connection may hold at once (OpenSSH multiplexing opens several), of which
 * at most one an app: `--max-sessions` counts connections, so it is the most apps that run. A
 * second channel may get the plain text (it costs a few kB and ends at once).
 */
const CHANNELS_PER_CONNECTION = 2;
/** How long a connection may hold no session channel: after it is let in, or after its last channel closed. */
export const NO_SESSION_GRACE_MS = 5_000;
/** How long a connection's log line waits for its apps to count their last bytes once it closed. */
const SETTLE_MS = 1_000;

/** Why a connection is told goodbye: said in the log in English, to the reader in their language. */
export type Farewell = {why: 'stopping'} | {why: 'idle'; seconds: number};

/** A farewell in a language's words (the log's are English). */
const farewellWords = (farewell: Farewell, messages: Messages) =>
  farewell.why === 'idle' ? messages.say('ssh.idle', {seconds: farewell.seconds}) : messages.say('ssh.stopping');

/** The live parts of one connection, for idle and shutdown goodbyes. */
interface Link {
  goodbye(reason: Farewell): void;
  /** Cuts the connection off (when the goodbye took too long). */
  kill(): void;
  closed: Promise<void>;
}

/** A TCP connection from its accept: timed and logged from here, closed at once on stop until it is let in. */
interface Pending {
  record: SessionRecord;
  socket: Socket;
  /** Set once ssh2 has taken the connection (it logs it from then on). */
  taken: boolean;
  ready: boolean;
}

export function startSsh(deps: SshDeps, port: number, host: string): Promise<RunningServer> {
  const links = new Set<Link>();
  const pending = new Map<string, Pending>();
  const ssh = new ssh2.Server({hostKeys: [deps.hostKey], ident: PROGRAM, algorithms: {cipher: [...SSH_CIPHERS]}}, (client, info) => {
    const waiting = pending.get(`${info.ip}:${info.port}`);
    if (!waiting) return client.end();
    waiting.taken = true;
    links.add(connect(client, waiting, deps, links));
  });
  // ssh2 reports a connection only once the client's banner has arrived: the sockets are taken
  // here first (ssh2's injectSocket), so that each is counted against its address from its
  // accept, and one that sends nothing, or garbage, is timed out and logged too.
  const tcp = createServer((socket) => {
    const key = `${socket.remoteAddress}:${socket.remotePort}`;
    const record: SessionRecord = {peer: peerName(socket.remoteAddress), kind: 'ssh-failed', started: Date.now(), bytesIn: 0, bytesOut: 0, outcome: 'ok'};
    socket.on('error', () => {});
    const admission = deps.gate.open(record.peer);
    if (admission.refusal !== undefined) {
      // Refused before the handshake, at the cost of a few bytes (no key exchange): the reason as
      // a line before the banner (RFC 4253 §4.2 allows such lines; raw clients show them), then
      // the banner and a plain-text SSH_MSG_DISCONNECT, which OpenSSH prints ("Received
      // disconnect from … 12: …"). What the client sends is read and dropped, so that closing
      // does not reset the answer away.
      record.kind = 'ssh-refused';
      record.outcome = `refused: ${admission.refusal}`;
      const answer = refusalBytes(admission.refusal);
      record.bytesOut = answer.length;
      socket.resume();
      socket.end(answer);
      setTimeout(() => socket.destroy(), REFUSED_LINGER_MS).unref();
      deps.logRefusal(record);
      return;
    }
    const state: Pending = {record, socket, taken: false, ready: false};
    pending.set(key, state);
    const handshake = setTimeout(() => {
      if (state.ready) return;
      record.kind = 'ssh-refused';
      record.outcome = `refused: no handshake within ${deps.limits.handshakeMs / 1000}s`;
      socket.destroy();
    }, deps.limits.handshakeMs);
    socket.once('close', () => {
      clearTimeout(handshake);
      admission.close();
      pending.delete(key);
      if (state.taken) return;
      if (record.outcome === 'ok') record.outcome = 'failed: closed before an SSH banner';
      deps.log(record);
    });
    ssh.injectSocket(socket);
  });
  return new Promise((resolve, reject) => {
    tcp.once('error', reject);
    tcp.listen(port, host, () => {
      tcp.off('error', reject);
      tcp.on('error', () => {});
      resolve({
        port: (tcp.address() as {port: number}).port,
        async stop(graceMs) {
          tcp.close();
          // Not let in yet (no banner, or a handshake under way): nothing to restore, closed at once.
          for (const state of pending.values()) {
            if (state.ready) continue;
            if (state.record.outcome === 'ok') state.record.outcome = 'ended: the server is stopping';
            state.socket.destroy();
          }
          for (const link of links) link.goodbye({why: 'stopping'});
          await Promise.race([Promise.all([...links].map((l) => l.closed)), new Promise((r) => setTimeout(r, graceMs).unref())]);
          for (const link of links) link.kill();
        },
      });
    });
  });
}

/** How long a refused socket may stay before it is cut off (its answer is sent at once). */
const REFUSED_LINGER_MS = 2_000;

/** RFC 4253 §11.1 and §4.2: SSH_MSG_DISCONNECT and SSH_DISCONNECT_TOO_MANY_CONNECTIONS. */
const SSH_MSG_DISCONNECT = 1;
const TOO_MANY_CONNECTIONS = 12;

/**
 * What a refused connection is sent: `kim-resume: REASON` as a line, our banner, and a
 * disconnect packet before any key exchange (so unencrypted, no MAC: RFC 4253 §6, padding to a
 * multiple of 8 of at least 4 bytes).
 */
export function refusalBytes(reason: string): Buffer {
  const text = Buffer.from(reason, 'utf8');
  const payload = Buffer.alloc(1 + 4 + 4 + text.length + 4);
  payload.writeUInt8(SSH_MSG_DISCONNECT, 0);
  payload.writeUInt32BE(TOO_MANY_CONNECTIONS, 1);
  payload.writeUInt32BE(text.length, 5);
  text.copy(payload, 9);
  // An empty language tag (its length, 0) closes the payload.
  let padding = 8 - ((4 + 1 + payload.length) % 8);
  if (padding < 4) padding += 8;
  const packet = Buffer.alloc(4 + 1 + payload.length + padding);
  packet.writeUInt32BE(1 + payload.length + padding, 0);
  packet.writeUInt8(padding, 4);
  payload.copy(packet, 5);
  return Buffer.concat([Buffer.from(`${PROGRAM}: ${reason}\r\nSSH-2.0-${PROGRAM}\r\n`, 'utf8'), packet]);
}

function connect(client: Connection, state: Pending, deps: SshDeps, links: Set<Link>): Link {
  const {limits} = deps;
  const {record} = state;
  const channels = new Set<{goodbye(): void}>();
  /** Every channel's serving, for the log line; and the apps, whose bytes are counted as they go. */
  const serving = new Set<Promise<void>>();
  const apps: ChannelSession[] = [];
  let appOpen = false;
  let textBytes = 0;
  let served = false;
  const refusals: string[] = [];
  const refused = (what: string) => {
    if (!refusals.includes(what)) refusals.push(what);
  };
  let farewell: Farewell | undefined;
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
    idle = setTimeout(() => link.goodbye({why: 'idle', seconds: Math.round(limits.idleMs / 1000)}), limits.idleMs);
  };
  // A connection with no session channel is let go after a short grace, not the idle timeout:
  // held open, it would keep its slot from everyone else (`ssh -N`).
  let grace: NodeJS.Timeout | undefined;
  const armGrace = () => {
    clearTimeout(grace);
    grace = setTimeout(() => {
      if (channels.size > 0) return;
      if (!served && refusals.length === 0 && record.outcome === 'ok') record.outcome = `ended: no session within ${NO_SESSION_GRACE_MS / 1000}s`;
      hangUp();
    }, NO_SESSION_GRACE_MS);
    grace.unref();
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
    clearTimeout(grace);
    links.delete(link);
    // The apps end with their channels: their last bytes and outcome are waited for (bounded),
    // so the line says what was sent.
    const settled = new Promise((resolve) => setTimeout(resolve, SETTLE_MS).unref());
    void Promise.race([Promise.all(serving), settled]).then(() => {
      record.bytesOut = textBytes + apps.reduce((sum, app) => sum + app.bytes.out, 0);
      if (state.ready && !served) {
        record.kind = refusals.length > 0 ? 'ssh-refused' : 'ssh-none';
        if (record.outcome === 'ok') record.outcome = refusals.length > 0 ? `refused: ${refusals.join(', ')}` : 'closed: no session asked';
      } else if (refusals.length > 0 && record.outcome === 'ok') {
        record.outcome = `ok; refused: ${refusals.join(', ')}`;
      }
      deps.log(record);
      closedResolve();
    });
  });
  client.on('authentication', (ctx) => ctx.accept());
  client.on('ready', () => {
    state.ready = true;
    if (record.kind === 'ssh-failed') record.kind = 'ssh-none';
    armGrace();
  });
  // Forwarding and everything else a connection may ask for are refused.
  client.on('tcpip', (_accept, reject) => {
    refused('port forwarding');
    reject();
  });
  client.on('openssh.streamlocal', (_accept, reject) => {
    refused('socket forwarding');
    reject();
  });
  client.on('request', (_accept, reject, name) => {
    refused(`request ${oneLine(String(name)).slice(0, 40)}`);
    reject?.();
  });
  client.on('session', (accept, reject) => {
    if (farewell) return reject();
    if (channels.size >= CHANNELS_PER_CONNECTION) {
      refused(`more than ${CHANNELS_PER_CONNECTION} channels`);
      return reject();
    }
    clearTimeout(grace);
    const session = accept();
    let pty: {columns: number; rows: number; term?: string; env?: Record<string, string>} | undefined;
    // The client's locale (OpenSSH sends LANG and LC_* with `SendEnv`): whether its terminal takes
    // UTF-8 (LC_ALL, LC_CTYPE, LANG) and the language of the app's words (LC_ALL, LC_MESSAGES, LANG).
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
      else armGrace();
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
      if (!/^(LANG|LC_ALL|LC_CTYPE|LC_MESSAGES|COLORTERM)$/.test(info.key) || info.val.length > 100) return reject?.();
      env[info.key] = info.val;
      accept?.();
    });
    const refuse = (what: string) => (_accept: unknown, reject?: () => void) => {
      refused(what);
      reject?.();
    };
    session.on('subsystem', (accept, reject, info) => refuse(`subsystem ${oneLine(String(info?.name)).slice(0, 40)}`)(accept, reject));
    session.on('sftp', refuse('subsystem sftp'));
    session.on('x11', refuse('x11'));
    session.on('auth-agent', refuse('agent forwarding'));
    const start = (channel: ServerChannel, exec: boolean) => {
      if (started) return;
      started = true;
      channel.on('data', (chunk: Buffer) => {
        record.bytesIn += chunk.length;
        stillThere();
      });
      stillThere();
      const done = serveChannel(channel, exec);
      serving.add(done);
    };
    session.on('shell', (accept) => start(accept(), false));
    session.on('exec', (accept) => start(accept(), true));

    const serveChannel = async (channel: ServerChannel, exec: boolean) => {
      const send = (text: string) => {
        const bytes = Buffer.from(text, 'utf8');
        const out = pty ? crlf(bytes) : bytes;
        textBytes += out.length;
        channel.write(out);
      };
      const finish = (status: number) => {
        channel.exit(status);
        channel.end();
      };
      if (!pty || exec) {
        // As a pipe would get it: the plain text, as wide as the window if there is one.
        served = true;
        if (record.kind !== 'ssh-app') record.kind = 'ssh-text';
        send(deps.content.plain(pty ? defaultWidth(pty.columns) : TEXT_WIDTH));
        return finish(0);
      }
      // What the server says itself, in the language of the locale the client sent (English when
      // that locale is not UTF-8, as the app).
      const messages = messagesFor(asciiReason(undefined, env) ? 'en' : readerLanguage(env).language);
      if (appOpen) {
        refused('a second app');
        channel.stderr.write(`${PROGRAM}: ${messages.say('ssh.oneApp')}\r\n`);
        return finish(1);
      }
      appOpen = true;
      served = true;
      record.kind = 'ssh-app';
      live = channelSession(channel, {...pty, env});
      apps.push(live);
      let status = 0;
      try {
        await deps.app(live);
      } catch (error) {
        status = 1;
        record.outcome = `crashed: ${oneLine((error as Error).message ?? String(error))}`;
        channel.stderr.write(`${PROGRAM}: ${oneLine((error as Error).message ?? String(error))}\r\n`);
      }
      await new Promise<void>((resolve) => live!.output.end(resolve));
      appOpen = false;
      if (live.stalled) {
        // A client that takes no output would not take a goodbye either: its connection is cut.
        record.outcome = `ended: ${live.stalled}`;
        return kill();
      }
      if (farewell) {
        if (record.outcome === 'ok') record.outcome = `ended: ${farewellWords(farewell, ENGLISH)}`;
        send(`${PROGRAM}: ${messages.say('ssh.goodbye', {reason: farewellWords(farewell, messages)})}\n`);
      }
      finish(status);
    };
    if (farewell) entry.goodbye();
  });
  return link;
}
