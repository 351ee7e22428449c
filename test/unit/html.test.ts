/**
 * HTML in a résumé's strings, read at load for its inline meaning (src/resume/html.ts): a table of
 * inputs and what they read as, then properties over generated HTML: no escape sequence, control
 * character or tag ever comes out, and text is never lost.
 */
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {decodeEntities, reduceHtml} from '../../src/resume/html';
import {sanitizeText} from '../../src/resume/sanitize';

describe('HTML read as inline marks (a paragraph)', () => {
  it.each([
    ['<strong>Led</strong> a team of <b>5</b>', '**Led** a team of **5**'],
    ['<i>Ruby</i> and <em>Go</em>', '*Ruby* and *Go*'],
    ['<b> spaced </b>out', '**spaced** out'],
    ['<b><strong>twice</strong></b>', '**twice**'],
    ['<b></b>empty', 'empty'],
    ['<b>unclosed', '**unclosed**'],
    ['<b>a<br>b</b>', '**a**\n**b**'],
    ['Built <a href="https://x.dev/a">the site</a>.', 'Built [the site](https://x.dev/a).'],
    ["<a href='mailto:me@x.dev'>write me</a>", '[write me](mailto:me@x.dev)'],
    ['<a href="tel:+34600000000">call</a>', '[call](tel:+34600000000)'],
    ['<a href="https://x.dev">https://x.dev</a>', 'https://x.dev'],
    ['<a href="https://x.dev"></a>', 'https://x.dev'],
    ['<a href="https://q.dev/(x)">parens</a>', '[parens](https://q.dev/%28x%29)'],
    ['<a href="https://q.dev">[x]</a>', '[\\[x\\]](https://q.dev)'],
    ['<a href="javascript:alert(1)">click</a>', 'click'],
    ['<a href=" JaVaScRiPt:alert(1)">click</a>', 'click'],
    ['<a href="data:text/html,<b>x</b>">data</a>', 'data'],
    ['<a href="/relative">here</a>', 'here'],
    ['a<br>b<br/>c', 'a\nb\nc'],
    ['a<br><br>b', 'a\n\nb'],
    ['<p>One</p><p>Two</p>', 'One\nTwo'],
    ['<div>a</div><div>b</div>', 'a\nb'],
    ['<ul><li>First</li><li><b>Second</b></li></ul>', '- First\n- **Second**'],
    ['<ol><li>x</li><li>y</li></ol>', '1. x\n2. y'],
    ['<ol start="3"><li>x</li></ol>', '3. x'],
    ['<ul><li>a<ul><li>b</li></ul></li></ul>', '- a\n  - b'],
    ['<span class="x">kept</span> text', 'kept text'],
    ['<font color=red>old</font> <blink>tags</blink>', 'old tags'],
    ['<script>alert(1)</script>safe', 'safe'],
    ['<SCRIPT type="x">if (a < b) alert("</p>")</SCRIPT>after', 'after'],
    ['<style>body{display:none}</style>shown', 'shown'],
    ['<script>never closed', ''],
    ['<!-- a comment -->text<!-- unclosed', 'text'],
    ['<img src="x.png" alt="A chart"> of sales', 'A chart of sales'],
    ['line one\n   <b>two</b>   three', 'line one **two** three'],
    ['cut <a href="https://x', 'cut'],
    ['<b>Go</b> &amp; <i>Rust</i>', '**Go** & *Rust*'],
  ])('%j → %j', (input, expected) => {
    expect(reduceHtml(input)).toBe(expected);
  });
});

describe('HTML read as text alone (a name, a title, a keyword)', () => {
  it.each([
    ['Lucía <b>Ferrer</b>', 'Lucía Ferrer'],
    ['<a href="https://x.dev">Acme</a> Inc.', 'Acme Inc.'],
    ['a<br>b', 'a b'],
    ['<ul><li>x</li><li>y</li></ul>', 'x y'],
    ['<script>x</script>Name', 'Name'],
  ])('%j → %j', (input, expected) => {
    expect(reduceHtml(input, 'line')).toBe(expected);
  });
});

describe('what is not HTML is left alone', () => {
  it.each(['List<String> and Map<K, V>', 'a <3 b', 'x < y > z', 'AT&T and R&D', 'plain text', '**Markdown** [link](https://x.dev)'])('%j', (input) => {
    expect(reduceHtml(input)).toBe(input);
  });

  it('a string without < or & is returned as the same string', () => {
    const text = 'nothing to read';
    expect(reduceHtml(text)).toBe(text);
  });
});

describe('entities', () => {
  it.each([
    ['R&amp;D &mdash; caf&eacute; &copy;', 'R&D — café ©'],
    ['&lt;b&gt; is text', '<b> is text'],
    ['&#169; &#xA9; &#x1F680;', '© © 🚀'],
    // The HTML standard reads 0x80–0x9F as windows-1252, and 0, surrogates and beyond U+10FFFF as U+FFFD.
    ['&#150; &#153; &#0; &#xD800; &#x110000;', '– ™ \ufffd \ufffd \ufffd'],
    ['&bogus; &amp', '&bogus; &amp'],
  ])('%j → %j', (input, expected) => {
    expect(reduceHtml(input)).toBe(expected);
  });

  it('a reference to a control character never produces one', () => {
    for (const input of ['&#27;[31mred', '&#x1b;]0;title&#7;', '&#155;2J', '&#x9d;8;;https://evil&#x9c;x', '&#0;&#8;&#127;', '<b>&#27;[2J</b>']) {
      expect(reduceHtml(input)).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
    }
    expect(reduceHtml('&#27;[31mred')).toBe('red');
  });

  it('decodeEntities leaves text without references as it is', () => {
    expect(decodeEntities('no refs & such')).toBe('no refs & such');
  });
});

// Generated HTML: tags (known, unknown, hidden, with attributes in every quoting), entities,
// controls and text. Every `<` in it is markup: a bare `<` and `&lt;` are text the author wrote
// (`a < b`), kept as text (the tables above), and could spell a tag's letters next to other text.
const TAGS = ['b', 'strong', 'i', 'em', 'a', 'br', 'p', 'ul', 'ol', 'li', 'span', 'div', 'script', 'style', 'h2', 'font', 'blink', 'x-custom', 'img', 'code', 'table', 'td'];
const attribute = fc.oneof(
  fc.constantFrom('', ' class="x"', " href='https://a.dev/?q=1&amp;r=2'", ' href="javascript:alert(1)"', ' href=mailto:a@b.c', ' title="a > b"', ' alt="pic"', ' onclick="alert(1)"', ' href="https://x.dev/\x1b[31m"'),
  fc.string({maxLength: 8}).map((s) => ` data-x="${s.replace(/"/g, '')}"`),
);
const piece = fc.oneof(
  fc.tuple(fc.constantFrom(...TAGS), attribute, fc.boolean()).map(([t, a, close]) => (close ? `</${t}>` : `<${t}${a}>`)),
  fc.constantFrom('&amp;', '&mdash;', '&#27;', '&#x9b;', '&#0;', '&#150;', '&nbsp;', '&eacute;', '&#x1F680;', '&bogus;', '&'),
  fc.constantFrom('\x1b[2J', '\x1b]8;;https://evil\x07', '\x07', '\x9b', '\n', '\t', '<!-- c -->', '>'),
  fc.stringMatching(/^[A-Za-z가-힣 .,*_-]{1,12}$/),
);
const html = fc.array(piece, {minLength: 1, maxLength: 24}).map((parts) => parts.join(''));

describe('properties of any HTML', () => {
  it('no escape sequence, control character (but a newline) or tag ever comes out', () => {
    fc.assert(
      fc.property(html, fc.constantFrom('rich' as const, 'line' as const), (raw, mode) => {
        // As at load: control sequences are stripped first (src/resume/load.ts), then HTML is read.
        const input = sanitizeText(raw);
        const out = reduceHtml(input, mode);
        expect(out).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
        // A `<` that comes out is text (`a < b`, a lone `<`), never the start of a tag.
        // A string with a tag of an HTML element is HTML (`<x-custom>` or `<blink>` alone are text).
        if (new RegExp(`</?(?:${TAGS.filter((t) => t !== 'blink' && t !== 'x-custom').join('|')})[\\s/>]`, 'i').test(input)) {
          expect(out, JSON.stringify({input, out})).not.toMatch(/<\/?[A-Za-z!]/);
          // Read as HTML, a one-line field is one line: line breaks are spaces.
          if (mode === 'line') expect(out).not.toContain('\n');
        }
      }),
      {numRuns: 400},
    );
  });

  it('text outside hidden elements is kept, word for word', () => {
    const word = fc.stringMatching(/^[A-Za-z]{3,8}$/);
    const wrap = fc.constantFrom(['<b>', '</b>'], ['<span class="a">', '</span>'], ['<p>', '</p>'], ['<li>', '</li>'], ['<a href="https://x.dev">', '</a>'], ['', '<br>']);
    fc.assert(
      fc.property(fc.array(fc.tuple(word, wrap), {minLength: 1, maxLength: 10}), (parts) => {
        const input = parts.map(([w, [open, close]]) => `${open}${w}${close}`).join(' ');
        const out = reduceHtml(input, 'line');
        expect(out.split(/\s+/).filter(Boolean)).toEqual(parts.map(([w]) => w));
      }),
      {numRuns: 200},
    );
  });
});
