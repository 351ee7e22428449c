import {fileURLToPath} from 'node:url';
import {toDocument} from '../../src/document/build';
import type {ResumeDocument} from '../../src/document/model';
import {loadResumeFile} from '../../src/resume/load';
import type {Resume} from '../../src/resume/types';

export const RESUME_PATH = fileURLToPath(new URL('../../data/resume.json', import.meta.url));

/** The real résumé, loaded and validated as the CLI loads it. */
export function realResume(): Resume {
  const loaded = loadResumeFile(RESUME_PATH);
  if (!loaded.ok) throw new Error(`data/resume.json does not load: ${loaded.error.message}`);
  return loaded.resume;
}

export function realDocument(): ResumeDocument {
  return toDocument(realResume());
}
