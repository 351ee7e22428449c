// Stands in for native addons that are never bundled (ssh2's sshcrypto.node and cpu-features):
// loading it fails as a missing addon would, and ssh2's try/catch takes its pure-JavaScript path.
throw new Error('native addon not bundled');
