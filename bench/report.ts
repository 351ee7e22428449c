/**
 * What a bench run reports, from one list of rows: the table printed at the end (each figure as
 * min / median / max, its ratio, its target) and docs/performance.md, the same rows as Markdown
 * with the run's date, Node version, commit and load average. No figure on that page is typed
 * by hand: `npm run bench` writes it.
 */
import type {Results} from './results';
import type {Stats} from './stats';
import {KEY_LABEL, KEYS, type KeyKind} from './steps/latency';
import {PAGE_TARGET_MS} from './steps/serve-page';
import {PAGE_TARGETS} from './steps/page';
import {ratio, ratioInterval} from './stats';

/** One measured figure: its statistics (or a single value in `unit`), its ratio, its target. */
export interface Row {
  what: string;
  stats?: Stats;
  /** The unit of `stats`, or the whole value when there are no statistics. */
  unit: string;
  ratio: string;
  target: string;
  /** undefined: no target. */
  ok?: boolean;
}

const f = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '–');
const r = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '');
/** A difference with its sign: +3.9, −4.1. */
const signed = (d: number) => `${d < 0 ? '−' : '+'}${f(Math.abs(d))}`;
/** The issue's targets for `kim-resume serve` (issue 23). */
const FIRST_FRAME_TARGET = {sessions: 100, p95Ms: 1500};
const NON_READER_COST_MIB = 4;
const verdict = (ok: boolean | undefined) => (ok === undefined ? '' : ok ? 'met' : 'MISSED');

export function rows(results: Results): Row[] {
  const rows: Row[] = [];
  const add = (what: string, s: Stats | undefined, unit: string, ratioText?: string, target?: string, ok?: boolean) =>
    rows.push({what, stats: s, unit, ratio: ratioText ?? '', target: target ?? '', ok});

  const fp = results.firstPaint;
  if (fp) {
    add('first paint: kim-resume, warm cache', fp.ms.ours, 'ms', `${r(fp.ratioOursToOneBox)} one-box`, '≤ 0.80× one-box', fp.ratioOursToOneBox <= 0.8);
    add('first paint: kim-resume, cold (no cache)', fp.ms.oursCold, 'ms', `${r(fp.ratioOursColdToOneBox)} one-box`, '≤ 1.00× one-box', fp.ratioOursColdToOneBox <= 1.0);
    const silent = fp.ms.oursSilent;
    if (silent) add('first paint: kim-resume, a terminal that answers nothing', silent, 'ms', '', '≤ 1,100 ms', silent.median <= 1100);
    add('first paint: one-box Ink app', fp.ms.oneBox, 'ms');
    const key = fp.firstKeyAnsweredMs;
    if (key && fp.ratioFirstKeyOursToOneBox !== undefined) {
      add('first key answered (Tab at first paint): kim-resume', key.ours, 'ms', `${r(fp.ratioFirstKeyOursToOneBox)} one-box`, '≤ 1.00× one-box', fp.ratioFirstKeyOursToOneBox <= 1.0);
      add('first key answered: one-box Ink app', key.oneBox, 'ms');
    }
    add('first paint: bare node', fp.ms.bareNode, 'ms', `kim-resume ${r(fp.ratioOursToBareNode)}`);
    const warm = fp.vmHwmAtFirstPaintMiB.ours;
    const cold = fp.vmHwmAtFirstPaintMiB.oursCold;
    if (warm && cold) add('RSS at first paint: warm cache / cold', warm, 'MiB', `${signed(warm.median - cold.median)} MiB against cold (${f(cold.median)})`);
  }
  const p = results.piped;
  if (p) {
    add(`piped text (${p.lines} lines): kim-resume, warm`, p.ms.ours, 'ms', `${r(p.ratioOursToBareSameLines)} node`, '≤ 1.4× node, same lines', p.ratioOursToBareSameLines <= 1.4);
    add('piped text: kim-resume, cold (no cache)', p.ms.oursCold, 'ms', `${r(p.ratioOursColdToBareSameLines)} node`);
    add('piped: node printing same lines', p.ms.bareSameLines, 'ms');
    add('piped: node -e ""', p.ms.bareEmpty, 'ms', `kim-resume ${r(p.ratioOursToBareEmpty)}`);
  }
  const l = results.latency;
  if (l) {
    for (const mode of ['spaced', 'backToBack'] as const) {
      const data = mode === 'spaced' ? l.spacedMs : l.backToBackMs;
      for (const kind of Object.keys(KEYS) as KeyKind[]) {
        const ours = data.ours?.[kind];
        const box = data.oneBox?.[kind];
        const label = mode === 'spaced' ? 'spaced' : 'back-to-back';
        const toBox = ratio(ours?.median ?? NaN, box?.median ?? NaN);
        // Spaced keys: at most 0.9× the one-box app's median; back to back: a median within two frames at 60 fps.
        const [target, ok] = mode === 'spaced' ? ['≤ 0.90× one-box', toBox <= 0.9] : ['median ≤ 33 ms', !!ours && ours.median <= 33];
        // Spaced: with the ratio's 90% bootstrap interval, since the target is near the drift.
        const [low, high] = mode === 'spaced' && ours && box ? ratioInterval(ours.samples, box.samples) : [NaN, NaN];
        const spread = Number.isFinite(low) ? ` (90%: ${low.toFixed(2)}–${high.toFixed(2)})` : '';
        add(`latency ${label} ${KEY_LABEL[kind]}: kim-resume`, ours, 'ms', `${r(toBox)} one-box${spread}`, target, !!ours && ours.n > 0 && ok);
        add(`latency ${label} ${KEY_LABEL[kind]}: one-box`, box, 'ms');
      }
    }
  }
  const m = results.memory;
  if (m) {
    add('RSS interactive, first paint', m.interactiveMiB.afterFirstPaint, 'MiB');
    add(
      'RSS interactive, after 50 keys',
      m.interactiveMiB.after50Keys,
      'MiB',
      `${signed(m.interactiveMiB.after50Keys.median - m.interactiveMiB.oneBoxAfter50Keys.median)} MiB against one-box`,
      '≤ one-box + 10 MiB',
      m.interactiveMiB.after50Keys.median - m.interactiveMiB.oneBoxAfter50Keys.median <= 10,
    );
    add('RSS one-box, after 50 keys', m.interactiveMiB.oneBoxAfter50Keys, 'MiB');
    add('RSS piped: kim-resume', m.pipedMiB.ours, 'MiB', `${r(ratio(m.pipedMiB.ours.median, m.pipedMiB.bareEmpty.median))} node -e ""`, '≤ 55 MiB (max)', m.pipedMiB.ours.max <= 55);
    add('RSS piped: node -e ""', m.pipedMiB.bareEmpty, 'MiB');
  }
  const pk = results.package;
  if (pk) {
    // The last road's figure, held since the chunks ship brotli-compressed (scripts/build/packed.mjs).
    add('package: tarball', undefined, `${f(pk.tarballKB)} KB`, '', '≤ 300 KB (with serve)', pk.tarballKB <= 300);
    add('package: unpacked', undefined, `${f(pk.unpackedKB)} KB, ${pk.files} files`);
    if (pk.serve) add('package: serve chunk (as shipped)', undefined, `${f(pk.serve.packedKB)} KB of ${f(pk.serve.distPackedKB)} KB, ${pk.serve.files} files`, `${f((pk.serve.packedKB / pk.serve.distPackedKB) * 100)}% of dist/`);
    const install = pk.installMs;
    add('package: npm install --offline (3 runs)', install && !('failure' in install) ? install : undefined, install && 'failure' in install ? install.failure : 'ms');
  }
  const s = results.scale;
  if (s) {
    add('scale: first paint, 1,000 projects', s.firstPaintMs.large, 'ms', `${r(s.ratioLargeToReal)} real`, '≤ 1.5× real résumé', s.ratioLargeToReal <= 1.5);
    add('scale: first paint, real résumé', s.firstPaintMs.real, 'ms');
  }
  const sv = results.serve;
  if (sv) {
    add(`serve: first frame, ${sv.sshSessions / 2} of ${sv.sshSessions} SSH sessions at once`, sv.firstFrameMs, 'ms', `p95 ${f(sv.firstFrameMs.p95)} ms`);
    add(`serve: ${sv.httpRequests} HTTP requests, 20 at once`, sv.httpMs, 'ms', `p95 ${f(sv.httpMs.p95)} ms`);
    add('serve: peak RSS of the server', undefined, `${f(sv.peakRssMiB)} MiB`, `chunk ${f(sv.chunkKB)} KB (${f(sv.chunkGzipKB)} gzipped)`, 'none failed', sv.failed.length === 0);
  }
  const h = results.serveHolds;
  if (h) {
    const alone = h.alone?.firstFrameMs;
    if (alone) add('serve: first frame, one app session alone', alone, 'ms');
    for (const wave of h.atOnce ?? []) {
      const toAlone = ratio(wave.firstFrameMs.median, alone?.median ?? NaN);
      const [target, ok] =
        wave.sessions === FIRST_FRAME_TARGET.sessions
          ? [`p95 ≤ ${FIRST_FRAME_TARGET.p95Ms} ms, none failed`, wave.firstFrameMs.p95 <= FIRST_FRAME_TARGET.p95Ms && wave.failed.length === 0]
          : ['none failed', wave.failed.length === 0];
      add(`serve: first frame, ${wave.sessions} app sessions at once (${wave.addresses} addresses)`, wave.firstFrameMs, 'ms', `p95 ${f(wave.firstFrameMs.p95, 0)} ms; ${r(toAlone)} alone; ${wave.failed.length} failed`, target, wave.firstFrameMs.n > 0 && ok);
    }
    const n = h.nonReader;
    if (n) {
      add(
        `serve: RSS growth, a session at ${n.cols}×${n.rows} not reading (${n.iterations} resizes + keys, ${n.everyMs} ms apart), last third`,
        n.notReading.lastThirdGrowthMiB,
        'MiB',
        `${signed(n.costMiB)} MiB against reading; ${signed(n.excessMiBPerS)} MiB/s${n.rising ? ', still rising' : ''}${n.notReading.closedAfterMs === undefined ? '' : `; closed at ${f(n.notReading.closedAfterMs / 1000)} s`}`,
        `≤ reading + ${NON_READER_COST_MIB} MiB, not rising`,
        n.notReading.lastThirdGrowthMiB.n > 0 && n.costMiB <= NON_READER_COST_MIB && !n.rising,
      );
      add('serve: RSS growth, the same session reading', n.reading.lastThirdGrowthMiB, 'MiB', `idle at ${f(n.reading.idleMiB.median)} MiB; ${signed(n.reading.secondHalfMiBPerS)} MiB/s`);
    }
    const fl = h.flood;
    if (fl) {
      const toQuiet = ratio(fl.duringMs.median, fl.quietMs.median);
      add(
        `serve: key → frame beside a ${f(fl.firstWriteBytes / 1e6, 0)} MB key flood (${f(fl.floodMs / 1000, 0)} s)`,
        fl.duringMs,
        'ms',
        `${r(toQuiet)} quiet${fl.missed.during ? `; ${fl.missed.during} past ${fl.keyTimeoutMs} ms` : ''}`,
        '≤ 2.00× quiet',
        fl.duringMs.n > 0 && toQuiet <= 2,
      );
      add('serve: key → frame, the same reader quiet (before the flood)', fl.quietMs, 'ms');
    }
    const lo = h.lockout;
    if (lo) {
      const {ssh, http} = lo.underAttack;
      add(
        `serve: lockout attempt from one address (${f(lo.attackMs / 1000, 0)} s): the reader's attempts failed`,
        undefined,
        `${lo.lockouts.length} of ${ssh.attempts + http.attempts} (SSH ${ssh.failed}/${ssh.attempts}, HTTP ${http.failed}/${http.attempts})`,
        `attacker held ${lo.attacker.sshHeldPeak} SSH, ${lo.attacker.httpHeldPeak} HTTP`,
        '0 lockouts',
        ssh.attempts + http.attempts > 0 && lo.lockouts.length === 0,
      );
      // The reader's times that succeeded, against the same reader before the attack.
      const times = (what: string, under: Stats, quiet: Stats, d: number) =>
        add(`serve: under attack, the reader's ${what}`, under.n ? under : undefined, under.n ? 'ms' : 'none succeeded', `${under.n ? `${r(ratio(under.median, quiet.median))} ` : ''}quiet (${f(quiet.median, d)} ms)`);
      times('first frame', ssh.ms, lo.quiet.ssh.ms, 0);
      times('GET /', http.ms, lo.quiet.http.ms, 1);
    }
  }
  const page = results.servePage;
  if (page) {
    for (const coding of ['br', 'identity'] as const) {
      const s = page.ms[coding];
      add(`serve: GET / for a browser, ${coding === 'br' ? 'brotli' : 'no compression'} (${f(page.bytes[coding] / 1000)} kB)`, s, 'ms', `p95 ${f(s.p95, 2)} ms`, `median ≤ ${PAGE_TARGET_MS} ms`, s.n > 0 && s.median <= PAGE_TARGET_MS);
    }
  }
  const se = results.search;
  if (se) add(`search: Enter after /${se.query} → 1/N on screen (jiwoo)`, se.ms, 'ms', `the first search ${f(se.firstTryMs)} ms`);
  const b = results.burst;
  if (b) add(`burst: ${b.keys} keys, then the last key's frame (jiwoo)`, b.ms, 'ms');
  const pg = results.page;
  if (pg) {
    add('page: --format html of data/resume.json', undefined, `${pg.bytes} bytes`, `${pg.gzipBytes} gzipped`, `≤ ${PAGE_TARGETS.bytes / 1000} kB`, pg.bytes <= PAGE_TARGETS.bytes);
    const base = pg.baselineFcpMs;
    if (pg.fcpMs) add('page: first contentful paint, headless Chromium, loopback', pg.fcpMs, 'ms', base ? `${r(ratio(pg.fcpMs.median, base.median))} a one-paragraph page` : '', `median ≤ ${PAGE_TARGETS.fcpMs} ms`, pg.fcpMs.n > 0 && pg.fcpMs.median <= PAGE_TARGETS.fcpMs);
    if (base) add('page: first contentful paint of a one-paragraph page (baseline)', base, 'ms');
    if (pg.textFcpMs) add("page: first contentful paint of the page's text alone, unstyled paragraphs (baseline)", pg.textFcpMs, 'ms', base ? `${r(ratio(pg.textFcpMs.median, base.median))} a one-paragraph page` : '');
  }
  return rows;
}

/** The table printed at the end of a run. */
export function table(results: Results): string {
  const cells = rows(results).map((row) => [
    row.what,
    row.stats ? `${f(row.stats.min)} / ${f(row.stats.median)} / ${f(row.stats.max)} ${row.unit}` : row.unit,
    row.ratio,
    row.target,
    verdict(row.ok),
  ]);
  const head = ['what', 'min / median / max', 'ratio (of medians)', 'target', ''];
  const all = [head, ...cells];
  const widths = head.map((_, i) => Math.max(...all.map((row) => [...row[i]!].length)));
  const line = (row: string[]) => row.map((c, i) => c + ' '.repeat(widths[i]! - [...c].length)).join(' | ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...cells.map(line)].join('\n');
}

/** The bench command that makes `runs` runs: what the page says wrote it. */
export function benchCommand(argv: string[]): string {
  return argv.length ? `npm run bench -- ${argv.join(' ')}` : 'npm run bench';
}

const load = (l: number[] | undefined) => (l ? l.map((x) => x.toFixed(2)).join(' ') : '–');
/** A table cell: pipes escaped, so a figure's text cannot break the Markdown table. */
const cell = (s: string) => s.replace(/\|/g, '\\|');

/** docs/performance.md: the run's figures as Markdown, written by `npm run bench` from results.json. */
export function markdownPage(results: Results, command: string): string {
  const b = results.build;
  const commit = b ? `${b.commit}${b.uncommitted.length ? ` plus uncommitted changes (${b.uncommitted.map((u) => u.trim()).join(', ')})` : ''}` : '–';
  const fp = results.firstPaint;
  const spacedN = results.latency?.spacedMs.ours?.down?.n;
  const lines: string[] = [
    '# Performance',
    '',
    '<!-- Generated by `npm run bench` (bench/main.ts, bench/report.ts) from bench/results.json. Do not edit by hand: run the bench and commit the page it writes. -->',
    '',
    `**This page is generated.** \`${command}\` wrote it from its own results (\`bench/results.json\`, not committed); every figure below was measured in that one run. To refresh it, run \`npm run bench\` (15 runs each; \`-- --quick\`: 5; \`-- --runs N\`) and commit \`docs/performance.md\`. A run limited with \`--only\` prints its table but leaves this page alone.`,
    '',
    '| the run | |',
    '| --- | --- |',
    `| date | ${results.date} |`,
    `| commit measured | ${cell(commit)} |`,
    `| Node.js | ${results.node}, ${results.cpus} CPUs |`,
    `| runs per measured command | ${results.runs} (\`${command}\`) |`,
    `| load average (1, 5, 15 min) | ${load(results.loadAverageAtStart)} at the start → ${load(results.loadAverageAtEnd)} at the end |`,
    `| terminal | ${results.terminal} |`,
    `| took | ${results.totalSeconds === undefined ? '–' : `${results.totalSeconds.toFixed(0)} s`} |`,
    '',
  ];
  // A 1-minute load average above the CPU count: other work shared the cores, so times (and a
  // target met or missed by a little) say less than usual.
  const busiest = Math.max(results.loadAverageAtStart[0] ?? 0, results.loadAverageAtEnd?.[0] ?? 0);
  if (busiest > results.cpus) {
    lines.push(
      `> **A busy machine:** the 1-minute load average was ${load(results.loadAverageAtStart.slice(0, 1))} at the start and ${load(results.loadAverageAtEnd?.slice(0, 1))} at the end of this run, on ${results.cpus} CPUs: other work shared the cores, so the times are noisier than usual, ratios of medians less so. Run the bench again on a quieter machine before reading much into a target missed.`,
      '',
    );
  }
  lines.push(
    '## Results',
    '',
    'Median, then the range (min–max) over the runs. A ratio is the ratio of two medians measured in this run, interleaved; the target is the goal the figure is held to.',
    '',
    '| what | median | min–max | ratio (of medians) | target | |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows(results).map((row) =>
      [
        row.what,
        row.stats ? `${f(row.stats.median)} ${row.unit}` : row.unit,
        row.stats ? `${f(row.stats.min)}–${f(row.stats.max)}` : '',
        row.ratio,
        row.target,
        row.ok === undefined ? '' : row.ok ? 'met' : '**missed**',
      ]
        .map(cell)
        .reduce((acc, c) => `${acc} ${c} |`, '|'),
    ),
    '',
  );
  const failures = results.failures ?? [];
  if (failures.length) {
    lines.push('## Problems met in this run', '', ...failures.map((p) => `- ${p.split('\n')[0]}`), '');
  }
  lines.push(
    '## How it is measured',
    '',
    `\`npm run bench\` (\`bench/main.ts\`) builds the package and a baseline, then measures each step with the commands it compares interleaved round-robin, ${results.runs} runs each. The machine is shared, so times swing between runs (about ±15% on the 2-core machine this was built on); ratios of medians from one interleaved run swing less.`,
    '',
    `- **Baseline**: \`bench/one-box.tsx\`, the smallest full-screen Ink app: one bordered box with a counter that ↓, Tab and PgDn increment (${b ? `${f(b.oneBoxKB, 0)} kB; ${b.oneBoxBuild}` : 'built with the product\'s common esbuild options'}), and bare \`node\`. kim-resume is measured as a private copy of the package (\`bench/.out/pkg\`${b ? `, dist/ ${f(b.distKB, 0)} kB` : ''}).`,
    `- **First paint**: from the start to the first whole frame on the screen of a ${results.terminal.split(' ')[0]} pty (node-pty + @xterm/headless, as in the tests). Warm: the V8 code cache written by the warm-up; cold: an empty \`XDG_CACHE_HOME\` per run.${fp ? '' : ' (not run)'}`,
    `- **Piped text**: the whole résumé into a pipe, against \`node\` writing as many lines${results.piped ? ` (${results.piped.lines} lines, ${f(results.piped.bytes / 1000)} kB)` : ''} and \`node -e ""\`.`,
    `- **Key to screen**: ↓, Tab and PgDn, from the key written to the screen changed; spaced (${results.latency ? `${results.latency.pauseMs} ms apart, ` : ''}${spacedN ?? 'several'} presses per key and app) and back to back (${results.latency?.burstLength ?? 'a few'} in a row).`,
    '- **Memory**: peak RSS (VmHWM) at first paint, after 50 keys, and piped (GNU time when present).',
    '- **Package**: `npm pack`, then `npm install --offline` of the tarball (3 runs) and whether the installed command runs.',
    `- **Scale**: first paint of a generated résumé of ${(results.scale?.file.projects ?? 1000).toLocaleString('en-US')} projects against the real one.`,
    `- **Serve**: \`kim-resume serve\` on loopback: ${results.serve ? `${results.serve.sshSessions} SSH sessions at once (half the app with keys, half plain text) and ${results.serve.httpRequests} HTTP requests, 20 at a time` : 'concurrent SSH sessions and HTTP requests'}.`,
    '- **Serve a browser**: `GET /` for the built-in résumé with Chromium\'s headers, with brotli asked for and without, each on its own keep-alive connection, interleaved, after 20 warm-up requests: from the request written to the last byte read.',
    '- **Serve under abuse** (`bench/steps/serve-*.ts`), each beside a baseline from the same run: 100 and 200 app sessions (100×30) at once from 8 loopback addresses, against one alone (first frame, connection to status bar); a pty session at 500×200 that never reads its channel, sent a resize and a key every 50 ms, against the same session reading, each on its own server (VmRSS growth over that server idle: the last third\'s median, and the second half\'s slope); a normal reader\'s key → frame while another session writes 1 MB of keys at once and more for 5 s, against the same reader just before; a lockout attempt on default limits, where 127.0.0.2 holds authenticated SSH connections with no channel and HTTP sockets with a partial head, while 127.0.0.1 opens an app session and a GET over and over (each with a timeout; a refusal, a failure or a timeout is a lockout).',
    '',
    'Every sample is in `bench/results.json`. What bounds these figures, and how they got here: [architecture.md, "Performance"](architecture.md#performance).',
    '',
  );
  return lines.join('\n');
}
