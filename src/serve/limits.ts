import {WINDOW, type Limits} from './options';

/**
 * Counts the sessions open, in all and per address, so that one address (or many) cannot take
 * the server from everyone else. `open` says whether one more may start and, if so, counts it;
 * the returned `close` uncounts it (safe twice).
 */
export function createGate(limits: Pick<Limits, 'sessions' | 'perAddress'>) {
  let total = 0;
  const perAddress = new Map<string, number>();
  return {
    open(address: string): {refusal: string; close?: undefined} | {refusal?: undefined; close: () => void} {
      const mine = perAddress.get(address) ?? 0;
      if (total >= limits.sessions) return {refusal: `the server is full (${limits.sessions} sessions); try again later`};
      if (mine >= limits.perAddress) return {refusal: `too many sessions from ${address} (${limits.perAddress}); close one and try again`};
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
