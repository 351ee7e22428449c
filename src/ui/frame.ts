import {isEmptyDocument} from '../document/build';
import type {ResumeDocument} from '../document/model';
import {namesSection, techSection} from '../document/select';
import {techIndex, type TechEntry} from '../document/tech';
import {EAGER_PANELS, MIN_SIZE} from '../sizes';
import {wrapText} from '../text/width';
import {hintsFor, type Hint} from './keymap';
import {fullHeaderLines, helpLines, statusBar, tooSmallLines} from './layout/chrome';
import {lineText, span, type Line} from './layout/lines';
import type {InlineRenderer} from './layout/panel';
import {frameRegions, isTooSmall, type FrameRegions, type Screen} from './layout/regions';
import {createCaches, layoutSection, type LayoutCaches, type SectionLayout} from './layout/section';
import {findAll, HEADER_MATCH, highlight, searchLine, searchSummary, type Match} from './search';
import {LIST_HEADER, markChosen, techListLines, techProjectsHeading, techsOf} from './tech';
import type {Geometry, NavState, ReducerEnv, TechContext} from './types';
import {scrollPercent} from './viewport';
import type {Theme} from '../theme/theme';
import {ENGLISH, type Messages} from '../i18n/messages';

export type {Screen} from './layout/regions';

const panelCount = (section: ResumeDocument['sections'][number] | undefined) =>
  (section?.entries ?? []).reduce((sum, e) => sum + 1 + e.children.length, 0);

/** What the body says when there is no section to show. */
function emptyNotice(doc: ResumeDocument, messages: Messages): string {
  return messages.say(isEmptyDocument(doc) ? 'empty.nothing' : 'empty.noSections');
}

/** How many regions and status lines a FrameBuilder keeps: more than a reader flips between. */
const KEPT = 32;

/** Keeps `value` under `key`, forgetting everything once the map holds KEPT entries. */
function remember<V>(map: Map<string, V>, key: string, value: V): void {
  if (map.size >= KEPT) map.clear();
  map.set(key, value);
}

const EMPTY_LAYOUT: SectionLayout = {length: 0, panels: [], measured: true, measuredPanel: () => undefined, complete: () => {}, line: () => []};

/**
 * Everything the app draws, as a pure function of the document, the navigation state and the
 * terminal size (which the state carries), and what the reducer needs to know about it.
 */
export class FrameBuilder {
  private readonly cache = new Map<string, SectionLayout>();
  private readonly caches: LayoutCaches = createCaches();
  /** Regions by section, size and unfolded header: flipping between sections reuses them. */
  private readonly regionsCache = new Map<string, FrameRegions>();
  private readonly aboutMore = new Map<string, boolean>();
  /** Status lines by what they say and their width: most key presses draw the same one again. */
  private readonly statusCache = new Map<string, Line>();
  private headerCache?: {width: number; lines: Line[]};
  private techEntries?: TechEntry[];

  constructor(
    readonly doc: ResumeDocument,
    readonly theme: Theme,
    readonly inline?: InlineRenderer,
    /** The app's own words, in the reader's language (src/i18n/messages.ts). */
    readonly messages: Messages = ENGLISH,
  ) {}

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

  /** The reducer's environment: geometry, regions, search and the technology index, for this document. */
  env(): ReducerEnv {
    const builder = this;
    const tech: TechContext = {
      // Built when the index is first opened (t), not before the first frame: it visits every entry.
      get index() {
        return builder.techIndex;
      },
      focusedTechs: (state) => techsOf(this.section(state).panels[state.focus[state.section] ?? -1]?.entry),
      projects: (name, width) => {
        const layout = this.techLayout(name, width);
        return {lines: layout.length, panels: layout.panels};
      },
    };
    return {
      sectionCount: this.doc.sections.length,
      geometry: (state) => this.geometry(state),
      regions: (state) => this.regions(state.section, state.screen, state.about),
      matches: (state, query) => this.search(state, query),
      tech,
    };
  }

  /**
   * Whether unfolding the header (`i`) shows more than the folded header does: a longer summary,
   * contacts or profiles that do not fit. A résumé with a one-line summary and no contacts has
   * nothing more, and `i` is not offered.
   */
  aboutShowsMore(screen: Screen): boolean {
    const key = `about|${screen.width}|${screen.rows}`;
    let more = this.aboutMore.get(key);
    if (more === undefined) {
      const text = (lines: Line[]) => lines.map(lineText).map((l) => l.trim()).filter((l) => l !== '').join('\n');
      const folded = this.regions(0, screen).header.lines;
      more = text(fullHeaderLines(this.doc, screen.width, this.inline)) !== text(folded);
      this.aboutMore.set(key, more);
    }
    return more;
  }

  /** Where the header, the tabs, the body and the status line are (see FrameRegions); `about`: the header unfolded. */
  regions(active: number, screen: Screen, about?: {offset: number}): FrameRegions {
    const key = `${active}|${screen.width}|${screen.rows}|${about?.offset ?? ''}`;
    let regions = this.regionsCache.get(key);
    if (!regions) {
      regions = frameRegions(this.doc, active, screen, {unfolded: about, inline: this.inline, glyphs: this.theme.glyphs});
      remember(this.regionsCache, key, regions);
    }
    return regions;
  }

  /** The status bar: these hints, then `position` on the right (see statusBar). */
  private status(hints: readonly Hint[], position: string, width: number): Line {
    const key = `${width}|${position}|${JSON.stringify(hints)}`;
    let line = this.statusCache.get(key);
    if (!line) {
      line = statusBar(hints, position, width, this.theme.glyphs, this.messages);
      remember(this.statusCache, key, line);
    }
    return line;
  }

  /** The whole header at this width, as it unfolds (searched line by line, like a section). */
  private fullHeader(width: number): Line[] {
    if (this.headerCache?.width !== width) this.headerCache = {width, lines: fullHeaderLines(this.doc, width, this.inline)};
    return this.headerCache.lines;
  }

  /** The section laid out for this state's folds at its screen's width (cached: a key press reuses it). */
  section(state: NavState, index = state.section): SectionLayout {
    const section = this.doc.sections[index];
    if (!section) return EMPTY_LAYOUT;
    const width = state.screen.width;
    // Which of this section's panels are folded, by their place: focus is not part of the key (it
    // changes how two panels are drawn, not where anything is).
    const folded: number[] = [];
    let n = 0;
    for (const entry of section.entries) {
      for (const e of [entry, ...entry.children]) if (state.collapsed.has(e)) folded.push(n++);
      else n++;
    }
    const key = `${index}|${width}|${folded.join(',')}`;
    let layout = this.cache.get(key);
    if (layout) {
      // Least recently used first: the layouts in use stay.
      this.cache.delete(key);
    } else {
      layout = layoutSection(section, {width, theme: this.theme, collapsed: state.collapsed, inline: this.inline, caches: this.caches});
      // One per section and a few more (other folds, technologies): flipping through every
      // section finds each laid out, its composed rows kept. Panels are cached apart.
      if (this.cache.size >= this.doc.sections.length + 8) this.cache.delete(this.cache.keys().next().value!);
    }
    this.cache.set(key, layout);
    return layout;
  }

  /** What the viewport shows for a state: the help, the technology index, or the current section. */
  geometry(state: NavState): Geometry {
    const {width} = state.screen;
    const height = this.regions(state.section, state.screen, state.about).body.height;
    if (state.help) return {lines: helpLines(width, this.theme.glyphs, this.messages).length, panels: [], height};
    if (state.tech) {
      const lines = state.tech.chosen ? this.techLayout(state.tech.chosen, width).length + 1 : LIST_HEADER + this.techIndex.length;
      return {lines, panels: [], height};
    }
    const layout = this.section(state);
    return {lines: layout.length, panels: layout.panels, height};
  }

  /**
   * Every occurrence of `query` in every section, as laid out at this width: line by line, in
   * order, after the section's own top when the query names it. (A match never spans two lines:
   * the text is searched as it is shown.)
   */
  search(state: NavState, query: string): Match[] {
    const matches: Match[] = [];
    // The header first: it is the top of the résumé.
    this.fullHeader(state.screen.width).forEach((line, i) => {
      for (let n = findAll(lineText(line), query).length; n > 0; n--) matches.push({section: HEADER_MATCH, line: i, panel: -1});
    });
    this.doc.sections.forEach((_, index) => {
      // A query that names the section (`/education`, `/학력`) finds its top first.
      if (namesSection(this.doc, index, query)) matches.push({section: index, line: 0, panel: -1, named: true});
      const layout = this.section(state, index);
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

  /** The lines of the whole frame, region by region. */
  build(state: NavState): Line[] {
    const {width, rows} = state.screen;
    if (isTooSmall(state.screen)) return tooSmallLines(width, rows, MIN_SIZE, this.theme.glyphs, this.messages);
    const regions = this.regions(state.section, state.screen, state.about);
    const height = regions.body.height;
    let header = regions.header.lines;
    let body: Line[];
    let position: string;
    let hints: Hint[];
    if (state.help) {
      const help = helpLines(width, this.theme.glyphs, this.messages);
      body = help.slice(state.helpOffset, state.helpOffset + height);
      position = `${scrollPercent(state.helpOffset, help.length, height)}%`;
      hints = hintsFor('help');
    } else if (state.tech?.chosen) {
      const tech = this.techIndex.find((t) => t.name === state.tech!.chosen)!;
      const layout = this.techLayout(tech.name, width);
      const offset = state.tech.projectsOffset;
      body = [techProjectsHeading(tech, width, this.theme.glyphs, this.messages)];
      for (let i = offset; i < Math.min(layout.length, offset + height - 1); i++) body.push(markChosen(layout.line(i, state.tech.projectsFocus), tech.name));
      position = `${scrollPercent(offset, layout.length, height - 1)}%`;
      hints = hintsFor('techProjects');
    } else if (state.tech) {
      const list = techListLines(this.techIndex, state.tech.selected, width, state.tech.focused, this.theme.glyphs, this.messages);
      const rows = height - LIST_HEADER;
      body = [...list.slice(0, LIST_HEADER), ...list.slice(LIST_HEADER + state.tech.offset, LIST_HEADER + state.tech.offset + rows)];
      position = `${state.tech.selected + 1}/${this.techIndex.length}`;
      hints = hintsFor('techList');
    } else {
      const layout = this.section(state);
      const offset = state.offset[state.section] ?? 0;
      const focus = state.focus[state.section] ?? -1;
      // A long section's first frame measures only the panels it shows, and its position reads
      // "…" until the rest is measured (the App's first effect does that, right after the frame
      // is out). An ordinary section is measured whole at once: it costs a few milliseconds.
      if (!layout.measured && panelCount(this.doc.sections[state.section]) <= EAGER_PANELS) layout.complete();
      body = [];
      for (let i = offset; i < offset + height; i++) body.push(layout.line(i, focus));
      if (this.doc.sections.length === 0) body = wrapText(this.theme.glyphs.text(emptyNotice(this.doc, this.messages)), width).map((l) => [span(l, 'muted')]);
      position = layout.measured ? `${scrollPercent(offset, layout.length, height)}%` : this.theme.glyphs.ellipsis;
      const panel = layout.measuredPanel(focus);
      hints = hintsFor('section', {foldable: panel?.foldable ?? false, folded: panel ? state.collapsed.has(panel.entry) : false, aboutMore: this.aboutShowsMore(state.screen)});
      if (state.about) {
        // The keys move the unfolded header: its place is what the status bar tells.
        const {offset: top, total, lines} = regions.header;
        position = `${scrollPercent(top, total, lines.length)}%`;
        hints = hintsFor('about');
      }
    }
    while (body.length < height) body.push([]);
    const search = state.search;
    if (search && search.query) {
      // Every match on screen marked, the current one set apart (in the header or the section shown).
      const current = search.matches[search.current];
      const occurrence = (section: number, line: number) => {
        if (!current || current.named || current.section !== section || current.line !== line) return -1;
        return search.matches.slice(0, search.current).filter((m) => m.section === section && m.line === line && !m.named).length;
      };
      const headerTop = regions.header.unfolded ? regions.header.offset : -1;
      header = header.map((line, row) => highlight(line, search.query, headerTop >= 0 ? occurrence(HEADER_MATCH, headerTop + row) : -1));
      const inSection = !state.help && !state.tech;
      const top = state.offset[state.section] ?? 0;
      body = body.map((line, row) => highlight(line, search.query, inSection ? occurrence(state.section, top + row) : -1));
    }
    // A file opened with problems says how many, on every screen (the lines were printed before the app started).
    const warnings = this.doc.warnings ? `${this.messages.count('count.warning', this.doc.warnings)}  ` : '';
    let status: Line;
    // Esc with nothing open: the same hints (q among them), the notice where the position was.
    if (state.notice) status = this.status(hints, this.messages.say('status.nothingToClose'), width);
    else if (search?.editing) status = searchLine(search, width);
    else if (search) status = this.status(hintsFor('searchResults', {matches: search.matches.length}), `${warnings}${searchSummary(search, this.messages)}  ${position}`, width);
    else status = this.status(hints, `${warnings}${position}`, width);
    return [...header, regions.bar.line, ...body, status];
  }
}
