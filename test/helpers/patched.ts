/**
 * A library file as one of the build's patches (scripts/build/plugins/) leaves it, to test
 * beside the original: written under node_modules/.cache/kim-resume/ (inside node_modules, so
 * that its bare imports resolve to the same packages as the original's), its relative imports
 * pointed at the original's folder, then imported.
 */
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {REPO_ROOT} from './fixtures';

type Patch = (source: string, where: {plugin: string; file: string}) => string;

/** Imports `file` (from the repository root) as `patches`, applied in order, make it. */
export async function importPatched<T>(file: string, ...patches: Patch[]): Promise<T> {
  const path = join(REPO_ROOT, file);
  const where = {plugin: 'test', file: path};
  let source = readFileSync(path, 'utf8');
  for (const patch of patches) source = patch(source, where);
  source = source.replace(/from (['"])\.\/([^'"]+)\1/g, (_, quote: string, name: string) => `from ${quote}${pathToFileURL(join(dirname(path), name)).href}${quote}`);
  const dir = join(REPO_ROOT, 'node_modules/.cache/kim-resume/patched');
  mkdirSync(dir, {recursive: true});
  const copy = join(dir, `${file.replace(/[^A-Za-z0-9.]+/g, '_')}.mjs`);
  writeFileSync(copy, source);
  return (await import(pathToFileURL(copy).href)) as T;
}

/** Imports the original library file (from the repository root). */
export async function importOriginal<T>(file: string): Promise<T> {
  return (await import(pathToFileURL(join(REPO_ROOT, file)).href)) as T;
}

