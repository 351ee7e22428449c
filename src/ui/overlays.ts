import {deleteBack, deleteForward, HEADER_MATCH, insertText, moveCursor, type Match, type SearchState} from './search';
import type {Entry} from '../document/model';
import {clampOffset, isScrollCommand, scrollTarget, viewportView} from './scroll';
import type {Action, Geometry, NavState, ReducerEnv, ViewCommand} from './types';
import {normalize, scrollTo, withSection} from './viewport';

// What keys and the wheel do while something is open over a section: the help, the search line.

export function reduceHelp(state: NavState, command: ViewCommand, g: Geometry): NavState {
  if (isScrollCommand(command)) return {...state, helpOffset: scrollTarget(viewportView(state.helpOffset, g.lines, g.height), command)};
  switch (command) {
    case 'help':
    case 'back':
      return {...state, help: false};
    default:
      return state;
  }
}

/**
 * Shows a match. In the header: the header unfolded, the match a third of the way down its room.
 * In a section: the match a third of the way down, its panel focused, and the panel's title on
 * screen too when the two fit together.
 */
export function goToMatch(state: NavState, search: SearchState, env: Pick<ReducerEnv, 'geometry' | 'regions'>): NavState {
  const match = search.matches[search.current];
  if (!match) return {...state, search};
  if (match.section === HEADER_MATCH) {
    const {header} = env.regions({...state, search, about: {offset: 0}});
    const room = header.lines.length;
    return {...state, search, about: {offset: clampOffset(match.line - Math.floor(room / 3), header.total, room)}};
  }
  const moved = {...state, section: match.section, search, about: undefined};
  const g = env.geometry(moved);
  const region = match.panel >= 0 ? g.panels[match.panel] : undefined;
  let target = match.line - Math.floor(g.height / 3);
  if (region && region.start < target && match.line - region.start < g.height) target = region.start;
  const focus = match.panel >= 0 ? match.panel : (moved.focus[match.section] ?? 0);
  return withSection(moved, focus, clampOffset(target, g.lines, g.height));
}

export function reduceEditing(state: NavState, search: SearchState, action: Action, env: Pick<ReducerEnv, 'geometry' | 'matches' | 'regions'>): NavState {
  if (action.type === 'text') return {...state, search: insertText(search, action.text)};
  if (action.type !== 'edit') return state;
  switch (action.key) {
    case 'backspace':
      return {...state, search: deleteBack(search)};
    case 'delete':
      return {...state, search: deleteForward(search)};
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
      // The whole résumé is searched, folded details too; only the folded panels that hold a
      // match are unfolded, and the search remembers them, to fold them again when it is closed.
      const all = {...state, collapsed: new Set<Entry>()};
      const found = env.matches(all, search.query);
      const holding = foldedHolding(state, all, found, env);
      const collapsed = new Set([...state.collapsed].filter((entry) => !holding.includes(entry)));
      const next = {...state, collapsed};
      // Every match is on screen in `next` (what holds one is unfolded): found again there, at its lines.
      const matches = collapsed.size === 0 ? found : env.matches(next, search.query);
      return goToMatch(next, {...search, editing: false, matches, current: matches.length > 0 ? 0 : -1, unfolded: holding}, env);
    }
  }
}

/** The entries of `state`'s folded panels that hold one of `found` (matches in `all`, everything unfolded). */
function foldedHolding(state: NavState, all: NavState, found: readonly Match[], env: Pick<ReducerEnv, 'geometry'>): Entry[] {
  if (state.collapsed.size === 0) return [];
  const panels = new Map<number, Geometry['panels']>();
  const holding = new Set<Entry>();
  for (const match of found) {
    if (match.section === HEADER_MATCH || match.panel < 0) continue;
    let list = panels.get(match.section);
    if (!list) panels.set(match.section, (list = env.geometry({...all, section: match.section}).panels));
    const entry = list[match.panel]?.entry;
    if (entry && state.collapsed.has(entry)) holding.add(entry);
  }
  return [...holding];
}

/** The search closed (Esc): the panels it unfolded are folded again, as the reader left them. */
export function closeSearch(state: NavState, env: Pick<ReducerEnv, 'geometry'>): NavState {
  const unfolded = state.search?.unfolded ?? [];
  if (unfolded.length === 0) return {...state, search: undefined};
  return normalize({...state, search: undefined, collapsed: new Set([...state.collapsed, ...unfolded])}, env.geometry, 'some');
}

/** The wheel scrolls whatever is shown: the help, the technology index, or the section. */
export function reduceScroll(state: NavState, delta: number, g: Geometry): NavState {
  if (state.help) return {...state, helpOffset: scrollTarget(viewportView(state.helpOffset, g.lines, g.height), delta)};
  // A technology's projects: src/ui/tech.ts wheelProjects (the reducer sends the wheel there).
  if (state.tech) return state;
  return scrollTo(state, g, scrollTarget(viewportView(state.offset[state.section] ?? 0, g.lines, g.height), delta));
}

