import {spawn, type ChildProcess} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import xterm from '@xterm/headless';
import ssh2 from 'ssh2';
import {BIN, cleanEnv, NODE} from './cli';
import {REPO_ROOT} from './fixtures';
import {visibleText} from './pty-app';
import {DEFAULT_TIMEOUT_MS, waitFor} from './wait';

/**
 * `kim-resume serve` started from the built program on loopback, on ports the system picks
 * (`--ssh 0 --http 0`), its state directory (host key) in a temporary folder. Its stderr is kept
 * line by line: the start lines give the ports, then one line per session.
 */
export interface Server {
  ssh: number;
  http: number;
  fingerprint: string;
  lines: string[];
  /** Everything written to stderr so far, as written (a last line without its newline too). */
  stderr(): string;
  /** Resolves with the first stderr line that matches (bounded by `timeoutMs`). */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Sends a signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  process: ChildProcess;
}

const WAIT_MS = DEFAULT_TIMEOUT_MS;

/** `at`: another build of the program, its bin file and folder (a fork: test/e2e/fork.test.ts). */
export async function startServer(args: string[] = [], env: NodeJS.ProcessEnv = {}, at: {bin?: string; cwd?: string} = {}): Promise<Server> {
  const state = mkdtempSync(join(tmpdir(), 'kim-resume-serve-'));
  const child = spawn(NODE, [at.bin ?? BIN, 'serve', '--ssh', '0', '--http', '0', ...args], {cwd: at.cwd ?? REPO_ROOT, env: cleanEnv({XDG_STATE_HOME: state, ...env}), stdio: ['ignore', 'pipe', 'pipe']});
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  let rest = '';
  let all = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    all += chunk;
    const parts = (rest + chunk).split('\n');
    rest = parts.pop()!;
    lines.push(...parts);
    for (const wake of waiters) wake();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => {
    rmSync(state, {recursive: true, force: true});
    resolve(code);
  }));
  const waitForLine = (pattern: RegExp, timeoutMs = WAIT_MS) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const line = lines.find((l) => pattern.test(l));
        if (line === undefined) return false;
        clearTimeout(timer);
        waiters.delete(wake);
        resolve(line);
        return true;
      };
      const wake = () => void check();
      const timer = setTimeout(() => {
        waiters.delete(wake);
        reject(new Error(`no stderr line matched ${pattern} within ${timeoutMs} ms:\n${lines.join('\n')}`));
      }, timeoutMs);
      if (!check()) waiters.add(wake);
    });
  const sshLine = await waitForLine(/ssh on .* port (\d+), host key (SHA256:\S+)/);
  const httpLine = await waitForLine(/http on .* port (\d+)/);
  const [, ssh, fingerprint] = /port (\d+), host key (SHA256:\S+)/.exec(sshLine)!;
  const [, http] = /port (\d+)/.exec(httpLine)!;
  return {
    ssh: Number(ssh),
    http: Number(http),
    fingerprint: fingerprint!,
    lines,
    stderr: () => all,
    waitForLine,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
    process: child,
  };
}

/** An ssh2 client connected to the server (user `reader`, auth `none`). */
export function connect(port: number, config: Partial<ssh2.ConnectConfig> = {}): Promise<ssh2.Client> {
  return new Promise((resolve, reject) => {
    const client = new ssh2.Client();
    client.once('ready', () => resolve(client)).once('error', reject);
    client.connect({host: '127.0.0.1', port, username: 'reader', readyTimeout: WAIT_MS, ...config});
  });
}

/** What a session channel sent, once it closed: stdout, stderr and the exit status. */
export function collect(channel: ssh2.ClientChannel): Promise<{out: string; err: string; code: number | undefined}> {
  return new Promise((resolve) => {
    let out = '';
    let err = '';
    let code: number | undefined;
    channel.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    channel.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    channel.on('exit', (status: number) => (code = status));
    channel.on('close', () => resolve({out, err, code}));
  });
}

/**
 * An interactive session read by a headless xterm of the client's size: the emulator's own
 * answers (DA1, cursor reports) go back over the channel, as a real terminal's would.
 */
export class ShellScreen {
  readonly term: InstanceType<typeof xterm.Terminal>;
  raw = '';
  closed: Promise<{out: string; err: string; code: number | undefined}>;
  constructor(readonly channel: ssh2.ClientChannel, cols: number, rows: number) {
    this.term = new xterm.Terminal({cols, rows, allowProposedApi: true});
    this.term.onData((data) => channel.write(data));
    channel.on('data', (chunk: Buffer) => {
      this.raw += chunk.toString('utf8');
      this.term.write(chunk);
    });
    this.closed = collect(channel);
  }
  screen(): string[] {
    const buffer = this.term.buffer.active;
    return Array.from({length: this.term.rows}, (_, i) => visibleText(buffer.getLine(i), this.term.cols));
  }
  /** Waits (bounded) until the screen shows `text`, or `test` holds for its rows. */
  waitFor(test: string | ((rows: string[]) => boolean), timeoutMs = WAIT_MS): Promise<string[]> {
    let rows: string[] = [];
    return waitFor(
      async () => {
        // Every chunk received so far parsed into the screen first.
        await new Promise<void>((resolve) => this.term.write('', resolve));
        rows = this.screen();
        return (typeof test === 'string' ? rows.some((r) => r.includes(test)) : test(rows)) && rows;
      },
      {what: typeof test === 'string' ? JSON.stringify(test) : 'a screen condition', timeoutMs, intervalMs: 20, show: () => rows.join('\n')},
    );
  }
  resize(cols: number, rows: number) {
    this.term.resize(cols, rows);
    this.channel.setWindow(rows, cols, 0, 0);
  }
  dispose() {
    this.term.dispose();
  }
}

/** Opens a shell with a pty of `cols`×`rows`, sending `env` first (as OpenSSH's `SendEnv LANG LC_*` does). */
export function shell(client: ssh2.Client, cols: number, rows: number, env: Record<string, string> = {}): Promise<ShellScreen> {
  return new Promise((resolve, reject) => {
    client.shell({term: 'xterm-256color', cols, rows}, {env}, (error, channel) => (error ? reject(error) : resolve(new ShellScreen(channel, Math.max(1, Math.min(cols, 500)), Math.max(1, Math.min(rows, 200))))));
  });
}

type Collected = ReturnType<typeof collect>;

/**
 * Runs `exec` (or a shell without a pty when `command` is undefined) and collects what comes
 * back. Collected from inside ssh2's callback: the exit status may arrive in the same read as
 * the channel's opening and is emitted before any later listener could be added.
 */
export function request(client: ssh2.Client, command: string | undefined, options: ssh2.ExecOptions = {}): Promise<Awaited<Collected>> {
  return new Promise((resolve, reject) => {
    const done = (error: Error | undefined, channel: ssh2.ClientChannel) => (error ? reject(error) : collect(channel).then(resolve));
    if (command === undefined) client.shell(false, done);
    else client.exec(command, options, done);
  });
}
