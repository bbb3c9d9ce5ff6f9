/** The e2e suite's browser lookup, on every OS, with fake install paths. */
import { describe, expect, it } from 'vitest';
import { type BrowserLookup, browserCandidates, findBrowser } from '../support/browser';

const installedOnly =
  (...paths: string[]) =>
  (path: string) =>
    paths.includes(path);

const linux = (exists: BrowserLookup['exists'], env: BrowserLookup['env'] = {}) => findBrowser({ env, platform: 'linux', exists });
const windowsEnv = {
  LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local',
  PROGRAMFILES: 'C:\\Program Files',
  'PROGRAMFILES(X86)': 'C:\\Program Files (x86)',
};

describe('finding a browser for the e2e tests', () => {
  it('takes CHROMIUM_PATH first, over any installed browser', () => {
    const exists = installedOnly('/usr/bin/chromium', '/home/ada/bin/chrome');
    expect(linux(exists, { CHROMIUM_PATH: '/home/ada/bin/chrome' })).toEqual({ ok: true, path: '/home/ada/bin/chrome' });
  });

  it('says so when CHROMIUM_PATH names nothing, instead of quietly using another browser', () => {
    const found = linux(installedOnly('/usr/bin/chromium'), { CHROMIUM_PATH: '/nope/chrome' });
    expect(found).toEqual({
      ok: false,
      message:
        'CHROMIUM_PATH is set to /nope/chrome, but there is no file there. Point it at a Chrome, Edge or Chromium executable, or unset it.',
    });
  });

  it('on Linux finds Chromium, then chromium-browser, Chrome and Edge, in that order', () => {
    expect(linux(installedOnly('/usr/bin/chromium', '/usr/bin/google-chrome'))).toEqual({ ok: true, path: '/usr/bin/chromium' });
    expect(linux(installedOnly('/usr/bin/chromium-browser', '/usr/bin/google-chrome'))).toEqual({
      ok: true,
      path: '/usr/bin/chromium-browser',
    });
    expect(linux(installedOnly('/usr/bin/google-chrome-stable', '/opt/microsoft/msedge/msedge'))).toEqual({
      ok: true,
      path: '/usr/bin/google-chrome-stable',
    });
    expect(linux(installedOnly('/opt/google/chrome/chrome'))).toEqual({ ok: true, path: '/opt/google/chrome/chrome' });
    expect(linux(installedOnly('/opt/microsoft/msedge/msedge'))).toEqual({ ok: true, path: '/opt/microsoft/msedge/msedge' });
  });

  it('on macOS finds the apps in /Applications, then in ~/Applications', () => {
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    const edge = '/Users/ada/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge';
    const mac = (...paths: string[]) => findBrowser({ env: { HOME: '/Users/ada' }, platform: 'darwin', exists: installedOnly(...paths) });
    expect(mac(chrome, edge)).toEqual({ ok: true, path: chrome });
    expect(mac(edge)).toEqual({ ok: true, path: edge });
  });

  it('on Windows finds Chrome per user before Program Files, and Edge where Windows puts it', () => {
    const windows = (...paths: string[]) => findBrowser({ env: windowsEnv, platform: 'win32', exists: installedOnly(...paths) });
    const userChrome = 'C:\\Users\\ada\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    const chrome = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    expect(windows(chrome, userChrome, edge)).toEqual({ ok: true, path: userChrome });
    expect(windows(chrome, edge)).toEqual({ ok: true, path: chrome });
    expect(windows(edge)).toEqual({ ok: true, path: edge });
  });

  it("falls back to playwright-core's own download last", () => {
    const downloaded = '/root/.cache/ms-playwright/chromium-1200/chrome-linux/chrome';
    expect(browserCandidates({ env: {}, platform: 'linux', exists: () => false, downloaded }).at(-1)).toBe(downloaded);
    expect(findBrowser({ env: {}, platform: 'linux', exists: installedOnly(downloaded), downloaded })).toEqual({
      ok: true,
      path: downloaded,
    });
    expect(findBrowser({ env: {}, platform: 'linux', exists: installedOnly(downloaded, '/usr/bin/chromium'), downloaded })).toEqual({
      ok: true,
      path: '/usr/bin/chromium',
    });
  });

  it.each([
    ['linux', 'sudo apt install chromium'],
    ['darwin', 'brew install --cask chromium'],
    ['win32', 'Windows 10 and 11 come with Edge'],
  ] as const)('on %s, with none installed, says in one line what to install or set', (platform, hint) => {
    const found = findBrowser({ env: windowsEnv, platform, exists: () => false });
    expect(found.ok).toBe(false);
    const { message } = found as { message: string };
    expect(message).toContain(hint);
    expect(message).toContain('set CHROMIUM_PATH');
    expect(message).toContain('npx playwright-core install chromium');
    expect(message).not.toContain('\n');
  });
});
