// Stands in for node-emoji (and its 200 KB emoji table) in the bundle: marked-terminal is always
// given `emoji: false`, so `:shortcodes:` in a résumé stay as written.
export function get(): undefined {
  return undefined;
}
export function emojify(text: string): string {
  return text;
}
