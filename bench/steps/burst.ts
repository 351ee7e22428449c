/**
 * 9. A burst of 1,000 keys (test/helpers/keys.ts BURST_1000, one write each) on the jiwoo
 * fixture, then `3`: the time from that last key to section 3 on screen, which only it reaches,
 * so every key before it has been handled. Moved here from test/e2e/scale.test.ts, which keeps
 * the behaviour (the right frames after it, memory bounded) and no time.
 */
import {performance} from 'node:perf_hooks';
import {JIWOO, JIWOO_PATH} from '../../test/helpers/e2e-jiwoo';
import {BURST_1000} from '../../test/helpers/keys';
import {COLS, log, OURS, ROWS} from '../config';
import {step, type Run} from '../results';
import {BenchScreen} from '../screen';
import {sampled} from '../stats';

export async function measureBurst({runs, results, failures}: Run): Promise<void> {
  const bursts = Math.max(3, Math.ceil(runs / 3));
  step(`burst (jiwoo fixture, ${COLS}x${ROWS} pty): ${BURST_1000.length} keys then 3, from the 3 to section 3 on screen; ${bursts} bursts`);
  const screen = new BenchScreen([...OURS, JIWOO_PATH]);
  const {app} = screen;
  const samples: number[] = [];
  try {
    const first = (await app.ready(JIWOO.firstProject, 30_000)).join('\n');
    await screen.settle();
    for (let i = 0; i < bursts; i++) {
      for (const key of BURST_1000) app.press(key);
      const sent = performance.now();
      app.press('3');
      const shown = await app.whenScreen((rows) => rows.join('\n').includes(JIWOO.volunteer), 30_000);
      if (shown === undefined) {
        failures.push(`burst: section 3 not on screen within 30 s of the last key (burst ${i + 1})`);
        break;
      }
      samples.push(shown - sent);
      // Back to the first frame for the next burst.
      app.press('1');
      app.press('g');
      await app.waitFor((rows) => rows.join('\n') === first, undefined, 'the first frame again (1, g)');
      await screen.settle();
    }
  } finally {
    await screen.quit('q');
  }
  results.burst = {keys: BURST_1000.length, ms: sampled(samples)};
  log(`  last key → its frame: median ${results.burst.ms.median.toFixed(0)} ms`);
}
