// Stands in for bcrypt-pbkdf (and the tweetnacl it carries): ssh2 needs it only to decrypt a
// passphrase-protected OpenSSH key, and serve reads host keys without a passphrase.
exports.pbkdf = () => {
  throw new Error('passphrase-protected keys are not supported: give a host key without a passphrase');
};
