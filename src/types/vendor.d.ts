// Type declarations for dependencies that ship none.

declare module '@jsonresume/schema' {
  import type {ValidationError, Schema} from 'jsonschema'; // @jsonresume/schema's own validator library
  /** The official JSON Resume validator: calls back with the schema errors, or null. */
  export function validate(resume: unknown, callback: (errors: ValidationError[] | null, valid: boolean) => void): void;
  export const schema: Schema;
  const pkg: {validate: typeof validate; schema: Schema};
  export default pkg;
}

declare module 'marked-terminal' {
  import type {MarkedExtension} from 'marked';
  export function markedTerminal(options?: Record<string, unknown>, highlightOptions?: Record<string, unknown>): MarkedExtension;
  export default class Renderer {
    constructor(options?: Record<string, unknown>, highlightOptions?: Record<string, unknown>);
  }
}

declare module 'supports-hyperlinks' {
  /** Whether a stream's terminal shows OSC 8 hyperlinks (FORCE_HYPERLINK overrides). */
  export function supportsHyperlink(stream: {isTTY?: boolean}): boolean;
}
