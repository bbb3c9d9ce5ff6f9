import { DEFAULT_BURST } from '../../../shared/check';
import type { Hook, RetryBehaviour } from '../../../shared/domain';
import { UserFacingError } from '../../../shared/errors';
import type { HookEvent } from '../../../shared/events';
import type { CheckPlan } from './runner';

/**
 * What a check of this hook sends: its subscribed events, or those named that it subscribes to.
 * A disabled hook is still checked (Logto would send it nothing, so the run says so).
 */
export function checkPlan(hook: Hook, named: HookEvent[] | undefined, burst = DEFAULT_BURST, appDefault: RetryBehaviour): CheckPlan {
  const warnings: string[] = [];
  const sendsOnce = (hook.retryBehaviour ?? appDefault) === 'send-once';
  const retriesOn5xx = sendsOnce ? 0 : hook.config.retries;
  if (!hook.enabled) warnings.push(`“${hook.name}” is disabled: Logto sends it nothing until it is enabled. Checked anyway.`);
  if (hook.events.length === 0)
    throw new UserFacingError('invalid_input', `“${hook.name}” subscribes to no event; add one first.`, 'events');
  if (!named || named.length === 0) return { events: hook.events, burst, retriesOn5xx, sendsOnce, warnings };
  const events = [...new Set(named)].filter((event) => hook.events.includes(event));
  if (events.length === 0) {
    throw new UserFacingError(
      'invalid_input',
      `“${hook.name}” subscribes to none of ${named.join(', ')}; it subscribes to ${hook.events.join(', ')}.`,
      'events',
    );
  }
  const ignored = named.filter((event) => !hook.events.includes(event));
  if (ignored.length > 0) warnings.push(`Not checked, because “${hook.name}” does not subscribe to them: ${ignored.join(', ')}.`);
  return { events, burst, retriesOn5xx, sendsOnce, warnings };
}
