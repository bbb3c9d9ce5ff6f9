import { type ImportEntry, onDuplicateChoices } from '../../../../shared/contract';
import { counted } from '../../../../shared/counted';
import { MAX_IMPORT_BYTES } from '../../../../shared/limits';
import { defineCommand } from '../../command';
import { EXIT_STATUS, usageError } from '../../errors';
import { readText } from '../../files';

const DONE: Partial<Record<ImportEntry['outcome'], string>> = { imported: 'imported ', replaced: 'replaced ', 'kept-both': 'kept both' };

export default defineCommand({
  name: 'hooks import',
  args: [{ placeholder: '<file>', missing: 'the file to import' }],
  options: {
    'on-duplicate': {
      type: 'string',
      placeholder: 'choice',
      help: 'replace, keep-both or skip hooks you already have (same id, or same name and URL); without it they are only listed',
    },
  },
  about: [
    "Add the hooks of a hookbench export or of Logto's hook JSON (a list from GET /hooks, legacy `event` included).",
    'Says what happened to each entry; exit 2 if any was invalid, or if duplicates need --on-duplicate.',
  ],
  async run(context, options, [file]) {
    const choice = options['on-duplicate'];
    const onDuplicate = onDuplicateChoices.find((candidate) => candidate === choice);
    if (choice !== undefined && !onDuplicate) throw usageError(`--on-duplicate takes ${onDuplicateChoices.join(', ')}, not "${choice}"`);
    const report = await context.call(
      'hooks.import',
      { content: readText(file, MAX_IMPORT_BYTES), onDuplicate },
      { onDuplicate: '--on-duplicate' },
    );
    const duplicates = report.entries.filter((entry) => entry.outcome === 'duplicate');
    if (!report.applied) {
      for (const entry of duplicates) {
        const match = entry.duplicateOf!;
        context.out.say(`duplicate #${entry.index + 1} ${entry.name}: same ${match.by} as your hook ${match.name} (${match.id})`);
      }
      context.out.say(
        `Nothing was imported: ${duplicates.length === 1 ? '1 hook is' : `${duplicates.length} hooks are`} already here. Run again with --on-duplicate replace, keep-both or skip.`,
      );
      return EXIT_STATUS.invalid_input;
    }
    for (const entry of report.entries) {
      const done = DONE[entry.outcome];
      if (done && entry.hook) context.out.print(`${done}  ${entry.hook.id}  ${entry.hook.name}`);
      else context.out.say(`skipped    #${entry.index + 1} ${entry.name}: ${entry.reason ?? 'already here'}`);
    }
    const count = (outcome: ImportEntry['outcome']) => report.entries.filter((entry) => entry.outcome === outcome).length;
    context.out.print(
      `${count('imported')} imported, ${count('replaced')} replaced, ${count('kept-both')} kept both, ${count('skipped')} skipped`,
    );
    const keyless = report.entries.filter((entry) => entry.newSigningKey).length;
    if (keyless > 0) {
      context.out.say(
        `${counted(keyless, 'hook')} had no signing key in the file (an export without --with-keys), so new keys were made; a receiver that checks the old key will refuse them. Set the old key: hookbench hooks edit <hook> --signing-key <key>`,
      );
    }
    const invalid = report.entries.some((entry) => entry.outcome === 'skipped' && !entry.duplicateOf);
    return invalid ? EXIT_STATUS.invalid_input : 0;
  },
});
