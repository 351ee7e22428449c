#!/usr/bin/env node
// CommonJS (bin/package.json): Node then never starts its ES module loader. In the oldest
// JavaScript (var, no arrows, no template strings), so that any Node parses it and one too old
// for the bundle is told so in one line, exit 1, instead of failing inside it. The version is
// the lowest package.json's "engines" allows (test/e2e/old-node.test.ts holds them together).
// Its messages name the program as package.json does (the key of "bin"), read only when one is
// printed; without a package.json beside it (a copy of bin/ alone), this file's name.
function programName() {
  try {
    var pkg = require('../package.json');
    var bin = pkg.bin && typeof pkg.bin === 'object' ? Object.keys(pkg.bin)[0] : undefined;
    var name = bin || String(pkg.name || '').replace(/^@[^/]+\//, '');
    if (name) return name;
  } catch (error) {
    // No package.json: the file's own name below.
  }
  return require('path').basename(__filename, '.js');
}
var version = process.versions.node.split('.');
var major = Number(version[0]);
var minor = Number(version[1]);
if (major < 20 || (major === 20 && minor < 19)) {
  process.stderr.write(programName() + ': needs Node.js 20.19 or newer; this is Node.js ' + process.versions.node + '\n');
  process.exitCode = 1;
} else {
  var boot;
  try {
    boot = require.resolve('../dist/boot.cjs');
  } catch (error) {
    // A clone that was never built: the bundle is made by `npm run build` (`npm start` builds
    // and runs), and the package that npm installs always has it.
    process.stderr.write(programName() + ': not built yet: run `npm run build` first (or `npm start`, which builds and runs)\n');
    process.exitCode = 1;
  }
  if (boot) require(boot);
}
