// @ts-check
// kim-resume serve uses ssh2's server alone. ssh2's index also loads its client, its agent
// support, its HTTP agents and its SFTP implementation (about half its code; serve refuses
// sftp, so server.js never constructs an SFTP instance); and bcrypt-pbkdf with tweetnacl, which
// only decrypt passphrase-protected keys. These resolve to stand-ins, keeping the serve chunk
// within the package's size budget (https://github.com/mscdex/ssh2/blob/master/lib/index.js).
import {stub} from '../paths.mjs';
import {inPackage, stubImport} from '../stub-import.mjs';

const from = inPackage('ssh2');
const name = 'ssh2-server-only';
export const ssh2ServerOnly = () => [
  ...['./client.js', './agent.js', './http-agents.js', './protocol/SFTP.js'].map((specifier) => stubImport({name, specifier, from, stub: stub('empty.ts')})),
  stubImport({name, specifier: 'bcrypt-pbkdf', from, stub: stub('bcrypt-pbkdf.cjs')}),
];
