/**
 * When the core cannot open, the app says so instead of showing nothing: what failed, where the
 * data files are, and the ways out — start over on a fresh request log (the old one set aside under
 * a dated name, never deleted), open the data folder to look, or quit.
 *
 * A native message box rather than an error page: it needs no renderer, no preload and no
 * protocol, so it still works when the failure is in any of those, and it cannot run web content.
 */
import { join } from 'node:path';
import { dialog, shell } from 'electron';
import { type Core, HOOK_FILE_NAME, LOG_FILE_NAME, setLogAside } from '../core';

/** The message box's buttons, in the order shown; the last one is what Escape and closing mean. */
const CHOICES = [
  ['start-over', 'Start over with a fresh log'],
  ['open-folder', 'Open data folder'],
  ['quit', 'Quit'],
] as const;
type Choice = (typeof CHOICES)[number][0];

/** Opens the core, asking the user what to do each time it cannot; null when they quit. */
export async function openCoreOrExplain(open: () => Core, dataDir: string): Promise<Core | null> {
  let keptAt: string | null = null;
  for (;;) {
    let failure: string;
    try {
      const core = open();
      if (keptAt) await tellWhereTheOldLogIs(keptAt);
      return core;
    } catch (error) {
      failure = `Hookbench could not open its data: ${messageOf(error)}`;
    }
    let problem = failure;
    for (;;) {
      const choice = await ask(problem, dataDir);
      if (choice === 'quit') return null;
      if (choice === 'open-folder') {
        const failed = await shell.openPath(dataDir);
        problem = failed ? `${failure}\n\nThe data folder could not be opened: ${failed}` : failure;
        continue;
      }
      try {
        const moved = setLogAside(dataDir);
        if (moved !== null) {
          keptAt = moved;
          break;
        }
        problem = `${failure}\n\nThere is no request log to set aside, so starting over cannot help here.`;
      } catch (error) {
        problem = `${failure}\n\nThe request log could not be set aside: ${messageOf(error)}. Check that you may write to the data folder.`;
      }
    }
  }
}

/** Any failure before the window exists that was not foreseen: said once, then quit. */
export function reportCrash(error: unknown): void {
  dialog.showErrorBox('Hookbench could not start', messageOf(error));
}

async function ask(problem: string, dataDir: string): Promise<Choice> {
  const quit = CHOICES.length - 1;
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: 'Hookbench could not start',
    message: 'Hookbench could not start',
    detail: [
      problem,
      '',
      `Your data is in ${dataDir}:`,
      `  ${join(dataDir, `${HOOK_FILE_NAME}.json`)} (your hooks and their signing keys)`,
      `  ${join(dataDir, LOG_FILE_NAME)} (the request log)`,
      '',
      'Start over keeps your hooks, sets the request log aside under a dated name in the same folder (nothing is deleted) and begins an empty one.',
    ].join('\n'),
    buttons: CHOICES.map(([, label]) => label),
    defaultId: quit,
    cancelId: quit,
    noLink: true,
  });
  return CHOICES[response]?.[0] ?? 'quit';
}

async function tellWhereTheOldLogIs(keptAt: string): Promise<void> {
  await dialog.showMessageBox({
    type: 'info',
    title: 'Started a fresh request log',
    message: 'Started a fresh request log',
    detail: `The old log is kept at ${keptAt}. Hookbench does not read it; keep or delete it as you like.`,
    buttons: ['OK'],
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
