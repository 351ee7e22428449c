/**
 * Ink's Output class (ink/build/output.js), as Ink ships it and as the build's patches leave it,
 * for the tests that hold a patched Output to Ink's own (ink-output-memo, ink-compact-rows).
 */
import {importOriginal, importPatched} from './patched';

export interface Clip {
  x1?: number;
  x2?: number;
  y1?: number;
  y2?: number;
}
export type Transformer = (line: string, index: number) => string;
export interface OutputLike {
  write(x: number, y: number, text: string, options: {transformers: Transformer[]}): void;
  clip(clip: Clip): void;
  unclip(): void;
  get(): {output: string; height: number};
}
export type OutputClass = new (options: {width: number; height: number}) => OutputLike;

type Patch = (source: string, where: {plugin: string; file: string}) => string;

export const INK_OUTPUT = 'node_modules/ink/build/output.js';

/** Ink's own Output, and the one `patches` make of it (applied in order, as the build does). */
export async function outputs(...patches: Patch[]): Promise<{original: OutputClass; patched: OutputClass}> {
  return {
    original: (await importOriginal<{default: OutputClass}>(INK_OUTPUT)).default,
    patched: (await importPatched<{default: OutputClass}>(INK_OUTPUT, ...patches)).default,
  };
}
