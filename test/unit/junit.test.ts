import { describe, expect, it } from 'vitest';
import type { CheckCase, CheckRun } from '../../shared/check';
import { junitXml } from '../../shared/junit';
import { childrenNamed, parseXml } from '../support/xml';

const nasty = 'Answered 200 to <script>&"quoted" \'single\'\nsecond line\ttab \u0001bell\u0007 – ✓ 🎉';

function aCase(id: string, verdict: CheckCase['verdict'], message: string): CheckCase {
  return { id, title: `Title of ${id}`, verdict, message, warnings: [], evidence: [], durationMs: 1234 };
}

const run: CheckRun = {
  id: 'run-1',
  hookId: 'hook-1',
  hookName: 'CRM <sync> & "billing"',
  url: 'http://127.0.0.1:3000/hook?a=1&b=2',
  startedAt: Date.UTC(2026, 0, 2, 3, 4, 5),
  finishedAt: Date.UTC(2026, 0, 2, 3, 4, 7),
  events: ['User.Created'],
  burst: 50,
  warnings: ['“CRM” is disabled'],
  cases: [
    aCase('genuine:User.Created', 'pass', 'Answered 200 in 3 ms.'),
    aCase('forged:wrong-key', 'fail', nasty),
    aCase('forged:header-missing', 'skip', 'Skipped: no key'),
    aCase('raw-bytes', 'info', 'Refused: re-serialises'),
  ],
  passed: false,
};

describe('JUnit XML of a check run', () => {
  const suites = parseXml(junitXml(run));
  const suite = childrenNamed(suites, 'testsuite')[0]!;
  const cases = childrenNamed(suite, 'testcase');

  it('is one testsuite with one testcase per case and the counts CI systems read', () => {
    expect(suites.name).toBe('testsuites');
    expect(suite.attributes).toMatchObject({ name: 'hookbench check: CRM <sync> & "billing"', tests: '4', failures: '1', skipped: '1' });
    expect(suite.attributes.time).toBe('2.000');
    expect(cases.map((item) => item.attributes.name!.split(' — ')[0])).toEqual([
      'genuine:User.Created',
      'forged:wrong-key',
      'forged:header-missing',
      'raw-bytes',
    ]);
    expect(cases[0]!.attributes.time).toBe('1.234');
  });

  it('gives a failed case a failure with its message, escaped so every character survives but those XML cannot carry', () => {
    const failure = childrenNamed(cases[1]!, 'failure')[0]!;
    const expected = nasty.replace('\u0001', '').replace('\u0007', '');
    expect(failure.attributes.message).toBe(expected);
    expect(failure.text).toBe(expected);
    expect(childrenNamed(cases[0]!, 'failure')).toEqual([]);
  });

  it('marks a skipped case skipped, and an informational one as passing with what it found', () => {
    expect(childrenNamed(cases[2]!, 'skipped')[0]!.attributes.message).toBe('Skipped: no key');
    expect(childrenNamed(cases[3]!, 'failure')).toEqual([]);
    expect(childrenNamed(cases[3]!, 'system-out')[0]!.text).toContain('Refused: re-serialises');
  });

  it('carries the hook, url and warnings as properties', () => {
    const properties = childrenNamed(childrenNamed(suite, 'properties')[0]!, 'property').map((item) => [
      item.attributes.name,
      item.attributes.value,
    ]);
    expect(properties).toContainEqual(['url', run.url]);
    expect(properties).toContainEqual(['warning', '“CRM” is disabled']);
  });
});
