/** 1. First paint in the pty: kim-resume against the one-box Ink app and bare node, interleaved. */
import {BARE_READY, COLS, log, ONE_BOX, OURS, ROWS} from '../config';
import {step, type Run} from '../results';
import {bareReady, firstPaint, oneBoxPainted, oursPainted, type Painted} from '../screen';
import {MiB, pairedRatio, ratio, sampled, stats} from '../stats';

export async function measureFirstPaint({runs, results, failures}: Run): Promise<void> {
  step(`first paint (${COLS}x${ROWS} pty, ${runs} runs each, interleaved)`);
  const cmds: {key: 'ours' | 'oneBox' | 'bareNode'; args: string[]; painted: Painted; quit: string}[] = [
    {key: 'ours', args: OURS, painted: oursPainted, quit: 'q'},
    {key: 'oneBox', args: ONE_BOX, painted: oneBoxPainted, quit: 'q'},
    {key: 'bareNode', args: BARE_READY, painted: bareReady, quit: ''},
  ];
  const samples = {ours: [] as number[], oneBox: [] as number[], bareNode: [] as number[]};
  const hwm: Partial<Record<'ours' | 'oneBox' | 'bareNode', number[]>> = {ours: [], oneBox: []};
  for (let round = -1; round < runs; round++) {
    // Rotate the order each round, so none always goes first after a pause.
    for (let i = 0; i < cmds.length; i++) {
      const c = cmds[(i + Math.max(round, 0)) % cmds.length]!;
      const result = await firstPaint(c.args, c.painted, c.quit);
      if (result.error) failures.push(`first paint ${c.key}: ${result.error}`);
      if (round < 0) continue; // warm-up (file cache)
      samples[c.key].push(result.ms);
      hwm[c.key]?.push(result.hwmKiB);
    }
    if (round >= 0) log(`  round ${round + 1}: ours ${samples.ours.at(-1)!.toFixed(0)} ms, one-box ${samples.oneBox.at(-1)!.toFixed(0)} ms, node ${samples.bareNode.at(-1)!.toFixed(0)} ms`);
  }
  results.firstPaint = {
    ms: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, sampled(v)])),
    ratioOursToOneBox: ratio(stats(samples.ours).median, stats(samples.oneBox).median),
    pairedRatioOursToOneBox: pairedRatio(samples.ours, samples.oneBox),
    ratioOursToBareNode: ratio(stats(samples.ours).median, stats(samples.bareNode).median),
    pairedRatioOursToBareNode: pairedRatio(samples.ours, samples.bareNode),
    vmHwmAtFirstPaintMiB: Object.fromEntries(Object.entries(hwm).map(([k, v]) => [k, stats(v.map(MiB))])),
  };
}
