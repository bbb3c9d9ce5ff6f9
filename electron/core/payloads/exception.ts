/**
 * Exception events raised during a sign-in (logto-io/logto@1fbc55441f). Each route appends its
 * context with `appendExceptionHookContext`, and `buildWebhooks` spreads it at the top level after
 * the Experience API metadata, `ip` and the application:
 * - `Identifier.Lockout`: `{ ...identifier }` = `type, value` (routes/experience/classes/libraries/sentinel-guard.ts);
 * - `Message.RateLimited`: `action: 'VerificationCodeSend', recipient`
 *   (routes/experience/verification-routes/verification-code-helpers.ts).
 */
import type { HookEvent } from '../../../shared/events';
import { buildWebhookPayload, exceptionHookContext, experienceRequest } from './context';
import { pick } from './values';

const EMAILS = ['jane@example.com', 'li.wei@example.com', 'amara@example.com'];

function exceptionContext(event: HookEvent) {
  if (event === 'Identifier.Lockout') {
    // The identifier the user kept failing to verify, as the Experience API received it.
    return exceptionHookContext(event, { type: 'email', value: pick(EMAILS) });
  }
  if (event === 'Message.RateLimited') {
    return exceptionHookContext(event, { action: 'VerificationCodeSend', recipient: pick(EMAILS) });
  }
  return null;
}

export function exceptionPayload(event: HookEvent, now: Date) {
  const context = exceptionContext(event);
  if (!context) return null;
  const { metadata, application } = experienceRequest('SignIn');
  return buildWebhookPayload(context, metadata, application, now);
}
