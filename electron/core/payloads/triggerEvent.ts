/**
 * `Grant.LimitExceeded`, sent through `triggerEvent` rather than a hook context
 * (libraries/hook/index.ts and event-listeners/authorization-success.ts, logto-io/logto@1fbc55441f):
 * `event, createdAt`, the listener's metadata `{ ip, userAgent }` (ip first, unlike `buildWebhooks`),
 * the application, then `userId`, the client identifier (`applicationId` for a registered app),
 * `revokedGrantIds`, `maxAllowedGrants`, `preRevocationActiveGrantCount`.
 */
import type { HookEvent } from '../../../shared/events';
import { application, browser, oidcId, publicIp, userId } from './values';

export function triggerEventPayload(event: HookEvent, now: Date) {
  if (event !== 'Grant.LimitExceeded') return null;
  const app = application();
  const maxAllowedGrants = 3;
  const revokedGrantIds = [oidcId(), oidcId()];
  return {
    event,
    createdAt: now.toISOString(),
    ip: publicIp(),
    userAgent: browser(),
    application: app,
    userId: userId(),
    applicationId: app.id,
    revokedGrantIds,
    maxAllowedGrants,
    preRevocationActiveGrantCount: maxAllowedGrants + revokedGrantIds.length,
  };
}
