/**
 * Where the app's frame puts things on a screen read back from a terminal: the frame is as tall
 * as the terminal, so the status bar is its last row (src/ui/layout/regions.ts).
 */

/** The status bar: the screen's last row. */
export const statusRow = (rows: readonly string[]): string => rows[rows.length - 1] ?? '';

/** The status bar's scroll position (`NN%` at its right end), NaN when there is none. */
export const percentOf = (rows: readonly string[]): number => Number(/(\d+)%\s*$/.exec(statusRow(rows))?.[1] ?? Number.NaN);

/**
 * The section bar's row: the one that starts with tab 1, or with `‹` (ASCII `<`) where the bar
 * has scrolled tabs out on the left (src/ui/layout/tabs.ts); -1 when there is none.
 */
export const sectionBarRow = (rows: readonly string[]): number => rows.findIndex((r) => r.startsWith(' 1 ') || /^[‹<] \d+ /.test(r));
