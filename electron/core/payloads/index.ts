/**
 * "Trigger event" payloads, each built along the code path Logto takes for its family, so a receiver
 * sees the keys and key order a real Logto sends (docs/payloads.md). Fresh values on every call;
 * `hookId` is appended last, per hook, by the delivery engine, as Logto's `sendWebhook` does.
 */
import type { EventPayload } from '../../../shared/domain';
import type { HookEvent } from '../../../shared/events';
import { exceptionPayload } from './exception';
import { experienceDataPayload } from './experience';
import { interactionPayload } from './interaction';
import { managementApiPayload, managementApiRouteKey } from './managementApi';
import { triggerEventPayload } from './triggerEvent';

export { logtoTestPayload } from './testPayload';
/** The Management API route a data event's sample is fired by, as `METHOD /route`, or null. */
export const sampleRouteKey = managementApiRouteKey;

const FAMILIES = [interactionPayload, managementApiPayload, experienceDataPayload, exceptionPayload, triggerEventPayload];

export function samplePayload(event: HookEvent, now = new Date()): EventPayload {
  for (const family of FAMILIES) {
    const payload = family(event, now);
    if (payload) return payload as EventPayload;
  }
  throw new Error(`No sample payload for ${event}`);
}
