import {validate} from '@jsonresume/schema';

/** The official JSON Resume validator's complaints about `value`, as readable lines ([] when valid). */
export function officialSchemaErrors(value: unknown): string[] {
  let errors: string[] = ['the validator never called back'];
  validate(value, (found) => {
    errors = (found ?? []).map((e) => `${e.property}: ${e.message}`);
  });
  return errors;
}
