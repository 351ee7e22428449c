import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

/** The repository root (this file is test/helpers/fixtures.ts). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The résumé shipped with the program. Only test/unit/data.test.ts holds its content to the
 * source; every other test reads fixtures made for it (a fork that edits data/ breaks nothing else).
 */
export const RESUME_PATH = join(REPO_ROOT, 'data', 'resume.json');

/** Fixture résumés made for the behaviour tests (test/fixtures). */
export type FixtureName = 'jiwoo' | 'ada' | 'ascii' | 'minimal' | 'widths' | 'widths-emoji' | 'widths-zwj' | 'sections-11' | 'lang/ar' | 'lang/he' | 'lang/ja';

/** A fixture résumé's absolute path: `fixturePath('jiwoo')`. */
export function fixturePath(name: FixtureName): string {
  return join(REPO_ROOT, 'test', 'fixtures', `${name}.json`);
}

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
