import {createRequire} from 'node:module';
import {basename, dirname, join, relative, sep} from 'node:path';
import {pathToFileURL} from 'node:url';
import {Script} from 'node:vm';
import {createBundleReader} from './archive';
import {makeCacheFolder, readCache, writeCacheAtomically} from './cache-file';

/**
 * Runs the bundle's files (CommonJS, made by scripts/build.mjs) as classic scripts through
 * `vm.Script`, with a V8 code cache: V8 then deserializes the compiled code instead of parsing
 * and compiling the source (https://nodejs.org/docs/latest-v20.x/api/vm.html#scriptcreatecacheddata).
 * A file with no cache, or one V8 rejects (`cachedDataRejected`), gets one written when the
 * program says its start is over (`startupDone()`), so that the cache holds the functions the
 * start ran and the writing is not on the way to the first output.
 *
 * Node 20 has no module compile cache. Node 22.1+'s `module.enableCompileCache()` was measured
 * against this on 22, 24 and 26 (the same files through Node's require, warm, 73 interleaved runs
 * each): its first paint was 17-27% slower (medians 267/280/296 ms against 228/231/233), piped
 * text about the same. Its cache is made as a file is compiled, before it runs, so it lacks the
 * functions compiled lazily during the start (the printed text's: ~90 KB against ~230 KB here).
 */
export interface Loader {
  /** Runs a bundle file (and, through its require, the files it needs); returns its exports. */
  load(file: string): unknown;
  /** Writes the caches the files loaded so far are missing. */
  writeCaches(): void;
}

interface Pending {
  script: Script;
  cacheFile: string;
}

/** The parameters a bundle file's code sees: CommonJS's, and its own file URL for `import.meta.url`. */
const WRAPPER = ['exports', 'require', 'module', '__filename', '__dirname', '__kimUrl'];

/**
 * `use` names the start the caches are for ('app', 'print'): each file's cache is
 * `<file>.<use>.cache`, since a cache holds only the functions compiled by the time it was made.
 */
export function createLoader(folders: {runtime: string; build: string} | undefined, use: string, bundleRoot = __dirname): Loader {
  const nodeRequire = createRequire(__filename);
  const modules = new Map<string, {exports: unknown}>();
  let pending: Pending[] = [];
  /** Files decompressed by this start, to keep beside the code caches: `<file>.plain`, checksummed as they are. */
  let unpackedPending: {file: string; bytes: Buffer}[] = [];
  let caching = folders !== undefined;
  let folderReady = false;
  // The package's chunks are compressed (./archive.ts); what one start decompressed, the next reads as it is.
  // Named by its path in the bundle (`chunks~start.br.plain`): two folders may hold files of one name.
  const plainFile = (packed: string) => join(folders!.build, `${relative(bundleRoot, packed).split(sep).join('~')}.plain`);
  const read = createBundleReader(
    folders && {
      get: (packed) => (caching ? readCache(plainFile(packed)) : undefined),
      keep: (packed, bytes) => {
        if (caching) unpackedPending.push({file: plainFile(packed), bytes});
      },
    },
  );

  const requireFrom = (dir: string) => (id: string) => (id.startsWith('./') || id.startsWith('../') ? load(join(dir, id)) : nodeRequire(id));

  function load(file: string): unknown {
    const known = modules.get(file);
    if (known) return known.exports;
    const module = {exports: {}};
    // Registered before it runs, as Node does, so that a file requiring this one back gets it.
    modules.set(file, module);
    const source = read(file).toString('utf8');
    const cacheFile = caching && folders ? join(folders.build, `${basename(file)}.${use}.cache`) : undefined;
    const cachedData = cacheFile ? readCache(cacheFile) : undefined;
    const script = new Script(`(function (${WRAPPER.join(', ')}) {${source}\n})`, {filename: file, cachedData});
    if (cacheFile && (cachedData === undefined || script.cachedDataRejected)) pending.push({script, cacheFile});
    const run = script.runInThisContext() as (...args: unknown[]) => void;
    const dir = dirname(file);
    run.call(module.exports, module.exports, requireFrom(dir), module, file, dir, pathToFileURL(file).href);
    return module.exports;
  }

  function writeCaches(): void {
    const todo = pending;
    const unpacked = unpackedPending;
    pending = [];
    unpackedPending = [];
    if (!caching || !folders || (todo.length === 0 && unpacked.length === 0)) return;
    if (!folderReady && !(folderReady = makeCacheFolder(folders))) {
      caching = false;
      return;
    }
    const writes = [...unpacked.map(({file, bytes}) => () => writeCacheAtomically(file, bytes)), ...todo.map(({script, cacheFile}) => () => writeCacheAtomically(cacheFile, script.createCachedData()))];
    for (const write of writes) {
      if (!write()) {
        caching = false;
        return;
      }
    }
  }

  return {load, writeCaches};
}
