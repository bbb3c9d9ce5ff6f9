import { mkdirSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import * as electron from '../support/electronDouble';
import { useTempDir } from '../support/tempDir';

vi.mock('electron', () => import('../support/electronDouble'));
const { rendererFile, serveRenderer } = await import('../../electron/shell/protocol');

const tempDir = useTempDir();
const root = `${sep}opt${sep}Hookbench${sep}dist${sep}renderer`;

describe('the app:// protocol', () => {
  it('maps its own URLs to files inside the renderer folder', () => {
    expect(rendererFile(root, 'app://hookbench/index.html')).toBe(join(root, 'index.html'));
    expect(rendererFile(root, 'app://hookbench/')).toBe(join(root, 'index.html'));
    expect(rendererFile(root, 'app://hookbench/assets/index-D3.js?v=1#x')).toBe(join(root, 'assets', 'index-D3.js'));
    expect(rendererFile(`${root}${sep}`, 'app://hookbench/a%20b.css')).toBe(join(root, 'a b.css'));
  });

  it('never names a file outside the folder: dot segments the URL parser resolves stay inside it', () => {
    expect(rendererFile(root, 'app://hookbench/../package.json')).toBe(join(root, 'package.json'));
    expect(rendererFile(root, 'app://hookbench/%2e%2e/%2E%2E/package.json')).toBe(join(root, 'package.json'));
  });

  it('refuses escapes the URL parser leaves alone, other hosts, NUL bytes and malformed escapes', () => {
    for (const url of [
      'app://hookbench/..%2F..%2Fetc%2Fpasswd',
      'app://hookbench/assets/..%5C..%5Csecrets.txt',
      'app://hookbench/C:%5CWindows%5Cwin.ini',
      'app://hookbench/index.html%00.js',
      'app://hookbench/%E0%A4%A',
      'app://other/index.html',
      'evil://hookbench/index.html',
      'file:///etc/passwd',
      'not a url',
    ]) {
      expect(rendererFile(root, url), url).toBeNull();
    }
  });

  it('serves a real file and answers 404 for anything it refuses or lacks', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'renderer', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'renderer', 'assets', 'app.css'), 'body{}');
    writeFileSync(join(dir, 'secret.txt'), 'keys');
    serveRenderer(join(dir, 'renderer'));
    const serve = electron.protocol.handlers.get('app')!;
    expect(await (await serve(new Request('app://hookbench/assets/app.css'))).text()).toBe('body{}');
    expect((await serve(new Request('app://hookbench/..%2Fsecret.txt'))).status).toBe(404);
    expect((await serve(new Request('app://hookbench/missing.js'))).status).toBe(404);
  });
});
