import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

/** The repository root (this file is test/helpers/fixtures.ts). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The real résumé shipped with the program. */
export const RESUME_PATH = join(REPO_ROOT, 'data', 'resume.json');

/**
 * A temporary directory for fixture files, removed by `cleanup()` (call it in afterAll).
 * `write(name, content)` returns the file's absolute path.
 */
export function tempFixtures(prefix = 'kim-resume-test-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    path: (name: string) => join(dir, name),
    write(name: string, content: string | Uint8Array): string {
      const file = join(dir, name);
      writeFileSync(file, content);
      return file;
    },
    cleanup(): void {
      rmSync(dir, {recursive: true, force: true});
    },
  };
}

export type Fixtures = ReturnType<typeof tempFixtures>;
