import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {ResumeDocument} from '../../src/document/model';
import {escapeHtml, safeUrl, scriptJson, telUrl} from '../../src/html/escape';
import {inlineHtml} from '../../src/html/inline';
import {renderHtml} from '../../src/html/page';
import {all, parseHtml, parseHtmlFragment, text} from '../helpers/html-tree';

/** What a browser's parser makes of text: CR LF and lone CR become LF, NUL is dropped in text. */
const asParsed = (s: string) => s.replace(/\r\n?/g, '\n').replace(/\0/g, '');

describe('escaping', () => {
  it('escapeHtml turns the five markup characters into references', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });

  it('any string, escaped, parses back to itself as text and as an attribute value', () => {
    fc.assert(
      fc.property(fc.string({unit: 'grapheme', maxLength: 40}), (s) => {
        const p = parseHtmlFragment(`<p title="${escapeHtml(s)}">${escapeHtml(s)}</p>`).children[0];
        expect(typeof p === 'object' && p.tag === 'p').toBe(true);
        if (typeof p !== 'object') return;
        expect(p.children.every((c) => typeof c === 'string')).toBe(true);
        expect(text(p)).toBe(asParsed(s));
        expect(p.attrs.title).toBe(s.replace(/\r\n?/g, '\n').replace(/\0/g, '\ufffd'));
      }),
      {numRuns: 300},
    );
  });

  it('scriptJson writes no <, > or & (so no </script> or <!-- ends the element) and reads back as the same value', () => {
    const value = {name: '</script><script>alert(1)</script><!-- & \u2028'};
    const json = scriptJson(value);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('URL schemes', () => {
  it.each([
    ['https://example.org/a?b#c', true],
    ['http://example.org', true],
    ['mailto:kim@example.org', true],
    ['tel:+821012345678', true],
    ['HTTPS://EXAMPLE.ORG', true],
    ['javascript:alert(1)', false],
    ['JaVaScRiPt:alert(1)', false],
    ['java\tscript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['vbscript:msgbox', false],
    ['file:///etc/passwd', false],
    ['//evil.example', false],
    ['https://exa mple.org', false],
    ['https://', false],
    ['ftp://example.org', false],
    ['/relative', false],
  ])('%j is a link: %s', (url, ok) => {
    expect(safeUrl(url) !== undefined).toBe(ok);
  });

  it('a phone number becomes a tel: address of its digits', () => {
    expect(telUrl('+44 20 7946 0958')).toBe('tel:+442079460958');
    expect(telUrl('010-2468-1357')).toBe('tel:01024681357');
    expect(telUrl('ask me')).toBeUndefined();
  });
});

describe('inline marks', () => {
  it('bold, italics, code and safe links become their tags; nothing else is markup', () => {
    expect(inlineHtml('**Kafka** and *Go*, `x < y`')).toBe('<strong>Kafka</strong> and <em>Go</em>, <code>x &lt; y</code>');
    expect(inlineHtml('[site](https://ex.org/a) and [b](javascript:alert(1))')).toBe('<a href="https://ex.org/a">site</a> and [b](javascript:alert(1))');
    expect(inlineHtml('List<String> & a <3 b')).toBe('List&lt;String&gt; &amp; a &lt;3 b');
    expect(inlineHtml('one\ntwo')).toBe('one<br>two');
    expect(inlineHtml('2 * 3 * 4')).toBe('2 * 3 * 4');
  });

  it('a link to an unsafe scheme keeps its text alone', () => {
    expect(inlineHtml('[click](javascript:alert)')).toBe('click');
    expect(inlineHtml('[mail](mailto:a@b.example)')).toBe('<a href="mailto:a@b.example">mail</a>');
  });
});

describe('a hostile résumé', () => {
  const evil = '"><script>alert(1)</script><img src=x onerror=alert(1)>';
  const doc: ResumeDocument = {
    name: `</title>${evil}`,
    label: `${evil}</script>`,
    greeting: `**${evil}** [x](javascript:alert(1)) [y](https://ok.example/?q="><b>)`,
    language: 'en"><script>alert(1)</script>',
    contacts: [
      {kind: 'url', text: evil, url: 'javascript:alert(1)'},
      {kind: 'email', text: 'a@b.example', url: `mailto:a@b.example${evil}`},
      {kind: 'profile', text: 'GitHub', url: 'data:text/html,<script>alert(1)</script>'},
    ],
    sections: [
      {
        id: `work${evil}`,
        title: evil,
        entries: [
          {
            kind: 'organization',
            title: evil,
            subtitle: evil,
            role: evil,
            period: evil,
            blocks: [
              {kind: 'text', label: evil, text: evil},
              {kind: 'list', label: evil, items: [evil, `[z](vbscript:x)`]},
              {kind: 'tags', label: evil, items: [evil]},
              {kind: 'link', label: evil, url: `javascript:${evil}`},
            ],
            children: [],
          },
        ],
      },
      {id: 'skills', title: 'Skills', entries: [{kind: 'item', title: evil, blocks: [], children: []}]},
    ],
  };
  const tree = parseHtml(renderHtml(doc));

  it('holds no script but its JSON-LD, no handler, no style or link from data', () => {
    const scripts = all(tree, 'script');
    expect(scripts.map((s) => s.attrs.type)).toEqual(['application/ld+json']);
    expect(all(tree, 'img')).toEqual([]);
    expect(all(tree, (el) => Object.keys(el.attrs).some((a) => a.startsWith('on')))).toEqual([]);
    expect(all(tree, 'style')).toHaveLength(1);
    expect(all(tree, 'link')).toEqual([]);
  });

  it('every href is http, https, mailto or tel, or a link inside the page', () => {
    const hrefs = all(tree, 'a').map((a) => a.attrs.href!);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^(?:https?:\/\/|mailto:|tel:|#s-[A-Za-z0-9_-]+$)/);
    expect(hrefs).toContain('https://ok.example/?q="><b>');
  });

  it('shows the strings as text', () => {
    expect(text(all(tree, 'h1')[0]!)).toBe(`</title>${evil}`);
    expect(text(all(tree, 'title')[0]!)).toBe(`</title>${evil} — ${evil}</script>`);
  });
});

describe('HTML in a résumé file', () => {
  it('reaches the page as its allowed inline tags only (src/resume/html.ts at load, then inline.ts)', async () => {
    const {parseResume} = await import('../../src/resume/load');
    const {toDocument} = await import('../../src/document/build');
    const source = {
      basics: {
        name: 'Sam <b>Ortiz</b>',
        summary: 'I run <strong>Kafka</strong> and <em>Go</em>; see <a href="https://sam.example/a?b=1&amp;c=2">my site</a>, <a href="javascript:alert(1)">this</a>.<script>alert(2)</script><img src=x onerror=alert(3)>',
      },
    };
    const loaded = parseResume(JSON.stringify(source), 'sam.json');
    if (!loaded.ok) throw new Error(loaded.error.message);
    const tree = parseHtml(renderHtml(toDocument(loaded.resume)));
    expect(text(all(tree, 'h1')[0]!)).toBe('Sam Ortiz');
    const greeting = all(tree, (el) => el.attrs.class === 'greeting')[0]!;
    expect(all(greeting, () => true).map((el) => el.tag)).toEqual(['p', 'strong', 'em', 'a']);
    expect(all(greeting, 'a')[0]!.attrs.href).toBe('https://sam.example/a?b=1&c=2');
    expect(text(greeting)).toBe('I run Kafka and Go; see my site, this.');
  });
});
