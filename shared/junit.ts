/**
 * A check run as JUnit XML, the form CI systems read: one testsuite, one testcase per case, a
 * `failure` with its message for a failed case, `skipped` for a skipped one. Informational cases
 * pass and say what they found in `system-out`.
 */
import type { CheckCase, CheckRun } from './check';

export function junitXml(run: CheckRun): string {
  const count = (verdict: CheckCase['verdict']) => run.cases.filter((item) => item.verdict === verdict).length;
  const seconds = ((run.finishedAt - run.startedAt) / 1000).toFixed(3);
  const suite = attributes({
    name: `hookbench check: ${run.hookName}`,
    tests: run.cases.length,
    failures: count('fail'),
    errors: 0,
    skipped: count('skip'),
    time: seconds,
    timestamp: new Date(run.startedAt).toISOString().slice(0, 19),
  });
  const properties = [
    ['hookId', run.hookId],
    ['url', run.url],
    ['runId', run.id],
    ['events', run.events.join(' ')],
    ...run.warnings.map((warning) => ['warning', warning]),
  ]
    .map(([name, value]) => `      <property${attributes({ name: name!, value: value! })}/>`)
    .join('\n');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({ name: 'hookbench check', tests: run.cases.length, failures: count('fail'), time: seconds })}>`,
    `  <testsuite${suite}>`,
    '    <properties>',
    properties,
    '    </properties>',
    ...run.cases.map(testcase),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function testcase(item: CheckCase): string {
  const head = `    <testcase${attributes({ classname: 'hookbench.check', name: `${item.id} — ${item.title}`, time: (item.durationMs / 1000).toFixed(3) })}`;
  const output = [item.message, ...item.warnings.map((warning) => `warning: ${warning}`), ...item.evidence.slice(0, 10).map(evidenceLine)];
  const out = `      <system-out>${text(output.join('\n'))}</system-out>`;
  if (item.verdict === 'fail') {
    return `${head}>\n      <failure${attributes({ message: item.message, type: 'fail' })}>${text(item.message)}</failure>\n${out}\n    </testcase>`;
  }
  if (item.verdict === 'skip') return `${head}>\n      <skipped${attributes({ message: item.message })}/>\n    </testcase>`;
  return `${head}>\n${out}\n    </testcase>`;
}

function evidenceLine(evidence: CheckCase['evidence'][number]): string {
  const answer = evidence.error ?? `${evidence.status} ${evidence.responseBody ?? ''}`.trim();
  return `${evidence.label}: POST ${evidence.request.url} (${evidence.request.bodyBytes} bytes) → ${answer} in ${evidence.durationMs} ms [delivery ${evidence.deliveryId}]`;
}

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(
      ([name, value]) =>
        ` ${name}="${text(String(value)).replaceAll('"', '&quot;').replaceAll("'", '&apos;').replaceAll('\n', '&#10;').replaceAll('\r', '&#13;').replaceAll('\t', '&#9;')}"`,
    )
    .join('');
}

/** XML text: the five specials escaped, and the characters XML 1.0 cannot carry at all dropped. */
function text(value: string): string {
  let safe = '';
  for (const char of value) {
    const code = char.codePointAt(0)!;
    const allowed =
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      code > 0xffff;
    if (!allowed) continue;
    safe += char === '&' ? '&amp;' : char === '<' ? '&lt;' : char === '>' ? '&gt;' : char;
  }
  return safe;
}
