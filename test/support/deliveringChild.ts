/**
 * Run as a separate process by the crash test: starts a delivery to a receiver that never
 * answers, says "recorded" once the log has it, then waits to be killed.
 */
import { confHookFile, openCore } from '../../electron/core';
import { unwrap } from './core';

const [dataDir, url] = process.argv.slice(2) as [string, string];
const core = openCore({ dataDir, hookFile: confHookFile(dataDir) });
await unwrap(core.call('hooks.create', { name: 'Crash test', url, events: ['User.Created'] }));
const { deliveries } = await unwrap(core.call('events.trigger', { event: 'User.Created' }));
process.stdout.write(`recorded ${deliveries[0]!.id}\n`);
setInterval(() => {}, 1000);
