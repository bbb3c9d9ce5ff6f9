/** What a user sees when Hookbench cannot open its data: a message, the folder, and ways out. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { confHookFile, openCore } from '../../electron/core';
import { INVOKE_CHANNEL } from '../../shared/channels';
import * as electron from '../support/electronDouble';
import { useTempDir } from '../support/tempDir';

vi.mock('electron', () => import('../support/electronDouble'));

// The app starts on a "data folder" that is a plain file: nothing can be opened in it, even as root.
const notAFolder = join(mkdtempSync(join(tmpdir(), 'hookbench-start-')), 'userData');
writeFileSync(notAFolder, 'not a folder');
vi.spyOn(electron.app, 'getPath').mockReturnValue(notAFolder);
electron.dialog.answers.push(1, 2); // Open data folder, then Quit.
await import('../../electron/shell/main');
const { openCoreOrExplain } = await import('../../electron/shell/startFailure');

describe('when the core cannot open at start', async () => {
  await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalled());
  const [first, second] = electron.dialog.shown.splice(0);
  const opened = electron.shell.openPath.mock.calls.map(([path]) => path);

  it('says what failed and where the data files are, instead of showing nothing', () => {
    expect(first).toMatchObject({ type: 'error', message: 'Hookbench could not start' });
    expect(first!.detail).toContain('Hookbench could not open its data: ');
    expect(first!.detail).toContain(`Your data is in ${notAFolder}`);
    expect(first!.detail).toContain(join(notAFolder, 'hooks.json'));
    expect(first!.detail).toContain(join(notAFolder, 'requests.sqlite'));
    expect(first!.buttons).toEqual(['Start over with a fresh log', 'Open data folder', 'Quit']);
    expect(first!.cancelId).toBe(2);
  });

  it('opens the data folder when asked, then asks again', () => {
    expect(opened).toEqual([notAFolder]);
    expect(second!.detail).toBe(first!.detail);
  });

  it('quits without a window or an IPC handler when the user quits', () => {
    expect(electron.BrowserWindow.instances).toHaveLength(0);
    expect(electron.ipcMain.handlers.has(INVOKE_CHANNEL)).toBe(false);
    expect(readFileSync(notAFolder, 'utf8')).toBe('not a folder');
  });
});

describe('starting over on a fresh log', () => {
  const tempDir = useTempDir();
  let dataDir: string;
  beforeEach(() => {
    dataDir = tempDir();
    electron.dialog.shown.length = 0;
    electron.dialog.answers.length = 0;
  });
  /** Fails `failures` times as a core refusing its log would, then opens a real core. */
  const openFailing = (failures: number) => {
    let calls = 0;
    const open = vi.fn(() => {
      if (calls++ < failures) throw new Error('database disk image is malformed');
      return openCore({ dataDir, hookFile: confHookFile(dataDir) });
    });
    return open;
  };

  it('sets the old log and its WAL aside under a dated name, keeps their bytes, opens a fresh one and says where the old one is', async () => {
    writeFileSync(join(dataDir, 'requests.sqlite'), 'old log bytes');
    writeFileSync(join(dataDir, 'requests.sqlite-wal'), 'old wal bytes');
    writeFileSync(join(dataDir, 'hooks.json'), JSON.stringify({ schemaVersion: 1, hooks: [] }));
    electron.dialog.answers.push(0);
    const open = openFailing(1);

    const core = await openCoreOrExplain(open, dataDir);
    expect(core).not.toBeNull();
    expect(open).toHaveBeenCalledTimes(2);
    const keptLog = readdirSync(dataDir).find((name) => /^requests\.set-aside-\d{4}-\d\d-\d\dT[\d-]+Z\.sqlite$/.test(name));
    expect(keptLog).toBeDefined();
    expect(readFileSync(join(dataDir, keptLog!), 'utf8')).toBe('old log bytes');
    expect(readFileSync(join(dataDir, `${keptLog}-wal`), 'utf8')).toBe('old wal bytes');
    expect(existsSync(join(dataDir, 'hooks.json'))).toBe(true);
    expect(electron.dialog.shown.at(-1)).toMatchObject({ type: 'info', message: 'Started a fresh request log' });
    expect(electron.dialog.shown.at(-1)!.detail).toContain(join(dataDir, keptLog!));
    expect((await core!.call('hooks.list', undefined)).ok).toBe(true);
    await core!.close();
  });

  it('says so when there is no log to set aside, and quits when told', async () => {
    electron.dialog.answers.push(0, 2);
    const open = openFailing(Number.POSITIVE_INFINITY);
    expect(await openCoreOrExplain(open, dataDir)).toBeNull();
    expect(open).toHaveBeenCalledTimes(1);
    expect(electron.dialog.shown[1]!.detail).toContain('There is no request log to set aside');
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('touches nothing when the user quits at once', async () => {
    writeFileSync(join(dataDir, 'requests.sqlite'), 'old log bytes');
    electron.dialog.answers.push(2);
    expect(await openCoreOrExplain(openFailing(1), dataDir)).toBeNull();
    expect(readdirSync(dataDir)).toEqual(['requests.sqlite']);
  });

  it('shows the failure to open the folder beside the original problem', async () => {
    electron.shell.openPath.mockResolvedValueOnce('No application is registered to open folders');
    electron.dialog.answers.push(1, 2);
    await openCoreOrExplain(openFailing(1), dataDir);
    expect(electron.dialog.shown[1]!.detail).toContain('database disk image is malformed');
    expect(electron.dialog.shown[1]!.detail).toContain('The data folder could not be opened: No application is registered to open folders');
  });
});
