import {describe, expect, it} from 'vitest';
import {renderHtml} from '../../src/html/page';
import {personJsonLd, plainWords} from '../../src/html/person';
import {all, parseHtml, text} from '../helpers/html-tree';
import {fixtureDocument} from '../helpers/resume';

/** The schema.org Person in the page's JSON-LD, from basics and work. */

const ldOf = (html: string): unknown => {
  const script = all(parseHtml(html), (el) => el.tag === 'script' && el.attrs.type === 'application/ld+json');
  expect(script).toHaveLength(1);
  return JSON.parse(text(script[0]!));
};

describe('JSON-LD', () => {
  it('a Person from basics and work', () => {
    const ada = fixtureDocument('ada');
    expect(ldOf(renderHtml(ada))).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Person',
      name: 'Ada Whitfield',
      jobTitle: 'Senior Software Engineer',
      description: plainWords(ada.greeting!),
      email: 'ada@whitfield.example.org',
      telephone: '+442079460958',
      url: 'https://ada-whitfield.example.org',
      address: '14 Canal Street, M1 3HE, Manchester, Greater Manchester, GB',
      sameAs: ['https://github.com/adawhit', 'https://www.linkedin.com/in/ada-whitfield'],
      worksFor: {'@type': 'Organization', name: 'Ledgerline Payments'},
      alumniOf: [{'@type': 'Organization', name: 'Postwise'}],
    });
  });

  it('a name with </script> stays inside the data block and reads back whole', () => {
    const doc = {...fixtureDocument('minimal'), name: '</script><script>alert(1)</script><!--', label: '</SCRIPT >'};
    const html = renderHtml(doc);
    const ld = ldOf(html) as {name: string; jobTitle: string};
    expect(ld.name).toBe(doc.name);
    expect(ld.jobTitle).toBe(doc.label);
    const block = html.slice(html.indexOf('<script type="application/ld+json">'), html.indexOf('</script>') + 9);
    expect(block.slice(0, -9)).not.toMatch(/<\/|<!--/i);
  });

  it('the text without its inline marks', () => {
    expect(plainWords('**Kafka** at [Acme](https://acme.example) with *care* and `go`')).toBe('Kafka at Acme with care and go');
    expect(personJsonLd({...fixtureDocument('minimal'), greeting: 'I build **reliable**\nsystems'}).description).toBe('I build reliable systems');
  });

  it('no work, no contacts: the name alone', () => {
    expect(personJsonLd({name: 'N', contacts: [], sections: []})).toEqual({'@context': 'https://schema.org', '@type': 'Person', name: 'N'});
  });
});
