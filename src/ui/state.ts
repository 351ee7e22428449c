import type {Command} from './keymap';
import {goToMatch, reduceEditing, reduceHelp, reduceScroll} from './overlays';
import {emptySearch, type Match, type SearchState} from './search';
import {openTech, reduceTech, type TechState} from './tech';
import type {TechEntry} from '../document/tech';
import {clampOffset, normalize, revealOffset, scrollTo, withSection} from './viewport';

export {clampOffset, normalize, revealOffset, scrollPercent} from './viewport';

/**
 * Navigation as a pure reducer (gemini-cli shellReducer, bubbles viewport): no Ink, no I/O.
 * The reducer asks `geometry` how the screen is laid out for a state, because folding a panel
 * or resizing the terminal changes where every panel is.
 */
export interface NavState {
  section: number;
  /** Focused panel per section (-1 when a section has none). */
  focus: number[];
  /** First visible line per section. */
  offset: number[];
  /** Keys of folded panels. */
  collapsed: ReadonlySet<string>;
  help: boolean;
  helpOffset: number;
  /** The search line and its results, while a search is open. */
  search?: SearchState;
  /** The technology index, while it is open. */
  tech?: TechState;
  quit: boolean;
}

export interface Region {
  key: string;
  start: number;
  end: number;
  foldable: boolean;
}

/** What the viewport shows for a state: its lines and panels, and how many rows it has. */
export interface Geometry {
  lines: number;
  panels: readonly Region[];
  height: number;
}

export type EditKey = 'backspace' | 'left' | 'right' | 'home' | 'end' | 'submit' | 'cancel';

export type Action =
  | {type: 'command'; command: Command; digit?: number}
  | {type: 'resize'}
  /** Text typed into the search line. */
  | {type: 'text'; text: string}
  /** An editing key in the search line. */
  | {type: 'edit'; key: EditKey}
  /** The mouse wheel: lines to scroll (negative is up). */
  | {type: 'scroll'; delta: number}
  /** A click on line `line` of the viewport's content. */
  | {type: 'click'; line: number};

/** Finds a query's matches across every section (FrameBuilder.search). */
export type MatchesOf = (state: NavState, query: string) => Match[];

/** What the technology index needs to know (FrameBuilder provides it). */
export interface TechContext {
  index: TechEntry[];
  /** Technologies of the focused panel, to open the index on them. */
  focusedTechs(state: NavState): string[];
  /** Lines of a chosen technology's projects view. */
  projectLines(name: string): number;
}

export type GeometryOf = (state: NavState) => Geometry;

/** Lines a ↓/↑ press scrolls inside a panel taller than the screen. */
export const LINE_STEP = 3;

export function initialState(sectionCount: number, section = 0): NavState {
  return {
    section: Math.min(Math.max(0, section), Math.max(0, sectionCount - 1)),
    focus: Array.from({length: sectionCount}, () => 0),
    offset: Array.from({length: sectionCount}, () => 0),
    collapsed: new Set(),
    help: false,
    helpOffset: 0,
    quit: false,
  };
}

export function reduce(
  state: NavState,
  action: Action,
  geometryOf: GeometryOf,
  sectionCount: number,
  matchesOf: MatchesOf = () => [],
  tech?: TechContext,
): NavState {
  // Quitting (q, Ctrl-C) works whatever is open, the search line included.
  if (action.type === 'command' && action.command === 'quit') return {...state, quit: true};
  if (state.search?.editing && action.type !== 'resize') return reduceEditing(state, state.search, action, geometryOf, matchesOf);
  if (action.type === 'text' || action.type === 'edit') return state;
  if (action.type === 'scroll') return reduceScroll(state, action.delta, geometryOf(state));
  if (action.type === 'click') {
    if (state.help || state.tech) return state;
    const g = geometryOf(state);
    const panel = g.panels.findIndex((r) => r.start <= action.line && action.line < r.end);
    return panel === -1 ? state : withSection(state, panel, state.offset[state.section] ?? 0);
  }
  if (action.type === 'resize') {
    const help = geometryOf(state);
    const next = state.help ? {...state, helpOffset: clampOffset(state.helpOffset, help.lines, help.height)} : state;
    return normalize(next, geometryOf, 'some');
  }
  const g = geometryOf(state);
  const {command} = action;
  if (state.help) return reduceHelp(state, command, g);
  if (state.tech && tech) {
    const next = reduceTech(state.tech, command, tech.index, g.height, state.tech.chosen ? tech.projectLines(state.tech.chosen) : 0);
    if (next === 'quit') return {...state, quit: true};
    return {...state, tech: next === 'close' ? undefined : next};
  }
  const focus = state.focus[state.section] ?? -1;
  const offset = state.offset[state.section] ?? 0;
  const region = g.panels[focus];

  const search = state.search;
  switch (command) {
    case 'quit':
      return {...state, quit: true};
    case 'back':
      return search ? {...state, search: undefined} : {...state, quit: true};
    case 'search':
      return {...state, search: emptySearch()};
    case 'nextMatch':
    case 'prevMatch': {
      if (!search || search.matches.length === 0) return state;
      const n = search.matches.length;
      const current = (search.current + (command === 'nextMatch' ? 1 : -1) + n) % n;
      return goToMatch(state, {...search, current}, geometryOf);
    }
    case 'techIndex':
      return tech && tech.index.length > 0 ? {...state, tech: openTech(tech.index, tech.focusedTechs(state)), search: undefined} : state;
    case 'help':
      return {...state, help: true, helpOffset: 0};
    case 'nextSection':
    case 'prevSection': {
      if (sectionCount === 0) return state;
      const step = command === 'nextSection' ? 1 : -1;
      return normalize({...state, section: (state.section + step + sectionCount) % sectionCount}, geometryOf, 'none');
    }
    case 'jumpSection': {
      const target = (action.digit ?? 1) - 1;
      if (target < 0 || target >= sectionCount) return state;
      return normalize({...state, section: target}, geometryOf, 'none');
    }
    case 'down': {
      if (region && region.end > offset + g.height) {
        return withSection(state, focus, clampOffset(Math.min(offset + LINE_STEP, region.end - g.height), g.lines, g.height));
      }
      if (focus + 1 < g.panels.length) {
        const next = g.panels[focus + 1]!;
        return withSection(state, focus + 1, clampOffset(revealOffset(offset, next, g.height), g.lines, g.height));
      }
      return withSection(state, focus, clampOffset(offset + LINE_STEP, g.lines, g.height));
    }
    case 'up': {
      if (region && region.start < offset) {
        return withSection(state, focus, clampOffset(Math.max(region.start, offset - LINE_STEP), g.lines, g.height));
      }
      if (focus > 0) {
        const previous = g.panels[focus - 1]!;
        return withSection(state, focus - 1, clampOffset(revealOffset(offset, previous, g.height), g.lines, g.height));
      }
      return withSection(state, focus, clampOffset(offset - LINE_STEP, g.lines, g.height));
    }
    case 'pageDown':
      return scrollTo(state, g, offset + g.height);
    case 'pageUp':
      return scrollTo(state, g, offset - g.height);
    case 'halfDown':
      return scrollTo(state, g, offset + Math.max(1, Math.floor(g.height / 2)));
    case 'halfUp':
      return scrollTo(state, g, offset - Math.max(1, Math.floor(g.height / 2)));
    case 'top':
      return withSection(state, g.panels.length > 0 ? 0 : -1, 0);
    case 'bottom':
      return withSection(state, g.panels.length - 1, clampOffset(g.lines, g.lines, g.height));
    case 'toggle': {
      if (!region?.foldable) return state;
      const collapsed = new Set(state.collapsed);
      if (collapsed.has(region.key)) collapsed.delete(region.key);
      else collapsed.add(region.key);
      return normalize({...state, collapsed}, geometryOf);
    }
    case 'toggleAll': {
      const foldable = g.panels.filter((r) => r.foldable).map((r) => r.key);
      if (foldable.length === 0) return state;
      const collapsed = new Set(state.collapsed);
      const foldAll = foldable.some((key) => !collapsed.has(key));
      for (const key of foldable) {
        if (foldAll) collapsed.add(key);
        else collapsed.delete(key);
      }
      return normalize({...state, collapsed}, geometryOf);
    }
  }
}

