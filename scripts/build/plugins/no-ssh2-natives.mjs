// @ts-check
// ssh2 tries two native addons and falls back to pure JavaScript when they fail to load
// (https://github.com/mscdex/ssh2#installation: "optional ... for better performance"): its own
// sshcrypto.node (built by its install script) and the optional package cpu-features (which
// picks a cipher order for the CPU). Neither can be bundled (a .node file is machine code built
// for one platform, and the package ships no dependencies), so both resolve to a module that
// throws as a missing addon would: the build never follows them, and ssh2 always takes its
// pure-JavaScript path, the same on every machine.
import {stub} from '../paths.mjs';
import {inPackage, stubImport} from '../stub-import.mjs';

const from = inPackage('ssh2');
export const noSsh2Natives = () => [
  stubImport({name: 'no-ssh2-natives', specifier: 'cpu-features', from, stub: stub('absent-native.cjs')}),
  stubImport({name: 'no-ssh2-natives', specifier: './crypto/build/Release/sshcrypto.node', from, stub: stub('absent-native.cjs')}),
];
