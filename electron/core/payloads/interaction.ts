/**
 * Interaction events as `triggerInteractionHooks` builds them (libraries/hook/index.ts,
 * logto-io/logto@1fbc55441f): the result's own payload first (only adaptive MFA has one), then
 * `event, interactionEvent, createdAt, sessionId, userAgent, userId, userIp, user, application`;
 * `cimdClientId` would follow for a CIMD client, which a registered app is not.
 */
import type { HookEvent } from '../../../shared/events';
import { experienceRequest, type InteractionEventName } from './context';
import { DAY, userInfo } from './values';

const INTERACTION_EVENT = {
  PostRegister: 'Register',
  PostSignIn: 'SignIn',
  PostSignInAdaptiveMfaTriggered: 'SignIn',
  PostResetPassword: 'ForgotPassword',
} as const satisfies Partial<Record<HookEvent, InteractionEventName>>;
type InteractionHookEvent = keyof typeof INTERACTION_EVENT;
const isInteractionEvent = (event: HookEvent): event is InteractionHookEvent => event in INTERACTION_EVENT;

/**
 * `AdaptiveMfaResult` as the new-country rule reports it
 * (routes/experience/classes/libraries/adaptive-mfa-validator/rules/new-country.ts).
 */
const adaptiveMfaResult = (now: number) => ({
  requiresMfa: true,
  triggeredRules: [
    {
      rule: 'new_country',
      details: { currentCountry: 'DE', windowDays: 180, recentCountries: [{ country: 'US', lastSignInAt: now - 3 * DAY }] },
    },
  ],
});

/**
 * The user is read after the interaction is submitted, and submitting a sign-in or registration
 * sets `lastSignInAt` (experience-interaction.ts `submit`). The adaptive-MFA hook is queued before
 * that, and a password reset never sets it: both show the previous sign-in, here the one from the
 * country the MFA rule remembers.
 */
function lastSignIn(event: InteractionHookEvent, now: number): number {
  return event === 'PostSignIn' || event === 'PostRegister' ? now : now - 3 * DAY;
}

export function interactionPayload(event: HookEvent, now: Date) {
  if (!isInteractionEvent(event)) return null;
  const interactionEvent: InteractionEventName = INTERACTION_EVENT[event];
  const epochMs = now.getTime();
  const { metadata, application } = experienceRequest(interactionEvent);
  const user = userInfo(epochMs, {
    joinedMinutesAgo: interactionEvent === 'Register' ? 0 : 60 * 24 * 30,
    lastSignInAt: lastSignIn(event, epochMs),
  });
  // Only the adaptive-MFA result is released with a payload of its own (context-manager.ts).
  const customPayload = event === 'PostSignInAdaptiveMfaTriggered' ? { adaptiveMfaResult: adaptiveMfaResult(epochMs) } : {};
  return {
    ...customPayload,
    event,
    interactionEvent,
    createdAt: now.toISOString(),
    sessionId: metadata.sessionId,
    userAgent: metadata.userAgent,
    userId: user.id,
    userIp: metadata.ip,
    user,
    application,
  };
}
