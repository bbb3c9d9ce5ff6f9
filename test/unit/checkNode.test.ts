/** The one line a contributor on an old Node sees before `npm install`, `npm test` or `npm start`. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript on purpose: it must run on Nodes too old for anything else.
import { MINIMUM_NODE, nodeProblem } from '../../scripts/check-node.mjs';

const pkg = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8'));

describe('the Node version check', () => {
  it('refuses an older Node in one line: what is needed, what was found, how to get it', () => {
    const line = nodeProblem('v18.19.0');
    expect(line).toBe(
      'Hookbench needs Node.js 22.19.0 or newer, but this is Node.js 18.19.0. Install Node.js 22 LTS or newer from https://nodejs.org/ (or run: nvm install 22), then run the command again.',
    );
    expect(nodeProblem('22.12.9')).toContain('this is Node.js 22.12.9');
    expect(nodeProblem('22.18.0')).toContain('this is Node.js 22.18.0');
    expect(nodeProblem('20.18.1')).not.toBeNull();
  });

  it('accepts the minimum and anything newer, Node 24 included', () => {
    for (const version of ['22.19.0', '22.19.1', '22.23.3', '23.0.0', '24.21.0', 'v25.1.0'])
      expect(nodeProblem(version), version).toBeNull();
  });

  it('asks for what package.json "engines" says', () => {
    expect(pkg.engines.node).toBe(`>=${MINIMUM_NODE.replace(/\.0$/, '')}`);
  });

  it('runs first in npm install, npm test and npm start', () => {
    for (const script of ['preinstall', 'pretest', 'prestart']) expect(pkg.scripts[script], script).toBe('node scripts/check-node.mjs');
  });

  it('uses no syntax newer than ES2017, so an old Node can parse it and print the line', () => {
    // acorn comes with the installed tools (ESLint, under Electronegativity); it parses a chosen ECMAScript edition.
    const acorn = createRequire(import.meta.url)('acorn') as { parse(code: string, options: object): unknown };
    const source = readFileSync(join(process.cwd(), 'scripts', 'check-node.mjs'), 'utf8');
    expect(() => acorn.parse(source, { ecmaVersion: 2017, sourceType: 'module' })).not.toThrow();
    expect(() => acorn.parse('const a = b ?? c;', { ecmaVersion: 2017, sourceType: 'module' })).toThrow();
  });

  it('passes silently on this Node, as a script', () => {
    expect(execFileSync(process.execPath, ['scripts/check-node.mjs'], { encoding: 'utf8' })).toBe('');
  });
});
