/**
 * What only POSIX has, taken on Windows (issue: "Windows cannot be tried here"): the folders for
 * the code cache and the SSH host key, the host key's mode bits, job control (SIGTSTP/SIGCONT).
 * Each runs here with `platform: 'win32'` (or process.platform set to it before the module loads),
 * and the same call with 'linux' beside it, so each test shows the branch it takes.
 */
import {afterEach, describe, expect, it, vi} from 'vitest';
import {cacheFolders} from '../../src/boot/cache-key';
import {userFolder} from '../../src/platform/folders';
import {defaultHostKeyFile, openModeWarning} from '../../src/serve/hostkey';
import {PROGRAM} from '../helpers/program';

const LOCAL = 'C:\\Users\\Ada\\AppData\\Local';
const win = (env: NodeJS.ProcessEnv, home = () => 'C:\\Users\\Ada') => ({platform: 'win32' as const, env, home});

describe('the folders a user’s files go in', () => {
  it('on Windows: %LOCALAPPDATA%\\<name>\\Cache and \\State, with backslashes', () => {
    expect(userFolder('cache', 'kim-resume', win({LOCALAPPDATA: LOCAL}))).toBe(`${LOCAL}\\kim-resume\\Cache`);
    expect(userFolder('state', 'kim-resume', win({LOCALAPPDATA: LOCAL}))).toBe(`${LOCAL}\\kim-resume\\State`);
  });

  it('on Windows without LOCALAPPDATA: the home folder’s AppData\\Local; with no home either, none', () => {
    expect(userFolder('cache', 'kim-resume', win({}))).toBe('C:\\Users\\Ada\\AppData\\Local\\kim-resume\\Cache');
    expect(userFolder('cache', 'kim-resume', win({}, () => ''))).toBeUndefined();
    expect(
      userFolder(
        'state',
        'kim-resume',
        win({}, () => {
          throw new Error('no home');
        }),
      ),
    ).toBeUndefined();
    // A relative LOCALAPPDATA is no folder to trust.
    expect(userFolder('cache', 'kim-resume', win({LOCALAPPDATA: 'AppData'}))).toBe('C:\\Users\\Ada\\AppData\\Local\\kim-resume\\Cache');
  });

  it('on Windows, an absolute XDG variable still wins (MSYS2 and Cygwin shells set them)', () => {
    expect(userFolder('cache', 'kim-resume', win({LOCALAPPDATA: LOCAL, XDG_CACHE_HOME: 'D:\\cache'}))).toBe('D:\\cache\\kim-resume');
  });

  it('on Linux: the XDG folders, as before', () => {
    const linux = (env: NodeJS.ProcessEnv) => ({platform: 'linux' as const, env, home: () => '/home/ada'});
    expect(userFolder('cache', 'kim-resume', linux({LOCALAPPDATA: LOCAL}))).toBe('/home/ada/.cache/kim-resume');
    expect(userFolder('state', 'kim-resume', linux({}))).toBe('/home/ada/.local/state/kim-resume');
    expect(userFolder('state', 'kim-resume', linux({XDG_STATE_HOME: 'relative'}))).toBe('/home/ada/.local/state/kim-resume');
  });

  it('the code cache and the host key take them', () => {
    const facts = {...win({LOCALAPPDATA: LOCAL}), nodeVersion: 'v22.23.5', arch: 'x64', execArgv: [], version: '1.0.0', build: 'abc'};
    expect(cacheFolders(facts)!.runtime.startsWith(`${LOCAL}\\${PROGRAM}\\Cache\\nodev22.23.5-x64-`)).toBe(true);
    expect(cacheFolders(facts)!.build).toMatch(/\\1\.0\.0-abc$/);
    expect(defaultHostKeyFile({LOCALAPPDATA: LOCAL}, 'win32')).toBe(`${LOCAL}\\${PROGRAM}\\State\\ssh_host_ed25519_key`);
  });
});

describe('the host key’s mode on Windows', () => {
  it('is never warned about: Node reports 0666 for every file there, and the folder’s access list decides', () => {
    expect(openModeWarning('k', 0o100666, 'win32')).toBeUndefined();
    expect(openModeWarning('k', 0o100666, 'linux')).toMatch(/can be read by others \(mode 0666\)/);
  });
});

describe('job control on Windows', () => {
  const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
  afterEach(() => {
    Object.defineProperty(process, 'platform', platform);
    vi.resetModules();
  });

  it('is not offered: the local session has no SIGTSTP/SIGCONT handling, and Ctrl-Z suspends nothing', async () => {
    Object.defineProperty(process, 'platform', {...platform, value: 'win32'});
    vi.resetModules();
    const onWindows = await import('../../src/terminal/local');
    expect(onWindows.CAN_SUSPEND).toBe(false);
    expect(onWindows.localSession().jobControl).toBeUndefined();
    Object.defineProperty(process, 'platform', platform);
    vi.resetModules();
    const here = await import('../../src/terminal/local');
    expect(here.localSession().jobControl).toBeTypeOf(process.platform === 'win32' ? 'undefined' : 'function');
  });
});
