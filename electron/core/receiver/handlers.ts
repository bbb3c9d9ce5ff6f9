import type { Handlers } from '../../../shared/contract';
import type { Delivery } from '../../../shared/domain';
import { UserFacingError } from '../../../shared/errors';
import { hookInputSchema } from '../../../shared/validation';
import type { DeliveryRecorder } from '../delivery/engine';
import { summaryOf } from '../delivery/engine';
import { inFlight } from '../delivery/inFlight';
import type { HookStore } from '../hooks/store';
import type { RequestLog } from '../log/requestLog';
import type { PushHub } from '../notices';
import { forward } from './forward';
import { parseScript, ScriptError } from './script';
import type { BuiltInReceiver } from './server';
import { writeReceiverSettings } from './settings';

type ReceiverMethods =
  | 'receiver.status'
  | 'receiver.configure'
  | 'receiver.start'
  | 'receiver.stop'
  | 'receiver.setScript'
  | 'receiver.tryIt'
  | 'logs.replay';

/** What a new user's first hook answers: a success, a 5xx that Logto retries, a 4xx it does not, and a timeout. */
export const TRY_IT_SCRIPT = '200,503,200,404,sleep 11s,200';

/** The contract's receiver calls: each validates what the contract cannot and delegates to the receiver. */
export function receiverHandlers(parts: {
  dataDir: string;
  receiver: BuiltInReceiver;
  hooks: HookStore;
  log: RequestLog & DeliveryRecorder;
  pushes: PushHub;
}): Pick<Handlers, ReceiverMethods> {
  const { dataDir, receiver, hooks, log, pushes } = parts;
  const save = async (settings: typeof receiver.settings) => {
    writeReceiverSettings(dataDir, settings);
    await receiver.apply(settings);
  };
  return {
    'receiver.status': async () => receiver.status(),
    'receiver.configure': async ({ capture, ...change }) => {
      const settings = { ...receiver.settings, ...change, capture: { ...receiver.settings.capture, ...capture } };
      const { forwardUrl } = settings.capture;
      if (forwardUrl && receiver.isOwnAddress(forwardUrl, settings.port)) {
        throw new UserFacingError(
          'invalid_input',
          `${forwardUrl} is this receiver itself: each captured request would be forwarded back to it without end. Forward to your own receiver's URL.`,
          'capture.forwardUrl',
        );
      }
      // Saved only once it works: a port another program holds must not become the one every later start tries.
      const before = receiver.settings;
      const wasRunning = receiver.status().running;
      try {
        await receiver.apply(settings);
        if (settings.capture.enabled) await receiver.start();
      } catch (error) {
        await receiver.apply(before);
        if (wasRunning) await receiver.start().catch(() => {});
        throw error;
      }
      writeReceiverSettings(dataDir, settings);
      return receiver.status();
    },
    'receiver.start': async () => {
      await receiver.start();
      return receiver.status();
    },
    'receiver.stop': async () => {
      await receiver.stop();
      return receiver.status();
    },
    'receiver.setScript': async ({ hookId, script }) => {
      hooks.get(hookId);
      let text: string;
      try {
        text = parseScript(script).text;
      } catch (error) {
        if (error instanceof ScriptError) throw new UserFacingError('invalid_input', error.message, 'script');
        throw error;
      }
      await save({ ...receiver.settings, scripts: { ...receiver.settings.scripts, [hookId]: text } });
      return receiver.status();
    },
    'receiver.tryIt': async () => {
      await receiver.start();
      // The URL names the hook's own id, which exists only once the hook does.
      const created = await hooks.create(
        hookInputSchema.parse({
          name: 'Try the built-in receiver',
          url: `${receiver.baseUrl}/r/pending`,
          events: ['PostSignIn', 'User.Created', 'User.Data.Updated'],
        }),
      );
      const hook = await hooks.update({ id: created.id, url: `${receiver.baseUrl}/r/${created.id}` });
      await save({ ...receiver.settings, scripts: { ...receiver.settings.scripts, [hook.id]: TRY_IT_SCRIPT } });
      return hook;
    },
    'logs.replay': async ({ id, url }) => {
      const original = log.get(id);
      if (original.kind !== 'captured') {
        throw new UserFacingError(
          'invalid_input',
          'Only captured requests are replayed; use Redeliver to send a delivery again, freshly signed.',
          'id',
        );
      }
      const hookUrl = original.hookId ? hooks.list().find((hook) => hook.id === original.hookId)?.config.url : undefined;
      const target = url ?? receiver.settings.capture.forwardUrl ?? hookUrl;
      if (!target)
        throw new UserFacingError(
          'invalid_input',
          'Say where to replay it: no forward target is set and no hook matched its signature.',
          'url',
        );
      const { kind, hookId, event, request, retryBehaviour } = original;
      const replay = inFlight({ kind, hookId, event, request, retryBehaviour, redeliveryOf: original.id });
      log.started(replay);
      await log.recorded(replay.id);
      pushes.emit('delivery.updated', summaryOf(replay));
      const body = Buffer.from(original.request.body, 'utf8');
      const { attempt } = await forward(new URL(target), Object.entries(original.request.headers).flat(), body, receiver.dispatcher);
      {
        const ok = attempt.status !== null && attempt.status >= 200 && attempt.status < 300;
        const finished: Delivery = {
          ...replay,
          outcome: ok ? 'success' : 'failed',
          status: attempt.status,
          durationMs: Date.now() - replay.createdAt,
          attempts: [attempt],
          attemptCount: 1,
          error: ok ? null : (attempt.error?.message ?? `The target answered ${attempt.status}.`),
        };
        log.finished(finished);
        pushes.emit('delivery.updated', summaryOf(finished));
        return { delivery: summaryOf(finished) };
      }
    },
  };
}
