/**
 * The ciphers the SSH server offers, in its order of preference: AES in GCM, then in CTR mode
 * (RFC 5647, RFC 4344), each done by Node's own OpenSSL. This is ssh2's default list without
 * chacha20-poly1305@openssh.com: ssh2 runs that one's Poly1305 in a bundled WebAssembly build
 * (its native addon cannot ship in a bundle), which costs ~10 kB of the package and is slower
 * than AES with the CPU's AES instructions. Every OpenSSH since 6.2 (2013), PuTTY and Windows'
 * OpenSSH speak AES-GCM or AES-CTR, and ssh2 makes the key exchange strict
 * (kex-strict-s-v00@openssh.com), so no cipher left here is open to Terrapin (CVE-2023-48795).
 * The build leaves Poly1305 out (scripts/build/plugins/ssh2-no-chacha.mjs).
 */
export const SSH_CIPHERS = ['aes128-gcm@openssh.com', 'aes256-gcm@openssh.com', 'aes128-ctr', 'aes192-ctr', 'aes256-ctr'] as const;
