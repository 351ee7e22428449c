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

declare module 'linebreak' {
  /** A break opportunity: a line may start at `position` (UTF-16 offset); `required` after a line feed. */
  export interface Break {
    position: number;
    required: boolean;
  }
  /** The Unicode Line Breaking Algorithm (UAX #14) over one string, one break at a time. */
  export class LineBreaker {
    constructor(text: string);
    nextBreak(): Break | null;
  }
}

declare module 'linebreak/src/classes.js' {
  /** UAX #14 line-break classes, as the library numbers them (the pair table's rows and columns). */
  export const OP: number, CL: number, CP: number, QU: number, GL: number, NS: number, EX: number, SY: number, IS: number, PR: number, PO: number, NU: number, AL: number, HL: number, ID: number, IN: number, HY: number, BA: number, BB: number, B2: number, ZW: number, CM: number, WJ: number;
}

declare module 'linebreak/src/pairs.js' {
  /** A break with or without spaces before the second class. */
  export const DI_BRK: number;
  /** A break only with spaces before the second class. */
  export const IN_BRK: number;
  export const PR_BRK: number;
  /** pairTable[before][after]: UAX #14's pair table, as the library applies it. */
  export const pairTable: readonly (readonly number[])[];
}
