import type {Block, Entry} from '../../document/model';
import {entryFacts, isFoldable, itemHeading} from '../../document/present';
import {cellWidth, truncate, wrapHanging, wrapText} from '../../text/width';
import {MARKDOWN_HINT} from '../../theme/markdown-hint';
import type {StyleName, Theme} from '../../theme/theme';
import {clipLine, padLine, span, type Line, type Span} from './lines';

/** Renders rich text (inline Markdown) to lines of at most `width` cells; plain wrap by default. */
export type InlineRenderer = (text: string, width: number, style?: StyleName) => Line[];

export const plainInline: InlineRenderer = (text, width, style) => wrapText(text, width).map((l) => [span(l, style)]);

export interface PanelOptions {
  width: number;
  theme: Theme;
  focused: boolean;
  /** Folded: only the title and the badges (projects). */
  collapsed: boolean;
  inline?: InlineRenderer;
}

/** Badges wrapped onto lines of at most `width` cells; a badge is never split across lines. */
export function badgeLines(names: string[], width: number, theme: Theme): Line[] {
  const lines: Line[] = [];
  let line: Span[] = [];
  let used = 0;
  for (const name of names) {
    // An empty keyword (`""`, `" "`) is no badge: an empty chip, or `[]`, says nothing.
    if (name.trim() === '') continue;
    let text = theme.badgeText(name);
    if (cellWidth(text) > width) text = truncate(text, width, theme.glyphs.ellipsis);
    const w = cellWidth(text);
    if (used > 0 && used + 1 + w > width) {
      lines.push(line);
      line = [];
      used = 0;
    }
    if (used > 0) {
      line.push(span(' '));
      used += 1;
    }
    line.push({text, badge: name});
    used += w;
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

export function blockLines(block: Block, width: number, theme: Theme, inline: InlineRenderer): Line[] {
  switch (block.kind) {
    case 'text':
      return [...(block.label ? [[span(block.label, 'blockLabel')]] : []), ...inline(block.text, width)];
    case 'list': {
      const bullet = `${theme.bullet} `;
      const pad = ' '.repeat(cellWidth(bullet));
      const items = block.items.flatMap((item) =>
        // An item with inline Markdown (HTML read at load, src/resume/html.ts) rendered, behind its bullet.
        MARKDOWN_HINT.test(item)
          ? inline(item, Math.max(1, width - cellWidth(bullet))).map((l, i): Line => [i === 0 ? span(bullet, 'bullet') : span(pad), ...l])
          : wrapHanging(item, width, bullet).map((l, i): Line => (i === 0 ? [span(bullet, 'bullet'), span(l.slice(bullet.length))] : [span(l)])),
      );
      return [...(block.label ? [[span(block.label, 'blockLabel')]] : []), ...items];
    }
    case 'tags':
      return badgeLines(block.items, width, theme);
    case 'link':
      return wrapHanging(block.url, width, `${block.label}: `).map((l) => [span(l, 'muted')]);
  }
}

/** The lines inside a panel (no border): title, facts, blocks, and child entries. */
export function entryContent(
  entry: Entry,
  width: number,
  theme: Theme,
  opts: {focused: boolean; collapsed: boolean; inline?: InlineRenderer; nested?: boolean},
): Line[] {
  const inline = opts.inline ?? plainInline;
  const out: Line[] = [];
  const titleStyle: StyleName = opts.nested ? 'heading' : opts.focused ? 'panelTitleFocus' : 'panelTitle';
  const heading = itemHeading(entry);
  const marker = isFoldable(entry) && !theme.linear ? (opts.collapsed ? theme.glyphs.folded : theme.glyphs.unfolded) : '';
  // A numbered heading ("1. 가장 어려웠던 …", an essay's) wraps under its words, not under its number.
  const number = /^\d+[.)] +/.exec(heading)?.[0] ?? '';
  wrapHanging(heading.slice(number.length), width, marker + number).forEach((l, i) => {
    out.push(i === 0 && marker ? [span(marker, 'muted'), span(l.slice(marker.length), titleStyle)] : [span(l, titleStyle)]);
  });
  if (entry.subtitle) out.push(...wrapText(entry.subtitle, width).map((l) => [span(l, 'muted')]));
  const facts = entryFacts(entry, theme.glyphs.separator);
  if (facts) out.push(...wrapText(facts, width).map((l) => [span(l, 'period')]));
  for (const block of entry.blocks) {
    if (opts.collapsed && block.kind !== 'tags') continue;
    // Nothing to draw, so no blank row before it either.
    if (block.kind === 'tags' && block.items.every((item) => item.trim() === '')) continue;
    out.push([]);
    out.push(...blockLines(block, width, theme, inline));
  }
  if (!opts.collapsed) {
    for (const child of entry.children) {
      out.push([]);
      const childLines = entryContent(child, width, theme, {focused: false, collapsed: false, inline, nested: true});
      out.push(...childLines);
    }
  }
  return out;
}

/** Draws a border around content lines: `width` is the outer width (at least 5). */
export function boxed(content: Line[], width: number, theme: Theme, focused: boolean): Line[] {
  const box = focused ? theme.box.focused : theme.box.normal;
  const style: StyleName = focused ? 'borderFocus' : 'border';
  const inner = width - 4;
  return [
    [span(box.topLeft + box.horizontal.repeat(width - 2) + box.topRight, style)],
    ...content.map((line): Line => [span(`${box.vertical} `, style), ...padLine(clipLine(line, inner), inner), span(` ${box.vertical}`, style)]),
    [span(box.bottomLeft + box.horizontal.repeat(width - 2) + box.bottomRight, style)],
  ];
}

/** A whole panel: an entry in its box. */
export function panelLines(entry: Entry, opts: PanelOptions): Line[] {
  const content = entryContent(entry, opts.width - 4, opts.theme, opts);
  return boxed(content, opts.width, opts.theme, opts.focused);
}
