/**
 * What `kim-resume serve` is told: where to listen, and the limits that keep one server up for
 * everyone (each has a flag; the defaults, the issue's "sane" ones, are the flags' own, in
 * src/cli/args.ts).
 */
export interface ServeOptions {
  /** The SSH port (0: any free port), or undefined for no SSH. */
  ssh?: number;
  /** The HTTP port (0: any free port), or undefined for no HTTP. */
  http?: number;
  /** The address both listen on: loopback unless told otherwise. */
  host: string;
  /** The SSH host key file; else one kept under the state directory (src/serve/hostkey.ts). */
  hostKey?: string;
  limits: Limits;
}

export interface Limits {
  /** Connections open at once, counted from their accept (SSH connections, one app each at most, and HTTP sockets): src/serve/limits.ts. */
  sessions: number;
  /** Connections open at once from one address. */
  perAddress: number;
  /** Milliseconds an SSH client has from connecting to being let in. */
  handshakeMs: number;
  /** Milliseconds an SSH session may go without input before it is ended. */
  idleMs: number;
  /** Milliseconds an HTTP request has to arrive whole. */
  requestMs: number;
}

/** Window sizes a client may ask for, clamped (a 0×0 or 10000×10000 window is a bad actor or a bug). */
export const WINDOW = {minColumns: 1, minRows: 1, maxColumns: 500, maxRows: 200} as const;

/** The width of text sent without a terminal (SSH without a pty, HTTP without ?width). */
export const TEXT_WIDTH = 80;

/** Largest HTTP request head (request line and headers); a GET has no body. */
export const MAX_HEADER_BYTES = 8 * 1024;

/**
 * How long an app session may hold output its client does not take (no window adjust, no drain)
 * before it is ended: a reader's terminal that is merely busy catches up within seconds, while a
 * client that never reads would otherwise keep its app, and its last frame, for the idle timeout.
 */
export const STALL_MS = 60_000;

/**
 * The most an app session may hold unsent (docs/serve.md, "Memory"): far above a whole frame at
 * the largest window (500×200), since only the newest frame is held; a session past it is ended.
 */
export const MAX_HELD_BYTES = 2 * 1024 * 1024;

/**
 * Socket bytes past which no more of an app's output is handed to ssh2: ssh2 writes to the
 * socket as far as the client's window allows, and a client may open a huge window and not read.
 */
export const SOCKET_HIGH_WATER = 64 * 1024;

/**
 * What one app session's input may cost (src/serve/input-budget.ts): keys, mouse reports and
 * terminal replies at a few hundred bytes a second at most from a person; a paste into the
 * search is short. Past it, reads are dropped whole for that session alone.
 */
export const INPUT_LIMITS = {perSecond: 2048, burst: 8192, maxRead: 4096} as const;
