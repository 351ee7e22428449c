import type {ResumeDocument} from '../document/model';
import {headerLines, helpLines, hintsFor, sectionBar, statusBar, tooSmallLines} from './layout/chrome';
import {lineText, type Line} from './layout/lines';
import {cellWidth} from '../text/width';
import {findAll, highlight, searchLine, searchSummary, type Match} from './search';
import {LIST_HEADER, techListLines, techProjectsHeading, techSection, techsOf} from './tech';
import {techIndex, type TechEntry} from '../document/tech';
import type {Command} from './keymap';
import type {InlineRenderer} from './layout/panel';
import {createCaches, layoutSection, type LayoutCaches, type SectionLayout} from './layout/section';
import {scrollPercent, type Geometry, type NavState, type TechContext} from './state';
import type {Theme} from './theme';

/** Sections with at most this many panels are measured whole before their first frame. */
export const EAGER_PANELS = 200;

const panelCount = (section: ResumeDocument['sections'][number] | undefined) =>
  (section?.entries ?? []).reduce((sum, e) => sum + 1 + e.children.length, 0);

const EMPTY_LAYOUT: SectionLayout = {length: 0, panels: [], measured: true, measuredPanel: () => undefined, complete: () => {}, line: () => []};

/** Below this the app shows one line asking for a larger terminal instead of a broken frame. */
export const MIN_SIZE = {width: 40, rows: 10};

export interface Screen {
  width: number;
  rows: number;
}

/**
 * Everything the app draws, as a pure function of the document, the navigation state and the
 * terminal size. The frame is `rows - 1` lines: as tall as the terminal, Ink would clear the
 * screen on every render and flicker (ink#450).
 */
export class FrameBuilder {
  private readonly cache = new Map<string, SectionLayout>();
  private readonly caches: LayoutCaches = createCaches();
  private readonly titles: string[];

  private techEntries?: TechEntry[];

  constructor(
    readonly doc: ResumeDocument,
    readonly theme: Theme,
    readonly inline?: InlineRenderer,
  ) {
    this.titles = doc.sections.map((s) => s.title);
  }

  /** Every technology and its projects (built on first use). */
  get techIndex(): TechEntry[] {
    return (this.techEntries ??= techIndex(this.doc));
  }

  /** A chosen technology's projects, laid out as a section of their own. */
  techLayout(name: string, width: number): SectionLayout {
    const key = `tech|${name}|${width}`;
    let layout = this.cache.get(key);
    const tech = this.techIndex.find((t) => t.name === name);
    if (!layout && tech) {
      layout = layoutSection(techSection(tech), {width, theme: this.theme, collapsed: new Set(), inline: this.inline, caches: this.caches});
      this.cache.set(key, layout);
    }
    return layout ?? EMPTY_LAYOUT;
  }

  /** What the reducer needs to drive the technology index. */
  techContext(screen: () => Screen): TechContext {
    return {
      index: this.techIndex,
      focusedTechs: (state) => techsOf(this.doc, state.section, this.section(state, screen().width).panels[state.focus[state.section] ?? -1]?.key),
      projectLines: (name) => this.techLayout(name, screen().width).length + 1,
    };
  }

  tooSmall(screen: Screen): boolean {
    return screen.width < MIN_SIZE.width || screen.rows < MIN_SIZE.rows;
  }

  private chromeHeight(screen: Screen): number {
    return headerLines(this.doc, screen.width, screen.rows).length + 2;
  }

  /**
   * Where things are on screen, for the mouse: the section bar's row and each tab's columns
   * [start, end), and the first row of the scrolling content.
   */
  chrome(state: NavState, screen: Screen): {barRow: number; tabs: Array<{section: number; start: number; end: number}>; top: number} {
    const barRow = headerLines(this.doc, screen.width, screen.rows).length;
    const tabs: Array<{section: number; start: number; end: number}> = [];
    let x = 0;
    for (const s of sectionBar(this.titles, state.section, screen.width)) {
      const w = cellWidth(s.text);
      if (s.tab !== undefined) tabs.push({section: s.tab, start: x, end: x + w});
      x += w;
    }
    return {barRow, tabs, top: barRow + 1};
  }

  /** Rows left for the scrolling content. */
  viewportHeight(screen: Screen): number {
    return Math.max(1, screen.rows - 1 - this.chromeHeight(screen));
  }

  /** The section laid out for this state and width (cached: a key press reuses it). */
  section(state: NavState, width: number, index = state.section): SectionLayout {
    const section = this.doc.sections[index];
    if (!section) return EMPTY_LAYOUT;
    const prefix = `${section.id}/`;
    const folded = [...state.collapsed].filter((k) => k.startsWith(prefix)).sort().join(',');
    // Focus is not part of the key: it changes how two panels are drawn, not where anything is.
    const key = `${index}|${width}|${folded}`;
    let layout = this.cache.get(key);
    if (!layout) {
      layout = layoutSection(section, {width, theme: this.theme, collapsed: state.collapsed, inline: this.inline, caches: this.caches});
      // A few layouts are enough (the sections being flipped between); panels are cached apart.
      if (this.cache.size >= 8) this.cache.clear();
      this.cache.set(key, layout);
    }
    return layout;
  }

  /** What the viewport shows for a state: the help, or the current section. */
  geometry(state: NavState, screen: Screen): Geometry {
    const height = this.viewportHeight(screen);
    if (state.help) return {lines: helpLines(screen.width).length, panels: [], height};
    if (state.tech) {
      const lines = state.tech.chosen ? this.techLayout(state.tech.chosen, screen.width).length + 1 : LIST_HEADER + this.techIndex.length;
      return {lines, panels: [], height};
    }
    const layout = this.section(state, screen.width);
    return {lines: layout.length, panels: layout.panels, height};
  }

  /**
   * Every occurrence of `query` in every section, as laid out at this width: line by line, in
   * order. (A match never spans two lines: the text is searched as it is shown.)
   */
  search(state: NavState, screen: Screen, query: string): Match[] {
    const matches: Match[] = [];
    this.doc.sections.forEach((_, index) => {
      const layout = this.section(state, screen.width, index);
      let panel = 0;
      for (let i = 0; i < layout.length; i++) {
        while (panel < layout.panels.length && layout.panels[panel]!.end <= i) panel++;
        const region = layout.panels[panel];
        const inPanel = region && region.start <= i ? panel : -1;
        for (let n = findAll(lineText(layout.line(i, -1)), query).length; n > 0; n--) matches.push({section: index, line: i, panel: inPanel});
      }
    });
    return matches;
  }

  /** The lines of the whole frame. */
  build(state: NavState, screen: Screen): Line[] {
    const {width, rows} = screen;
    if (this.tooSmall(screen)) return tooSmallLines(width, rows, MIN_SIZE);
    const height = this.viewportHeight(screen);
    const header = headerLines(this.doc, width, rows);
    const bar = sectionBar(this.titles, state.section, width);
    let body: Line[];
    let position: string;
    let foldable = false;
    let hints: Array<Command | [Command, string]> | undefined;
    if (state.help) {
      const help = helpLines(width);
      body = help.slice(state.helpOffset, state.helpOffset + height);
      position = `${scrollPercent(state.helpOffset, help.length, height)}%`;
    } else if (state.tech?.chosen) {
      const tech = this.techIndex.find((t) => t.name === state.tech!.chosen)!;
      const layout = this.techLayout(tech.name, width);
      const offset = state.tech.projectsOffset;
      body = [techProjectsHeading(tech, width)];
      for (let i = offset; i < Math.min(layout.length, offset + height - 1); i++) body.push(layout.line(i, -1));
      position = `${scrollPercent(offset, layout.length, height - 1)}%`;
      hints = [['back', 'list'], 'down', 'quit'];
    } else if (state.tech) {
      const list = techListLines(this.techIndex, state.tech.selected, width, state.tech.focused);
      const rows = height - LIST_HEADER;
      body = [...list.slice(0, LIST_HEADER), ...list.slice(LIST_HEADER + state.tech.offset, LIST_HEADER + state.tech.offset + rows)];
      position = `${state.tech.selected + 1}/${this.techIndex.length}`;
      hints = [['toggle', 'projects'], 'down', ['back', 'close'], 'quit'];
    } else {
      const layout = this.section(state, width);
      const offset = state.offset[state.section] ?? 0;
      const focus = state.focus[state.section] ?? -1;
      // A long section's first frame measures only the panels it shows, and its position reads
      // "…" until the rest is measured (the App's first effect does that, right after the frame
      // is out). An ordinary section is measured whole at once: it costs a few milliseconds.
      if (!layout.measured && panelCount(this.doc.sections[state.section]) <= EAGER_PANELS) layout.complete();
      body = [];
      for (let i = offset; i < offset + height; i++) body.push(layout.line(i, focus));
      position = layout.measured ? `${scrollPercent(offset, layout.length, height)}%` : '…';
      foldable = layout.measuredPanel(focus)?.foldable ?? false;
    }
    while (body.length < height) body.push([]);
    const search = state.search;
    if (search && search.query) body = body.map((line) => highlight(line, search.query));
    let status: Line;
    if (search?.editing) status = searchLine(search, width);
    else if (search) status = statusBar(['nextMatch', 'prevMatch', 'back'], `${searchSummary(search)}  ${position}`, width);
    else status = statusBar(hints ?? hintsFor({help: state.help, foldable}), position, width);
    return [...header, bar, ...body, status];
  }
}
