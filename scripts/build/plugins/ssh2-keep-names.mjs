// @ts-check
// ssh2 tells a server session (before its channel is accepted) from a channel by its class name:
// `channel.server && channel.constructor.name === 'Session'` (lib/utils.js, onCHANNEL_CLOSE,
// https://github.com/mscdex/ssh2/blob/master/lib/utils.js). Minifying renames the class, the
// check fails, and the cleanup of a refused subsystem, X11 or agent request throws part-way
// ("Cannot set properties of undefined (setting 'state')"), leaving the connection's state behind.
// The class keeps its name here, as esbuild's `keepNames` would keep it, for this one class
// (keepNames for the whole bundle costs 51 kB, 15 kB gzipped, measured on this build). It is the
// only place in the bundled libraries where behaviour depends on a name minifying changes.
import {replaceOnce} from '../guard.mjs';
import {patchSource} from '../patch-source.mjs';

const CLASS = 'class Session extends EventEmitter {\n';

/** @returns {import('esbuild').Plugin} */
export const ssh2KeepNames = () =>
  patchSource({
    name: 'ssh2-keep-names',
    file: /[\\/]node_modules[\\/]ssh2[\\/]lib[\\/]server\.js$/,
    label: 'ssh2/lib/server.js',
    patch: (source, where) => replaceOnce(source, CLASS, `${CLASS}  static name = 'Session';\n`, where),
  });
