/**
 * 2. The whole résumé printed through a pipe, against node printing as many lines, interleaved;
 * kim-resume warm (its code cache written by the probe run) and cold (an empty cache folder).
 */
import {spawn} from 'node:child_process';
import {performance} from 'node:perf_hooks';
import {ptyEnv} from '../../test/helpers/pty-app';
import {coldCache, log, NODE, OURS, ROOT} from '../config';
import {step, type Run} from '../results';
import {pairedRatio, ratio, sampled, stats} from '../stats';

interface PipedRun {
  ms: number;
  code: number | null;
  out: string;
  err: string;
}

function runPiped(args: string[], env: Record<string, string> = {}): Promise<PipedRun> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(NODE, args, {cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: ptyEnv(env)});
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('close', (code) => resolve({ms: performance.now() - t0, code, out, err}));
  });
}

export async function measurePiped({runs, results, failures}: Run): Promise<void> {
  step(`piped full text (${runs} runs each, interleaved)`);
  const probe = await runPiped(OURS);
  if (probe.code !== 0) failures.push(`piped ours exited ${probe.code}: ${probe.err.trim()}`);
  const lines = probe.out.split('\n').length - (probe.out.endsWith('\n') ? 1 : 0);
  const bytes = Buffer.byteLength(probe.out);
  const perLine = Math.max(0, Math.round(bytes / Math.max(lines, 1)) - 1);
  // The same number of lines (and about the same bytes), in one write, as ours does.
  const sameLines = ['-e', `process.stdout.write(('x'.repeat(${perLine}) + '\\n').repeat(${lines}))`];
  const cmds = {ours: OURS, oursCold: OURS, bareSameLines: sameLines, bareEmpty: ['-e', '']};
  const samples: Record<keyof typeof cmds, number[]> = {ours: [], oursCold: [], bareSameLines: [], bareEmpty: []};
  const keys = Object.keys(cmds) as (keyof typeof cmds)[];
  for (let round = -1; round < runs; round++) {
    for (let i = 0; i < keys.length; i++) {
      const k = keys[(i + Math.max(round, 0)) % keys.length]!;
      const r = await runPiped(cmds[k], k === 'oursCold' ? coldCache() : {});
      if (r.code !== 0) failures.push(`piped ${k} exited ${r.code}`);
      if (round >= 0) samples[k].push(r.ms);
    }
  }
  const ms = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, sampled(v)]));
  results.piped = {
    lines,
    bytes,
    ms,
    ratioOursToBareSameLines: ratio(stats(samples.ours).median, stats(samples.bareSameLines).median),
    pairedRatioOursToBareSameLines: pairedRatio(samples.ours, samples.bareSameLines),
    ratioOursColdToBareSameLines: ratio(stats(samples.oursCold).median, stats(samples.bareSameLines).median),
    ratioOursToBareEmpty: ratio(stats(samples.ours).median, stats(samples.bareEmpty).median),
  };
  log(`  ours prints ${lines} lines (${bytes} bytes); medians: ours warm ${ms.ours!.median.toFixed(0)} ms, cold ${ms.oursCold!.median.toFixed(0)} ms, node same lines ${ms.bareSameLines!.median.toFixed(0)} ms, node -e "" ${ms.bareEmpty!.median.toFixed(0)} ms`);
}
