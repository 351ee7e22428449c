/**
 * One line per session on stderr: when it started, the peer, what kind of session, how long
 * it lasted, the bytes in and out, and how it ended.
 *
 *     2025-01-02T03:04:05.678Z 127.0.0.1 ssh-app 12.3s in=42B out=18300B ok
 */
export interface SessionRecord {
  peer: string;
  kind: 'ssh-app' | 'ssh-text' | 'ssh-refused' | 'ssh-failed' | 'http';
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
