import {distance} from '../resume/distance';
import type {Entry, ResumeDocument} from './model';
import {fold} from './present';
import {SECTIONS} from './sections';

/** A technology and the projects that use it. */
export interface TechEntry {
  name: string;
  /** Projects that list it, in document order. */
  projects: Array<{entry: Entry; section: string; organization?: string}>;
  /** Skills that list it (skill names). */
  skills: string[];
  /** Those skills' entries, in document order (a technology only a skill lists is shown by them). */
  skillEntries: Entry[];
}

/** Sections whose entries' tags are technologies (a skill's keywords), besides every project's tech stack. */
const TECH_SECTIONS = new Set<string>(SECTIONS.filter((s) => 'tagsAreTechnologies' in s && s.tagsAreTechnologies).map((s) => s.id));

/**
 * Every technology across projects (their tech stack) and skills (their keywords), with the
 * projects that use it: most used first, then by name. The first spelling met is kept.
 */
export function techIndex(doc: ResumeDocument): TechEntry[] {
  const byKey = new Map<string, TechEntry>();
  // What each technology lists already, to keep each project and skill once: sets, so that a
  // technology a thousand projects share costs a thousand look-ups, not half a million.
  const listed = new Map<TechEntry, Set<Entry | string>>();
  const get = (name: string) => {
    const key = fold(name);
    let entry = byKey.get(key);
    if (!entry) {
      byKey.set(key, (entry = {name, projects: [], skills: [], skillEntries: []}));
      listed.set(entry, new Set());
    }
    return entry;
  };
  const visit = (entries: Entry[], section: string, organization?: string) => {
    for (const entry of entries) {
      // Technologies are a project's tech stack and a skill's keywords: not courses, not interests.
      const skill = TECH_SECTIONS.has(section);
      const counted = entry.kind === 'project' || skill;
      for (const block of entry.blocks) {
        if (block.kind !== 'tags' || !counted) continue;
        for (const tag of block.items) {
          const tech = get(tag);
          const seen = listed.get(tech)!;
          if (entry.kind === 'project' && !seen.has(entry)) {
            seen.add(entry);
            tech.projects.push({entry, section, organization});
          }
          if (skill && !seen.has(entry.title)) {
            seen.add(entry.title);
            tech.skills.push(entry.title);
            tech.skillEntries.push(entry);
          }
        }
      }
      visit(entry.children, section, entry.kind === 'organization' ? entry.title : organization);
    }
  };
  for (const section of doc.sections) visit(section.entries, section.id);
  return [...byKey.values()].sort((a, b) => b.projects.length - a.projects.length || a.name.localeCompare(b.name));
}

/** The technology named `name`, as folded names compare (NFC, lower case). */
export function findTech(index: TechEntry[], name: string): TechEntry | undefined {
  const key = fold(name.trim());
  return index.find((t) => fold(t.name) === key);
}

/** Names close to `name`: sharing a prefix or a substring, or a few edits away; closest first. */
export function closeMatches(names: string[], name: string, limit = 3): string[] {
  const wanted = fold(name.trim());
  return names
    .map((n) => {
      const key = fold(n);
      const d = distance(key, wanted);
      const related = key.includes(wanted) || wanted.includes(key) ? 0 : d;
      return {n, score: related, d};
    })
    .filter((c) => c.score <= Math.max(2, Math.floor(wanted.length / 3)))
    .sort((a, b) => a.score - b.score || a.d - b.d || a.n.localeCompare(b.n))
    .slice(0, limit)
    .map((c) => c.n);
}
