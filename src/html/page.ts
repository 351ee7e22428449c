import type {ResumeDocument} from '../document/model';
import {sectionHtml, contactHtml} from './blocks';
import {escapeHtml, scriptJson} from './escape';
import {inlineHtml} from './inline';
import {personJsonLd, plainWords} from './person';
import {pageCss} from './style';

export {escapeHtml} from './escape';

/** Languages written right to left (their primary subtag): the page's `dir`. */
const RTL = new Set(['ar', 'he', 'fa', 'ur', 'yi', 'ps', 'sd', 'ug', 'dv', 'ckb']);

/**
 * Nothing outside the page may load: no script, no external source (the <style> is inline). The
 * server sends its own policy; this one holds when the file is opened from disk or a static host.
 * `img-src 'self'` lets a browser that checks the site's own /favicon.ico against the page's
 * policy (Firefox: w3c/webappsec-csp#390) load it, as the server's policy does.
 */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

/** A section's id for its navigation link: its own id as letters, digits and dashes, unique. */
function sectionIds(doc: ResumeDocument): string[] {
  const seen = new Set<string>();
  return doc.sections.map((s, i) => {
    let id = 's-' + (s.id.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-|-$/g, '') || String(i + 1));
    if (seen.has(id)) id += `-${i + 1}`;
    seen.add(id);
    return id;
  });
}

/**
 * The résumé as one self-contained HTML page (`--format html`, and what `serve --http` gives a
 * browser): inline CSS in the app's colours, no script but the JSON-LD data block, no font or
 * request from outside. Every string is escaped; inline marks become their tags (src/html/inline.ts).
 */
export function renderHtml(doc: ResumeDocument): string {
  const title = doc.label ? `${doc.name} — ${doc.label}` : doc.name;
  const lang = doc.language ?? 'en';
  const dir = RTL.has(lang.split('-')[0]!.toLowerCase()) ? ' dir="rtl"' : '';
  const description = plainWords([doc.label, doc.greeting].filter(Boolean).join(' — ')).slice(0, 300);
  const ids = sectionIds(doc);
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    `<title>${escapeHtml(title)}</title>`,
    description ? `<meta name="description" content="${escapeHtml(description)}">` : '',
    '<meta property="og:type" content="profile">',
    `<meta property="og:title" content="${escapeHtml(title)}">`,
    description ? `<meta property="og:description" content="${escapeHtml(description)}">` : '',
    `<style>\n${pageCss()}\n</style>`,
    `<script type="application/ld+json">${scriptJson(personJsonLd(doc))}</script>`,
  ].filter(Boolean);
  const top = [
    `<h1>${escapeHtml(doc.name)}</h1>`,
    doc.label ? `<p class="label">${escapeHtml(doc.label)}</p>` : '',
    doc.greeting ? `<p class="greeting">${inlineHtml(doc.greeting)}</p>` : '',
    doc.contacts.length > 0 ? `<ul class="contacts">${doc.contacts.map((c) => `<li>${contactHtml(c)}</li>`).join('')}</ul>` : '',
  ].join('');
  const nav = doc.sections.length > 1 ? `<nav><ul>${doc.sections.map((s, i) => `<li><a href="#${ids[i]}">${escapeHtml(s.title)}</a></li>`).join('')}</ul></nav>\n` : '';
  const sections = doc.sections.map((s, i) => sectionHtml(s, ids[i]!)).join('\n');
  return (
    `<!doctype html>\n<html lang="${escapeHtml(lang)}"${dir}>\n<head>\n${head.join('\n')}\n</head>\n<body>\n` +
    `<header>${top}</header>\n${nav}<main>\n${sections}\n</main>\n</body>\n</html>\n`
  );
}
