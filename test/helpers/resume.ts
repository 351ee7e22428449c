import {toDocument} from '../../src/document/build';
import type {ResumeDocument} from '../../src/document/model';
import {loadResumeFile} from '../../src/resume/load';
import type {Resume} from '../../src/resume/types';

import {fixturePath, RESUME_PATH, type FixtureName} from './fixtures';

export {RESUME_PATH};

/** A fixture résumé, loaded and validated as the CLI loads it. */
export function fixtureResume(name: FixtureName): Resume {
  const loaded = loadResumeFile(fixturePath(name));
  if (!loaded.ok) throw new Error(`fixture ${name} does not load: ${loaded.error.message}`);
  return loaded.resume;
}

/** A fixture résumé's document, as every view reads it. */
export function fixtureDocument(name: FixtureName): ResumeDocument {
  return toDocument(fixtureResume(name));
}
