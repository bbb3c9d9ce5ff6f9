import { STATUS_CODES } from 'node:http';
import { summariseRun } from '../../shared/check';
import type { Handlers, ValidInput } from '../../shared/contract';
import { har, jsonLines } from '../../shared/deliveryFormats';
import type { Delivery, EventPayload, Hook } from '../../shared/domain';
import { UserFacingError } from '../../shared/errors';
import type { HookEvent } from '../../shared/events';
import { APP_EXPORT_LIMIT } from '../../shared/limits';
import { SIGNATURE_HEADER } from '../../shared/logto';
import { snippetsFor } from '../../shared/snippets';
import { rangeStart } from '../../shared/time';
import { checkPlan } from './check/plan';
import type { CheckRunner } from './check/runner';
import type { TriggerRuns } from './check/triggerRun';
import type { DeliveryEngine } from './delivery/engine';
import type { RedeliveryRuns } from './delivery/redelivery';
import type { RetryDefault } from './delivery/retryDefault';
import { diagnostics } from './diagnostics';
import { type HookStore, withChange } from './hooks/store';
import { exportHooks, ImportError, importHooks } from './hooks/transfer';
import { healthSummaries, hookHealth } from './log/health';
import { removeDeliveries } from './log/removal';
import type { RequestLog } from './log/requestLog';
import type { Retention } from './log/retention';
import type { NoticeBoard, PushHub } from './notices';
import { samplePayload } from './payloads';
import { receiverHandlers } from './receiver/handlers';
import type { BuiltInReceiver } from './receiver/server';
import type { SavedPayloads } from './savedPayloads';
import { diagnoseSignature } from './signature';

export type CoreParts = {
  version: string;
  hooks: HookStore;
  engine: DeliveryEngine;
  log: RequestLog;
  retention: Retention;
  notices: NoticeBoard;
  dataDir: string;
  pushes: PushHub;
  receiver: BuiltInReceiver;
  checks: CheckRunner;
  retryDefault: RetryDefault;
  payloads: SavedPayloads;
  redeliveries: RedeliveryRuns;
  triggerRuns: TriggerRuns;
};

const statusText = (status: number) => STATUS_CODES[status] ?? '';

/** The one façade the contract calls: each handler delegates to the part that owns the work. */
export function createService({
  version,
  hooks,
  engine,
  log,
  retention,
  notices,
  dataDir,
  pushes,
  receiver,
  checks,
  retryDefault,
  payloads,
  redeliveries,
  triggerRuns,
}: CoreParts): Handlers {
  return {
    ...receiverHandlers({ dataDir, receiver, hooks, log, pushes }),
    'hooks.list': async () => hooks.list(),
    'hooks.create': async (input) => hooks.create(input),
    'hooks.update': async (input) => hooks.update(input),
    'hooks.remove': async ({ id, deleteDeliveries }) => {
      await hooks.remove(id);
      if (!deleteDeliveries) return { removed: true };
      return { removed: true, deletedDeliveries: await removeDeliveries(log, id) };
    },
    'hooks.regenerateKey': async ({ id }) => hooks.regenerateKey(id),
    'hooks.export': async ({ includeSigningKeys }) => {
      const list = hooks.list();
      return {
        fileName: `hookbench-hooks${includeSigningKeys ? '-with-keys' : ''}.json`,
        mimeType: 'application/json',
        content: exportHooks(list, includeSigningKeys),
        count: list.length,
      };
    },
    'hooks.import': async ({ content, onDuplicate }) => {
      try {
        return await importHooks(hooks, content, onDuplicate);
      } catch (error) {
        if (error instanceof ImportError) throw new UserFacingError('invalid_input', error.message, 'content');
        throw error;
      }
    },
    // What the form holds now, never saved; the key is always the stored one (the schema takes none).
    'hooks.test': async ({ id, ...overrides }) => engine.test(withChange(hooks.get(id), overrides)),
    'events.sample': async ({ event }) => samplePayload(event),
    'events.trigger': async ({ event, payload, hookIds }) => {
      const targets = hookIds ? chosenHooks(hooks, [...new Set(hookIds)], event) : hooks.subscribedTo(event);
      // A payload the user edited is sent as given, with the event name first as Logto writes it.
      const body = payload ? ({ event, ...payload } as EventPayload) : samplePayload(event);
      const deliveries = engine.fanOut(targets, body).started;
      payloads.record(event, payload ?? null, deliveries.length);
      return { deliveries };
    },
    'logs.query': async (query) => log.query(query),
    'logs.details': async (query) => {
      const page = log.query(query);
      return { items: page.items.map((summary) => log.get(summary.id)), nextCursor: page.nextCursor };
    },
    'logs.get': async ({ id }) => log.get(id),
    'logs.count': async ({ hookId }) => ({ count: log.countForHook(hookId) }),
    'logs.removedHooks': async () => {
      const current = new Set(hooks.list().map((hook) => hook.id));
      return log
        .hookIds()
        .filter((hookId) => !current.has(hookId))
        .map((hookId) => ({ hookId, deliveries: log.deliveryCount(hookId), lastDeliveryAt: log.lastDeliveryAt(hookId) }))
        .filter((removed) => removed.deliveries > 0)
        .sort((a, b) => (b.lastDeliveryAt ?? 0) - (a.lastDeliveryAt ?? 0));
    },
    'logs.redeliver': async ({ id }) => {
      const original = log.get(id);
      const hook = deliverableHook(hooks, original.hookId);
      return { delivery: engine.redeliver([{ hook, original }]).started[0]! };
    },
    'logs.unsuccessfulCount': async ({ hookId, range }) => ({
      count: log.unsuccessfulSince(hookId, rangeStart(range, Date.now())).length,
    }),
    'logs.redeliverUnsuccessful': async ({ hookId, range, limit, perSecond }) => {
      const hook = deliverableHook(hooks, hookId);
      const ids = log.unsuccessfulSince(hookId, rangeStart(range, Date.now())).slice(0, limit);
      return { count: ids.length, runId: redeliveries.start(hook, ids, (id) => log.get(id), perSecond) };
    },
    'logs.cancelRedelivery': async ({ runId }) => ({ cancelled: redeliveries.cancel(runId) }),
    'logs.export': async ({ format, ...query }) => {
      const deliveries = [...limited(matching(log, query), APP_EXPORT_LIMIT + 1)];
      if (deliveries.length > APP_EXPORT_LIMIT) {
        throw new UserFacingError(
          'invalid_input',
          `That is more than ${APP_EXPORT_LIMIT.toLocaleString('en')} deliveries; narrow the filters, or use \`hookbench export\` on the command line, which has no limit.`,
        );
      }
      const pieces = format === 'har' ? har(deliveries, version, statusText) : jsonLines(deliveries);
      const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
      return {
        fileName: `hookbench-${query.hookId}-${stamp}.${format}`,
        mimeType: format === 'har' ? 'application/json' : 'application/x-ndjson',
        content: [...pieces].join(''),
        count: deliveries.length,
      };
    },
    'health.list': async () =>
      healthSummaries(
        log,
        hooks.list().map((hook) => hook.id),
      ),
    'health.get': async ({ hookId }) => hookHealth(log, hookId),
    'settings.get': async () => ({ retentionDays: retention.days, retryBehaviour: retryDefault.value }),
    'settings.update': async ({ retentionDays, retryBehaviour }) => {
      if (retentionDays !== undefined) {
        retention.days = retentionDays;
        void retention.apply().catch(() => {});
      }
      if (retryBehaviour !== undefined) retryDefault.value = retryBehaviour;
      return { retentionDays: retention.days, retryBehaviour: retryDefault.value };
    },
    'app.notices': async () => notices.list(),
    'app.diagnostics': async () => diagnostics({ version, hooks, log, retention, notices }),
    'check.run': async ({ hookId, events, burst }) => {
      const hook = hooks.get(hookId);
      return checks.run(hook, checkPlan(hook, events, burst, retryDefault.value), (progress) => pushes.emit('check.progress', progress));
    },
    'check.runs': async ({ hookId }) => checks.runs(hooks.get(hookId).id).map(summariseRun),
    'check.get': async ({ runId }) => checks.get(runId),
    'signature.diagnose': async ({ deliveryId, body, signature, key }) => {
      const others = (exceptId: string | null) =>
        hooks
          .list()
          .filter((hook) => hook.id !== exceptId)
          .map((hook) => ({ hookId: hook.id, name: hook.name, key: hook.signingKey }));
      if (deliveryId === undefined) return diagnoseSignature({ body: body!, signature: signature!, key: key!, otherKeys: others(null) });
      const delivery = log.get(deliveryId);
      const hook = hooks.list().find((candidate) => candidate.id === delivery.hookId);
      if (!hook)
        throw new UserFacingError(
          'not_found',
          'The hook this request belongs to is gone, and its key with it; paste the body, signature and key instead.',
        );
      const sent = delivery.request.headers[SIGNATURE_HEADER] ?? null;
      return diagnoseSignature({ body: delivery.request.body, signature: sent, key: hook.signingKey, otherKeys: others(hook.id) });
    },
    'events.triggerRun': async ({ event, hookIds, repeat, ratePerSecond, duplicate, shuffle, payload }) => {
      const targets = hookIds ? chosenHooks(hooks, [...new Set(hookIds)], event) : hooks.subscribedTo(event);
      if (targets.length === 0)
        throw new UserFacingError('invalid_input', `No enabled hook subscribes to ${event}; nothing would be sent.`, 'event');
      // An edited payload is sent as events.trigger sends it, by every repeat; the sample is made afresh for each.
      const edited = payload && ({ event, ...payload } as EventPayload);
      return triggerRuns.run({
        hooks: targets,
        payload: () => edited ?? samplePayload(event),
        repeat,
        ratePerSecond,
        duplicate,
        shuffle,
      });
    },
    'events.stopRun': async ({ runId }) => ({ stopped: triggerRuns.stop(runId) }),
    'snippets.get': async ({ hookId }) => snippetsFor(hooks.get(hookId).signingKey),
    'payloads.list': async ({ event }) => payloads.list(event),
    'payloads.save': async (input) => payloads.save(input),
    'payloads.remove': async ({ id }) => {
      payloads.remove(id);
      return { removed: true };
    },
    'events.history': async () => payloads.history(),
  };
}

/** Every delivery a query matches, newest first, read page by page so memory stays flat. */
function* matching(log: RequestLog, query: Omit<ValidInput<'logs.export'>, 'format'>): Generator<Delivery> {
  let cursor: string | undefined;
  do {
    const page = log.query({ ...query, cursor, limit: 500 });
    for (const summary of page.items) yield log.get(summary.id);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

function deliverableHook(hooks: HookStore, hookId: string | null): Hook {
  if (hookId === null) {
    throw new UserFacingError(
      'not_found',
      'This request was captured from another sender and matched no hook, so there is no hook to send it to again.',
    );
  }
  let hook: Hook;
  try {
    hook = hooks.get(hookId);
  } catch {
    throw new UserFacingError('not_found', 'The webhook this request was sent to has been deleted, so it cannot be sent again.');
  }
  if (!hook.enabled) throw new UserFacingError('invalid_input', `“${hook.name}” is disabled; enable it to send requests again.`);
  return hook;
}

function* limited<T>(items: Iterable<T>, most: number): Generator<T> {
  let count = 0;
  for (const item of items) {
    if (count++ >= most) return;
    yield item;
  }
}

/** Named hooks receive the event only where Logto would deliver it: enabled and subscribed. */
function chosenHooks(hooks: HookStore, ids: string[], event: HookEvent): Hook[] {
  return ids.map((id) => {
    const hook = hooks.get(id);
    if (!hook.enabled)
      throw new UserFacingError('invalid_input', `“${hook.name}” is disabled; enable it to deliver events to it.`, 'hookIds');
    if (!hook.events.includes(event)) {
      throw new UserFacingError(
        'invalid_input',
        `“${hook.name}” does not subscribe to ${event}; add the event to the hook first.`,
        'hookIds',
      );
    }
    return hook;
  });
}
