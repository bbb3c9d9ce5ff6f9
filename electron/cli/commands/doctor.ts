import { counted } from '../../../shared/counted';
import { shellQuote } from '../../../shared/curl';
import { defineCommand } from '../command';
import { EXIT_STATUS } from '../errors';
import { json } from '../options';

const size = (bytes: number) =>
  bytes < 1024 ? `${bytes} B` : bytes < 1024 ** 2 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 ** 2).toFixed(1)} MiB`;

export default defineCommand({
  name: 'doctor',
  args: [],
  options: { json: { ...json, help: 'print JSON, to attach to a bug report' } },
  about: [
    'Show what a bug report needs: versions, the data folder and its permissions, hook count, log size and rows,',
    'retention, files set aside, the built-in receiver. Never a signing key or a header value.',
  ],
  async run(context, options) {
    const report = await context.call('app.diagnostics', {});
    if (options.json) {
      context.out.json(report);
      return 0;
    }
    const { versions, dataDir, hooks, log } = report;
    const runtime = versions.electron ? `Electron ${versions.electron} (Node ${versions.node})` : `Node ${versions.node}`;
    const lines = [
      `Hookbench      ${versions.hookbench}`,
      `Runtime        ${runtime}`,
      `SQLite         ${versions.sqlite}`,
      `Data folder    ${dataDir.path}`,
      `  permissions  ${dataDir.mode}${exposed(dataDir.mode) ? ` (others on this machine can open it, and your signing keys are in it: chmod 700 ${shellQuote(dataDir.path)})` : ''}`,
      `  writable     ${dataDir.writable ? 'yes' : 'NO: Hookbench cannot save hooks or log deliveries here'}`,
      `Hooks          ${hooks.count} in ${hooks.file}`,
      `Request log    ${counted(log.rows, 'row')}, ${size(log.bytes)} + ${size(log.walBytes)} write-ahead, in ${log.file}`,
      `Retention      ${counted(report.retentionDays, 'day')}`,
      `Receiver       ${report.receiver ? `built-in receiver on port ${report.receiver.port}` : 'built-in receiver not running'}`,
      `Set aside      ${report.setAside.length === 0 ? 'none' : `${report.setAside.length} file(s), kept for you to recover:`}`,
      ...report.setAside.map((file) => `  ${file.path} (${size(file.bytes)})`),
      ...(report.notices.length ? ['Notices', ...report.notices.map((notice) => `  ${notice.level}: ${notice.message}`)] : []),
    ];
    context.out.print(lines.join('\n'));
    return 0;
  },
  // A file from a newer Hookbench (or a locked or unreadable one) keeps the core closed: say what a bug report can still use.
  unopened(out, { dataDir, version, error }, options) {
    const report = { versions: { hookbench: version, node: process.versions.node }, dataDir: { path: dataDir }, error: error.toApiError() };
    if (options.json) out.json(report);
    else {
      out.print(
        [
          `Hookbench      ${version}`,
          `Runtime        Node ${process.versions.node}`,
          `Data folder    ${dataDir}`,
          `Cannot open    ${error.message}`,
        ].join('\n'),
      );
    }
    return EXIT_STATUS[error.code];
  },
});

/** Group or others have any access: Hookbench creates its folder 0700, but leaves a folder the user chose as it is. */
function exposed(mode: string): boolean {
  return (Number.parseInt(mode, 8) & 0o077) !== 0;
}
