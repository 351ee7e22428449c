import {BADGE_PALETTE, paletteRgb, THEMES, type Token, type TokenMap} from '../theme/theme';

/**
 * The page's stylesheet: the app's look in CSS. The theme's tokens (src/theme/theme.ts) become
 * custom properties, `light` under prefers-color-scheme: light and `dark` under dark, so a title
 * has one colour in the terminal and on the page; their contrast against white and black is the
 * theme's own (≥ 4.5:1, listed there). Panels are boxed as the app boxes them, badges are chips
 * from BADGE_PALETTE, the text is monospace with the CJK fonts terminals fall back to.
 */

/** The tokens the page colours text with. */
const USED: Token[] = ['name', 'heading', 'orgTitle', 'period', 'muted', 'greeting', 'border', 'blockLabel', 'bullet', 'link', 'code'];

const hex = (index: number): string => '#' + paletteRgb(index).map((v) => v.toString(16).padStart(2, '0')).join('');

/** A theme colour as CSS: `ansi256(20)` → `#0000d7`; a named or absent colour → the text's own. */
function cssColour(color: string | undefined): string {
  const index = color && /^ansi256\((\d+)\)$/.exec(color);
  return index && Number(index[1]) >= 16 ? hex(Number(index[1])) : 'inherit';
}

/** `--k-org-title:#af0000;…`: one custom property per token. */
export function tokenProperties(tokens: TokenMap): string {
  return USED.map((t) => `--k-${t.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}:${cssColour(tokens[t].color)}`).join(';');
}

/** The chip colours, one class each: `.c0`…`.c11`, as badgeIndex picks them. */
const chips = (): string => BADGE_PALETTE.map((c, i) => `.c${i}{background:${cssColour(c)}}`).join('');

const FONTS =
  'ui-monospace,"Cascadia Mono","SFMono-Regular",Menlo,Consolas,"DejaVu Sans Mono","Liberation Mono","Noto Sans Mono CJK KR","Noto Sans Mono CJK JP","Noto Sans Mono CJK SC","Noto Sans Mono CJK TC","D2Coding","Sarasa Mono K","Malgun Gothic","Apple SD Gothic Neo","Noto Sans Mono","Noto Sans Hebrew","Noto Sans Arabic",monospace';

let cached: string | undefined;

/** The stylesheet (the same for every résumé: made once). */
export function pageCss(): string {
  cached ??= [
    `:root{color-scheme:light dark;${tokenProperties(THEMES.light)};--fg:#121212;--bg:#fff}`,
    `@media (prefers-color-scheme:dark){:root{${tokenProperties(THEMES.dark)};--fg:#e4e4e4;--bg:#000}}`,
    `*{box-sizing:border-box}`,
    `html{-webkit-text-size-adjust:100%;text-size-adjust:100%}`,
    `body{margin:0 auto;max-width:84rem;padding:1rem;font:15px/1.5 ${FONTS};color:var(--fg);background:var(--bg);overflow-wrap:anywhere}`,
    // Korean breaks at its spaces, as the app writes it (UAX #14 §8.1, keep-all; src/text/linebreak.ts);
    // a word wider than its line still breaks (overflow-wrap above), so nothing scrolls sideways.
    `:lang(ko){word-break:keep-all}`,
    `h1,h2,h3,h4,h5,p,ul{margin:0}`,
    `h1{color:var(--k-name);font-size:1.6rem}`,
    `.label{font-weight:bold}`,
    `.greeting{color:var(--k-greeting);margin-top:.5rem;max-width:75ch}`,
    `a{color:var(--k-link)}`,
    `code{color:var(--k-code);font:inherit}`,
    `ul{padding-inline-start:1.5em}`,
    `li::marker{color:var(--k-bullet)}`,
    `.contacts,nav ul,.badges{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}`,
    `.contacts{margin-top:.5rem}`,
    `nav{margin:1rem 0;border-block:1px solid var(--k-border);padding:.4rem 0}`,
    `nav a{color:var(--k-heading);font-weight:bold;text-decoration:none;padding:.3rem 0;display:inline-block}`,
    `nav a:hover,nav a:focus{text-decoration:underline}`,
    `main{display:grid;gap:1rem}`,
    `section{border:1px solid var(--k-border);border-radius:.5rem;padding:.75rem 1rem 1rem}`,
    `h2{color:var(--k-heading);font-size:1.15rem;margin-bottom:.5rem}`,
    `h3,h4,h5{font-size:1rem}`,
    `.org>header h3{color:var(--k-org-title)}`,
    `.project>h4,.project>h3,.essay>h3,.item>h3{color:var(--k-heading)}`,
    `.facts{color:var(--k-period)}.role{color:var(--fg);font-weight:bold}`,
    `.sub{color:var(--k-muted)}`,
    `.panel{border:1px solid var(--k-border);border-radius:.4rem;padding:.5rem .75rem;margin-top:.5rem}`,
    `.entries{display:grid;gap:.5rem}`,
    `.org{display:grid;gap:.5rem}`,
    `.org>.entries{margin:0}`,
    `.bl{color:var(--k-block-label);font-weight:bold;margin-top:.4rem}`,
    `.tags{display:flex;flex-wrap:wrap;align-items:baseline;gap:.25rem .5rem;margin-top:.4rem}`,
    `.badges{gap:.3rem}`,
    `.badges li{color:#fff;font-weight:bold;padding:0 .4em;border-radius:.25rem}`,
    chips(),
    `.panel p,.panel ul{margin-top:.2rem}`,
    // The organization beside its projects when there is room, as the app lays them out.
    `@media (min-width:60rem){.org{grid-template-columns:minmax(14rem,1fr) 3fr;align-items:start}.org>header{position:sticky;top:.5rem}}`,
    `@media (max-width:30rem){body{padding:.5rem;font-size:14px}section{padding:.5rem}.panel{padding:.4rem .5rem}}`,
    // Print: no navigation, no panel split where it fits on a page, each link's address after its text.
    `@media print{:root{${tokenProperties(THEMES.light)};--fg:#000;--bg:#fff}body{max-width:none;padding:0;font-size:10pt}nav{display:none}` +
      `section{border:0;padding:0}.panel,.org>header,.tags,h2,h3{break-inside:avoid}h2,h3{break-after:avoid}.org{display:block}.org>header{position:static}` +
      `a[href]:not(.bare)::after{content:" (" attr(href) ")";color:var(--k-muted);font-size:.9em}` +
      `.badges li{color:inherit;background:none;border:1px solid var(--k-border)}}`,
    `@page{margin:14mm 12mm}`,
  ].join('\n');
  return cached;
}
