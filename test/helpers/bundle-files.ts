import {readdirSync, readFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {brotliDecompressSync} from 'node:zlib';
import {ARCHIVES, parseArchive, SINGLE_SUFFIX} from '../../src/boot/archive';

/**
 * Every file of a built dist/ as the program reads it (src/boot/archive.ts): a chunk compressed
 * alone under its own name, each file of the archive under its name, every other file as it is.
 * Keys are paths from `root`, `/`-separated ('dist/chunks/run-….js').
 */
export function bundleFiles(dist: string, root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const name = (path: string) => relative(root, path).split('\\').join('/');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if ((ARCHIVES as readonly string[]).includes(entry.name)) for (const [inner, bytes] of parseArchive(brotliDecompressSync(readFileSync(path)), path)) files.set(name(join(dir, inner)), bytes);
      else if (entry.name.endsWith(SINGLE_SUFFIX)) files.set(name(path.slice(0, -SINGLE_SUFFIX.length)), brotliDecompressSync(readFileSync(path)));
      else files.set(name(path), readFileSync(path));
    }
  };
  walk(dist);
  return files;
}
