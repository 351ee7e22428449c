/**
 * 8. Search: Enter after `/Kafka` to `1/N "Kafka"` on screen, from a section where no match is in
 * view (the first match is two sections away), on the jiwoo fixture. Moved here from
 * test/e2e/features.test.ts, which keeps the behaviour (the same search, made again after Esc,
 * lands on the first match each time) and no time.
 */
import {performance} from 'node:perf_hooks';
import {JIWOO, JIWOO_PATH} from '../../test/helpers/e2e-jiwoo';
import {statusRow} from '../../test/helpers/frame-rows';
import {KEYS} from '../../test/helpers/keys';
import {COLS, log, OURS, ROWS} from '../config';
import {step, type Run} from '../results';
import {BenchScreen} from '../screen';
import {sampled} from '../stats';

/** The status bar: the last row. */
const status = statusRow;
const FOUND = /1\/\d+ "Kafka"/;

export async function measureSearch({runs, results, failures}: Run): Promise<void> {
  step(`search (jiwoo fixture, ${COLS}x${ROWS} pty): Enter after /Kafka, from section 5, to 1/N on screen; ${runs} tries after an untimed one`);
  const screen = new BenchScreen([...OURS, JIWOO_PATH]);
  const {app} = screen;
  const samples: number[] = [];
  let firstTry = NaN;
  try {
    await app.ready(JIWOO.firstProject, 30_000);
    for (let i = -1; i < runs; i++) {
      // Untimed: to section 5 (no Kafka in view), the search line, the query typed.
      app.press('5');
      await app.waitFor((rows) => rows.join('\n').includes(JIWOO.sectionTitles[4]) && !rows.join('\n').includes('Kafka'), undefined, 'section 5, no Kafka in view');
      app.press('/');
      await app.waitFor((rows) => status(rows).startsWith('/'), undefined, 'the search line');
      app.press('Kafka');
      await app.waitFor((rows) => status(rows).startsWith('/Kafka'), undefined, 'the query typed');
      await screen.settle();
      const sent = performance.now();
      app.press(KEYS.enter);
      const shown = await app.whenScreen((rows) => FOUND.test(status(rows)), 10_000);
      if (shown === undefined) {
        failures.push(`search: no 1/N "Kafka" within 10 s of Enter (try ${i + 2})`);
        break;
      }
      // The first search builds the layout of every section: reported on its own.
      if (i < 0) firstTry = shown - sent;
      else samples.push(shown - sent);
      app.press(KEYS.escape);
      await app.waitFor((rows) => status(rows).includes('? help'), undefined, 'the search to clear');
    }
  } finally {
    await screen.quit('q');
  }
  results.search = {fixture: 'test/fixtures/jiwoo.json', query: 'Kafka', firstTryMs: firstTry, ms: sampled(samples)};
  log(`  Enter → 1/N on screen: median ${results.search.ms.median.toFixed(1)} ms; the first search ${firstTry.toFixed(1)} ms`);
}
