/** A process's memory, state and children, read from Linux's /proc (proc(5)). */
import {readFileSync} from 'node:fs';

export type MemoryField = 'VmRSS' | 'VmHWM';

/**
 * A field of `/proc/<pid>/status` in KiB: `VmRSS` (resident now) or `VmHWM` (the peak resident
 * set), or undefined once the process has gone.
 */
export function statusKiB(pid: number, field: MemoryField = 'VmRSS'): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** The one child process of `pid` (e.g. the program a bash wrapper runs); throws if it has not exactly one. */
export function onlyChild(pid: number): number {
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  if (children.length !== 1) throw new Error(`expected process ${pid} to run one program, found ${children.length}`);
  return children[0]!;
}

/**
 * The state letter of `/proc/<pid>/stat` (R running, S sleeping, T stopped by job control, Z…),
 * or undefined once the process has gone.
 */
export function processState(pid: number): string | undefined {
  try {
    // The name, in parentheses, may hold spaces and parentheses itself: the state follows the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return /^ (\S)/.exec(stat.slice(stat.lastIndexOf(')') + 1))?.[1];
  } catch {
    return undefined;
  }
}
