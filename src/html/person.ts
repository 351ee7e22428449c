import type {ResumeDocument} from '../document/model';
import {telUrl} from './escape';

/**
 * The résumé for machines: a schema.org Person (https://schema.org/Person) in JSON-LD, from
 * basics (name, label, summary, contacts) and work. The first organization of `work` (JSON Resume
 * lists the newest first) is `worksFor`; the others are `alumniOf`, which schema.org allows for any
 * Organization. Inline marks are left out of the text: a machine reads words.
 */
export function personJsonLd(doc: ResumeDocument): Record<string, unknown> {
  const person: Record<string, unknown> = {'@context': 'https://schema.org', '@type': 'Person', name: doc.name};
  if (doc.label) person.jobTitle = doc.label;
  if (doc.greeting) person.description = plainWords(doc.greeting);
  const sameAs: string[] = [];
  for (const contact of doc.contacts) {
    if (contact.kind === 'email') person.email ??= contact.url?.replace(/^mailto:/i, '') ?? contact.text;
    else if (contact.kind === 'phone') person.telephone ??= telUrl(contact.text)?.slice(4) ?? contact.text;
    else if (contact.kind === 'url' && contact.url) person.url ??= contact.url;
    else if (contact.kind === 'profile' && contact.url) sameAs.push(contact.url);
    else if (contact.kind === 'location') person.address ??= contact.text;
  }
  if (sameAs.length > 0) person.sameAs = sameAs;
  const work = doc.sections.find((s) => s.id === 'work')?.entries.filter((e) => e.kind === 'organization' && e.title) ?? [];
  const org = (title: string) => ({'@type': 'Organization', name: title});
  if (work[0]) person.worksFor = org(work[0].title);
  if (work.length > 1) person.alumniOf = work.slice(1).map((e) => org(e.title));
  return person;
}

/** Text without its inline marks: `**Kafka**` → `Kafka`, `[site](https://…)` → `site`. */
export const plainWords = (text: string): string =>
  text
    .replace(/\[((?:\\.|[^\\\]])*)\]\([^()\s]+\)/g, (_, shown: string) => shown.replace(/\\([\\[\]])/g, '$1'))
    .replace(/\*\*(\S(?:.*?\S)?)\*\*|\*(\S(?:.*?\S)?)\*|`([^`]+)`/g, (_, a, b, c) => a ?? b ?? c)
    .replace(/\s+/g, ' ')
    .trim();
