import type { Handlers } from '../shared/contract';
import { UserFacingError } from '../shared/errors';
import type { EventPayload, Hook } from '../shared/domain';
import type { HookEvent } from '../shared/events';
import type { Dispatcher } from './delivery/dispatcher';
import { samplePayload } from './delivery/samplePayloads';
import type { HookStore } from './hooks/store';
import { healthSummaries, hookHealth } from './logs/health';
import type { RequestLog } from './logs/requestLog';
import type { Retention } from './logs/retention';

export type CoreParts = {
  hooks: HookStore;
  dispatcher: Dispatcher;
  log: RequestLog;
  retention: Retention;
};

/** The one façade the contract calls: each handler delegates to the part that owns the work. */
export function createService({ hooks, dispatcher, log, retention }: CoreParts): Handlers {
  return {
    'hooks.list': async () => hooks.list(),
    'hooks.create': async (input) => hooks.create(input),
    'hooks.update': async (input) => hooks.update(input),
    'hooks.remove': async ({ id }) => {
      hooks.remove(id);
      return { removed: true };
    },
    'hooks.regenerateKey': async ({ id }) => hooks.regenerateKey(id),
    'hooks.test': async ({ id }) => dispatcher.test(hooks.get(id)),
    'events.sample': async ({ event }) => samplePayload(event as HookEvent),
    'events.trigger': async ({ event, payload, hookIds }) => {
      const targets = hookIds ? chosenHooks(hooks, hookIds, event as HookEvent) : hooks.subscribedTo(event as HookEvent);
      const body = (payload ? { event, ...payload } : samplePayload(event as HookEvent)) as EventPayload;
      return { deliveries: dispatcher.fanOut(targets, body).started };
    },
    'logs.query': async (query) => log.query(query),
    'logs.get': async ({ id }) => log.get(id),
    'health.list': async () => healthSummaries(log, hooks.list().map((hook) => hook.id)),
    'health.get': async ({ hookId }) => hookHealth(log, hookId),
    'settings.get': async () => ({ retentionDays: retention.days }),
    'settings.update': async ({ retentionDays }) => {
      retention.days = retentionDays;
      void retention.apply().catch(() => {});
      return { retentionDays };
    },
    'app.notices': async () => [...hooks.notices, ...log.notices],
  };
}

/** Named hooks receive the event only where Logto would deliver it: enabled and subscribed. */
function chosenHooks(hooks: HookStore, ids: string[], event: HookEvent): Hook[] {
  return ids.map((id) => {
    const hook = hooks.get(id);
    if (!hook.enabled) throw new UserFacingError('invalid_input', `“${hook.name}” is disabled; enable it to deliver events to it.`, 'hookIds');
    if (!hook.events.includes(event)) {
      throw new UserFacingError('invalid_input', `“${hook.name}” does not subscribe to ${event}; add the event to the hook first.`, 'hookIds');
    }
    return hook;
  });
}
