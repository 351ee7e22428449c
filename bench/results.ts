/** Everything one bench run measured, as written to bench/results.json, and the problems met. */
import {cpus, loadavg} from 'node:os';
import {performance} from 'node:perf_hooks';
import {COLS, log, ROWS} from './config';
import type {Sampled, Stats} from './stats';
import type {Concurrent} from './steps/serve-concurrent';
import type {Flood} from './steps/serve-flood';
import type {Lockout} from './steps/serve-lockout';
import type {NonReader} from './steps/serve-non-reader';

type ByKey<T> = Record<string, T>;

export interface Results {
  date: string;
  node: string;
  cpus: number;
  runs: number;
  loadAverageAtStart: number[];
  terminal: string;
  build?: {commit: string; uncommitted: string[]; distKB: number; oneBoxKB: number; oneBoxBuild: string};
  firstPaint?: {
    ms: ByKey<Sampled>;
    ratioOursToOneBox: number;
    /** From the start to the screen answering a Tab pressed the moment the first frame was up. */
    firstKeyAnsweredMs?: {ours: Sampled; oneBox: Sampled};
    ratioFirstKeyOursToOneBox?: number;
    pairedRatioOursToOneBox: number;
    ratioOursColdToOneBox: number;
    ratioOursToBareNode: number;
    pairedRatioOursToBareNode: number;
    vmHwmAtFirstPaintMiB: ByKey<Stats>;
  };
  piped?: {
    lines: number;
    bytes: number;
    ms: ByKey<Sampled>;
    ratioOursToBareSameLines: number;
    pairedRatioOursToBareSameLines: number;
    ratioOursColdToBareSameLines: number;
    ratioOursToBareEmpty: number;
  };
  latency?: {
    pauseMs: number;
    burstLength: number;
    noChangeTimeoutMs: number;
    capacity: ByKey<ByKey<number | null>>;
    spacedMs: ByKey<ByKey<Sampled>>;
    spacedUntilLastOutputMs: ByKey<ByKey<Sampled>>;
    backToBackMs: ByKey<ByKey<Sampled>>;
    noChange: ByKey<ByKey<number>>;
  };
  memory?: {
    interactiveMethod: string;
    pipedMethod: string;
    interactiveMiB: {afterFirstPaint: Sampled; after50Keys: Sampled; oneBoxAfter50Keys: Sampled};
    pipedMiB: {ours: Sampled; bareEmpty: Sampled};
  };
  package?: {
    tarball: string;
    tarballKB: number;
    unpackedKB: number;
    files: number;
    dependencies: number;
    largestFiles: {path: string; KB: number}[];
    installedRuns?: string;
    installMs?: Sampled | {failure: string};
    /** The files only `kim-resume serve` loads (ssh2 and src/serve/), as the tarball carries them (bench/steps/package.ts), and their share of dist/. */
    serve?: {files: number; packedKB: number; distPackedKB: number};
  };
  scale?: {
    file: {projects: number; bytes: number; textLines: number; path: string};
    firstPaintMs: {large: Sampled; real: Sampled};
    ratioLargeToReal: number;
    pairedRatioLargeToReal: number;
    vmHwmAtFirstPaintMiB: {large: Stats; real: Stats};
  };
  serve?: {
    sshSessions: number;
    httpRequests: number;
    firstFrameMs: Sampled & {p95: number};
    textSessionMs: Sampled & {p95: number};
    httpMs: Sampled & {p95: number};
    peakRssMiB: number;
    chunkKB: number;
    chunkGzipKB: number;
    failed: string[];
  };
  /** The server's limits under abuse, beside a normal reader (bench/steps/serve.ts and serve-*.ts). */
  serveHolds?: {
    /** One app session opened alone, several times in a row: the baseline for `atOnce`. */
    alone?: {firstFrameMs: Sampled};
    atOnce?: Concurrent[];
    nonReader?: NonReader;
    flood?: Flood;
    lockout?: Lockout;
    /** The whole serve step, mixed load included. */
    seconds?: number;
  };
  /** GET / for a browser, with brotli and without, on keep-alive connections (bench/steps/serve-page.ts). */
  servePage?: {requests: number; ms: {br: Sampled & {p95: number}; identity: Sampled & {p95: number}}; bytes: {br: number; identity: number}};
  /** Enter after /Kafka to 1/N on screen (bench/steps/search.ts); the first search apart. */
  search?: {fixture: string; query: string; firstTryMs: number; ms: Sampled};
  /** The web page of data/resume.json (bench/steps/page.ts): its size, and its first contentful paint in headless Chromium. */
  page?: {bytes: number; gzipBytes: number; fcpMs?: Sampled; /** A page of one paragraph, from the same server, interleaved. */ baselineFcpMs?: Sampled; /** The page's own text as plain paragraphs, no style, interleaved. */ textFcpMs?: Sampled};
  /** From the key after a 1,000-key burst to its frame (bench/steps/burst.ts). */
  burst?: {keys: number; ms: Sampled};
  totalSeconds?: number;
  loadAverageAtEnd?: number[];
  failures?: string[];
}

export function newResults(runs: number): Results {
  return {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    runs,
    loadAverageAtStart: loadavg(),
    terminal: `${COLS}x${ROWS} xterm-256color (node-pty + @xterm/headless)`,
  };
}

/** What a step hands on: where to record, and the problems met (listed after the table). */
export interface Run {
  runs: number;
  results: Results;
  failures: string[];
}

/** Announces a step; returns its start time. */
export function step(name: string): number {
  log(`\n== ${name}`);
  return performance.now();
}
