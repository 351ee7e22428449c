import type {Entry, Section} from '../../document/model';
import {wrapText} from '../../text/width';
import type {Theme} from '../theme';
import {padLine, span, type Line} from './lines';
import {panelLines, type InlineRenderer} from './panel';

/** A focusable panel's place in the laid-out section: lines [start, end). */
export interface PanelRegion {
  /** Stable across layouts: `work/0/2` is the third project of the first organization. */
  key: string;
  start: number;
  end: number;
  /** Whether Enter folds it (a project with details). */
  foldable: boolean;
}

export interface SectionLayout {
  lines: Line[];
  panels: PanelRegion[];
}

export interface SectionOptions {
  width: number;
  theme: Theme;
  /** Index of the focused panel, or -1. */
  focus: number;
  collapsed: ReadonlySet<string>;
  inline?: InlineRenderer;
  /** Drawn panels to reuse: moving the focus redraws two panels, not the whole section. */
  panelCache?: PanelCache;
}

/**
 * Drawn panels by entry, then by width, focus and fold. The theme and inline renderer are fixed
 * for a cache's life (FrameBuilder owns one per theme).
 */
export type PanelCache = WeakMap<Entry, Map<string, Line[]>>;

function cachedPanel(cache: PanelCache | undefined, entry: Entry, key: string, draw: () => Line[]): Line[] {
  if (!cache) return draw();
  let variants = cache.get(entry);
  if (!variants) cache.set(entry, (variants = new Map()));
  let lines = variants.get(key);
  if (!lines) {
    // A handful of variants per panel (widths seen in a resize, focused or not, folded or not).
    if (variants.size >= 8) variants.clear();
    variants.set(key, (lines = draw()));
  }
  return lines;
}

/** From this width up, work is laid out as the source's page: organization left, projects right. */
export const WIDE_LAYOUT = 100;

/** The left column's share in the wide layout ("about a quarter"). */
export function leftColumnWidth(width: number): number {
  return Math.floor(width / 4);
}

const isFoldable = (entry: Entry) => entry.kind === 'project' && entry.blocks.some((b) => b.kind !== 'tags');

function orgHeader(entry: Entry, width: number): Line[] {
  const lines: Line[] = wrapText(entry.title, width).map((l) => [span(l, 'orgTitle')]);
  if (entry.subtitle) lines.push(...wrapText(entry.subtitle, width).map((l) => [span(l, 'muted')]));
  if (entry.role) lines.push(...wrapText(entry.role, width).map((l) => [span(l, 'role')]));
  if (entry.period) lines.push(...wrapText(entry.period, width).map((l) => [span(l, 'period')]));
  return lines;
}

/**
 * Lays out one section at `width`: every panel boxed, organizations with their projects beside
 * (wide) or above (narrow) them. Pure; the same input gives the same lines.
 */
export function layoutSection(section: Section, opts: SectionOptions): SectionLayout {
  const lines: Line[] = [];
  const panels: PanelRegion[] = [];
  const wide = opts.width >= WIDE_LAYOUT;

  const panel = (entry: Entry, key: string, width: number) => {
    const index = panels.length;
    const collapsed = opts.collapsed.has(key);
    const focused = index === opts.focus;
    const drawn = cachedPanel(opts.panelCache, entry, `${width}|${focused}|${collapsed}`, () =>
      panelLines(entry, {width, theme: opts.theme, focused, collapsed, inline: opts.inline}),
    );
    return {drawn, region: {key, start: 0, end: drawn.length, foldable: isFoldable(entry)}};
  };

  section.entries.forEach((entry, i) => {
    if (i > 0) lines.push([]);
    const key = `${section.id}/${i}`;
    const hasProjects = entry.kind === 'organization' && entry.children.some((c) => c.kind === 'project');
    if (!hasProjects) {
      const {drawn, region} = panel(entry, key, opts.width);
      panels.push({...region, start: lines.length, end: lines.length + drawn.length});
      lines.push(...drawn);
      return;
    }
    const left = wide ? leftColumnWidth(opts.width) : opts.width;
    const right = wide ? opts.width - left - 2 : opts.width;
    const header = orgHeader(entry, left);
    const column: Line[] = [];
    const regions: PanelRegion[] = [];
    entry.children.forEach((child, c) => {
      const {drawn, region} = panel(child, `${key}/${c}`, right);
      panels.push(region); // placeholder so focus indices count in order; fixed below
      regions.push({...region, start: column.length, end: column.length + drawn.length});
      column.push(...drawn);
    });
    const base = lines.length + (wide ? 0 : header.length);
    panels.splice(panels.length - regions.length, regions.length, ...regions.map((r) => ({...r, start: r.start + base, end: r.end + base})));
    if (wide) {
      const rows = Math.max(header.length, column.length);
      for (let r = 0; r < rows; r++) lines.push([...padLine(header[r] ?? [], left), span('  '), ...(column[r] ?? [])]);
    } else {
      lines.push(...header, ...column);
    }
  });
  return {lines, panels};
}
