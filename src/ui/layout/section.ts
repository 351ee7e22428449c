import type {Entry, Section} from '../../document/model';
import {isFoldable} from '../../document/present';
import {DRAWN_PANELS, WIDE_LAYOUT} from '../../sizes';
import {cellWidth, wrapText} from '../../text/width';
import type {Theme} from '../../theme/theme';
import {padLine, span, type Line} from './lines';
import {blockLines, entryContent, panelLines, plainInline, type InlineRenderer} from './panel';

/** A focusable panel's place in the laid-out section: lines [start, end). */
export interface PanelRegion {
  /** The entry drawn in the panel. */
  entry: Entry;
  start: number;
  end: number;
  /** Whether Enter folds it (a project with details). */
  foldable: boolean;
}

/**
 * A laid-out section, drawn lazily: its length and panel regions are known up front (from
 * measured heights), but a line is only drawn when the viewport asks for it. A résumé of a
 * thousand projects costs one measuring pass, and each frame draws only what is on screen.
 */
export interface SectionLayout {
  /** Lines in all (measures everything still unmeasured). */
  readonly length: number;
  /** Every panel's place (measures everything still unmeasured). */
  readonly panels: PanelRegion[];
  /** Whether every panel has been measured. */
  readonly measured: boolean;
  /** A panel's place if it has been measured already (never measures). */
  measuredPanel(index: number): PanelRegion | undefined;
  /** Measures everything still unmeasured. */
  complete(): void;
  /** Line `i`, with panel number `focus` drawn focused (measures only as far as `i`). */
  line(i: number, focus: number): Line;
}

/** Caches shared by every layout of one document and theme (FrameBuilder owns them). */
export interface LayoutCaches {
  /** Content heights by panel id, width and fold. */
  heights: Map<string, number>;
  /** Drawn panels by panel id, width, focus and fold; least recently used first. */
  drawn: Map<string, Line[]>;
  /** A number for each entry, to key the caches by. */
  ids: WeakMap<Entry, number>;
}

export function createCaches(): LayoutCaches {
  return {heights: new Map(), drawn: new Map(), ids: new WeakMap()};
}

/** An empty line that is always the same object (a row composed from it can be kept). */
const NO_LINE: Line = Object.freeze([]) as unknown as Line;

let nextId = 0;
function entryId(caches: LayoutCaches, entry: Entry): number {
  let id = caches.ids.get(entry);
  if (id === undefined) caches.ids.set(entry, (id = nextId++));
  return id;
}

export interface SectionOptions {
  width: number;
  theme: Theme;
  /** Folded entries. */
  collapsed: ReadonlySet<Entry>;
  inline?: InlineRenderer;
  caches?: LayoutCaches;
}

/**
 * The left column's share in the wide layout: about a quarter, or a little more (up to a third)
 * when that keeps every organization's name (`titles`) on one line: "Laplace Technologies, Inc."
 * is 26 cells, one more than a quarter of 100 columns.
 */
export function leftColumnWidth(width: number, titles: readonly string[] = []): number {
  const quarter = Math.floor(width / 4);
  const longest = Math.max(0, ...titles.map(cellWidth));
  return longest > quarter && longest <= Math.floor(width / 3) ? longest : quarter;
}

/** An organization above or beside its projects: name, line under it, role, period, and its own text. */
function orgHeader(entry: Entry, width: number, theme: Theme, inline?: InlineRenderer): Line[] {
  const lines: Line[] = wrapText(entry.title, width).map((l) => [span(l, 'orgTitle')]);
  if (entry.subtitle) lines.push(...wrapText(entry.subtitle, width).map((l) => [span(l, 'muted')]));
  if (entry.role) lines.push(...wrapText(entry.role, width).map((l) => [span(l, 'role')]));
  if (entry.period) lines.push(...wrapText(entry.period, width).map((l) => [span(l, 'period')]));
  for (const block of entry.blocks) lines.push([], ...blockLines(block, width, theme, inline ?? plainInline));
  return lines;
}

interface PanelItem {
  kind: 'panel';
  start: number;
  height: number;
  entry: Entry;
  /** The entry's number in the caches. */
  id: number;
  width: number;
  index: number;
  collapsed: boolean;
}

/** Rows of an organization beside its projects (wide): header left, panels right. */
interface ColumnItem {
  kind: 'column';
  start: number;
  /** Grows as its panels are measured. */
  height: number;
  /** Rows its measured panels fill (the header may reach further). */
  filled: number;
  header: Line[];
  left: number;
  panels: PanelItem[];
  /**
   * Each row as composed, by the panel line it was made from (drawn panels are cached, focused
   * and not): while that line lives, the row is the same object, and so is its styled string
   * (FrameText), as the focus moves back and forth.
   */
  rows: Map<number, WeakMap<Line, Line>>;
}

interface LinesItem {
  kind: 'lines';
  start: number;
  height: number;
  lines: Line[];
}

type Item = PanelItem | ColumnItem | LinesItem;

/** The last item starting at or before `i` (items are sorted by start). */
function find<T extends {start: number}>(items: T[], i: number): T | undefined {
  let lo = 0;
  let hi = items.length - 1;
  let found: T | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.start <= i) {
      found = items[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * Lays out one section at `width`: every panel boxed, organizations with their projects beside
 * (wide) or above (narrow) them. Pure; the same input gives the same lines.
 */
export function layoutSection(section: Section, opts: SectionOptions): SectionLayout {
  const caches = opts.caches ?? createCaches();
  const items: Item[] = [];
  const panels: PanelRegion[] = [];
  // A screen reader reads row by row: side by side, an organization's lines would interleave with its projects'.
  const wide = opts.width >= WIDE_LAYOUT && !opts.theme.linear;
  const hasProjects = (entry: Entry) => entry.kind === 'organization' && entry.children.some((c) => c.kind === 'project');
  // One left column for the whole section, so that its organizations line up.
  const leftWidth = wide ? leftColumnWidth(opts.width, section.entries.filter(hasProjects).map((e) => e.title)) : opts.width;
  let cursor = 0;

  const measure = (entry: Entry, width: number, collapsed: boolean): number => {
    const id = `${entryId(caches, entry)}|${width}|${collapsed}`;
    let height = caches.heights.get(id);
    if (height === undefined) {
      // Focus changes styles, never wrapping: one height serves focused and not.
      height = entryContent(entry, width - 4, opts.theme, {focused: false, collapsed, inline: opts.inline}).length + 2;
      if (caches.heights.size > 50_000) caches.heights.clear();
      caches.heights.set(id, height);
    }
    return height;
  };
  const panelItem = (entry: Entry, width: number, start: number): PanelItem => {
    const collapsed = opts.collapsed.has(entry);
    return {kind: 'panel', start, height: measure(entry, width, collapsed), entry, id: entryId(caches, entry), width, index: panels.length, collapsed};
  };
  const region = (item: PanelItem, offset: number) =>
    panels.push({entry: item.entry, start: offset + item.start, end: offset + item.start + item.height, foldable: isFoldable(item.entry)});
  const blank = () => {
    items.push({kind: 'lines', start: cursor, height: 1, lines: [[]]});
    cursor += 1;
  };

  // Measured one panel at a time, on demand: the first screen costs the panels it shows; the
  // rest is measured when something needs the whole (the length, a panel's place, a search).
  let entryIndex = 0;
  let org: {entry: Entry; child: number; right: number; column?: ColumnItem} | undefined;
  let done = section.entries.length === 0;

  const step = () => {
    if (!org) {
      const i = entryIndex;
      const entry = section.entries[i]!;
      if (i > 0) blank();
      if (!hasProjects(entry)) {
        const item = panelItem(entry, opts.width, cursor);
        region(item, 0);
        items.push(item);
        cursor += item.height;
        entryIndex++;
      } else {
        const left = leftWidth;
        const right = wide ? opts.width - left - 2 : opts.width;
        const header = orgHeader(entry, left, opts.theme, opts.inline);
        if (wide) {
          const column: ColumnItem = {kind: 'column', start: cursor, height: header.length, filled: 0, header, left, panels: [], rows: new Map()};
          items.push(column);
          cursor += column.height;
          org = {entry, child: 0, right, column};
        } else {
          items.push({kind: 'lines', start: cursor, height: header.length, lines: header});
          cursor += header.length;
          org = {entry, child: 0, right};
        }
      }
    } else {
      const child = org.entry.children[org.child]!;
      const column = org.column;
      if (column) {
        const item = panelItem(child, org.right, column.filled);
        region(item, column.start);
        column.panels.push(item);
        column.filled += item.height;
        column.height = Math.max(column.header.length, column.filled);
        cursor = column.start + column.height;
      } else {
        const item = panelItem(child, org.right, cursor);
        region(item, 0);
        items.push(item);
        cursor += item.height;
      }
      if (++org.child >= org.entry.children.length) {
        org = undefined;
        entryIndex++;
      }
    }
    if (!org && entryIndex >= section.entries.length) done = true;
  };
  /** Measures until line `i` is laid out (or everything is): in a column, its panels too. */
  const extendTo = (i: number) => {
    while (!done && (cursor <= i || (org?.column !== undefined && org.column.start + org.column.filled <= i))) step();
  };
  const complete = () => {
    while (!done) step();
  };

  const drawPanel = (item: PanelItem, focus: number): Line[] => {
    const focused = item.index === focus;
    const id = `${item.id}|${item.width}|${focused}|${item.collapsed}`;
    let lines = caches.drawn.get(id);
    if (lines) {
      caches.drawn.delete(id);
    } else {
      lines = panelLines(item.entry, {width: item.width, theme: opts.theme, focused, collapsed: item.collapsed, inline: opts.inline});
      if (caches.drawn.size >= DRAWN_PANELS) caches.drawn.delete(caches.drawn.keys().next().value!);
    }
    caches.drawn.set(id, lines);
    return lines;
  };
  const panelLine = (item: PanelItem, i: number, focus: number): Line => drawPanel(item, focus)[i - item.start] ?? NO_LINE;

  return {
    get length() {
      complete();
      return cursor;
    },
    get panels() {
      complete();
      return panels;
    },
    get measured() {
      return done;
    },
    measuredPanel(index) {
      return panels[index];
    },
    complete,
    line(i, focus) {
      extendTo(i);
      const item = find(items, i);
      if (!item || i >= item.start + item.height) return [];
      if (item.kind === 'lines') return item.lines[i - item.start] ?? [];
      if (item.kind === 'panel') return panelLine(item, i, focus);
      const row = i - item.start;
      const inner = find(item.panels, row);
      const right = inner && row < inner.start + inner.height ? panelLine(inner, row, focus) : NO_LINE;
      let composed = item.rows.get(row);
      if (!composed) item.rows.set(row, (composed = new WeakMap()));
      let line = composed.get(right);
      if (!line) composed.set(right, (line = [...padLine(item.header[row] ?? [], item.left), span('  '), ...right]));
      return line;
    },
  };
}

/** Every line of a layout (tests and tools; the app draws only the visible ones). */
export function allLines(layout: SectionLayout, focus: number): Line[] {
  return Array.from({length: layout.length}, (_, i) => layout.line(i, focus));
}
