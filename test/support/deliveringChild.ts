/**
 * Run as a separate process by the crash test: starts a delivery to a receiver that never
 * answers, says "recorded" once the log has it, then waits to be killed.
 */
import { openCore } from '../../electron/core';
import { confHookFile } from '../../electron/hooks/confFile';

const [dataDir, url] = process.argv.slice(2) as [string, string];
const core = openCore({ dataDir, hookFile: confHookFile(dataDir) });
const hook = core.hooks.create({ name: 'Crash test', url, events: ['User.Created'], headers: [] });
const { started } = core.dispatcher.fanOut([hook], { event: 'User.Created', createdAt: new Date().toISOString() });
process.stdout.write(`recorded ${started[0]!.id}\n`);
setInterval(() => {}, 1000);
