import type {Entry} from '../document/model';
import type {TechEntry} from '../document/tech';
import type {KeyPress} from '../terminal/input';
import type {Command, EditKey} from './keymap';
import type {FrameRegions, Screen} from './layout/regions';
import type {Match, SearchState} from './search';

// The types the reducer (state.ts), its overlays (overlays.ts, tech.ts), the viewport's
// arithmetic (viewport.ts) and the frame builder (frame.ts) share: types only, so that each of
// those files can name them without importing another of them.

/** Where the reader is and what is open: the reducer's state. */
export interface NavState {
  /** The terminal's size: a resize carries the new one. */
  screen: Screen;
  section: number;
  /** Focused panel per section (-1 when a section has none). */
  focus: number[];
  /** First visible line per section. */
  offset: number[];
  /** Folded panels' entries. */
  collapsed: ReadonlySet<Entry>;
  help: boolean;
  helpOffset: number;
  /** The search line and its results, while a search is open. */
  search?: SearchState;
  /** The technology index, while it is open. */
  tech?: TechState;
  /** The header unfolded (`i`), scrolled to `offset` when it is taller than its room. */
  about?: {offset: number};
  /** Esc was pressed with nothing open: the status bar says that q quits (until the next key). */
  notice?: boolean;
  /** Ctrl-Z presses: the app suspends itself each time this grows (where job control exists). */
  suspends: number;
  quit: boolean;
}

/** A focusable panel's place in the viewport's content: lines [start, end). */
export interface Region {
  entry: Entry;
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

export type Action =
  /** A key press, as the input splitter read it: the keymap decides what it means here. */
  | {type: 'key'; key: KeyPress}
  /** Printable characters typed together: commands one by one, or text once the search line is open. */
  | {type: 'text'; text: string}
  /** A bracketed paste: text in the search line, never commands. */
  | {type: 'paste'; text: string}
  | {type: 'command'; command: Command; digit?: number}
  /** An editing key in the search line. */
  | {type: 'edit'; key: EditKey}
  | {type: 'resize'; screen: Screen}
  /** The mouse wheel: lines to scroll (negative is up). */
  | {type: 'scroll'; delta: number}
  /** A left click at cell (x, y) of the screen. */
  | {type: 'click'; x: number; y: number};

/** What the technology index needs to know. */
export interface TechContext {
  index: TechEntry[];
  /** Technologies of the focused panel, to open the index on them. */
  focusedTechs(state: NavState): string[];
  /** A chosen technology's projects at this width: their lines and panels, as a section's (the heading row not counted). */
  projects(name: string, width: number): Pick<Geometry, 'lines' | 'panels'>;
}

/** Everything the reducer asks about the world (FrameBuilder provides it for the app). */
export interface ReducerEnv {
  sectionCount: number;
  /** The viewport for a state (its screen, section, folds, overlay). */
  geometry(state: NavState): Geometry;
  /** Where the header, tabs, body and status line are for a state. */
  regions(state: NavState): FrameRegions;
  /** Every match of a query across the résumé, as laid out for a state. */
  matches(state: NavState, query: string): Match[];
  tech?: TechContext;
}

export type Reducer = (state: NavState, action: Action) => NavState;

/** The commands a view (the section, the header, the help, the technology index) takes: quitting and suspending are the reducer's own, taken before any view. */
export type ViewCommand = Exclude<Command, 'quit' | 'suspend'>;

/**
 * The technology index overlay (`t`): every technology with how many projects use it; Enter
 * shows exactly those projects; Esc goes back to the list, then closes it.
 */
export interface TechState {
  /** Selected row of the list. */
  selected: number;
  /** First visible row of the list. */
  offset: number;
  /** The technology whose projects are shown, if one was chosen. */
  chosen?: string;
  /** First visible line of the chosen technology's projects. */
  projectsOffset: number;
  /** The focused panel among the chosen technology's projects (↓/↑ move it, as in a section). */
  projectsFocus: number;
  /** The technologies of the project focused when the index opened (marked in the list). */
  focused: string[];
}
