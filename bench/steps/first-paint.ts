/**
 * 1. First paint in the pty: kim-resume against the one-box Ink app and bare node, interleaved.
 * kim-resume runs twice a round: warm (its code cache written, by the warm-up round) and cold
 * (an empty cache folder: a first start, which also writes the cache after the first frame),
 * and once more, warm, in a terminal that answers none of its questions (it waits out one
 * timeout, src/terminal/ask.ts; target: its first frame within 1.1 s).
 *
 * kim-resume draws its first frame before Ink and React are loaded (src/ui/start.ts), so its
 * first paint is not when it can answer a key. Each warm run of it and of the one-box app also
 * presses Tab the moment the first frame is up, and takes when the screen shows the answer,
 * from the start: "first key answered".
 */
import {BARE_READY, coldCache, COLS, log, ONE_BOX, OURS, ROWS} from '../config';
import {step, type Run} from '../results';
import {bareReady, firstPaint, oneBoxPainted, oursPainted, paint, type Painted, type PaintResult} from '../screen';
import {MiB, pairedRatio, ratio, sampled, stats} from '../stats';

export async function measureFirstPaint({runs, results, failures}: Run): Promise<void> {
  step(`first paint (${COLS}x${ROWS} pty, ${runs} runs each, interleaved)`);
  type Key = 'ours' | 'oursCold' | 'oursSilent' | 'oneBox' | 'bareNode';
  const cmds: {key: Key; args: string[]; painted: Painted; quit: string; env?: () => Record<string, string>; answers?: boolean}[] = [
    {key: 'ours', args: OURS, painted: oursPainted, quit: 'q'},
    {key: 'oursCold', args: OURS, painted: oursPainted, quit: 'q', env: coldCache},
    {key: 'oursSilent', args: OURS, painted: oursPainted, quit: 'q', answers: false},
    {key: 'oneBox', args: ONE_BOX, painted: oneBoxPainted, quit: 'q'},
    {key: 'bareNode', args: BARE_READY, painted: bareReady, quit: ''},
  ];
  const samples: Record<Key, number[]> = {ours: [], oursCold: [], oursSilent: [], oneBox: [], bareNode: []};
  const answered: Record<'ours' | 'oneBox', number[]> = {ours: [], oneBox: []};
  /** First paint, then Tab at once: when its answer is on the screen, from the start. */
  const paintThenKey = async (args: string[], painted: Painted, env?: Record<string, string>): Promise<PaintResult & {answeredMs: number}> => {
    const {result, screen} = await paint(args, painted, 30_000, env);
    const pressedAt = performance.now();
    const keyMs = result.error ? undefined : await screen.key('\t', 5_000);
    if (keyMs === undefined && !result.error) result.error = 'Tab after the first frame changed nothing within 5 s';
    const exit = await screen.quit('q');
    if (!exit) result.error = (result.error ?? '') + ' did not exit after quit';
    return {...result, answeredMs: keyMs === undefined ? NaN : pressedAt - screen.app.startedAt + keyMs};
  };
  const hwm: Partial<Record<Key, number[]>> = {ours: [], oursCold: [], oneBox: []};
  for (let round = -1; round < runs; round++) {
    // Rotate the order each round, so none always goes first after a pause.
    for (let i = 0; i < cmds.length; i++) {
      const c = cmds[(i + Math.max(round, 0)) % cmds.length]!;
      const withKey = c.key === 'ours' || c.key === 'oneBox';
      const result: PaintResult & {answeredMs?: number} = withKey ? await paintThenKey(c.args, c.painted) : await firstPaint(c.args, c.painted, c.quit, {env: c.env?.(), answers: c.answers});
      if (result.error) failures.push(`first paint ${c.key}: ${result.error}`);
      if (round < 0) continue; // warm-up (file cache)
      samples[c.key].push(result.ms);
      if (result.answeredMs !== undefined) answered[c.key as 'ours' | 'oneBox'].push(result.answeredMs);
      hwm[c.key]?.push(result.hwmKiB);
    }
    if (round >= 0) log(`  round ${round + 1}: ours warm ${samples.ours.at(-1)!.toFixed(0)} ms, cold ${samples.oursCold.at(-1)!.toFixed(0)} ms, silent terminal ${samples.oursSilent.at(-1)!.toFixed(0)} ms, one-box ${samples.oneBox.at(-1)!.toFixed(0)} ms, node ${samples.bareNode.at(-1)!.toFixed(0)} ms`);
  }
  results.firstPaint = {
    ms: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, sampled(v)])),
    ratioOursToOneBox: ratio(stats(samples.ours).median, stats(samples.oneBox).median),
    firstKeyAnsweredMs: {ours: sampled(answered.ours), oneBox: sampled(answered.oneBox)},
    ratioFirstKeyOursToOneBox: ratio(stats(answered.ours).median, stats(answered.oneBox).median),
    pairedRatioOursToOneBox: pairedRatio(samples.ours, samples.oneBox),
    ratioOursColdToOneBox: ratio(stats(samples.oursCold).median, stats(samples.oneBox).median),
    ratioOursToBareNode: ratio(stats(samples.ours).median, stats(samples.bareNode).median),
    pairedRatioOursToBareNode: pairedRatio(samples.ours, samples.bareNode),
    vmHwmAtFirstPaintMiB: Object.fromEntries(Object.entries(hwm).map(([k, v]) => [k, stats(v.map(MiB))])),
  };
}
