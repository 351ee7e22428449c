// @ts-check
// ssh2's chacha20-poly1305@openssh.com cipher computes Poly1305 in lib/protocol/crypto/poly1305.js,
// an Emscripten build with its WebAssembly inline as base64 (22 kB minified, ~10 kB gzipped:
// base64 barely compresses). kim-resume's server does not offer that cipher (its `algorithms`
// option, ssh2's public API: https://github.com/mscdex/ssh2#server-methods, src/serve/ciphers.ts),
// so the module is never used; src/stubs/no-poly1305.cjs stands in for it, and a call to it throws.
import {stub} from '../paths.mjs';
import {inPackage, stubImport} from '../stub-import.mjs';

export const ssh2NoChacha = () => stubImport({name: 'ssh2-no-chacha', specifier: './crypto/poly1305.js', from: inPackage('ssh2'), stub: stub('no-poly1305.cjs')});
