#!/usr/bin/env node
// CommonJS (bin/package.json): Node then never starts its ES module loader.
require('../dist/boot.cjs');
