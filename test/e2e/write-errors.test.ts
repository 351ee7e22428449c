import {spawnSync} from 'node:child_process';
import {existsSync, openSync, closeSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {BIN, NODE, cleanEnv} from '../helpers/cli';
import {fixturePath} from '../helpers/fixtures';
import {PROGRAM} from '../helpers/program';

// /dev/full accepts the open and fails every write with ENOSPC (Linux); elsewhere these skip.
const hasDevFull = existsSync('/dev/full');

describe.skipIf(!hasDevFull)('output that cannot be written (kim-resume > /dev/full)', () => {
  it.each([[[]], [['--format', 'json']], [['--format', 'markdown']], [['--help']]])('%j: one line naming ENOSPC, exit 4, no stack', (args) => {
    const fd = openSync('/dev/full', 'w');
    try {
      const result = spawnSync(NODE, [BIN, fixturePath('jiwoo'), ...args], {env: cleanEnv(), stdio: ['ignore', fd, 'pipe'], timeout: 20_000});
      const stderr = result.stderr.toString('utf8');
      expect(result.status).toBe(4);
      expect(stderr).toBe(`${PROGRAM}: cannot write the output: ENOSPC (no space left on device)\n`);
    } finally {
      closeSync(fd);
    }
  });
});
