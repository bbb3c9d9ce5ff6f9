/** The README's Troubleshooting section quotes the messages a user actually sees, so a search finds it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript on purpose: it must run on Nodes too old for anything else.
import { nodeProblem } from '../../scripts/check-node.mjs';
import { findBrowser } from '../support/browser';

const readme = readFileSync(join(process.cwd(), 'README.md'), 'utf8');
const troubleshooting = readme.slice(
  readme.indexOf('## Troubleshooting'),
  readme.indexOf('\n## ', readme.indexOf('## Troubleshooting') + 1),
);

/** The part of a message before the details that vary (versions, paths). */
const fixedStart = (message: string, cut: string) => message.slice(0, message.indexOf(cut));

describe('README troubleshooting', () => {
  it('quotes the old-Node line', () => {
    expect(troubleshooting).toContain(`${fixedStart(nodeProblem('18.0.0'), '18.0.0')}…`);
  });

  it('quotes the no-browser and the wrong CHROMIUM_PATH messages', () => {
    const none = findBrowser({ env: {}, platform: 'linux', exists: () => false });
    const wrong = findBrowser({ env: { CHROMIUM_PATH: '/x' }, platform: 'linux', exists: () => false });
    if (none.ok || wrong.ok) throw new Error('expected no browser');
    expect(troubleshooting).toContain(fixedStart(none.message, ' To fix'));
    expect(troubleshooting).toContain(`${fixedStart(wrong.message, '/x')}…, but there is no file there.`);
  });

  it('names the start-up error the app shows', () => {
    expect(troubleshooting).toContain('Hookbench could not start');
    expect(troubleshooting).toContain('Start over with a fresh log');
  });
});
