/**
 * Which Chromium-family browser the e2e suite drives: the one the user named in CHROMIUM_PATH, else
 * an installed Chromium, Google Chrome or Microsoft Edge where each installs itself on this OS
 * (the places playwright-core's `chromium`, `chrome` and `msedge` channels look, plus the usual
 * package paths), else one playwright-core downloaded. Pure: the environment, the platform and the
 * file check are passed in, so every OS is tested here.
 */
import { existsSync } from 'node:fs';
import { posix, win32 } from 'node:path';
import { chromium } from 'playwright-core';

export type BrowserLookup = {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  exists: (path: string) => boolean;
  /** Where playwright-core keeps the Chromium it downloads, if it has a place on this OS. */
  downloaded?: string;
};

export type BrowserFound = { ok: true; path: string } | { ok: false; message: string };

/** Every place to look, in order. */
export function browserCandidates({ env, platform, downloaded }: BrowserLookup): string[] {
  const installed = installedPaths(env, platform);
  return downloaded ? [...installed, downloaded] : installed;
}

export function findBrowser(lookup: BrowserLookup): BrowserFound {
  const named = lookup.env.CHROMIUM_PATH;
  if (named) {
    return lookup.exists(named)
      ? { ok: true, path: named }
      : {
          ok: false,
          message: `CHROMIUM_PATH is set to ${named}, but there is no file there. Point it at a Chrome, Edge or Chromium executable, or unset it.`,
        };
  }
  const path = browserCandidates(lookup).find((candidate) => lookup.exists(candidate));
  return path ? { ok: true, path } : { ok: false, message: notFoundMessage(lookup.platform) };
}

function installedPaths(env: BrowserLookup['env'], platform: NodeJS.Platform): string[] {
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']].filter((root): root is string => Boolean(root));
    const suffixes = [
      ['Chromium', 'Application', 'chrome.exe'],
      ['Google', 'Chrome', 'Application', 'chrome.exe'],
      ['Microsoft', 'Edge', 'Application', 'msedge.exe'],
    ];
    return suffixes.flatMap((suffix) => roots.map((root) => win32.join(root, ...suffix)));
  }
  if (platform === 'darwin') {
    const apps = [
      'Chromium.app/Contents/MacOS/Chromium',
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
    const folders = ['/Applications', ...(env.HOME ? [posix.join(env.HOME, 'Applications')] : [])];
    return apps.flatMap((app) => folders.map((folder) => posix.join(folder, app)));
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
    '/opt/google/chrome/chrome',
    '/usr/bin/microsoft-edge-stable',
    '/usr/bin/microsoft-edge',
    '/opt/microsoft/msedge/msedge',
  ];
}

const INSTALL_HINT: Partial<Record<NodeJS.Platform, string>> = {
  linux: 'install Chromium (Debian/Ubuntu: sudo apt install chromium; Fedora: sudo dnf install chromium), Google Chrome or Microsoft Edge',
  darwin: 'install Google Chrome, Microsoft Edge or Chromium (brew install --cask chromium) into /Applications',
  win32: 'install Google Chrome or Microsoft Edge (Windows 10 and 11 come with Edge)',
};

function notFoundMessage(platform: NodeJS.Platform): string {
  const install = INSTALL_HINT[platform] ?? INSTALL_HINT.linux;
  return (
    `The e2e tests need a Chromium-family browser and found none. To fix: ${install}; ` +
    'or set CHROMIUM_PATH to the browser executable; or run "npx playwright-core install chromium" to download one.'
  );
}

/** Playwright's own download, when it has one for this OS (it throws where it has none). */
function playwrightDownload(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

/** The browser on this machine, or an error saying exactly what to install or set. */
export function requireBrowser(): string {
  const found = findBrowser({ env: process.env, platform: process.platform, exists: existsSync, downloaded: playwrightDownload() });
  if (!found.ok) throw new Error(found.message);
  return found.path;
}

/** The e2e project's vitest globalSetup: no browser, no run, and one message saying why. */
export function setup(): void {
  requireBrowser();
}
