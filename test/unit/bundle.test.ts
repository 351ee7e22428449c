/**
 * The built bundle (dist/) carries every patch of scripts/build/plugins/: each one checked where
 * it shows, in the output files and in the build's own record of which source file went into
 * which output (esbuild's metafile, kept in node_modules/.cache/kim-resume/). Markers looked for
 * in the output are first shown to exist in the library they come from, so an absence means the
 * library was left out, not that the marker was wrong. `npm test` builds first.
 */
import {spawnSync} from 'node:child_process';
import {Script} from 'node:vm';
import {brotliDecompressSync} from 'node:zlib';
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, relative} from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {parseArchive} from '../../src/boot/archive';
import {bundleFiles} from '../helpers/bundle-files';
import {BIN, cleanEnv} from '../helpers/cli';
import {ARCHIVES, SINGLE_FROM} from '../../scripts/build/packed.mjs';
import {fixturePath, REPO_ROOT} from '../helpers/fixtures';

interface BuildMeta {
  inputs: Record<string, {imports: {path: string; original?: string}[]}>;
  outputs: Record<string, {inputs: string[]}>;
  /** Which library files each source patch rewrote (scripts/build/patch-source.mjs recordPatch). */
  patches: Record<string, string[]>;
}

const DIST = join(REPO_ROOT, 'dist');
const META = join(REPO_ROOT, 'node_modules/.cache/kim-resume/build-meta.json');

let meta: BuildMeta;
/** Every JavaScript file of dist/, by path from the repository root ('dist/chunks/run-….js'). */
let files: Map<string, string>;

const read = (path: string) => readFileSync(join(REPO_ROOT, path), 'utf8');
const occurrences = (text: string, marker: string) => text.split(marker).length - 1;
const inAnyFile = (marker: string) => [...files].filter(([, text]) => text.includes(marker)).map(([file]) => file);
/** The one output file that holds `input` (a path from the repository root). */
function outputHolding(input: string): string {
  const holders = Object.entries(meta.outputs).filter(([, out]) => out.inputs.includes(input));
  expect(holders.map(([file]) => file), `output files holding ${input}`).toHaveLength(1);
  return holders[0]![0];
}
/** The imports, across the bundle, of `specifier` as written: [importer, where it resolved]. */
const importsOf = (specifier: string) =>
  Object.entries(meta.inputs).flatMap(([file, input]) => input.imports.filter((i) => i.original === specifier).map((i) => [file, i.path] as const));
const inputsUnder = (folder: string) => Object.keys(meta.inputs).filter((file) => file.startsWith(folder));

beforeAll(() => {
  if (!existsSync(join(DIST, 'main.js'))) throw new Error('dist/main.js is missing: run `npm run build` first (npm test does)');
  if (!existsSync(META)) throw new Error(`${relative(REPO_ROOT, META)} is missing: run \`npm run build\` (scripts/build.mjs writes it with dist/)`);
  meta = JSON.parse(readFileSync(META, 'utf8')) as BuildMeta;
  // As the loader reads them: the chunks are compressed (src/boot/archive.ts).
  files = new Map([...bundleFiles(DIST, REPO_ROOT)].filter(([file]) => /\.c?js$/.test(file)).map(([file, bytes]) => [file, bytes.toString('utf8')]));
});

describe('the build record', () => {
  it('names exactly the JavaScript files of dist/ (it is the record of this build)', () => {
    expect(Object.keys(meta.outputs).sort()).toEqual([...files.keys()].sort());
  });
});

describe('dist/chunks/ is shipped compressed (scripts/build/packed.mjs)', () => {
  it('holds no plain file: each large chunk alone as .br, the small ones in start.br and more.br, yoga.wasm.br', () => {
    const shipped = readdirSync(join(DIST, 'chunks')).sort();
    const chunks = [...files.keys()].filter((file) => file.startsWith('dist/chunks/'));
    const large = chunks.filter((file) => files.get(file)!.length >= SINGLE_FROM).map((file) => `${file.slice('dist/chunks/'.length)}.br`);
    expect(large.length).toBeGreaterThanOrEqual(2);
    expect(shipped).toEqual([...ARCHIVES, ...large, 'yoga.wasm.br'].sort());
    // Every other chunk is in the archive, and each of them is smaller than a large one.
    expect(chunks.length - large.length).toBeGreaterThan(10);
  });

  it('puts in start.br exactly the chunks dist/main.js loads as it runs; the piped text opens nothing else', () => {
    const [startArchive] = ARCHIVES;
    const path = join(DIST, 'chunks', startArchive);
    const inStart = [...parseArchive(brotliDecompressSync(readFileSync(path)), path).keys()].sort();
    const loadedAtStart = [...staticClosure('dist/main.js')].filter((file) => file !== 'dist/main.js' && files.get(file)!.length < SINGLE_FROM);
    expect(inStart).toEqual(loadedAtStart.map((file) => file.slice('dist/chunks/'.length)).sort());
    // The program, piped, with each compressed file it reads logged by a preload.
    const dir = mkdtempSync(join(tmpdir(), 'kim-reads-'));
    const log = join(dir, 'reads.log');
    const preload = join(dir, 'log-reads.cjs');
    writeFileSync(
      preload,
      `const fs = require('node:fs'); const read = fs.readFileSync;
       fs.readFileSync = function (p, ...rest) { const r = read.call(this, p, ...rest); if (String(p).endsWith('.br')) fs.appendFileSync(${JSON.stringify(log)}, require('node:path').basename(String(p)) + '\\n'); return r; };`,
    );
    try {
      const run = spawnSync(process.execPath, ['-r', preload, BIN, fixturePath('ada')], {env: cleanEnv(), encoding: 'utf8'});
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain('Ada Whitfield');
      expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual([startArchive]);
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });

  it('keeps dist/main.js and dist/boot.cjs plain, for whoever reads the package', () => {
    expect(readdirSync(DIST).sort()).toEqual(['boot.cjs', 'chunks', 'main.js']);
    expect(readFileSync(join(DIST, 'main.js'), 'utf8')).toBe(files.get('dist/main.js'));
  });
});

/** The library files each source patch must have rewritten, and nothing more: the renderer's three first. */
const SOURCE_PATCHES: Record<string, string[]> = {
  'ink-output-memo': ['node_modules/ink/build/output.js'],
  'ink-compact-rows': ['node_modules/ink/build/output.js'],
  'ink-sanitize-memo': ['node_modules/ink/build/sanitize-ansi.js'],
  'no-ink-dev-await': ['node_modules/ink/build/reconciler.js'],
  'yoga-sync-start': ['node_modules/yoga-layout/dist/src/index.js'],
  'yoga-wasm-binary': ['node_modules/yoga-layout/dist/binaries/yoga-wasm-base64-esm.js'],
  'ssh2-keep-names': ['node_modules/ssh2/lib/server.js'],
  'franc-languages': ['node_modules/franc-min/data.js', 'node_modules/franc-min/expressions.js'],
  'linebreak-trie': ['node_modules/linebreak/src/classes-trie-data.js', 'node_modules/linebreak/src/linebreaker.js'],
};

describe('source patches: the build record says which library file each rewrote', () => {
  it('names exactly these patches and files (their effects are tested in test/unit/<patch>.test.ts)', () => {
    expect(meta.patches).toEqual(SOURCE_PATCHES);
  });

  it('bundles each patched file into dist/ (the patch reached the program)', () => {
    for (const file of Object.values(SOURCE_PATCHES).flat()) outputHolding(file);
  });

  it('reaches inside Ink\'s renderer and its tokenizer with no more than three patches', () => {
    const renderer = Object.entries(meta.patches).filter(([, patched]) => patched.some((f) => /^node_modules\/(ink\/build\/(output|log-update|sanitize-ansi|render|renderer|squash-text-nodes|measure-text|wrap-text)\.js|@alcalzone\/ansi-tokenize\/)/.test(f)));
    expect(renderer.map(([name]) => name).sort()).toEqual(['ink-compact-rows', 'ink-output-memo', 'ink-sanitize-memo']);
  });
});

describe('string-width-cells: every string-width import goes to src/text/string-width.ts (the app\'s width function)', () => {
  const CELLS = 'src/text/string-width.ts';

  it("resolves every library's import there, Ink's output.js and wrap-ansi included", () => {
    const imports = importsOf('string-width');
    const importers = imports.map(([file]) => file);
    expect(importers).toContain('node_modules/ink/build/output.js');
    expect(importers).toContain('node_modules/wrap-ansi/index.js');
    for (const [file, path] of imports) expect(path, `${file}'s import of string-width`).toBe(CELLS);
  });

  it('bundles no copy of string-width, nor emoji-regex', () => {
    expect(Object.keys(meta.inputs).filter((file) => /(^|\/)string-width\//.test(file))).toEqual([]);
    expect(inputsUnder('node_modules/emoji-regex/')).toEqual([]);
  });

  it("leaves no caller passing string-width's ambiguousIsNarrow (src/text/string-width.ts does not implement it)", () => {
    expect(read('node_modules/wrap-ansi/node_modules/string-width/index.js')).toContain('ambiguousIsNarrow');
    expect(inAnyFile('ambiguousIsNarrow')).toEqual([]);
  });

  it('constructs no Intl.Segmenter when printing a résumé of simple text through a pipe', () => {
    // Counts constructions in the real program, from before its first module is evaluated.
    const counter = `const Real = Intl.Segmenter; let made = 0;
      Intl.Segmenter = class extends Real { constructor(...args) { super(...args); made++; } };
      process.on('exit', () => process.stderr.write('\\nSEGMENTERS=' + made + '\\n'));`;
    const run = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(counter)}`, BIN, '--format', 'text', fixturePath('ada')], {
      cwd: REPO_ROOT,
      env: cleanEnv(),
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Ada Whitfield');
    expect(/SEGMENTERS=(\d+)/.exec(run.stderr)?.[1]).toBe('0');
  });
});

describe('yoga-wasm-binary: yoga ships its WebAssembly as a binary file', () => {
  const YOGA = 'node_modules/yoga-layout/dist/binaries/yoga-wasm-base64-esm.js';

  it('writes the same bytes the library carries as base64, beside the chunk that reads them', () => {
    const base64 = /data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)/.exec(read(YOGA))?.[1];
    expect(base64?.length).toBeGreaterThan(10_000);
    const chunk = outputHolding(YOGA);
    const wasm = bundleFiles(DIST, REPO_ROOT).get(`${dirname(chunk)}/yoga.wasm`)!;
    expect(wasm.subarray(0, 4)).toEqual(Buffer.from('\0asm', 'latin1'));
    expect(wasm.equals(Buffer.from(base64!, 'base64'))).toBe(true);
    // import.meta.url is the file's own URL, handed in by the loader as __kimUrl (src/boot/loader.ts).
    expect(meta.patches['yoga-wasm-binary']).toEqual([YOGA]);
    // import.meta.url is the file's own URL, handed in by the loader as __kimUrl (src/boot/loader.ts).
    expect(files.get(chunk)).toContain('"./yoga.wasm.br",__kimUrl');
  });

  it('leaves no long base64 text in any file (but the serve chunk: ssh2 carries its Poly1305 wasm, 13 kB of base64, inline; and linebreak\'s 4 kB class table: linebreak-trie)', () => {
    const inline = ['node_modules/ssh2/lib/protocol/crypto/poly1305.js', 'node_modules/linebreak/src/classes-trie-data.js'];
    const long = [...files].filter(([, text]) => /[A-Za-z0-9+/]{4000,}/.test(text)).map(([file]) => file);
    expect(long.filter((file) => !inline.some((input) => meta.outputs[file]?.inputs.includes(input)))).toEqual([]);
  });
});

describe('cli-cursor 5 (package.json overrides): restore-cursor 5 shares our signal-exit 4', () => {
  it("bundles restore-cursor 5, whose import of signal-exit is the copy src/terminal/local.ts uses: one copy of each major", () => {
    expect(JSON.parse(read('node_modules/restore-cursor/package.json')).version).toMatch(/^5\./);
    const restore = importsOf('signal-exit').filter(([file]) => file.startsWith('node_modules/restore-cursor/'));
    const ours = importsOf('signal-exit').filter(([file]) => file === 'src/terminal/local.ts');
    expect(restore.map(([, to]) => to)).toEqual(ours.map(([, to]) => to));
    // Ink's own signal-exit 3, and the one 4 beside it.
    expect(Object.keys(meta.inputs).filter((file) => /(^|\/)signal-exit\/(index\.js|dist\/mjs\/index\.js)$/.test(file)).sort()).toEqual(['node_modules/ink/node_modules/signal-exit/index.js', ours[0]![1]].sort());
  });
});

describe('no-yargs-assert: yargs gets its two checks without node:assert', () => {
  it("resolves yargs' import of assert to the stand-in, and nothing imports node:assert as a module", () => {
    expect(importsOf('assert').filter(([file]) => file.startsWith('node_modules/yargs/'))).toEqual([['node_modules/yargs/lib/platform-shims/esm.mjs', 'src/stubs/assert.ts']]);
    expect(inAnyFile('from"assert"')).toEqual([]);
    expect(inAnyFile('from"node:assert"')).toEqual([]);
  });
});

/** What the stand-ins keep out: no source file of it is bundled, and a text of it is in no file. */
const LEFT_OUT = [
  {plugin: 'no-cli-highlight', what: 'highlight.js', folders: ['node_modules/cli-highlight/', 'node_modules/highlight.js/'], marker: {file: 'node_modules/highlight.js/lib/core.js', text: 'hljs'}},
  {plugin: 'no-node-emoji', what: "node-emoji's emoji table", folders: ['node_modules/node-emoji/', 'node_modules/emojilib/'], marker: {file: 'node_modules/emojilib/simplemap.json', text: '"grimacing"'}},
  {plugin: 'no-cli-table3', what: 'cli-table3', folders: ['node_modules/cli-table3/'], marker: {file: 'node_modules/cli-table3/src/cell.js', text: 'colSpan'}},
  {plugin: 'no-ink-dev-await', what: "Ink's devtools", folders: ['node_modules/ink/build/devtools', 'node_modules/react-devtools-core/'], marker: {file: 'node_modules/ink/build/devtools.js', text: 'connectToDevTools'}},
  {plugin: 'no-ink-error-overview', what: 'stack-utils', folders: ['node_modules/stack-utils/', 'node_modules/ink/build/components/ErrorOverview.js'], marker: {file: 'node_modules/stack-utils/index.js', text: 'bootstrap_node'}},
  {plugin: 'no-ink-error-overview', what: 'code-excerpt', folders: ['node_modules/code-excerpt/'], marker: {file: 'node_modules/code-excerpt/dist/index.js', text: 'Line number must start from'}},
  {plugin: 'no-yargs-completion', what: "yargs' completion scripts", folders: ['node_modules/yargs/build/lib/completion-templates.js'], marker: {file: 'node_modules/yargs/build/lib/completion-templates.js', text: '###-begin-'}},
];

describe('left out of the bundle', () => {
  it.each(LEFT_OUT)('$plugin: $what', ({folders, marker}) => {
    for (const folder of folders) expect(inputsUnder(folder), `bundled from ${folder}`).toEqual([]);
    if (marker) {
      expect(read(marker.file)).toContain(marker.text);
      expect(inAnyFile(marker.text), `files holding ${JSON.stringify(marker.text)}`).toEqual([]);
    }
  });

  it('bundles each stand-in in their place', () => {
    const stubs = Object.keys(meta.inputs).filter((file) => file.startsWith('src/stubs/'));
    for (const stub of ['cli-highlight.ts', 'node-emoji.ts', 'cli-table3.cjs', 'ink-error-overview.tsx', 'yargs-completion-templates.ts', 'assert.ts']) {
      expect(stubs).toContain(`src/stubs/${stub}`);
    }
  });
});

describe('no emoji regex is built at start-up', () => {
  it('leaves no /\\p{RGI_Emoji}/v literal in dist/ (V8 builds regex literals when a file is parsed: 12–15 ms for this one)', () => {
    for (const [file, text] of files) expect(text, file).not.toMatch(/\/[^/\n]*\\p\{RGI_Emoji\}[^/\n]*\/[a-z]*v[a-z]*/);
  });
});

describe('dist/ runs as classic scripts (src/boot/loader.ts, with a V8 code cache)', () => {
  it('compiles every file but the loader as a CommonJS function body: no import, export or top-level await left', () => {
    const scripts = [...files].filter(([file]) => file !== 'dist/boot.cjs');
    expect(scripts.length).toBeGreaterThan(5);
    for (const [file, text] of scripts) {
      expect(() => new Script(`(function (exports, require, module, __filename, __dirname, __kimUrl) {${text}\n})`, {filename: file}), file).not.toThrow();
      expect(text, file).not.toMatch(/\bimport\.meta\b/);
      // A vm.Script has no module loader: import() would throw "A dynamic import callback was not specified".
      expect(text, file).not.toMatch(/(?<![\w$.])import\(/);
    }
  });

  it('no-ink-dev-await: drops both of Ink reconciler\'s DEV-only awaits', () => {
    const source = read('node_modules/ink/build/reconciler.js');
    expect(source).toContain("await import('./devtools.js')");
    expect(source).toContain('const loaded = await loadPackageJson();');
    // Ink 8 warns with this text when its package.json cannot be read in DEV mode: dropped with the await.
    expect(source).toContain('Failed to load package.json in development mode');
    expect(inAnyFile('Failed to load package.json in development mode')).toEqual([]);
  });

  it('yoga-sync-start: yoga is instantiated synchronously, from the shipped binary', () => {
    expect(read('node_modules/yoga-layout/dist/src/index.js')).toContain('wrapAssembly(await loadYoga())');
    expect(meta.patches['yoga-sync-start']).toEqual(['node_modules/yoga-layout/dist/src/index.js']);
    expect(files.get(outputHolding('node_modules/yoga-layout/dist/src/index.js'))).toContain('yoga-layout did not start synchronously');
  });
});

/**
 * The files `file` loads as soon as it runs, transitively. dist/ is CommonJS run by the loader
 * (src/boot/): a static import is a `require("./…")` at the top; a dynamic `import()` became
 * `Promise.resolve().then(()=>…(require("./…")))`, which loads only when that code runs.
 */
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = files.get(file) ?? '';
  for (const match of text.matchAll(/(?<!=>(?:[\w$]*\()?)require\("(\.{1,2}\/[^"]+)"\)/g)) {
    staticClosure(join(dirname(file), match[1]!), seen);
  }
  return seen;
}

describe('serve is loaded only by `kim-resume serve`', () => {
  it('ssh2 is bundled, in output files that dist/main.js never imports statically', () => {
    const ssh2Files = Object.entries(meta.outputs).filter(([, out]) => out.inputs.some((i) => i.startsWith('node_modules/ssh2/'))).map(([file]) => file);
    expect(ssh2Files.length).toBeGreaterThan(0);
    const loadedAtStart = staticClosure('dist/main.js');
    expect(loadedAtStart.size).toBeGreaterThan(1);
    for (const file of ssh2Files) expect(loadedAtStart.has(file), `${file} (ssh2) is loaded by every start`).toBe(false);
    for (const file of loadedAtStart) expect(meta.outputs[file]?.inputs.filter((i) => i.startsWith('src/serve/')), file).toEqual([]);
  });

  it("no-ssh2-natives: ssh2's native addons are the throwing stand-in, never a .node file", () => {
    expect(new Set(importsOf('cpu-features').map(([, path]) => path))).toEqual(new Set(['src/stubs/absent-native.cjs']));
    expect(new Set(importsOf('./crypto/build/Release/sshcrypto.node').map(([, path]) => path))).toEqual(new Set(['src/stubs/absent-native.cjs']));
    expect(inputsUnder('node_modules/cpu-features/')).toEqual([]);
  });

  it("ssh2-no-chacha: ssh2's Poly1305 (an Emscripten build, wasm inline) is the stand-in, never bundled", () => {
    expect(new Set(importsOf('./crypto/poly1305.js').map(([, path]) => path))).toEqual(new Set(['src/stubs/no-poly1305.cjs']));
    expect(inputsUnder('node_modules/ssh2/lib/protocol/crypto/poly1305.js')).toEqual([]);
  });

  it('no bundled file reads __dirname (only the loader names it, as the parameter it passes)', () => {
    expect(read('node_modules/ssh2/lib/agent.js')).toContain('__dirname');
    expect(inAnyFile('__dirname')).toEqual(['dist/boot.cjs']);
  });
});

describe('ssh2-server-only: the serve chunk holds ssh2 without its client, agent, SFTP or bcrypt-pbkdf', () => {
  it.each(['node_modules/ssh2/lib/client.js', 'node_modules/ssh2/lib/agent.js', 'node_modules/ssh2/lib/protocol/SFTP.js', 'node_modules/bcrypt-pbkdf/', 'node_modules/tweetnacl/'])('%s is not bundled', (path) => {
    expect(inputsUnder(path)).toEqual([]);
  });
  it('bundles the server', () => {
    expect(inputsUnder('node_modules/ssh2/lib/server.js')).toEqual(['node_modules/ssh2/lib/server.js']);
  });
});
