/** The table printed at the end: each figure as min / median / max, its ratio, its target. */
import type {Results} from './results';
import type {Stats} from './stats';
import {KEY_LABEL, KEYS, type KeyKind} from './steps/latency';
import {ratio} from './stats';

export function table(results: Results): string {
  const rows: string[][] = [];
  const f = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '–');
  const r = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '');
  const verdict = (ok: boolean | undefined) => (ok === undefined ? '' : ok ? 'met' : 'MISSED');
  const add = (what: string, s: Stats | undefined, unit: string, ratioText?: string, target?: string, ok?: boolean) =>
    rows.push([what, s ? `${f(s.min)} / ${f(s.median)} / ${f(s.max)} ${unit}` : unit, ratioText ?? '', target ?? '', verdict(ok)]);

  const fp = results.firstPaint;
  if (fp) {
    add('first paint: kim-resume, warm cache', fp.ms.ours, 'ms', `${r(fp.ratioOursToOneBox)} one-box`, '≤ 0.80× one-box', fp.ratioOursToOneBox <= 0.8);
    add('first paint: kim-resume, cold (no cache)', fp.ms.oursCold, 'ms', `${r(fp.ratioOursColdToOneBox)} one-box`, '≤ 1.00× one-box', fp.ratioOursColdToOneBox <= 1.0);
    add('first paint: one-box Ink app', fp.ms.oneBox, 'ms');
    add('first paint: bare node', fp.ms.bareNode, 'ms', `kim-resume ${r(fp.ratioOursToBareNode)}`);
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
        add(`latency ${label} ${KEY_LABEL[kind]}: kim-resume`, ours, 'ms', `${r(toBox)} one-box`, target, !!ours && ours.n > 0 && ok);
        add(`latency ${label} ${KEY_LABEL[kind]}: one-box`, box, 'ms');
      }
    }
  }
  /** A difference with its sign: +3.9, −4.1. */
  const signed = (d: number) => `${d < 0 ? '−' : '+'}${f(Math.abs(d))}`;
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
    add('package: tarball', undefined, `${f(pk.tarballKB)} KB`, '', '≤ 300 KB (with serve)', pk.tarballKB <= 300);
    add('package: unpacked', undefined, `${f(pk.unpackedKB)} KB, ${pk.files} files`);
    if (pk.serve) add('package: serve chunk (gzipped)', undefined, `${f(pk.serve.gzipKB)} KB of ${f(pk.serve.distGzipKB)} KB, ${pk.serve.files} files`, `${f((pk.serve.gzipKB / pk.serve.distGzipKB) * 100)}% of dist/`);
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
  const se = results.search;
  if (se) add(`search: Enter after /${se.query} → 1/N on screen (jiwoo)`, se.ms, 'ms', `the first search ${f(se.firstTryMs)} ms`);
  const b = results.burst;
  if (b) add(`burst: ${b.keys} keys, then the last key's frame (jiwoo)`, b.ms, 'ms');
  const head = ['what', 'min / median / max', 'ratio (of medians)', 'target', ''];
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((row) => [...row[i]!].length)));
  const line = (row: string[]) => row.map((c, i) => c + ' '.repeat(widths[i]! - [...c].length)).join(' | ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}
