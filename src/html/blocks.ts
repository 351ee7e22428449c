import type {Block, Contact, Entry, Section} from '../document/model';
import {entryFacts, itemHeading, SEPARATOR} from '../document/present';
import {badgeIndex} from '../theme/theme';
import {escapeHtml, safeUrl, telUrl} from './escape';
import {inlineHtml} from './inline';

/**
 * The document's parts as HTML, walked as the other views walk it (src/text/plain.ts): a section
 * is a <section> with an <h2>, an entry an <article> with its heading one level down, highlights a
 * list, technologies a list of badge chips, a link an <a> only when its address is safe.
 */

/** A link to `url` showing `text`; `bare` when the text is the address itself (print adds no copy of it). */
function link(text: string, url: string): string {
  const bare = url === text || url.replace(/^(?:mailto|tel):/, '') === text;
  return `<a${bare ? ' class="bare"' : ''} href="${escapeHtml(url)}">${escapeHtml(text)}</a>`;
}

/** A contact as a real link where it is one: mailto:, tel:, https:. */
export function contactHtml(contact: Contact): string {
  const url = contact.kind === 'phone' ? safeUrl(contact.url) ?? telUrl(contact.text) : safeUrl(contact.url);
  return url ? link(contact.text, url) : escapeHtml(contact.text);
}

const label = (text: string | undefined): string => (text ? `<p class="bl">${escapeHtml(text)}</p>` : '');

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'text':
      return `${label(block.label)}<p>${inlineHtml(block.text)}</p>`;
    case 'list':
      return `${label(block.label)}<ul>${block.items.map((item) => `<li>${inlineHtml(item)}</li>`).join('')}</ul>`;
    case 'tags': {
      const chips = block.items.map((item) => `<li class="c${badgeIndex(item)}">${escapeHtml(item)}</li>`).join('');
      return `<div class="tags"><span class="bl">${escapeHtml(block.label)}</span><ul class="badges">${chips}</ul></div>`;
    }
    case 'link': {
      const url = safeUrl(block.url);
      return `<p><span class="bl">${escapeHtml(block.label)}:</span> ${url ? link(block.url, url) : escapeHtml(block.url)}</p>`;
    }
  }
}

/** An entry's heading, subtitle, facts and blocks. */
function head(entry: Entry, level: number): string {
  const h = Math.min(level, 6);
  const title = itemHeading(entry);
  let out = title ? `<h${h}>${escapeHtml(title)}</h${h}>` : '';
  if (entry.subtitle) out += `<p class="sub">${escapeHtml(entry.subtitle)}</p>`;
  if (entryFacts(entry)) {
    const role = entry.role ? `<span class="role">${escapeHtml(entry.role)}</span>` : '';
    out += `<p class="facts">${role}${role && entry.period ? SEPARATOR : ''}${entry.period ? escapeHtml(entry.period) : ''}</p>`;
  }
  return out + entry.blocks.map(blockHtml).join('');
}

/**
 * An entry as an <article>: a boxed panel; one with children (an organization's projects, an
 * essay's parts) is its own panel beside or above theirs.
 */
export function entryHtml(entry: Entry, level: number): string {
  if (entry.children.length === 0) return `<article class="panel ${entry.kind}">${head(entry, level)}</article>`;
  const children = entry.children.map((child) => entryHtml(child, level + 1)).join('');
  return `<article class="group ${entry.kind === 'organization' ? 'org' : entry.kind}"><header class="panel">${head(entry, level)}</header><div class="entries">${children}</div></article>`;
}

/** A section of the résumé, with the id its navigation link points to. */
export function sectionHtml(section: Section, id: string): string {
  const entries = section.entries.map((entry) => entryHtml(entry, 3)).join('');
  return `<section id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${escapeHtml(section.title)}</h2><div class="entries">${entries}</div></section>`;
}
