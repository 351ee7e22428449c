// Types of the code scripts/gen-validators.mjs generates (the .js is built, not committed).

/** One Ajv error: where (a JSON Pointer), which rule, and its parameters. */
export interface SchemaViolation {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

export interface StandaloneValidator {
  (data: unknown): boolean;
  errors?: SchemaViolation[] | null;
}

/** The official JSON Resume schema, as published in @jsonresume/schema. */
export const validateOfficial: StandaloneValidator;
/** The project's extension rules (src/resume/extensions.schema.json). */
export const validateExtensions: StandaloneValidator;
