import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = process.cwd();
const NODE_MODULES = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
const isNode = (spec: string) => NODE_MODULES.has(spec) || spec.startsWith('node:');
const isElectron = (spec: string) => spec === 'electron' || spec === 'electron-store';

function sources(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.tsx?$/.test(name) && !name.endsWith('.d.ts'))
    .map((name) => join(folder, name));
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [
    ...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g),
  ].map((match) => match[1] ?? match[2] ?? match[3]!);
}

/** Where a relative import lands, as a path from the repository root. */
function target(file: string, spec: string): string {
  return spec.startsWith('.') ? join(file, '..', spec) : spec;
}

function violations(folder: string, forbidden: (landsAt: string, spec: string) => boolean): string[] {
  return sources(folder).flatMap((file) =>
    importsOf(file)
      .filter((spec) => forbidden(target(file, spec), spec))
      .map((spec) => `${file} imports ${spec}`),
  );
}

/** The core's door: `electron/core` (its index.ts); anything deeper is walking around it. */
const throughTheDoor = (landsAt: string) =>
  !landsAt.startsWith('electron/core') || landsAt === 'electron/core' || landsAt === 'electron/core/index';

describe('architecture: the folders are the rules', () => {
  it('the renderer imports shared/ and browser libraries only: never electron, never Node, never the core', () => {
    expect(violations('renderer', (at, spec) => isElectron(spec) || isNode(spec) || at.startsWith('electron/'))).toEqual([]);
  });

  it('shared/ imports neither side', () => {
    expect(
      violations('shared', (at, spec) => isElectron(spec) || isNode(spec) || at.startsWith('electron/') || at.startsWith('renderer/')),
    ).toEqual([]);
  });

  it('only electron/shell imports electron or electron-store', () => {
    const outside = ['electron/core', 'electron/cli', 'shared', 'renderer', 'bench'].flatMap((folder) =>
      violations(folder, (_at, spec) => isElectron(spec)),
    );
    expect(outside).toEqual([]);
    expect(violations('electron/shell', (_at, spec) => isElectron(spec)).length).toBeGreaterThan(0);
  });

  it('the core never reaches out to the shell, the command line or the renderer', () => {
    expect(violations('electron/core', (at) => /^(electron\/(shell|cli)|renderer)\//.test(at))).toEqual([]);
  });

  it('the shell, the command line, e2e tests and the e2e harness enter the core only through its index', () => {
    const walkers = ['electron/shell', 'electron/cli', 'test/e2e', 'test/support/app.ts', 'test/support/bridge.ts'].flatMap((place) =>
      place.endsWith('.ts')
        ? violations('test/support', (at) => !throughTheDoor(at)).filter((line) => line.startsWith(place))
        : violations(place, (at) => !throughTheDoor(at)),
    );
    expect(walkers).toEqual([]);
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

describe('architecture: each folder has only its own runtime types', () => {
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');

  /** Writes a probe file into a folder, typechecks that folder's project, and answers tsc's output. */
  function typecheckWith(folder: string, probe: string): string {
    const file = join(root, folder, `architecture-probe-${process.pid}.ts`);
    writeFileSync(file, probe);
    try {
      execFileSync(process.execPath, [tsc, '--noEmit', '-p', join(root, folder)], { encoding: 'utf8', stdio: 'pipe' });
      return '';
    } catch (error) {
      return String((error as { stdout?: string }).stdout);
    } finally {
      rmSync(file, { force: true });
    }
  }

  it('a renderer file that uses Buffer (Node) fails typecheck', () => {
    expect(typecheckWith('renderer', 'export const bytes = Buffer.from("x");\n')).toMatch(/Cannot find name 'Buffer'/);
  });

  it('a core file that uses document (DOM) fails typecheck', () => {
    expect(typecheckWith('electron/core', 'export const title = document.title;\n')).toMatch(/Cannot find name 'document'/);
  });

  it('a shared file that uses either fails typecheck', () => {
    const output = typecheckWith('shared', 'export const both = [typeof Buffer, document.title];\n');
    expect(output).toMatch(/Cannot find name 'Buffer'/);
    expect(output).toMatch(/Cannot find name 'document'/);
  });

  it('the same files typecheck cleanly without the probe', () => {
    expect(typecheckWith('renderer', 'export const fine = new URL("http://localhost").host;\n')).toBe('');
  });
});
