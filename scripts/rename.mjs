// @ts-check
// `npm run rename -- NAME`: a fork's package renamed in one command. Sets package.json's `name` and
// its `bin` command (the file stays bin/kim-resume.js: nobody sees it), and package-lock.json's
// name to match; then lists what only its owner can fill in. Every message, folder and
// environment variable of the program follows the new name at the next build
// (scripts/build/program.mjs). docs/make-it-yours.md walks through the rest.
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {pathToFileURL} from 'node:url';
import {fromRoot} from './build/paths.mjs';
import {commandName, envPrefix} from './build/program.mjs';

/** npm's rule for a new package name: lower case, URL-safe, at most 214 characters, maybe scoped. */
const NPM_NAME = /^(?:@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;

/**
 * package.json renamed: `name`, and `bin` as one command named after it (unscoped) on the same file.
 * @param {Record<string, unknown>} pkg
 * @param {string} name
 */
export function renamed(pkg, name) {
  if (!NPM_NAME.test(name) || name.length > 214) throw new Error(`not a package name npm takes: ${JSON.stringify(name)} (lower case letters, digits, - . _ ~, maybe @scope/)`);
  const bin = pkg.bin && typeof pkg.bin === 'object' ? Object.values(pkg.bin)[0] : pkg.bin;
  if (typeof bin !== 'string') throw new Error('package.json has no bin file to name');
  return {...pkg, name, bin: {[name.replace(/^@[^/]+\//, '')]: bin}};
}

/** The fields a person fills in by hand: they say who they are and where the code lives. */
const OWN_FIELDS = ['description', 'author', 'repository', 'homepage', 'bugs'];

const write = (/** @type {string} */ file, /** @type {unknown} */ value) => writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);

// Run as a script (not imported by a test).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const name = process.argv[2];
  if (!name) {
    process.stderr.write('usage: npm run rename -- NAME (the package name, also the command: ada-cv)\n');
    process.exit(2);
  }
  const file = fromRoot('package.json');
  let pkg;
  try {
    pkg = renamed(JSON.parse(readFileSync(file, 'utf8')), name);
  } catch (error) {
    process.stderr.write(`rename: ${/** @type {Error} */ (error).message}\n`);
    process.exit(2);
  }
  write(file, pkg);
  const lock = fromRoot('package-lock.json');
  if (existsSync(lock)) {
    const data = JSON.parse(readFileSync(lock, 'utf8'));
    data.name = name;
    if (data.packages?.['']) data.packages[''].name = name;
    write(lock, data);
  }
  const command = commandName(pkg);
  process.stdout.write(
    `package.json: name ${name}, command ${command}, variables ${envPrefix(command)}THEME and the like.\n` +
      `Now fill in by hand in package.json: ${OWN_FIELDS.join(', ')}.\n` +
      'Then: npm test (rewrite or delete test/unit/data.test.ts), npm pack, npm publish (docs/make-it-yours.md).\n',
  );
}
