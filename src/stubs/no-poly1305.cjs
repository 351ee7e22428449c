// Stands in for ssh2's lib/protocol/crypto/poly1305.js, an Emscripten build of Poly1305 with its
// wasm inline (~10 kB of the package, gzipped), used only by the chacha20-poly1305@openssh.com
// cipher. kim-resume's server never offers that cipher (src/serve/ciphers.ts), so nothing calls
// it; ssh2 awaits this module before it accepts a connection, so it resolves, and a call throws.
const absent = () => {
  throw new Error('chacha20-poly1305@openssh.com is not offered by this server');
};
module.exports = () => Promise.resolve({_malloc: () => 0, cwrap: () => absent});
