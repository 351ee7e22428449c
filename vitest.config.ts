import {defineConfig} from 'vitest/config';
import {programDefine} from './scripts/build/program.mjs';

export default defineConfig({
  // The program's name from package.json, as the build defines it (src/program.ts).
  define: programDefine(),
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    // End-to-end tests start real processes in pseudo-terminals: give them room on 2 cores.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The loader imports validators compiled from the JSON Resume schema: make sure they exist.
    globalSetup: ['test/setup/generate.ts'],
  },
});
