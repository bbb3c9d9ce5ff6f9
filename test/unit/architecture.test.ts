import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = process.cwd();
const ELECTRON_SHELL = ['electron/main.ts', 'electron/preload.ts', 'electron/ipc.ts', 'electron/window.ts', 'electron/menu.ts'];
const NODE_MODULES = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

function sources(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.tsx?$/.test(name))
    .map((name) => join(folder, name));
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g)].map(
    (match) => match[1] ?? match[2] ?? match[3]!,
  );
}

function violations(files: string[], forbidden: (specifier: string) => boolean) {
  return files.flatMap((file) => importsOf(file).filter(forbidden).map((specifier) => `${relative(root, join(root, file))} imports ${specifier}`));
}

describe('architecture', () => {
  it('the renderer imports shared/ and browser libraries only: never electron, never Node', () => {
    const bad = violations(sources('renderer'), (spec) => spec === 'electron' || NODE_MODULES.has(spec) || /(^|\/)electron\//.test(spec));
    expect(bad).toEqual([]);
  });

  it('shared/ imports neither side', () => {
    const bad = violations(sources('shared'), (spec) => spec === 'electron' || NODE_MODULES.has(spec) || /\.\.\/(electron|renderer)\//.test(spec));
    expect(bad).toEqual([]);
  });

  it('the core never imports electron (only the shell files do)', () => {
    const core = sources('electron').filter((file) => !ELECTRON_SHELL.includes(file));
    expect(core.length).toBeGreaterThan(5);
    expect(violations(core, (spec) => spec === 'electron' || spec === 'electron-store' || /\/(main|preload|ipc|window|menu)$/.test(spec))).toEqual([]);
  });

  it('the page has a strict Content-Security-Policy', () => {
    const html = readFileSync(join(root, 'renderer/index.html'), 'utf8');
    const policy = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*/);
  });
});
