import type {Entry, ResumeDocument} from '../document/model';
import type {Token} from '../ui/theme';
import type {Styler} from '../ui/theme-chalk';
import {itemHeading} from '../document/present';

/**
 * What a piece of the Markdown export is, for the colored print. Markdown has one `**bold**` for
 * the label, roles, item headings and block labels (`**Description**`, `**Tech Stack:**`), and
 * plain paragraphs for subtitles and periods; the app draws each in a token of its own. They are
 * told apart by the text the document gives them; text found nowhere keeps `strong` or `plain`.
 */
interface Roles {
  /** The text inside `**…**`, to its token. */
  strong: Map<string, Token>;
  /** A whole paragraph's text, to its token. */
  paragraph: Map<string, Token>;
  /** A run of text after a role: ` · 2021.06 - present`. */
  text: Map<string, Token>;
}

/** marked-terminal's `strong`, `paragraph` and `text` options for this document. */
export function printRoleStyles(doc: ResumeDocument, style: (token: Token) => Styler): {strong: Styler; paragraph: Styler; text: Styler} {
  const roles: Roles = {strong: new Map(), paragraph: new Map(), text: new Map()};
  if (doc.greeting) roles.paragraph.set(doc.greeting, 'greeting');
  for (const section of doc.sections) for (const entry of section.entries) addEntry(roles, entry);
  // The label is the export's first bold text (right under the name), whatever role shares its words.
  let label = doc.label;
  return {
    strong: (text) => {
      const plain = withoutSgr(text);
      if (label !== undefined && plain === label) {
        label = undefined;
        return style('label')(text);
      }
      return style(roles.strong.get(plain) ?? 'strong')(text);
    },
    paragraph: (text) => style(roles.paragraph.get(withoutSgr(text)) ?? 'plain')(text),
    text: (text) => style(roles.text.get(text) ?? 'plain')(text),
  };
}

/** What src/text/markdown.ts writes for an entry, by role. */
function addEntry(roles: Roles, entry: Entry): void {
  if (entry.kind === 'item') {
    const heading = itemHeading(entry);
    if (heading) roles.strong.set(heading, 'panelTitle');
  } else {
    if (entry.role) roles.strong.set(entry.role, 'role');
    if (entry.period) {
      // Alone, or after the role: `**Backend Engineer** · 2021.06 - present`.
      roles.paragraph.set(entry.period, 'period');
      roles.text.set(` · ${entry.period}`, 'period');
    }
  }
  if (entry.subtitle) roles.paragraph.set(entry.subtitle, 'muted');
  for (const block of entry.blocks) {
    // A label above its text or list, or before its tags or link: `**Tech Stack:** Kafka · Flink`.
    if (block.label) roles.strong.set(block.kind === 'tags' || block.kind === 'link' ? `${block.label}:` : block.label, 'blockLabel');
  }
  for (const child of entry.children) addEntry(roles, child);
}

const withoutSgr = (text: string) => text.replace(/\x1b\[[\d;]*m/g, '');
