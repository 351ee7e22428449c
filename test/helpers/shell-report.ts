/**
 * The bash wrapper a pty test can run the program under (`shell: true`): it prints the tty's
 * modes before the program starts and after it exits (`stty -g`, then `stty -a`) and the
 * program's own exit code, so a test can check what the program left behind.
 */

/** What the bash wrapper printed after the program exited. */
export interface ShellReport {
  /** The program's own exit code. */
  exitCode: number;
  /** `stty -g` before the program started and after it exited. */
  sttyBefore: string;
  sttyAfter: string;
  /** `stty -a` after it exited. */
  sttyAll: string;
}

/** `[file, args]` that run `file args…` under the wrapper. */
export function shellWrapped(file: string, args: string[]): [string, string[]] {
  return [
    'bash',
    [
      '-c',
      // After __END bash waits until the harness has read it (SIGUSR1, see reportReceived): node-pty
      // destroys its socket 200 ms after the pty's process exits, and output not yet read by then
      // (a slow first run, a busy machine) is lost with the report in it.
      'trap \'kill $! 2>/dev/null; exit 0\' USR1; echo "__STTY_BEFORE=$(stty -g)"; "$0" "$@"; code=$?; echo "__EXIT=$code"; echo "__STTY_AFTER=$(stty -g)"; echo "__STTY_ALL"; stty -a; echo "__END"; sleep 30 & wait $!',
      file,
      ...args,
    ],
  ];
}

/** Whether the chunk `data` just appended to `output` completed the report (then send the wrapper SIGUSR1). */
export function reportReceived(output: string, data: string): boolean {
  return output.slice(-data.length - 8).includes('__END');
}

/** The report in everything the wrapper wrote; throws if part of it is missing. */
export function parseShellReport(output: string): ShellReport {
  const exit = /__EXIT=(\d+)/.exec(output);
  const before = /__STTY_BEFORE=(\S+)/.exec(output);
  const after = /__STTY_AFTER=(\S+)/.exec(output);
  const all = /__STTY_ALL\r?\n([\s\S]*?)__END/.exec(output);
  if (!exit || !before || !after || !all) throw new Error(`the shell wrapper's report is incomplete:\n${JSON.stringify(output.slice(-2000))}`);
  return {exitCode: Number(exit[1]), sttyBefore: before[1]!, sttyAfter: after[1]!, sttyAll: all[1]!};
}
