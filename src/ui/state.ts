import type {Command} from './keymap';
import {deleteBack, emptySearch, insertText, moveCursor, type Match, type SearchState} from './search';
import {openTech, reduceTech, type TechState} from './tech';
import type {TechEntry} from '../document/tech';

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
export type MatchesOf = (query: string) => Match[];

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

/** The one place offsets are clamped: never past the last full page, never negative. */
export function clampOffset(offset: number, lines: number, height: number): number {
  return Math.max(0, Math.min(offset, lines - height));
}

/** The offset that shows `region`: its whole self if it fits, else its top. */
export function revealOffset(offset: number, region: Region, height: number): number {
  if (region.start < offset) return region.start;
  if (region.end > offset + height) return region.end - region.start > height ? region.start : region.end - height;
  return offset;
}

function withSection(state: NavState, focus: number, offset: number): NavState {
  const f = [...state.focus];
  const o = [...state.offset];
  f[state.section] = focus;
  o[state.section] = offset;
  return {...state, focus: f, offset: o};
}

/** Keeps focus on a visible panel after a scroll: the focused one if still seen, else the first seen. */
function refocus(focus: number, offset: number, g: Geometry): number {
  const seen = (r: Region) => r.end > offset && r.start < offset + g.height;
  const current = g.panels[focus];
  if (current && seen(current)) return focus;
  const first = g.panels.findIndex(seen);
  return first === -1 ? (g.panels.length > 0 ? Math.min(Math.max(focus, 0), g.panels.length - 1) : -1) : first;
}

/**
 * Clamps focus and offset to the geometry. `reveal`: 'whole' scrolls the focused panel fully
 * into view (after folding it); 'some' only when none of it is visible (after a resize, so the
 * reader's place is kept); 'none' leaves the offset (switching sections).
 */
export function normalize(state: NavState, geometryOf: GeometryOf, reveal: 'whole' | 'some' | 'none' = 'whole'): NavState {
  const g = geometryOf(state);
  let focus = state.focus[state.section] ?? 0;
  focus = g.panels.length === 0 ? -1 : Math.min(Math.max(focus, 0), g.panels.length - 1);
  let offset = clampOffset(state.offset[state.section] ?? 0, g.lines, g.height);
  const region = g.panels[focus];
  const visible = region !== undefined && region.end > offset && region.start < offset + g.height;
  if (region && (reveal === 'whole' || (reveal === 'some' && !visible))) {
    offset = clampOffset(revealOffset(offset, region, g.height), g.lines, g.height);
  }
  return withSection(state, focus, offset);
}

function scrollTo(state: NavState, g: Geometry, target: number): NavState {
  const offset = clampOffset(target, g.lines, g.height);
  return withSection(state, refocus(state.focus[state.section] ?? 0, offset, g), offset);
}

function reduceHelp(state: NavState, command: Command, g: Geometry): NavState {
  const move = (delta: number) => ({...state, helpOffset: clampOffset(state.helpOffset + delta, g.lines, g.height)});
  switch (command) {
    case 'help':
    case 'back':
      return {...state, help: false};
    case 'quit':
      return {...state, quit: true};
    case 'down':
      return move(1);
    case 'up':
      return move(-1);
    case 'pageDown':
      return move(g.height);
    case 'pageUp':
      return move(-g.height);
    case 'halfDown':
      return move(Math.floor(g.height / 2));
    case 'halfUp':
      return move(-Math.floor(g.height / 2));
    case 'top':
      return {...state, helpOffset: 0};
    case 'bottom':
      return move(g.lines);
    default:
      return state;
  }
}

/** Shows a match: its section, its line a third of the way down, its panel focused. */
function goToMatch(state: NavState, search: SearchState, geometryOf: GeometryOf): NavState {
  const match = search.matches[search.current];
  if (!match) return {...state, search};
  const moved = {...state, section: match.section, search};
  const g = geometryOf(moved);
  const offset = clampOffset(match.line - Math.floor(g.height / 3), g.lines, g.height);
  const focus = match.panel >= 0 ? match.panel : (moved.focus[match.section] ?? 0);
  return withSection(moved, focus, offset);
}

function reduceEditing(state: NavState, search: SearchState, action: Action, geometryOf: GeometryOf, matchesOf: MatchesOf): NavState {
  if (action.type === 'text') return {...state, search: insertText(search, action.text)};
  if (action.type !== 'edit') return state;
  switch (action.key) {
    case 'backspace':
      return {...state, search: deleteBack(search)};
    case 'left':
      return {...state, search: moveCursor(search, search.cursor - 1)};
    case 'right':
      return {...state, search: moveCursor(search, search.cursor + 1)};
    case 'home':
      return {...state, search: moveCursor(search, 0)};
    case 'end':
      return {...state, search: moveCursor(search, Number.MAX_SAFE_INTEGER)};
    case 'cancel':
      return {...state, search: undefined};
    case 'submit': {
      if (search.query === '') return {...state, search: undefined};
      const matches = matchesOf(search.query);
      return goToMatch(state, {...search, editing: false, matches, current: matches.length > 0 ? 0 : -1}, geometryOf);
    }
  }
}

/** The wheel scrolls whatever is shown: the help, the technology index, or the section. */
function reduceScroll(state: NavState, delta: number, g: Geometry): NavState {
  if (state.help) return {...state, helpOffset: clampOffset(state.helpOffset + delta, g.lines, g.height)};
  if (state.tech) {
    if (!state.tech.chosen) return state;
    return {...state, tech: {...state.tech, projectsOffset: clampOffset(state.tech.projectsOffset + delta, g.lines, g.height)}};
  }
  return scrollTo(state, g, (state.offset[state.section] ?? 0) + delta);
}

export function reduce(
  state: NavState,
  action: Action,
  geometryOf: GeometryOf,
  sectionCount: number,
  matchesOf: MatchesOf = () => [],
  tech?: TechContext,
): NavState {
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

/** How far through the section the viewport is: `42%` (100% when all of it is shown). */
export function scrollPercent(offset: number, lines: number, height: number): number {
  const max = lines - height;
  return max <= 0 ? 100 : Math.round((clampOffset(offset, lines, height) / max) * 100);
}
