#!/usr/bin/env node
// CommonJS (bin/package.json): Node then never starts its ES module loader. In the oldest
// JavaScript (var, no arrows, no template strings), so that any Node parses it and one too old
// for the bundle is told so in one line, exit 1, instead of failing inside it. The version is
// the lowest package.json's "engines" allows (test/e2e/old-node.test.ts holds them together).
var version = process.versions.node.split('.');
var major = Number(version[0]);
var minor = Number(version[1]);
if (major < 20 || (major === 20 && minor < 19)) {
  process.stderr.write('kim-resume: needs Node.js 20.19 or newer; this is Node.js ' + process.versions.node + '\n');
  process.exitCode = 1;
} else {
  require('../dist/boot.cjs');
}
