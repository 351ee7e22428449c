/** The input budget of one SSH app session: a token bucket in bytes, a cap per read, pastes dropped whole. */
import {describe, expect, it} from 'vitest';
import {createInputBudget, createInputGate, createPasteTracker} from '../../src/serve/input-budget';

const LIMITS = {perSecond: 1000, burst: 4000, maxRead: 2000};

describe('the input budget', () => {
  it('takes a burst at once, then no more than its rate', () => {
    const budget = createInputBudget(LIMITS, 0);
    expect(budget.take(2000, 0)).toBe(true);
    expect(budget.take(2000, 0)).toBe(true);
    expect(budget.take(1, 0)).toBe(false);
    // 100 ms later: 100 bytes more.
    expect(budget.take(101, 100)).toBe(false);
    expect(budget.take(100, 100)).toBe(true);
    expect(budget.dropped).toBe(102);
  });

  it('never holds more than the burst, however long the session was quiet', () => {
    const budget = createInputBudget(LIMITS, 0);
    let taken = 0;
    for (let i = 0; i < 10; i++) if (budget.take(1000, 3_600_000)) taken += 1000;
    expect(taken).toBe(4000);
  });

  it('drops a read over the cap whole, even with the bucket full', () => {
    const budget = createInputBudget(LIMITS, 0);
    expect(budget.take(2001, 0)).toBe(false);
    expect(budget.take(2000, 0)).toBe(true);
  });

  it('a flood at any pace passes no more than burst + rate × time', () => {
    const budget = createInputBudget(LIMITS, 0);
    let taken = 0;
    for (let t = 0; t <= 10_000; t += 7) if (budget.take(64, t)) taken += 64;
    expect(taken).toBeLessThanOrEqual(4000 + 1000 * 10);
    expect(taken).toBeGreaterThan(1000 * 10 * 0.9);
  });

  it('a clock that goes back refills nothing', () => {
    const budget = createInputBudget(LIMITS, 1000);
    expect(budget.take(2000, 1000)).toBe(true);
    expect(budget.take(2000, 1000)).toBe(true);
    expect(budget.take(1, 0)).toBe(false);
    expect(budget.take(1, 1000)).toBe(false);
  });
});

describe('the paste tracker', () => {
  it('follows bracketed paste markers, also split between reads', () => {
    const paste = createPasteTracker();
    expect(paste.read(Buffer.from('ab\x1b[20'))).toBe(false);
    expect(paste.read(Buffer.from('0~hello'))).toBe(true);
    expect(paste.read(Buffer.from('world\x1b[201'))).toBe(true);
    expect(paste.read(Buffer.from('~q'))).toBe(false);
    expect(paste.read(Buffer.from('\x1b[200~x\x1b[201~\x1b[200~'))).toBe(true);
  });
});

describe('the input gate', () => {
  it('once a read of a paste is dropped, drops the rest of that paste up to its end, and nothing after', () => {
    const gate = createInputGate({perSecond: 0, burst: 10, maxRead: 10}, 0);
    expect(gate.admit(Buffer.from('\x1b[200~' + 'x'.repeat(20)), 0)).toBe(false);
    // The tail would be typed as keys ('q' quits): it is dropped, though the budget would take it.
    expect(gate.admit(Buffer.from('q\x1b[201~'), 0)).toBe(false);
    expect(gate.admit(Buffer.from('j'), 0)).toBe(true);
    expect(gate.dropped).toBe(26 + 7);
  });

  it('a paste taken whole passes, and keys after it too', () => {
    const gate = createInputGate(LIMITS, 0);
    expect(gate.admit(Buffer.from('\x1b[200~abc\x1b[201~'), 0)).toBe(true);
    expect(gate.admit(Buffer.from('\x1b[B'), 0)).toBe(true);
    expect(gate.dropped).toBe(0);
  });
});
