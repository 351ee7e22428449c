import {graphemes} from '../text/width';
import {commandFor, editKeyFor, worksWhenTooSmall, type Command} from './keymap';
import {isTooSmall, type Screen} from './layout/regions';
import {closeSearch, goToMatch, reduceEditing, reduceHelp, reduceScroll} from './overlays';
import {emptySearch} from './search';
import {clampOffset, isScrollCommand, scrollTarget, viewportView, type ScrollCommand} from './scroll';
import {openTech, reduceTech, wheelProjects} from './tech';
import type {NavState, Reducer, ReducerEnv, ViewCommand} from './types';
import {moveThroughPanels, normalize, withSection} from './viewport';

/**
 * Navigation as a pure reducer, `(state, action) → state` (gemini-cli shellReducer, bubbles
 * viewport): no Ink, no I/O. What it must know about the document and the screen (where the
 * panels are for a state, where the tabs are, what a query matches) comes from one environment
 * object given when the reducer is made. Its types, shared with the overlays and the frame
 * builder, are in types.ts.
 */

export type {Action, Geometry, NavState, Reducer, ReducerEnv, Region, TechContext} from './types';
export type {EditKey} from './keymap';
export type {Screen} from './layout/regions';
export {clampOffset} from './scroll';
export {normalize, revealOffset, scrollPercent} from './viewport';

export function initialState(sectionCount: number, screen: Screen, section = 0): NavState {
  return {
    screen,
    section: Math.min(Math.max(0, section), Math.max(0, sectionCount - 1)),
    focus: Array.from({length: sectionCount}, () => 0),
    offset: Array.from({length: sectionCount}, () => 0),
    collapsed: new Set(),
    help: false,
    helpOffset: 0,
    suspends: 0,
    quit: false,
  };
}

/** The reducer for one document and screen environment. */
export function createReducer(env: ReducerEnv): Reducer {
  const reduce: Reducer = (state, action) => {
    // The notice lasts until the next thing the reader does.
    if (state.notice && action.type !== 'resize') state = {...state, notice: false};
    const tooSmall = isTooSmall(state.screen);
    switch (action.type) {
      case 'resize':
        return resize(state, action.screen, env);
      case 'key': {
        const editing = Boolean(state.search?.editing) && !tooSmall;
        const edit = editing ? editKeyFor(action.key) : undefined;
        if (edit) return reduce(state, {type: 'edit', key: edit});
        const command = commandFor(action.key, {editing, tooSmall});
        return command ? reduce(state, {type: 'command', command, digit: Number(action.key.input)}) : state;
      }
      case 'text': {
        // One by one: a key can open the search line, and what follows it is then the query.
        let next = state;
        const chars = graphemes(action.text);
        for (let i = 0; i < chars.length && !next.quit; i++) {
          if (next.search?.editing && !isTooSmall(next.screen)) return reduceEditing(next, next.search, {type: 'text', text: chars.slice(i).join('')}, env);
          next = reduce(next, {type: 'key', key: {input: chars[i]!}});
        }
        return next;
      }
      case 'paste':
        return state.search?.editing && !tooSmall ? reduceEditing(state, state.search, {type: 'text', text: action.text.replace(/\s*\n\s*/g, ' ')}, env) : state;
    }
    // Below the minimum size nothing is laid out: only the commands the keymap keeps then (quit, suspend) work.
    if (tooSmall && !(action.type === 'command' && worksWhenTooSmall(action.command))) return state;
    if (action.type === 'command') {
      // Quitting and suspending are the same in every view, the search line included: taken here, before any.
      switch (action.command) {
        case 'quit':
          return {...state, quit: true};
        case 'suspend':
          return {...state, suspends: state.suspends + 1};
        default:
          // The search line takes no other command: what is typed there is text.
          return state.search?.editing ? state : command(state, action.command, action.digit, env);
      }
    }
    if (state.search?.editing) return reduceEditing(state, state.search, action, env);
    if (action.type === 'edit') return state;
    if (action.type === 'scroll') {
      if (state.about && !state.help) return scrollHeader(state, action.delta, env);
      if (state.tech?.chosen !== undefined && env.tech && !state.help) return wheelProjects(state, state.tech, action.delta, env.tech, env.geometry(state));
      return reduceScroll(state, action.delta, env.geometry(state));
    }
    return click(state, action.x, action.y, env);
  };
  return reduce;
}

function resize(state: NavState, screen: Screen, env: ReducerEnv): NavState {
  const resized = {...state, screen};
  // Too small to lay anything out: the reader's place is kept for when the terminal grows back.
  if (isTooSmall(screen)) return resized;
  const g = env.geometry(resized);
  const next = resized.help ? {...resized, helpOffset: clampOffset(resized.helpOffset, g.lines, g.height)} : resized;
  return normalize(next, env.geometry, 'some');
}

/** Scrolls the unfolded header by a step, or the wheel's lines. */
function scrollHeader(state: NavState, move: ScrollCommand | number, env: ReducerEnv): NavState {
  const {header} = env.regions(state);
  const offset = scrollTarget(viewportView(header.offset, header.total, header.lines.length), move);
  return offset === header.offset ? state : {...state, about: {offset}};
}

/** A click on the header folds or unfolds it; on a tab opens its section; on a panel focuses it. */
function click(state: NavState, x: number, y: number, env: ReducerEnv): NavState {
  if (state.help || state.tech) return state;
  const regions = env.regions(state);
  if (y >= regions.header.top && y < regions.bar.row) return {...state, about: state.about ? undefined : {offset: 0}};
  if (y === regions.bar.row) {
    const tab = regions.bar.tabs.find(({start, end}) => x >= start && x < end);
    return tab ? normalize({...state, section: tab.section, about: undefined}, env.geometry, 'none') : state;
  }
  if (state.about) return state;
  const row = y - regions.body.top;
  if (row < 0 || row >= regions.body.height) return state;
  const line = (state.offset[state.section] ?? 0) + row;
  const panel = env.geometry(state).panels.findIndex((r) => r.start <= line && line < r.end);
  return panel === -1 ? state : withSection(state, panel, state.offset[state.section] ?? 0);
}

function command(state: NavState, command: ViewCommand, digit: number | undefined, env: ReducerEnv): NavState {
  const g = env.geometry(state);
  if (state.help) return reduceHelp(state, command, g);
  if (state.tech && env.tech) return reduceTech(state, state.tech, command, env.tech, g);
  if (state.about) {
    const own = aboutCommand(state, command, env);
    if (own) return own;
    // The search and the help open over the unfolded header; anything else folds it first.
    if (!KEEP_HEADER.has(command)) state = {...state, about: undefined};
  }
  return sectionCommand(state, command, digit, env);
}

/** Commands that leave the unfolded header unfolded (a match found in it unfolds it anyway). */
const KEEP_HEADER: ReadonlySet<Command> = new Set(['search', 'nextMatch', 'prevMatch', 'help']);

/** Keys the unfolded header takes for itself: fold it, scroll it. */
function aboutCommand(state: NavState, command: ViewCommand, env: ReducerEnv): NavState | undefined {
  if (isScrollCommand(command)) return scrollHeader(state, command, env);
  switch (command) {
    case 'about':
    case 'back':
      return {...state, about: undefined};
    case 'toggle':
    case 'toggleAll':
      return state;
    default:
      return undefined;
  }
}

/** What a command does to the section on screen (no overlay open). */
function sectionCommand(state: NavState, command: ViewCommand, digit: number | undefined, env: ReducerEnv): NavState {
  const g = env.geometry(state);
  const focus = state.focus[state.section] ?? -1;
  const offset = state.offset[state.section] ?? 0;
  const region = g.panels[focus];
  const search = state.search;
  const sections = env.sectionCount;
  switch (command) {
    case 'back':
      // Nothing to close: say how to quit instead of quitting.
      return search ? closeSearch(state, env) : {...state, notice: true};
    case 'about':
      return {...state, about: {offset: 0}};
    case 'search':
      return {...state, search: emptySearch()};
    case 'nextMatch':
    case 'prevMatch': {
      if (!search || search.matches.length === 0) return state;
      const n = search.matches.length;
      const current = (search.current + (command === 'nextMatch' ? 1 : -1) + n) % n;
      return goToMatch(state, {...search, current}, env);
    }
    case 'techIndex':
      return env.tech && env.tech.index.length > 0 ? {...state, tech: openTech(env.tech.index, env.tech.focusedTechs(state)), search: undefined} : state;
    case 'help':
      return {...state, help: true, helpOffset: 0};
    case 'nextSection':
    case 'prevSection': {
      if (sections === 0) return state;
      const step = command === 'nextSection' ? 1 : -1;
      return normalize({...state, section: (state.section + step + sections) % sections}, env.geometry, 'none');
    }
    case 'jumpSection': {
      const target = (digit ?? 1) - 1;
      if (target < 0 || target >= sections) return state;
      return normalize({...state, section: target}, env.geometry, 'none');
    }
    case 'down':
    case 'up':
    case 'pageDown':
    case 'pageUp':
    case 'halfDown':
    case 'halfUp':
    case 'top':
    case 'bottom': {
      const moved = moveThroughPanels(focus, offset, g, command);
      return withSection(state, moved.focus, moved.offset);
    }
    case 'toggle': {
      if (!region?.foldable) return state;
      const collapsed = new Set(state.collapsed);
      if (collapsed.has(region.entry)) collapsed.delete(region.entry);
      else collapsed.add(region.entry);
      return normalize({...state, collapsed}, env.geometry);
    }
    case 'toggleAll': {
      const foldable = g.panels.filter((r) => r.foldable).map((r) => r.entry);
      if (foldable.length === 0) return state;
      const collapsed = new Set(state.collapsed);
      const foldAll = foldable.some((entry) => !collapsed.has(entry));
      for (const entry of foldable) {
        if (foldAll) collapsed.add(entry);
        else collapsed.delete(entry);
      }
      return normalize({...state, collapsed}, env.geometry);
    }
  }
}
