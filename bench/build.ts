/**
 * Builds what is compared: the product (scripts/build.mjs, measured as a private copy of the
 * package) and the baseline, bench/one-box.tsx, an ordinary bundled Ink app built with the
 * product's common esbuild options (scripts/build/options.mjs).
 */
import {execFileSync, spawnSync} from 'node:child_process';
import {cpSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {performance} from 'node:perf_hooks';
import {build} from 'esbuild';
import {commonOptions} from '../scripts/build/options.mjs';
import {stub} from '../scripts/build/paths.mjs';
import {ptyEnv} from '../test/helpers/pty-app';
import {log, NODE, OUT, OURS, PKG, ROOT} from './config';
import {step, type Run} from './results';

function dirBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? dirBytes(path) : statSync(path).size;
  }
  return total;
}

/**
 * Builds dist/ and measures a private copy of the package (bench/.out/pkg): other people rebuild
 * dist/ in this working tree while the bench runs, and a half-written dist/ is not a figure.
 */
function buildOurs(): void {
  for (let attempt = 1; ; attempt++) {
    execFileSync(NODE, ['scripts/build.mjs'], {cwd: ROOT, stdio: 'inherit'});
    rmSync(PKG, {recursive: true, force: true});
    mkdirSync(PKG, {recursive: true});
    for (const entry of ['bin', 'dist', 'data', 'package.json']) cpSync(join(ROOT, entry), join(PKG, entry), {recursive: true});
    const check = spawnSync(NODE, OURS, {cwd: ROOT, encoding: 'utf8', env: ptyEnv()});
    if (check.status === 0 && check.stdout.includes('김성호')) return;
    if (attempt === 3) throw new Error(`the built CLI does not print the résumé: exit ${check.status}: ${check.stderr.trim()}`);
    log(`  the copied build did not run (exit ${check.status}); building again`);
  }
}

/**
 * The baseline keeps the options the product had when it was set: the common ones (ESM, the
 * banner, the define) and target node20, with the stubs an Ink app needs to bundle (the bench's
 * programs run with no CI variable: test/helpers/pty-app.ts ptyEnv). The product's own later
 * size work (minify, yoga's wasm as a file, its patches) is deliberately not applied to it.
 */
async function buildOneBox(): Promise<void> {
  rmSync(join(OUT, 'one-box'), {recursive: true, force: true});
  mkdirSync(OUT, {recursive: true});
  await build({
    ...commonOptions,
    entryPoints: {'one-box': 'bench/one-box.tsx'},
    outdir: 'bench/.out/one-box',
    target: 'node20',
    alias: {
      'cli-highlight': stub('cli-highlight.ts'),
      'react-devtools-core': stub('empty.ts'),
    },
  });
  writeFileSync(join(OUT, 'one-box/package.json'), '{"type":"module"}\n');
}

export async function buildAll({results}: Run): Promise<void> {
  const t = step('build');
  buildOurs();
  await buildOneBox();
  const git = (...args: string[]) => spawnSync('git', args, {cwd: ROOT, encoding: 'utf8'}).stdout.trim();
  const built = {
    commit: git('rev-parse', '--short', 'HEAD'),
    // Other people's uncommitted changes that went into this build, if any.
    uncommitted: git('status', '--porcelain', '--', 'src', 'scripts', 'bin', 'data', 'package.json').split('\n').filter(Boolean),
    distKB: dirBytes(join(PKG, 'dist')) / 1000,
    oneBoxKB: dirBytes(join(OUT, 'one-box')) / 1000,
    oneBoxBuild: 'esbuild: ESM, platform node, target node20, bundle + splitting, createRequire banner, NODE_ENV=production, react-devtools-core stubbed; not minified',
  };
  results.build = built;
  log(
    `built dist/ (measured as its copy bench/.out/pkg/, ${built.distKB.toFixed(0)} KB) and bench/.out/one-box/ (${built.oneBoxKB.toFixed(0)} KB) in ${(performance.now() - t).toFixed(0)} ms at ${built.commit}${built.uncommitted.length ? ` plus uncommitted changes: ${built.uncommitted.join(', ')}` : ''}`,
  );
}
