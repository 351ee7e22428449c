import {cellWidth, truncate} from '../../text/width';
import {UNICODE, type Glyphs} from '../../theme/glyphs';
import {clipLine, type Line, type Span} from './lines';

/**
 * Cells a cut name keeps at least, its ellipsis included (`Vol…`, `경…`): less names nothing, so
 * a tab with less room than this is left off rather than shown as a bare number.
 */
const MIN_CUT = 4;

/**
 * The section bar: ` 1 Work Experience ` tabs, the current one highlighted, each tab padded with a
 * space on both sides, so two tabs are always two cells apart. When every title fits, every tab
 * shows it whole. When not, the bar is a window of tabs around the current one that scrolls with
 * it: the current tab and its neighbours always keep a name (whole when there is room, else cut
 * and ending in the glyphs' ellipsis), more tabs are added outwards, nearest first, with their
 * whole titles while they fit, then one cut title on a side if a useful part of it fits. `‹`
 * and `›` (ASCII `<` `>`) stand where tabs are hidden; a click on one opens the nearest hidden
 * tab. A tab never loses its number (1–9 jump to it). Pure: titles, current, width, glyphs in; a
 * line never wider than `width` out.
 */
export function sectionBar(titles: readonly string[], current: number, width: number, glyphs: Glyphs = UNICODE): Line {
  const n = titles.length;
  if (n === 0 || width <= 0) return [];
  const active = Math.max(0, Math.min(n - 1, current));
  const tab = (i: number, name: string): Span => ({
    text: name ? ` ${i + 1} ${name} ` : ` ${i + 1} `,
    style: i === active ? 'tabActive' : 'tabInactive',
    tab: i,
  });
  const whole = titles.map((title, i) => tab(i, title));
  const wholeWidth = whole.map((s) => cellWidth(s.text));
  if (wholeWidth.reduce((a, b) => a + b, 0) <= width) return whole;

  const nameWidth = titles.map((t) => cellWidth(t));
  // The cells of a tab around its name: ` 12 ` and the space after the name.
  const frame = (i: number) => String(i + 1).length + 3;
  const marks = (lo: number, hi: number) => (lo > 0 ? cellWidth(glyphs.moreBefore) : 0) + (hi < n ? cellWidth(glyphs.moreAfter) : 0);
  /** The name of tab i in `cells`: whole, or cut on a grapheme boundary and ending in the ellipsis. */
  const cut = (i: number, cells: number) => {
    const title = titles[i]!;
    if (nameWidth[i]! <= cells) return title;
    const kept = truncate(title, Math.max(0, cells - cellWidth(glyphs.ellipsis)), '').trimEnd();
    return kept ? kept + glyphs.ellipsis : '';
  };
  /** The least room a name is shown in: whole when shorter than a cut. */
  const least = (i: number) => Math.min(nameWidth[i]!, MIN_CUT);

  // The cells each shown tab's name gets, from lo to hi (exclusive).
  const room = new Map<number, number>();
  const neighbours = [active - 1, active + 1].filter((i) => i >= 0 && i < n);
  let lo = Math.min(active, ...neighbours);
  let hi = Math.max(active, ...neighbours) + 1;
  let free = width - marks(lo, hi) - frame(active) - neighbours.reduce((sum, i) => sum + frame(i), 0);
  const activeRoom = Math.min(nameWidth[active]!, free - neighbours.reduce((sum, i) => sum + least(i), 0));
  if (activeRoom >= least(active)) {
    room.set(active, activeRoom);
    free -= activeRoom;
    // The neighbours share what is left: the shorter whole if it fits in half, the rest to the other.
    const byWidth = [...neighbours].sort((a, b) => nameWidth[a]! - nameWidth[b]!);
    byWidth.forEach((i, k) => {
      const share = Math.min(nameWidth[i]!, Math.floor(free / (byWidth.length - k)));
      room.set(i, share);
      free -= share;
    });
  } else {
    // Too narrow for three names: the current tab alone, cut to fit.
    lo = active;
    hi = active + 1;
    room.set(active, Math.max(0, Math.min(nameWidth[active]!, width - marks(lo, hi) - frame(active))));
  }
  let used = [...room].reduce((sum, [i, cells]) => sum + frame(i) + cells, 0);

  // Outwards, nearest first (the right side first at equal distance): whole titles while they fit.
  const open = {left: true, right: true};
  for (;;) {
    const right = open.right && hi < n ? hi : undefined;
    const left = open.left && lo > 0 ? lo - 1 : undefined;
    if (right === undefined && left === undefined) break;
    const next = right !== undefined && (left === undefined || right - active <= active - left) ? right : left!;
    const [nlo, nhi] = next === hi ? [lo, hi + 1] : [lo - 1, hi];
    if (used + wholeWidth[next]! + marks(nlo, nhi) <= width) {
      room.set(next, nameWidth[next]!);
      used += wholeWidth[next]!;
      [lo, hi] = [nlo, nhi];
    } else if (next === hi) open.right = false;
    else open.left = false;
  }
  // Then, on the nearer side first, one cut title in what room is left.
  const sides = [hi < n ? hi : undefined, lo > 0 ? lo - 1 : undefined].filter((i): i is number => i !== undefined);
  sides.sort((a, b) => Math.abs(a - active) - Math.abs(b - active));
  for (const next of sides) {
    const [nlo, nhi] = next === hi ? [lo, hi + 1] : [lo - 1, hi];
    const cells = width - used - marks(nlo, nhi) - frame(next);
    if (cells < least(next)) continue;
    room.set(next, cells);
    used += frame(next) + Math.min(cells, nameWidth[next]!);
    [lo, hi] = [nlo, nhi];
  }

  const line: Line = [];
  if (lo > 0) line.push({text: glyphs.moreBefore, style: 'tabInactive', tab: lo - 1});
  for (let i = lo; i < hi; i++) line.push(tab(i, cut(i, room.get(i) ?? 0)));
  if (hi < n) line.push({text: glyphs.moreAfter, style: 'tabInactive', tab: hi});
  return clipLine(line, width);
}
