/** The programs of one vitest test file, started in pseudo-terminals and disposed after each test. */
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, beforeAll} from 'vitest';
import {REPO_ROOT} from './fixtures';
import {startApp, type PtyApp, type PtyOptions} from './pty-app';

/**
 * For a test file: `launch` starts the built program like startApp; the file first checks that
 * dist/ is built, and every program launched is disposed after each test.
 */
export function ptyApps(): (options: PtyOptions) => PtyApp {
  const running: PtyApp[] = [];
  beforeAll(() => {
    if (!existsSync(join(REPO_ROOT, 'dist', 'main.js'))) throw new Error('dist/main.js is missing: run `npm run build` first (npm test does)');
  });
  afterEach(async () => {
    while (running.length > 0) await running.pop()!.dispose();
  });
  return (options) => {
    const app = startApp(options);
    running.push(app);
    return app;
  };
}
