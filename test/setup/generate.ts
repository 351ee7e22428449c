import {execFileSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';

/** Compiles the schema validators (src/resume/validators.generated.js) before any test imports the loader. */
export default function setup(): void {
  execFileSync(process.execPath, [fileURLToPath(new URL('../../scripts/gen-validators.mjs', import.meta.url))], {stdio: 'inherit'});
}
