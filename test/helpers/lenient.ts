import {readdirSync} from 'node:fs';
import {join} from 'node:path';
import {REPO_ROOT} from './fixtures';

/** The résumés of test/fixtures/lenient: one for each way real files differ from the schema. */
export const LENIENT_DIR = join(REPO_ROOT, 'test', 'fixtures', 'lenient');

/** A lenient fixture's absolute path: `lenientFixture('legacy')`. */
export const lenientFixture = (name: string): string => join(LENIENT_DIR, `${name}.json`);

/** Every lenient fixture's name. */
export const LENIENT_FIXTURES: string[] = readdirSync(LENIENT_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();

const SCHEMA_DIR = join(REPO_ROOT, 'node_modules', '@jsonresume', 'schema');

/** The official schema package's own résumés: its sample and its examples. */
export const OFFICIAL_RESUMES: string[] = [
  join(SCHEMA_DIR, 'sample.resume.json'),
  ...readdirSync(join(SCHEMA_DIR, 'examples'))
    .filter((f) => f.endsWith('.resume.json'))
    .sort()
    .map((f) => join(SCHEMA_DIR, 'examples', f)),
];
