/** 6. Scale: first paint of a 1,000-project résumé (test/helpers/large.ts) against the real one, interleaved. */
import {spawnSync} from 'node:child_process';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {largeResume} from '../../test/helpers/large';
import {officialSchemaErrors} from '../../test/helpers/schema';
import {log, NODE, OUT, OURS, ROOT} from '../config';
import {step, type Run} from '../results';
import {firstPaint, oursPainted} from '../screen';
import {MiB, pairedRatio, ratio, sampled, stats} from '../stats';

const LARGE = join(OUT, 'large.json');
const ISO_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Writes bench/.out/large.json: 1,000 dated projects under the real résumé's basics and meta (its
 * language and its date style, `2021.06`), checked before use. The same meta, so that the figure
 * is what 1,000 projects cost: without it the dates are written by Intl.DateTimeFormat, whose
 * first use costs any process ~30 ms of ICU set-up, once, whatever the length.
 */
function makeLargeResume(): {projects: number; bytes: number; textLines: number} {
  const real = JSON.parse(readFileSync(join(ROOT, 'data/resume.json'), 'utf8')) as {basics: Record<string, unknown>; meta?: Record<string, unknown>};
  const {json} = largeResume({projects: 1000, bullets: 10, basics: real.basics, meta: real.meta, dated: true});
  const resume = JSON.parse(json) as {projects: {name: string; startDate: string; endDate: string}[]};
  // Shape checks: ISO dates, the official schema, and kim-resume's own loader.
  for (const p of resume.projects) {
    if (!ISO_MONTH.test(p.startDate) || !ISO_MONTH.test(p.endDate) || p.endDate < p.startDate) throw new Error(`bad date in ${p.name}`);
  }
  const schemaErrors = officialSchemaErrors(resume);
  if (schemaErrors.length) throw new Error(`large.json fails the JSON Resume schema: ${schemaErrors.slice(0, 3).join('; ')}`);
  mkdirSync(OUT, {recursive: true});
  writeFileSync(LARGE, json);
  const loaded = spawnSync(NODE, [...OURS, LARGE, '--format', 'text'], {cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28});
  if (loaded.status !== 0) throw new Error(`kim-resume rejects large.json: ${loaded.stderr.trim()}`);
  return {projects: resume.projects.length, bytes: Buffer.byteLength(json), textLines: loaded.stdout.split('\n').length - 1};
}

export async function measureScale({runs, results, failures}: Run): Promise<void> {
  step(`scale (1,000 projects; first paint in the pty, ${runs} runs each, interleaved)`);
  const made = makeLargeResume();
  log(`  bench/.out/large.json: ${made.projects} projects, ${(made.bytes / 1000).toFixed(0)} KB, ${made.textLines} lines as text`);
  const samples = {large: [] as number[], real: [] as number[]};
  const hwm = {large: [] as number[], real: [] as number[]};
  for (let round = -1; round < runs; round++) {
    for (const k of round % 2 ? (['real', 'large'] as const) : (['large', 'real'] as const)) {
      const result = await firstPaint(k === 'large' ? [...OURS, LARGE] : OURS, oursPainted, 'q');
      if (result.error) failures.push(`scale ${k}: ${result.error}`);
      if (round < 0) continue;
      samples[k].push(result.ms);
      hwm[k].push(result.hwmKiB);
    }
  }
  const firstPaintMs = {large: sampled(samples.large), real: sampled(samples.real)};
  results.scale = {
    file: {...made, path: 'bench/.out/large.json'},
    firstPaintMs,
    ratioLargeToReal: ratio(stats(samples.large).median, stats(samples.real).median),
    pairedRatioLargeToReal: pairedRatio(samples.large, samples.real),
    vmHwmAtFirstPaintMiB: {large: stats(hwm.large.map(MiB)), real: stats(hwm.real.map(MiB))},
  };
  log(`  medians: large ${firstPaintMs.large.median.toFixed(0)} ms, real ${firstPaintMs.real.median.toFixed(0)} ms`);
}
