/**
 * One line per session on stderr: when it started, the peer, what kind of session, how long
 * it lasted, the bytes in and out, and how it ended.
 *
 *     2025-01-02T03:04:05.678Z 127.0.0.1 ssh-app 12.3s in=42B out=18300B ok
 */
export interface SessionRecord {
  peer: string;
  kind: 'ssh-app' | 'ssh-text' | 'ssh-none' | 'ssh-refused' | 'ssh-failed' | 'http';
  started: number;
  bytesIn: number;
  bytesOut: number;
  /** How it ended: `ok`, `200 GET /`, `refused: …`, `crashed: …`. */
  outcome: string;
}

export function formatRecord(record: SessionRecord, now: number): string {
  const seconds = ((now - record.started) / 1000).toFixed(1);
  return `${new Date(record.started).toISOString()} ${record.peer} ${record.kind} ${seconds}s in=${record.bytesIn}B out=${record.bytesOut}B ${record.outcome}`;
}

/** Peer addresses as a person reads them: IPv4 clients over an IPv6 socket without the `::ffff:` prefix. */
export const peerName = (address: string | undefined) => (address ?? 'unknown').replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');

/** A message in one line: no line breaks or controls from an error or a request reach the log or a client. */
export const oneLine = (text: string) => text.replace(/[\x00-\x1f\x7f-\x9f]+/g, ' ').trim();

/**
 * The log's writer, stopped for good on the first error of the stream it writes to (a closed
 * pipe: `serve … 2>&1 | head -1` gives EPIPE on every later line). Without this, the stream's
 * error reached the process's handler, which logged it, which failed again: a loop at full CPU
 * that no signal could break. Losing the log never stops the server.
 */
export function stopOnError(write: (line: string) => void, stream: NodeJS.EventEmitter): {say(line: string): void; dispose(): void} {
  let broken = false;
  const onError = () => (broken = true);
  stream.on('error', onError);
  return {
    say(line) {
      if (broken) return;
      try {
        write(line);
      } catch {
        broken = true;
      }
    },
    dispose: () => stream.off('error', onError),
  };
}

/** The commands a reader types, as the host must be written in each (an IPv6 address in brackets for curl). */
export function readerCommands(host: string, port: number): {ssh: string; curl: string} {
  return {ssh: `ssh -p ${port} ${host}`, curl: `curl ${host.includes(':') ? `[${host}]` : host}:${port}`};
}

/**
 * Refusals at the gate, logged once per address, kind and reason per window: the first at once, the
 * others as one line with their count when the window ends (or at `flush`). A flood of refused
 * connections (thousands a second) costs the log a line per address every `windowMs`.
 */
export function coalesceRefusals(log: (record: SessionRecord) => void, windowMs: number): {log(record: SessionRecord): void; flush(): void} {
  const windows = new Map<string, {first: SessionRecord; more: number; bytesIn: number; bytesOut: number; timer: NodeJS.Timeout}>();
  const close = (key: string) => {
    const window = windows.get(key);
    if (!window) return;
    windows.delete(key);
    clearTimeout(window.timer);
    if (window.more === 0) return;
    log({...window.first, bytesIn: window.bytesIn, bytesOut: window.bytesOut, outcome: `${window.first.outcome} (and ${window.more} more in ${Math.round(windowMs / 1000)}s)`});
  };
  return {
    log(record) {
      const key = `${record.peer} ${record.kind} ${record.outcome}`;
      const window = windows.get(key);
      if (window) {
        window.more++;
        window.bytesIn += record.bytesIn;
        window.bytesOut += record.bytesOut;
        return;
      }
      log(record);
      const timer = setTimeout(() => close(key), windowMs);
      timer.unref();
      windows.set(key, {first: record, more: 0, bytesIn: 0, bytesOut: 0, timer});
    },
    flush() {
      for (const key of [...windows.keys()]) close(key);
    },
  };
}
