/** 4. Peak memory: interactive after the first paint and after 50 keys; piped, against `node -e ""`. */
import {spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import {ptyEnv} from '../../test/helpers/pty-app';
import {statusKiB} from '../../test/helpers/process-memory';
import {log, NODE, ONE_BOX, OURS, ROOT} from '../config';
import {step, type Run} from '../results';
import {oneBoxPainted, oursPainted, paint} from '../screen';
import {MiB, sampled} from '../stats';

const KEY_TOUR = ['\x1b[B', '\x1b[B', '\x1b[6~', '\t', '\x1b[B', '\x1b[6~', '\t', 'g', '\x1b[B', '\t'];

/** The peak resident set of `node …args` with stdout to nowhere, in KiB. */
function pipedPeak(args: string[], timeBin: string | undefined): Promise<number> {
  // The kernel's own peak (ru_maxrss of the waited-for child) via GNU time, else polling.
  if (timeBin) {
    return new Promise((resolve) => {
      const child = spawn(timeBin, ['-f', 'MAXRSS_KB=%M', NODE, ...args], {cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: ptyEnv()});
      let err = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
      child.on('close', () => resolve(Number(/MAXRSS_KB=(\d+)/.exec(err)?.[1])));
    });
  }
  return new Promise((resolve) => {
    const child = spawn(NODE, args, {cwd: ROOT, stdio: ['ignore', 'ignore', 'ignore'], env: ptyEnv()});
    let peak = NaN;
    const poll = setInterval(() => {
      const m = child.pid === undefined ? undefined : statusKiB(child.pid, 'VmHWM');
      if (m !== undefined) peak = Number.isFinite(peak) ? Math.max(peak, m) : m;
    }, 2);
    child.on('exit', () => {
      clearInterval(poll);
      resolve(peak);
    });
  });
}

export async function measureMemory({runs, results, failures}: Run): Promise<void> {
  const memRuns = Math.max(3, Math.ceil(runs / 3));
  step(`peak memory (interactive: ${memRuns} pty sessions with 50 keys; piped: ${runs} runs)`);
  const afterPaint: number[] = [];
  const afterKeys: number[] = [];
  const oneBoxAfterKeys: number[] = [];
  for (let r = 0; r < memRuns; r++) {
    for (const which of r % 2 ? (['oneBox', 'ours'] as const) : (['ours', 'oneBox'] as const)) {
      const {result, screen} = await paint(which === 'ours' ? OURS : ONE_BOX, which === 'ours' ? oursPainted : oneBoxPainted);
      if (result.error) {
        failures.push(`memory ${which}: ${result.error}`);
        await screen.quit('q');
        continue;
      }
      if (which === 'ours') afterPaint.push(result.hwmKiB);
      for (let i = 0; i < 50; i++) {
        await screen.key(KEY_TOUR[i % KEY_TOUR.length]!, 250);
      }
      await screen.settle(50);
      (which === 'ours' ? afterKeys : oneBoxAfterKeys).push(screen.app.memoryKiB('VmHWM') ?? NaN);
      await screen.quit('q');
    }
  }
  const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
  const piped = {ours: [] as number[], bareEmpty: [] as number[]};
  for (let r = 0; r < runs; r++) {
    for (const k of r % 2 ? (['bareEmpty', 'ours'] as const) : (['ours', 'bareEmpty'] as const)) piped[k].push(await pipedPeak(k === 'ours' ? OURS : ['-e', ''], timeBin));
  }
  const memory = {
    interactiveMethod: 'VmHWM from /proc/<pid>/status of the node process in the pty: at first paint, then after 50 keys (↓, PgDn, Tab, g; each awaited), before q',
    pipedMethod: timeBin ? 'GNU time %M (ru_maxrss of the child, from wait4): node bin/kim-resume.js with stdout piped to /dev/null' : 'polling VmHWM of the child every 2 ms until exit (a lower bound)',
    interactiveMiB: {
      afterFirstPaint: sampled(afterPaint.map(MiB)),
      after50Keys: sampled(afterKeys.map(MiB)),
      oneBoxAfter50Keys: sampled(oneBoxAfterKeys.map(MiB)),
    },
    pipedMiB: {
      ours: sampled(piped.ours.map(MiB)),
      bareEmpty: sampled(piped.bareEmpty.map(MiB)),
    },
  };
  results.memory = memory;
  log(`  interactive after 50 keys: median ${memory.interactiveMiB.after50Keys.median.toFixed(1)} MiB; piped: median ${memory.pipedMiB.ours.median.toFixed(1)} MiB (node -e "": ${memory.pipedMiB.bareEmpty.median.toFixed(1)} MiB)`);
}
