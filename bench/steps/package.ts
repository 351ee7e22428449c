/** 5. The package: npm pack, then npm install --offline of the tarball (3 runs), and whether the installed command runs. */
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {performance} from 'node:perf_hooks';
import {brotliCompressSync, gzipSync} from 'node:zlib';
import {bundleFiles} from '../../test/helpers/bundle-files';
import {ptyEnv} from '../../test/helpers/pty-app';
import {log, ROOT} from '../config';
import {step, type Results, type Run} from '../results';
import {sampled, stats} from '../stats';

interface PackInfo {
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: {path: string; size: number}[];
}

/**
 * The serve chunk's share of dist/ as the tarball carries it: the output files whose inputs
 * include ssh2 or src/serve/, from the build's record of its inputs. A chunk compressed alone
 * (`<file>.br`, scripts/build/packed.mjs) counts its bytes; a plain file, its gzip (npm's
 * tarball is gzipped); a chunk of the archive, its own brotli.
 */
function serveShare(): {files: number; packedKB: number; distPackedKB: number} {
  const meta = JSON.parse(readFileSync(join(ROOT, 'node_modules/.cache/kim-resume/build-meta.json'), 'utf8')) as {outputs: Record<string, {inputs: string[]}>};
  let unpacked: Map<string, Buffer> | undefined;
  const shipped = (file: string) => {
    const path = join(ROOT, file);
    if (existsSync(path + '.br')) return statSync(path + '.br').size / 1000;
    if (file.endsWith('.br')) return statSync(path).size / 1000;
    return (existsSync(path) ? gzipSync(readFileSync(path)) : brotliCompressSync((unpacked ??= bundleFiles(join(ROOT, 'dist'), ROOT)).get(file)!)).length / 1000;
  };
  const serveFiles = Object.entries(meta.outputs)
    .filter(([, out]) => out.inputs.some((i) => i.startsWith('node_modules/ssh2/') || i.startsWith('src/serve/')))
    .map(([file]) => file);
  const distFiles = readdirSync(join(ROOT, 'dist'), {recursive: true, withFileTypes: true})
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? e.path, e.name).slice(ROOT.length).replace(/^\//, ''));
  const sum = (files: string[]) => files.reduce((total, file) => total + shipped(file), 0);
  return {files: serveFiles.length, packedKB: sum(serveFiles), distPackedKB: sum(distFiles)};
}

export async function measurePackage({results}: Run): Promise<void> {
  step('package (npm pack, then npm install --offline of the tarball, 3 runs)');
  const dir = mkdtempSync(join(tmpdir(), 'kim-bench-pack-'));
  try {
    const packed = spawnSync('npm', ['pack', '--json', '--pack-destination', dir], {cwd: ROOT, encoding: 'utf8', env: {...process.env, npm_config_loglevel: 'warn'}});
    if (packed.status !== 0) throw new Error(`npm pack failed: ${packed.stderr}`);
    // Lifecycle output (prepare → build) may precede the JSON on stdout.
    const info = (JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as PackInfo[])[0]!;
    const tarball = join(dir, info.filename);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {dependencies?: Record<string, string>};
    const deps = Object.keys(pkg.dependencies ?? {});
    const measured: NonNullable<Results['package']> = {
      tarball: info.filename,
      tarballKB: info.size / 1000,
      unpackedKB: info.unpackedSize / 1000,
      files: info.entryCount,
      dependencies: deps.length,
      largestFiles: [...info.files]
        .sort((a, b) => b.size - a.size)
        .slice(0, 5)
        .map((f) => ({path: f.path, KB: f.size / 1000})),
    };
    measured.serve = serveShare();
    results.package = measured;
    const times: number[] = [];
    let failure: string | undefined;
    for (let i = 0; i < 3; i++) {
      const app = mkdtempSync(join(tmpdir(), 'kim-bench-install-'));
      try {
        spawnSync('npm', ['init', '-y'], {cwd: app, encoding: 'utf8'});
        const t0 = performance.now();
        const r = spawnSync('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], {cwd: app, encoding: 'utf8'});
        const ms = performance.now() - t0;
        if (r.status !== 0) {
          failure = `fails: needs ${deps.length} dependencies (${(r.stderr.split('\n').find((l) => /ERR/.test(l)) ?? '').trim()})`;
          break;
        }
        times.push(ms);
        if (i === 0) {
          // Does the installed command run? (Its dependencies must all be inside the tarball.)
          const bin = join(app, 'node_modules/.bin/kim-resume');
          const ran = spawnSync(bin, ['--format', 'text'], {cwd: app, encoding: 'utf8', env: ptyEnv()});
          measured.installedRuns = ran.status === 0 ? `yes (${ran.stdout.split('\n').length - 1} lines)` : `no: exit ${ran.status}: ${ran.stderr.trim().split('\n')[0]}`;
        }
      } finally {
        rmSync(app, {recursive: true, force: true});
      }
    }
    measured.installMs = failure ? {failure} : sampled(times);
    log(
      `  tarball ${measured.tarballKB.toFixed(1)} KB, unpacked ${measured.unpackedKB.toFixed(1)} KB, ${info.entryCount} files; install ${failure ?? `${stats(times).median.toFixed(0)} ms (median)`}; installed command runs: ${measured.installedRuns}`,
    );
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}
