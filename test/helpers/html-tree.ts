import {parse, parseFragment} from 'parse5';

/**
 * The page as a browser's parser builds it (parse5 follows the HTML standard's tree construction),
 * with the few queries the tests need: elements by tag, their attributes and text.
 */
export interface El {
  tag: string;
  attrs: Record<string, string>;
  children: Array<El | string>;
  parent?: El;
}

type P5 = {nodeName: string; tagName?: string; value?: string; attrs?: Array<{name: string; value: string}>; childNodes?: P5[]; content?: P5};

function convert(node: P5, parent?: El): El {
  const el: El = {tag: node.tagName ?? node.nodeName, attrs: Object.fromEntries((node.attrs ?? []).map((a) => [a.name, a.value])), children: [], parent};
  for (const child of node.content?.childNodes ?? node.childNodes ?? []) {
    if (child.nodeName === '#text') el.children.push(child.value!);
    else if (child.nodeName !== '#comment' && child.nodeName !== '#documentType') el.children.push(convert(child, el));
  }
  return el;
}

export const parseHtml = (html: string): El => convert(parse(html) as unknown as P5);
export const parseHtmlFragment = (html: string): El => convert(parseFragment(html) as unknown as P5);

/** Every element under `root` (itself included) that `match` accepts, in document order. */
export function all(root: El, match: string | ((el: El) => boolean)): El[] {
  const test = typeof match === 'string' ? (el: El) => el.tag === match : match;
  const out: El[] = [];
  const walk = (el: El) => {
    if (test(el)) out.push(el);
    for (const c of el.children) if (typeof c !== 'string') walk(c);
  };
  walk(root);
  return out;
}

export function one(root: El, match: string | ((el: El) => boolean)): El {
  const found = all(root, match);
  if (found.length !== 1) throw new Error(`expected one ${typeof match === 'string' ? match : 'match'}, found ${found.length}`);
  return found[0]!;
}

export const text = (el: El): string => el.children.map((c) => (typeof c === 'string' ? c : text(c))).join('');
export const hasClass = (el: El, name: string): boolean => (el.attrs.class ?? '').split(/\s+/).includes(name);
