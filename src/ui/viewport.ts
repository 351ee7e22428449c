import {LINE_STEP} from '../sizes';
import {clampOffset, scrollTarget, viewportView, type ScrollCommand} from './scroll';
import type {Geometry, NavState, Region} from './types';

type GeometryOf = (state: NavState) => Geometry;

// The viewport's arithmetic, shared by the reducer and its overlays: offsets clamped in one
// place (src/ui/scroll.ts, as bubbles' viewport.SetYOffset), panels revealed, focus kept on what
// is seen.

/** The offset that shows `region`: its whole self if it fits, else its top. */
export function revealOffset(offset: number, region: Region, height: number): number {
  if (region.start < offset) return region.start;
  if (region.end > offset + height) return region.end - region.start > height ? region.start : region.end - height;
  return offset;
}

export function withSection(state: NavState, focus: number, offset: number): NavState {
  const f = [...state.focus];
  const o = [...state.offset];
  f[state.section] = focus;
  o[state.section] = offset;
  return {...state, focus: f, offset: o};
}

/**
 * Keeps focus on a visible panel after a scroll: the focused one if still seen, else the first
 * seen. With `titled` (a page move, the wheel) a panel counts as seen only with its title row on
 * screen (the row under its top border), as long as any panel's title is: the reader is never
 * left with a focused panel whose name is scrolled away.
 */
export function refocus(focus: number, offset: number, g: Geometry, titled = false): number {
  const seen = (r: Region) => r.end > offset && r.start < offset + g.height;
  const titleSeen = (r: Region) => r.start + 1 >= offset && r.start + 1 < offset + g.height;
  const current = g.panels[focus];
  if (titled) {
    if (current && titleSeen(current)) return focus;
    const first = g.panels.findIndex(titleSeen);
    if (first !== -1) return first;
  }
  if (current && seen(current)) return focus;
  const first = g.panels.findIndex(seen);
  return first === -1 ? (g.panels.length > 0 ? Math.min(Math.max(focus, 0), g.panels.length - 1) : -1) : first;
}

/**
 * Clamps focus and offset to the geometry. `reveal`: 'whole' scrolls the focused panel fully
 * into view (after folding it); 'some' keeps the reader's place (after a resize) and moves the
 * focus to a visible panel when the focused one went out of view; 'none' leaves the offset
 * (switching sections).
 */
export function normalize(state: NavState, geometryOf: GeometryOf, reveal: 'whole' | 'some' | 'none' = 'whole'): NavState {
  const g = geometryOf(state);
  let focus = state.focus[state.section] ?? 0;
  focus = g.panels.length === 0 ? -1 : Math.min(Math.max(focus, 0), g.panels.length - 1);
  let offset = clampOffset(state.offset[state.section] ?? 0, g.lines, g.height);
  const region = g.panels[focus];
  if (region && reveal === 'whole') offset = clampOffset(revealOffset(offset, region, g.height), g.lines, g.height);
  if (reveal === 'some') focus = refocus(focus, offset, g);
  return withSection(state, focus, offset);
}

/**
 * Where a scroll key takes a view of panels (a section, a technology's projects): ↓/↑ move the
 * focus to the next or previous panel, bringing it into view, after reading on to the end of a
 * panel taller than the screen; a page or half a page scrolls, the focus kept on a panel whose
 * title is seen; top and bottom focus the first and last panel.
 */
export function moveThroughPanels(focus: number, offset: number, g: Geometry, command: ScrollCommand): {focus: number; offset: number} {
  const region = g.panels[focus];
  const view = viewportView(offset, g.lines, g.height, LINE_STEP);
  switch (command) {
    case 'down': {
      // Inside a panel taller than the screen, read on to its end before moving to the next.
      if (region && region.end > offset + g.height) return {focus, offset: Math.min(scrollTarget(view, 'down'), region.end - g.height)};
      if (focus + 1 < g.panels.length) return {focus: focus + 1, offset: clampOffset(revealOffset(offset, g.panels[focus + 1]!, g.height), g.lines, g.height)};
      return {focus, offset: scrollTarget(view, 'down')};
    }
    case 'up': {
      if (region && region.start < offset) return {focus, offset: Math.max(region.start, scrollTarget(view, 'up'))};
      if (focus > 0) return {focus: focus - 1, offset: clampOffset(revealOffset(offset, g.panels[focus - 1]!, g.height), g.lines, g.height)};
      return {focus, offset: scrollTarget(view, 'up')};
    }
    case 'top':
      return {focus: g.panels.length > 0 ? 0 : -1, offset: scrollTarget(view, 'top')};
    case 'bottom':
      return {focus: g.panels.length - 1, offset: scrollTarget(view, 'bottom')};
    default: {
      const to = scrollTarget(view, command);
      return {focus: refocus(focus, to, g, true), offset: to};
    }
  }
}

/** Scrolls the section to `offset` (a scroll step's target: src/ui/scroll.ts), the focus kept on a panel seen. */
export function scrollTo(state: NavState, g: Geometry, offset: number): NavState {
  return withSection(state, refocus(state.focus[state.section] ?? 0, offset, g, true), offset);
}

/** How far through the section the viewport is: `42%` (100% when all of it is shown). */
export function scrollPercent(offset: number, lines: number, height: number): number {
  const max = lines - height;
  return max <= 0 ? 100 : Math.round((clampOffset(offset, lines, height) / max) * 100);
}
