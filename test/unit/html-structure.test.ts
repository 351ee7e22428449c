import {describe, expect, it} from 'vitest';
import {itemHeading} from '../../src/document/present';
import type {Entry} from '../../src/document/model';
import {renderHtml} from '../../src/html/page';
import {pageCss} from '../../src/html/style';
import {paletteRgb, THEMES} from '../../src/theme/theme';
import {all, hasClass, one, parseHtml, text} from '../helpers/html-tree';
import {fixtureDocument} from '../helpers/resume';

/** The page's structure, read as a browser's parser reads it (parse5), for fixture résumés. */

const ada = fixtureDocument('ada');
const adaTree = parseHtml(renderHtml(ada));
const meta = (tree: ReturnType<typeof parseHtml>, property: string) => one(tree, (el) => el.tag === 'meta' && (el.attrs.property === property || el.attrs.name === property)).attrs.content;

describe('the head', () => {
  it('lang from the résumé, dir for a right-to-left one', () => {
    expect(one(adaTree, 'html').attrs).toEqual({lang: 'en'});
    expect(one(parseHtml(renderHtml(fixtureDocument('jiwoo'))), 'html').attrs.lang).toBe('ko');
    expect(one(parseHtml(renderHtml(fixtureDocument('lang/he'))), 'html').attrs).toEqual({lang: 'he', dir: 'rtl'});
  });

  it('title "name — label", Open Graph title and description', () => {
    expect(text(one(adaTree, 'title'))).toBe('Ada Whitfield — Senior Software Engineer');
    expect(meta(adaTree, 'og:title')).toBe('Ada Whitfield — Senior Software Engineer');
    expect(meta(adaTree, 'og:description')).toMatch(/^Senior Software Engineer — Backend engineer with eleven years/);
    expect(meta(adaTree, 'description')).toBe(meta(adaTree, 'og:description'));
    expect(one(parseHtml(renderHtml({...ada, label: undefined})), 'title').children).toEqual(['Ada Whitfield']);
  });

  it('nothing from outside: no external resource, no script to run, a policy that forbids them', () => {
    expect(all(adaTree, (el) => ['link', 'img', 'iframe', 'object', 'embed', 'base', 'form'].includes(el.tag))).toEqual([]);
    expect(all(adaTree, 'script').map((s) => s.attrs)).toEqual([{type: 'application/ld+json'}]);
    expect(pageCss()).not.toMatch(/url\(|@import|@font-face/);
    expect(meta(adaTree, 'viewport')).toBe('width=device-width, initial-scale=1');
    const csp = one(adaTree, (el) => el.attrs['http-equiv'] === 'Content-Security-Policy').attrs.content!;
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).not.toMatch(/script-src/);
  });
});

describe('the body', () => {
  it('one h1, the name; a nav link per section to its section and h2', () => {
    expect(all(adaTree, 'h1').map(text)).toEqual(['Ada Whitfield']);
    const links = all(one(adaTree, 'nav'), 'a');
    expect(links.map(text)).toEqual(ada.sections.map((s) => s.title));
    const sections = all(adaTree, 'section');
    expect(sections).toHaveLength(ada.sections.length);
    links.forEach((a, i) => {
      expect(a.attrs.href).toBe(`#${sections[i]!.attrs.id}`);
      expect(text(one(sections[i]!, 'h2'))).toBe(ada.sections[i]!.title);
      expect(sections[i]!.attrs['aria-labelledby']).toBe(one(sections[i]!, 'h2').attrs.id);
    });
    expect(new Set(sections.map((s) => s.attrs.id)).size).toBe(sections.length);
  });

  it('every entry an article with its heading one level below its parent', () => {
    const work = all(adaTree, 'section')[0]!;
    const articles = all(work, 'article');
    const entries = ada.sections[0]!.entries.flatMap((e): Array<[Entry, number]> => [[e, 3], ...e.children.map((c): [Entry, number] => [c, 4])]);
    expect(articles).toHaveLength(entries.length);
    for (const [entry, level] of entries) expect(all(work, `h${level}`).map(text)).toContain(itemHeading(entry));
    expect(all(adaTree, 'h3').length + all(adaTree, 'h4').length).toBeGreaterThan(10);
  });

  it('highlights as list items, technologies as a list of badge chips', () => {
    const project = ada.sections[0]!.entries[0]!.children[0]!;
    const highlights = project.blocks.find((b) => b.kind === 'list')!;
    const tags = project.blocks.find((b) => b.kind === 'tags')!;
    const article = all(adaTree, 'article').find((a) => hasClass(a, 'project') && all(a, 'h4').some((h) => text(h) === project.title))!;
    const [list, badges] = all(article, 'ul');
    expect(all(list!, 'li').map(text)).toEqual(highlights.kind === 'list' ? highlights.items : []);
    expect(hasClass(badges!, 'badges')).toBe(true);
    expect(all(badges!, 'li').map(text)).toEqual(tags.kind === 'tags' ? tags.items : []);
    for (const li of all(badges!, 'li')) expect(li.attrs.class).toMatch(/^c\d+$/);
  });

  it('contacts as real links: mailto:, tel:, https:; a place as text', () => {
    const contacts = one(adaTree, (el) => hasClass(el, 'contacts'));
    const items = all(contacts, 'li');
    expect(items.map(text)).toEqual(ada.contacts.map((c) => c.text));
    expect(all(contacts, 'a').map((a) => a.attrs.href)).toEqual([
      'mailto:ada@whitfield.example.org',
      'tel:+442079460958',
      'https://ada-whitfield.example.org',
      'https://github.com/adawhit',
      'https://www.linkedin.com/in/ada-whitfield',
    ]);
  });

  it('a one-section page has no nav; the same document gives the same page', () => {
    expect(all(parseHtml(renderHtml({...ada, sections: ada.sections.slice(0, 1)})), 'nav')).toEqual([]);
    expect(renderHtml(ada)).toBe(renderHtml(fixtureDocument('ada')));
  });
});

describe('the look', () => {
  it("the theme's colours as custom properties, light by default and dark by preference", () => {
    const css = pageCss();
    const hex = (c: string) => '#' + paletteRgb(Number(/\((\d+)\)/.exec(c)![1])).map((v) => v.toString(16).padStart(2, '0')).join('');
    const light = css.slice(0, css.indexOf('@media (prefers-color-scheme:dark)'));
    const dark = css.slice(css.indexOf('@media (prefers-color-scheme:dark)'));
    expect(light).toContain(`--k-org-title:${hex(THEMES.light.orgTitle.color)}`);
    expect(dark).toContain(`--k-org-title:${hex(THEMES.dark.orgTitle.color)}`);
    expect(light).toContain(`--k-heading:${hex(THEMES.light.heading.color)}`);
    expect(css).toMatch(/@media print\{[^]*nav\{display:none\}/);
    expect(css).toMatch(/break-inside:avoid/);
    expect(css).toMatch(/font:[^;]*"Noto Sans Mono CJK KR"[^;]*monospace/);
  });
});
