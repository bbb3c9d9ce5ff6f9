/**
 * How Logto assembles a data or exception payload, step by step, so every family built on it gets
 * Logto's keys and key order. Facts from logto-io/logto@1fbc55441f (see docs/payloads.md):
 * - the request metadata a middleware records (`koaManagementApiHooks`, `koaExperienceInteractionHooks`),
 * - the context a route appends (`HookContextManager.appendDataHookContext` / `appendExceptionHookContext`),
 * - the payload `buildWebhooks` spreads from them (libraries/hook/index.ts).
 * `hookId` is not here: the engine appends it last, as `sendWebhook` does.
 */
import type { HookEvent } from '../../../shared/events';
import { apiClient, application, browser, oidcId, publicIp, type UserInfo } from './values';

/** `HookMetadata`: what the middleware knew about the request, `ip` always recorded. */
export type HookMetadata = {
  interactionEvent?: 'SignIn' | 'Register' | 'ForgotPassword';
  userAgent?: string;
  applicationId?: string;
  sessionId?: string;
  ip: string;
};

/** `koaManagementApiHooks`: `{ userAgent, ip }` of the Management API call. */
export const managementApiMetadata = (): HookMetadata => ({ userAgent: apiClient(), ip: publicIp() });

export type InteractionEventName = NonNullable<HookMetadata['interactionEvent']>;

/**
 * A request to Logto's Experience API from a registered app: `koaExperienceInteractionHooks` records
 * `interactionEvent, userAgent, applicationId, sessionId`, then `ip` (a CIMD client would put
 * `cimdClientId` in `applicationId`'s place); the builders then find the app by that id.
 */
export function experienceRequest(interactionEvent: InteractionEventName) {
  const app = application();
  const metadata: HookMetadata = { interactionEvent, userAgent: browser(), applicationId: app.id, sessionId: oidcId(), ip: publicIp() };
  return { metadata, application: app };
}

/** `buildManagementApiContext(ctx)`: `path, method, status, params, matchedRoute` (libraries/hook/utils.ts). */
export function managementApiContext(method: string, matchedRoute: string, params: Record<string, string>, status: number) {
  const path = Object.entries(params).reduce((filled, [name, value]) => filled.replace(`:${name}`, value), matchedRoute);
  return { path, method, status, params, matchedRoute };
}

export type HookContext<E extends HookEvent = HookEvent> = { event: E; includeRequestIp?: boolean } & Record<string, unknown>;

/**
 * `appendDataHookContext(event, { user, ...rest })`: a `user` becomes `data` right after the event,
 * before the rest of the context (so `User.Deleted` has `data` before `path`).
 */
export function dataHookContext<E extends HookEvent>(
  event: E,
  { user, ...rest }: { user?: UserInfo } & Record<string, unknown>,
): HookContext<E> {
  return { event, ...(user ? { data: user } : {}), ...rest };
}

/** `appendExceptionHookContext(event, context)`. */
export const exceptionHookContext = <E extends HookEvent>(event: E, context: Record<string, unknown>): HookContext<E> => ({
  event,
  ...context,
});

type ApplicationInfo = ReturnType<typeof application>;

/**
 * `buildWebhooks`: `event, createdAt`, the metadata without `ip`, then `ip` unless the context opts
 * out (`includeRequestIp: false`), the application when the metadata names one, then the context.
 */
export function buildWebhookPayload<E extends HookEvent>(
  { event, includeRequestIp = true, ...rest }: HookContext<E>,
  { ip, ...metadataWithoutIp }: HookMetadata,
  application: ApplicationInfo | undefined,
  now: Date,
) {
  return {
    event,
    createdAt: now.toISOString(),
    ...metadataWithoutIp,
    ...(includeRequestIp ? { ip } : {}),
    ...(application ? { application } : {}),
    ...rest,
  };
}
