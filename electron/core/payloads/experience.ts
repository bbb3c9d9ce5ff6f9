/**
 * A data event fired from inside a sign-in (logto-io/logto@1fbc55441f): `TrustedDevice.Created` is
 * appended by routes/experience/classes/trusted-device.ts as `{ data, includeRequestIp: false }`, so
 * `buildWebhooks` writes the Experience API metadata, the application, then `data`, and no `ip`.
 */
import type { HookEvent } from '../../../shared/events';
import { buildWebhookPayload, dataHookContext, experienceRequest } from './context';
import { trustedDevice, userId } from './values';

export function experienceDataPayload(event: HookEvent, now: Date) {
  if (event !== 'TrustedDevice.Created') return null;
  const { metadata, application } = experienceRequest('SignIn');
  const context = dataHookContext(event, { data: trustedDevice(userId(), now.getTime()), includeRequestIp: false });
  return buildWebhookPayload(context, metadata, application, now);
}
