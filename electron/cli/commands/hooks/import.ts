import { defineCommand } from '../../command';
import { EXIT_STATUS } from '../../errors';
import { readText } from '../../files';

export default defineCommand({
  name: 'hooks import',
  args: [{ placeholder: '<file>', missing: 'the file to import' }],
  options: {},
  about: ["Add the hooks of a hookbench export or of Logto's hook JSON; says what was skipped and why (exit 2 if any)."],
  async run(context, _options, [file]) {
    const report = await context.call('hooks.import', { content: readText(file) });
    for (const hook of report.imported) context.out.print(`imported  ${hook.id}  ${hook.name}`);
    for (const skip of report.skipped) context.out.say(`skipped   #${skip.index + 1} ${skip.name}: ${skip.reason}`);
    context.out.print(`${report.imported.length} imported, ${report.skipped.length} skipped`);
    return report.skipped.length > 0 ? EXIT_STATUS.invalid_input : 0;
  },
});
