import {WINDOW, type Limits} from './options';

/**
 * Counts the connections open, in all and per address, so that one address (or a few) cannot
 * take the server from everyone else. Every SSH connection and every HTTP socket is counted from
 * the moment it is accepted, before a byte of it is read. `open` says whether one more may stay
 * and, if so, counts it; the returned `close` uncounts it (safe twice).
 *
 * - No address may hold more than `perAddress` at once.
 * - The last `reserve` free slots (a quarter of the total, at least one) go only to addresses
 *   that hold fewer than `reserveShare` (2; 1 on a server of fewer than 16): once the server is
 *   that full, an address already in gets at most that many. Two, so that a reader whose last
 *   connection is still closing can open the next. To fill the server, a flood needs many
 *   addresses (with the defaults, 64 and 8: 6 addresses of 8, then 8 more of 2 each).
 */
export function reserveOf(sessions: number): number {
  return Math.max(1, Math.floor(sessions / 4));
}

export function reserveShareOf(sessions: number): number {
  return sessions >= 16 ? 2 : 1;
}

/**
 * What one address is counted as: an IPv4 address itself; an IPv6 address by its /64 prefix, the
 * block one subscriber gets (RFC 6177; RFC 4291 gives every subnet a 64-bit interface ID), so
 * that one machine cannot take every slot by rotating through its own 2^64 addresses.
 */
export function accountOf(address: string): string {
  const bare = address.replace(/%.*$/, '');
  if (!bare.includes(':')) return bare;
  const [head = '', tail] = bare.split('::');
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  const all = tail === undefined ? groups(head) : [...groups(head), ...Array<string>(Math.max(0, 8 - groups(head).length - groups(tail).length)).fill('0'), ...groups(tail)];
  const prefix = all.slice(0, 4).map((group) => (/^[0-9a-f]{1,4}$/i.test(group) ? parseInt(group, 16).toString(16) : '0'));
  return `${prefix.join(':')}::/64`;
}

export function createGate(limits: Pick<Limits, 'sessions' | 'perAddress'>) {
  let total = 0;
  const perAddress = new Map<string, number>();
  const reserve = reserveOf(limits.sessions);
  const share = reserveShareOf(limits.sessions);
  return {
    open(peer: string): {refusal: string; close?: undefined} | {refusal?: undefined; close: () => void} {
      const address = accountOf(peer);
      const mine = perAddress.get(address) ?? 0;
      if (total >= limits.sessions) return {refusal: `the server is full (${limits.sessions} connections); try again later`};
      if (mine >= limits.perAddress) return {refusal: `too many connections from ${address} (${limits.perAddress}); close one and try again`};
      if (mine >= share && limits.sessions - total <= reserve) return {refusal: `the server is nearly full: ${address} already has ${mine} open; close one and try again`};
      total++;
      perAddress.set(address, mine + 1);
      let closed = false;
      return {
        close() {
          if (closed) return;
          closed = true;
          total--;
          const left = (perAddress.get(address) ?? 1) - 1;
          if (left > 0) perAddress.set(address, left);
          else perAddress.delete(address);
        },
      };
    },
    get open_count() {
      return total;
    },
  };
}

export type Gate = ReturnType<typeof createGate>;

/** A window size from a client, clamped to what the app is drawn at (non-numbers count as the smallest). */
export function clampWindow(columns: number, rows: number): {columns: number; rows: number} {
  const clamp = (value: number, min: number, max: number) => (Number.isFinite(value) ? Math.min(max, Math.max(min, Math.trunc(value))) : min);
  return {columns: clamp(columns, WINDOW.minColumns, WINDOW.maxColumns), rows: clamp(rows, WINDOW.minRows, WINDOW.maxRows)};
}
