import {setFlagsFromString} from 'node:v8';
import type {ResumeDocument} from '../document/model';
import {setColourLevel} from '../cli/colour';
import {runApp} from './app';
import {createContent} from './content';
import {loadHostKey} from './hostkey';
import {startHttp} from './http';
import {createGate} from './limits';
import {coalesceRefusals, formatRecord, oneLine, readerCommands, stopOnError} from './log';
import type {ServeOptions} from './options';
import {startSsh, type RunningServer} from './ssh';
import {PROGRAM} from '../program';

/**
 * `kim-resume serve`: the SSH and HTTP servers over one loaded résumé, until SIGINT or SIGTERM.
 * This is the process edge of the server, as src/main.ts is of the local run: the only place
 * of serve that handles process signals. Loaded only by `serve` (src/cli/run.ts), so that
 * `kim-resume` itself never loads ssh2.
 */
export interface ServeIo {
  env: NodeJS.ProcessEnv;
  /** One line to stderr. */
  error(line: string): void;
  /** The stream `error` writes to, watched for errors (a closed pipe); process.stderr unless told. */
  stderr?: NodeJS.EventEmitter;
}

/** How long open sessions have to say goodbye and close when the server stops (the issue allows 2 s in all). */
const STOP_GRACE_MS = 1500;
/** Refusals from one address are logged once per this time, with their count (src/serve/log.ts). */
const REFUSAL_LOG_WINDOW_MS = 10_000;

export async function serve(doc: ResumeDocument, source: object, options: ServeOptions, io: ServeIo, asciiDoc: ResumeDocument = doc): Promise<number> {
  // Every app and the colored HTTP text share one chalk, at level 3 so that it writes each color as
  // the theme gives it: each session's theme holds only the colors its client's TERM declares
  // (src/serve/app.ts), 16, 256 or truecolour; the HTTP text has the neutral theme's 256.
  await setColourLevel('app', true, {FORCE_COLOR: '3'});
  // Many long-lived apps in one process: keep the heap small. (The local app sets no flag before
  // its first frame, which a flag would slow: src/boot/main.ts. A server's start is not waited on.)
  setFlagsFromString('--optimize-for-size');
  // Each app's Ink instance adds one 'beforeExit' listener to the process while it runs, and
  // removes it at unmount (ink/build/ink.js, waitUntilExit): one per app, bounded by
  // --max-sessions, not a leak. Node warns past 10 on one emitter (MaxListenersExceededWarning).
  process.setMaxListeners(process.getMaxListeners() + options.limits.sessions);
  const content = createContent(doc, source, asciiDoc);
  const gate = createGate(options.limits);
  const logStream = stopOnError(io.error, io.stderr ?? process.stderr);
  const say = logStream.say;
  const log = (record: Parameters<typeof formatRecord>[0]) => say(formatRecord(record, Date.now()));
  const refusals = coalesceRefusals(log, REFUSAL_LOG_WINDOW_MS);
  const running: RunningServer[] = [];
  const stopAll = () => Promise.all(running.map((server) => server.stop(STOP_GRACE_MS)));
  try {
    if (options.ssh !== undefined) {
      const key = loadHostKey(options.hostKey, io.env);
      if (!key.ok) {
        say(`${PROGRAM}: ${key.error}`);
        return 2;
      }
      const {hostKey} = key;
      if (hostKey.created) say(`${PROGRAM}: made a new host key, kept in ${hostKey.file}`);
      const ssh = await startSsh({content, hostKey: hostKey.key, limits: options.limits, gate, log, logRefusal: refusals.log, app: (session) => runApp(session, content, io.env)}, options.ssh, options.host);
      running.push(ssh);
      if (hostKey.warning) say(`${PROGRAM}: ${hostKey.warning}`);
      say(`${PROGRAM}: ssh on ${options.host} port ${ssh.port}, host key ${hostKey.fingerprint} (${readerCommands(options.host, ssh.port).ssh})`);
    }
    if (options.http !== undefined) {
      const http = await startHttp({content, limits: options.limits, gate, log, logRefusal: refusals.log}, options.http, options.host);
      running.push(http);
      say(`${PROGRAM}: http on ${options.host} port ${http.port} (${readerCommands(options.host, http.port).curl})`);
    }
  } catch (error) {
    await stopAll();
    const code = (error as NodeJS.ErrnoException).code;
    say(`${PROGRAM}: cannot listen on ${options.host}: ${code ? `${code} (${oneLine((error as Error).message)})` : oneLine(String(error))}`);
    return 2;
  }

  // A failure outside every session's own error handling (a library's event handler throwing)
  // ends no other session and not the server: it is logged in one line.
  const onUncaught = (error: Error) => say(`${PROGRAM}: a session failed: ${oneLine(error?.message ?? String(error))}`);
  process.on('uncaughtException', onUncaught);
  // `on`, not `once`, and kept until the end: signal-exit (loaded with Ink by the first app)
  // ends the process itself when a signal has no listener but its own, and a `once` listener is
  // removed before the others run (https://github.com/tapjs/signal-exit#caveats).
  let stopping: (signal: NodeJS.Signals) => void = () => {};
  const signal = new Promise<NodeJS.Signals>((resolve) => (stopping = resolve));
  const onSignal = (name: NodeJS.Signals) => stopping(name);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  say(`${PROGRAM}: ${await signal}: saying goodbye to open sessions and stopping`);
  await stopAll();
  refusals.flush();
  process.off('uncaughtException', onUncaught);
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  logStream.dispose();
  return 0;
}
