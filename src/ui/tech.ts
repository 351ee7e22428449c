import type {Entry} from '../document/model';
import {fold} from '../document/present';
import {techUses} from '../document/select';
import type {TechEntry} from '../document/tech';
import {cellWidth, truncate} from '../text/width';
import {clipLine, fitWords, padLine, span, type Line} from './layout/lines';
import {UNICODE, type Glyphs} from '../theme/glyphs';
import {ENGLISH, type Messages} from '../i18n/messages';
import {isScrollCommand, listView, scrollTarget, viewportView} from './scroll';
import type {Geometry, NavState, TechContext, TechState, ViewCommand} from './types';
import {moveThroughPanels, refocus} from './viewport';

/**
 * The technology index overlay (`t`): every technology with how many projects and skills list
 * it; Enter shows exactly those; Esc goes back to the list, then closes it. Its state,
 * TechState, is one of the shared types (types.ts).
 */
export function openTech(index: TechEntry[], focusedTechs: string[] = []): TechState {
  // At the top, the most used first: the focused project's technologies are marked (•) in the
  // list, not selected, so the index never opens part way down with its top out of mind.
  return {selected: 0, offset: 0, projectsOffset: 0, projectsFocus: 0, focused: focusedTechs};
}

/** Rows above the list: a heading and a blank line. */
export const LIST_HEADER = 2;

/** The list view: `Kubernetes   5  대시보드 API 서버 구축 · 알림 시스템 구축 · …`, the selected row marked (glyphs: the app's characters). */
export function techListLines(index: TechEntry[], selected: number, width: number, focused: string[] = [], glyphs: Glyphs = UNICODE, messages: Messages = ENGLISH): Line[] {
  const {separator: sep, ellipsis} = glyphs;
  const {say} = messages;
  const ofFocused = new Set(focused.map(fold));
  const nameWidth = Math.min(Math.max(...index.map((t) => cellWidth(t.name)), 4), Math.floor(width / 3));
  const lines: Line[] = [
    fitWords([span(say('tech.heading', {n: index.length}), 'heading'), span(`  ${say('tech.open')}${sep}${say('tech.close')}${ofFocused.size > 0 ? `${sep}${say('tech.focused', {bullet: glyphs.bullet})}` : ''}`, 'muted')], width, ellipsis),
    [],
  ];
  index.forEach((tech, i) => {
    // ▸ the selection; • a badge of the project that was focused when the index opened.
    const mark = i === selected ? glyphs.folded : ofFocused.has(fold(tech.name)) ? `${glyphs.bullet} ` : '  ';
    const name = padLine([span(truncate(tech.name, nameWidth, ellipsis))], nameWidth);
    const count = String(techUses(tech)).padStart(3);
    const used = tech.projects.map((p) => p.entry.title).concat(tech.skills.map((s) => say('tech.skill', {name: s}))).join(sep);
    const rest = width - cellWidth(mark) - nameWidth - cellWidth(count) - 2;
    const row: Line = [
      span(mark, 'statusKey'),
      ...name.map((s) => ({...s, style: i === selected ? ('tabActive' as const) : ('panelTitle' as const)})),
      span(count, 'blockLabel'),
      span('  '),
      span(rest > 0 ? truncate(used, rest, ellipsis) : '', 'muted'),
    ];
    lines.push(clipLine(row, width));
  });
  return lines.map((l) => clipLine(l, width));
}

/** The heading line above a chosen technology's projects (its badge is marked in them: markChosen). */
export function techProjectsHeading(tech: TechEntry, width: number, glyphs: Glyphs = UNICODE, messages: Messages = ENGLISH): Line {
  // `Kafka: 2 projects`, `Go: 1 skill`, `Python: 3 projects, 1 skill`.
  const skills = tech.skillEntries.length;
  const title =
    skills === 0 ? messages.count('tech.title', tech.projects.length, {name: tech.name})
    : tech.projects.length === 0 ? messages.count('tech.titleSkills', skills, {name: tech.name})
    : messages.count('tech.title', tech.projects.length, {name: tech.name}) + messages.count('tech.andSkills', skills);
  return fitWords([span(title, 'heading'), span(`  ${messages.say('tech.back')}`, 'muted')], width, glyphs.ellipsis);
}

/** The line with the chosen technology's badges marked (`chosen`: the theme's badgeChosen over the chip). */
export function markChosen(line: Line, name: string): Line {
  const key = fold(name);
  return line.some((s) => s.badge !== undefined && fold(s.badge) === key) ? line.map((s) => (s.badge !== undefined && fold(s.badge) === key ? {...s, chosen: true} : s)) : line;
}

/**
 * A chosen technology's projects as a section's geometry: their lines and panels under the
 * heading row, which stays put while they scroll (`height`: the body's rows, the heading's included).
 */
function projectsGeometry(tech: TechState, context: TechContext, width: number, height: number): Geometry {
  const {lines, panels} = tech.chosen === undefined ? {lines: 0, panels: []} : context.projects(tech.chosen, width);
  return {lines, panels, height: Math.max(1, height - 1)};
}

/** The wheel over a chosen technology's projects: they scroll, the focus kept on a panel whose title is seen (as in a section). */
export function wheelProjects(state: NavState, tech: TechState, delta: number, context: TechContext, g: Geometry): NavState {
  const pg = projectsGeometry(tech, context, state.screen.width, g.height);
  const offset = scrollTarget(viewportView(tech.projectsOffset, pg.lines, pg.height), delta);
  return {...state, tech: {...tech, projectsOffset: offset, projectsFocus: refocus(tech.projectsFocus, offset, pg, true)}};
}

/** The list's rows under its heading (at least one). */
const listRows = (height: number) => Math.max(1, height - LIST_HEADER);

/** Keys in the overlay: the list, or the chosen technology's projects. */
export function reduceTech(state: NavState, tech: TechState, command: ViewCommand, context: TechContext, g: Geometry): NavState {
  if (command === 'techIndex') return {...state, tech: undefined};
  const next = techOverlay(tech, command, context.index, g.height, projectsGeometry(tech, context, state.screen.width, g.height));
  return next === tech ? state : {...state, tech: next};
}

function techOverlay(tech: TechState, command: ViewCommand, index: TechEntry[], height: number, projects: Geometry): TechState | undefined {
  if (tech.chosen !== undefined) {
    // ↓/↑ move the focus from project to project, as in a section; the other keys scroll.
    if (isScrollCommand(command)) {
      const moved = moveThroughPanels(tech.projectsFocus, tech.projectsOffset, projects, command);
      return {...tech, projectsOffset: moved.offset, projectsFocus: moved.focus};
    }
    return command === 'back' ? {...tech, chosen: undefined, projectsOffset: 0, projectsFocus: 0} : tech;
  }
  if (isScrollCommand(command)) {
    // The selection moves; the list scrolls just enough to keep it in view.
    const rows = listRows(height);
    const selected = scrollTarget(listView(tech.selected, index.length, rows), command);
    const offset = selected < tech.offset ? selected : selected >= tech.offset + rows ? selected - rows + 1 : tech.offset;
    return {...tech, selected, offset};
  }
  switch (command) {
    case 'back':
      return undefined;
    case 'toggle': {
      const chosen = index[tech.selected];
      return chosen && techUses(chosen) > 0 ? {...tech, chosen: chosen.name, projectsOffset: 0, projectsFocus: 0} : tech;
    }
    default:
      return tech;
  }
}

/** The technologies an entry lists (a focused project's badges), to open the index on them. */
export function techsOf(entry: Entry | undefined): string[] {
  return entry?.blocks.flatMap((b) => (b.kind === 'tags' ? b.items : [])) ?? [];
}
