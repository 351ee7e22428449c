/** 3. Key-to-screen latency for ↓, Tab and PgDn, spaced and back to back, kim-resume against one-box. */
import {COLS, log, ONE_BOX, OURS, ROWS, sleep} from '../config';
import {step, type Run} from '../results';
import {oneBoxPainted, oursPainted, paint, type BenchScreen, type Painted} from '../screen';
import {sampled, stats, type Sampled} from '../stats';

export const KEYS = {down: '\x1b[B', tab: '\t', pageDown: '\x1b[6~'} as const;
export type KeyKind = keyof typeof KEYS;
export const KEY_LABEL: Record<KeyKind, string> = {down: '↓', tab: 'Tab', pageDown: 'PgDn'};
const KINDS = Object.keys(KEYS) as KeyKind[];
const PAUSE_MS = 150;
/**
 * Spaced presses per run, per key and app. A press takes about 2 ms and the machine's noise is
 * of the same size: with one press per run (15) the ratios of one build moved by up to 0.25×
 * between two benches; with four per run (60), by 0.01–0.08×, which is as wide as the distance
 * from the target (0.90×) that the figures sat at on Ink 8 (0.83–0.97× in three benches of one
 * key path). With ten per run (150), the report prints each ratio's 90% bootstrap interval: about
 * ±0.05× wide in two benches of one build. The step takes 233 s instead of 105 s.
 */
const SPACED_PER_RUN = 10;
const BURST = 5;
const NO_CHANGE_MS = 600;

/** An app under test in one long-lived pty session, with the keys that reset it between rounds. */
interface OpenApp {
  name: 'ours' | 'oneBox';
  screen: BenchScreen;
  reset: string[];
  initial: string;
  /** Presses of each key that still change the screen before a reset is needed. */
  room: Partial<Record<KeyKind, number>>;
  /** Presses of each key in a row that change the screen from the reset state. */
  capacity: Partial<Record<KeyKind, number>>;
}

async function openApp(name: OpenApp['name'], args: string[], painted: Painted, reset: string[]): Promise<OpenApp> {
  const {result, screen} = await paint(args, painted);
  if (result.error) {
    await screen.quit('q');
    throw new Error(`${name}: ${result.error}`);
  }
  await screen.settle();
  return {name, screen, reset, initial: screen.text(), room: {}, capacity: {}};
}

async function resetApp(app: OpenApp): Promise<void> {
  if (!app.reset.length) return;
  for (let attempt = 0; attempt < 5; attempt++) {
    // One key per write, each after a quiet spell: Ink reads a chunk like "1g" as one typed
    // string, not two keys.
    for (const k of app.reset) {
      app.screen.app.press(k);
      await app.screen.settle(150);
    }
    if (app.screen.text() === app.initial) return;
  }
  throw new Error(`${app.name}: keys ${JSON.stringify(app.reset.join(''))} did not bring back the first screen`);
}

/** How many presses of a key in a row change the screen from the reset state (capped). */
async function probeCapacity(app: OpenApp, kind: KeyKind, cap: number): Promise<number> {
  await resetApp(app);
  let n = 0;
  while (n < cap) {
    const ms = await app.screen.key(KEYS[kind], NO_CHANGE_MS);
    if (process.env.BENCH_DEBUG) log(`probe ${app.name} ${kind} ${n}: ${ms}`);
    if (ms === undefined) break;
    n++;
    await app.screen.settle(40);
  }
  await resetApp(app);
  return n;
}

/** Makes sure the next `count` presses of `kind` will change the screen. */
async function ensureRoom(app: OpenApp, kind: KeyKind, count: number): Promise<void> {
  if ((app.room[kind] ?? 0) >= count) return;
  await resetApp(app);
  app.room[kind] = app.capacity[kind];
}

type Table = Record<string, Record<string, number[]>>;
const summarize = (table: Table): Record<string, Record<string, Sampled>> =>
  Object.fromEntries(Object.entries(table).map(([app, kinds]) => [app, Object.fromEntries(Object.entries(kinds).map(([k, v]) => [k, sampled(v)]))]));

export async function measureLatency({runs, results, failures}: Run): Promise<void> {
  const spacedPresses = runs * SPACED_PER_RUN;
  step(`key-to-screen latency (${COLS}x${ROWS} pty; ${spacedPresses} spaced presses and ${runs} back-to-back presses per key, per app)`);
  // Ours: `1` jumps to the first section, `g` to its top. The one-box counter never runs out.
  const apps = [await openApp('ours', OURS, oursPainted, ['1', 'g']), await openApp('oneBox', ONE_BOX, oneBoxPainted, [])];
  // Warm-up, untimed: a few presses of each key, so neither app is measured while its key
  // handling code is still cold.
  for (const app of apps) {
    for (const kind of KINDS) {
      await resetApp(app);
      for (let i = 0; i < 3; i++) {
        await app.screen.key(KEYS[kind], 300);
        await app.screen.settle(30);
      }
    }
  }
  const cap = Math.max(runs, BURST) + 1;
  for (const app of apps) {
    for (const kind of KINDS) {
      app.capacity[kind] = app.reset.length ? await probeCapacity(app, kind, cap) : Infinity;
      app.room[kind] = app.capacity[kind];
    }
    log(
      `  ${app.name}: presses that change the screen from the top of section 1: ${Object.entries(app.capacity)
        .map(([k, n]) => `${KEY_LABEL[k as KeyKind]} ${n === Infinity || n >= cap ? `≥${cap} (does not run out)` : n}`)
        .join(', ')}`,
    );
  }
  const capacity = (app: OpenApp, kind: KeyKind) => app.capacity[kind] ?? 0;
  const spaced: Table = {};
  const spacedLast: Table = {};
  const burst: Table = {};
  const misses: Record<string, Record<string, number>> = {};
  for (const app of apps) {
    spaced[app.name] = {};
    spacedLast[app.name] = {};
    burst[app.name] = {};
    misses[app.name] = {};
  }
  for (const kind of KINDS) {
    for (const app of apps) {
      if (capacity(app, kind) === 0) failures.push(`${app.name}: ${KEY_LABEL[kind]} never changes the screen`);
      spaced[app.name]![kind] = [];
      spacedLast[app.name]![kind] = [];
      burst[app.name]![kind] = [];
      misses[app.name]![kind] = 0;
      await resetApp(app);
      app.room[kind] = app.capacity[kind];
    }
    // Spaced: one press, wait for the screen to change, pause; the two apps take turns.
    for (let i = 0; i < spacedPresses; i++) {
      for (const app of apps) {
        if (capacity(app, kind) === 0) continue;
        await ensureRoom(app, kind, 1);
        const ms = await app.screen.key(KEYS[kind], NO_CHANGE_MS);
        app.room[kind] = (app.room[kind] ?? 0) - 1;
        if (ms === undefined) misses[app.name]![kind]!++;
        else spaced[app.name]![kind]!.push(ms);
        await app.screen.settle(50);
        // Until the last output caused by the key (a later frame, the cursor), for results.json.
        if (ms !== undefined) spacedLast[app.name]![kind]!.push(app.screen.app.lastOutputAt - app.screen.app.lastInputAt);
        await sleep(PAUSE_MS);
      }
    }
    // Back-to-back: each press sent as soon as the previous one's change reached the screen.
    const burstLength = (app: OpenApp) => Math.max(1, Math.min(BURST, capacity(app, kind)));
    for (let done = 0; done < runs; ) {
      let took = 0;
      for (const app of apps) {
        if (capacity(app, kind) === 0) continue;
        const n = Math.min(burstLength(app), runs - done);
        await ensureRoom(app, kind, n);
        await app.screen.settle(60);
        for (let j = 0; j < n; j++) {
          const ms = await app.screen.key(KEYS[kind], NO_CHANGE_MS);
          app.room[kind] = (app.room[kind] ?? 0) - 1;
          if (ms === undefined) misses[app.name]![kind]!++;
          else burst[app.name]![kind]!.push(ms);
        }
        took = Math.max(took, n);
        await app.screen.settle(60);
        await sleep(PAUSE_MS);
      }
      done += Math.max(took, 1);
    }
    log(`  ${KEY_LABEL[kind]}: ${apps.map((a) => `${a.name} spaced ${stats(spaced[a.name]![kind]!).median.toFixed(1)} ms, back-to-back ${stats(burst[a.name]![kind]!).median.toFixed(1)} ms`).join('; ')}`);
  }
  for (const app of apps) await app.screen.quit('q');
  results.latency = {
    pauseMs: PAUSE_MS,
    burstLength: BURST,
    noChangeTimeoutMs: NO_CHANGE_MS,
    capacity: Object.fromEntries(apps.map((a) => [a.name, Object.fromEntries(Object.entries(a.capacity).map(([k, n]) => [k, n === Infinity ? null : n]))])),
    spacedMs: summarize(spaced),
    spacedUntilLastOutputMs: summarize(spacedLast),
    backToBackMs: summarize(burst),
    noChange: misses,
  };
  for (const [app, kinds] of Object.entries(misses)) {
    for (const [kind, n] of Object.entries(kinds)) if (n) failures.push(`latency ${app} ${KEY_LABEL[kind as KeyKind]}: ${n} press(es) did not change the screen within ${NO_CHANGE_MS} ms`);
  }
}
