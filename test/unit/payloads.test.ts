import {
  Applications,
  type BetterOmit,
  type DataHookEventPayload,
  type ExceptionHookEventPayload,
  type GrantLimitExceededEventData,
  type InteractionHookEventPayload,
  hookEvents as logtoHookEvents,
  managementApiHooksRegistration,
  OrganizationRoles,
  OrganizationScopes,
  Organizations,
  Roles,
  Scopes,
  SentinelActivityAction,
  type TrustedDeviceEventData,
  TrustedDevices,
  userInfoGuard,
  userInfoSelectFields,
  userProfileResponseGuard,
  verificationIdentifierGuard,
} from '@logto/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logtoTestPayload, samplePayload, sampleRouteKey } from '../../electron/core/payloads';
import type { exceptionPayload } from '../../electron/core/payloads/exception';
import type { experienceDataPayload } from '../../electron/core/payloads/experience';
import { interactionPayload } from '../../electron/core/payloads/interaction';
import type { managementApiPayload } from '../../electron/core/payloads/managementApi';
import { triggerEventPayload } from '../../electron/core/payloads/triggerEvent';
import type { trustedDevice } from '../../electron/core/payloads/values';
import type { Hook } from '../../shared/domain';
import { type HookEvent, hookEvents } from '../../shared/events';
import { openTestCore, type TestCore } from '../support/core';
import { type Receiver, startReceiver } from '../support/receiver';

/*
 * Every expected structure below was read from logto-io/logto at commit
 * 1fbc55441fd28d9e3e7d69c1522e7654dccfe99c (2026-08-21); paths are in that repository.
 * `hookId` is last in every triggered payload: sendWebhook builds `{ ...payload, hookId: id }`
 * (packages/core/src/libraries/hook/index.ts).
 */
const EXPECTED_KEYS: Record<HookEvent, string[]> = {
  // triggerInteractionHooks (packages/core/src/libraries/hook/index.ts): no custom payload,
  // a registered app (so `application`, no `cimdClientId`).
  PostRegister: ['event', 'interactionEvent', 'createdAt', 'sessionId', 'userAgent', 'userId', 'userIp', 'user', 'application', 'hookId'],
  PostSignIn: ['event', 'interactionEvent', 'createdAt', 'sessionId', 'userAgent', 'userId', 'userIp', 'user', 'application', 'hookId'],
  // The release-anyway result carries `payload: { adaptiveMfaResult }`, spread first
  // (packages/core/src/libraries/hook/context-manager.ts, routes/experience/classes/experience-interaction.ts).
  PostSignInAdaptiveMfaTriggered: [
    'adaptiveMfaResult',
    'event',
    'interactionEvent',
    'createdAt',
    'sessionId',
    'userAgent',
    'userId',
    'userIp',
    'user',
    'application',
    'hookId',
  ],
  PostResetPassword: [
    'event',
    'interactionEvent',
    'createdAt',
    'sessionId',
    'userAgent',
    'userId',
    'userIp',
    'user',
    'application',
    'hookId',
  ],
  // Registered routes (managementApiHooksRegistration): koaManagementApiHooks appends
  // `{ ...buildManagementApiContext(ctx), data: ctx.response.body }` and buildWebhooks writes
  // `event, createdAt, userAgent, ip` before it (packages/core/src/middleware/koa-management-api-hooks.ts).
  'User.Created': ['event', 'createdAt', 'userAgent', 'ip', 'path', 'method', 'status', 'params', 'matchedRoute', 'data', 'hookId'],
  // Appended by DELETE /users/:userId with `{ ...buildManagementApiContext(ctx), user }`;
  // appendDataHookContext puts `data` (the picked user) before the rest (routes/admin-user/basics.ts).
  'User.Deleted': ['event', 'createdAt', 'userAgent', 'ip', 'data', 'path', 'method', 'status', 'params', 'matchedRoute', 'hookId'],
  'User.Data.Updated': ['event', 'createdAt', 'userAgent', 'ip', 'path', 'method', 'status', 'params', 'matchedRoute', 'data', 'hookId'],
  'User.SuspensionStatus.Updated': [
    'event',
    'createdAt',
    'userAgent',
    'ip',
    'path',
    'method',
    'status',
    'params',
    'matchedRoute',
    'data',
    'hookId',
  ],
  // Experience API metadata (routes/experience/middleware/koa-experience-interaction-hooks.ts), then
  // `includeRequestIp: false` drops `ip` (routes/experience/classes/trusted-device.ts).
  'TrustedDevice.Created': [
    'event',
    'createdAt',
    'interactionEvent',
    'userAgent',
    'applicationId',
    'sessionId',
    'application',
    'data',
    'hookId',
  ],
  // DELETE /users/:userId/trusted-devices/:trustedDeviceId passes buildManagementApiContext(ctx) to
  // deleteByIdAndUserId, which appends `{ ...hookContext, data, includeRequestIp: false }` (libraries/trusted-device.ts).
  'TrustedDevice.Deleted': ['event', 'createdAt', 'userAgent', 'path', 'method', 'status', 'params', 'matchedRoute', 'data', 'hookId'],
  'Role.Created': ['event', 'createdAt', 'userAgent', 'ip', 'path', 'method', 'status', 'params', 'matchedRoute', 'data', 'hookId'],
  // A 204 leaves ctx.response.body undefined, so `data` is not in the JSON (routes/role.ts).
  'Role.Deleted': ['event', 'createdAt', 'userAgent', 'ip', 'path', 'method', 'status', 'params', 'matchedRoute', 'hookId'],
  'Role.Data.Updated': ['event', 'createdAt', 'userAgent', 'ip', 'path', 'method', 'status', 'params', 'matchedRoute', 'data', 'hookId'],
  // POST /roles/:id/scopes answers the new scopes (routes/role.scope.ts).
  'Role.Scopes.Updated': ['event', 'createdAt', 'userAgent', 'ip', 'path', 'method', 'status', 'params', 'matchedRoute', 'data', 'hookId'],
  'Scope.Created': ['event', 'createdAt', 'userAgent', 'ip', 'path', 'method', 'status', 'params', 'matchedRoute', 'data', 'hookId'],
  // 204, no body (routes/resource.scope.ts).
  'Scope.Deleted': ['event', 'createdAt', 'userAgent', 'ip', 'path', 'method', 'status', 'params', 'matchedRoute', 'hookId'],
  'Scope.Data.Updated': ['event', 'createdAt', 'userAgent', 'ip', 'path', 'method', 'status', 'params', 'matchedRoute', 'data', 'hookId'],
  // SchemaRouter POST / and PATCH /:id answer the entity; DELETE /:id is a 204 (packages/core/src/utils/SchemaRouter.ts).
  'Organization.Created': ['event', 'createdAt', 'userAgent', 'ip', 'path', 'method', 'status', 'params', 'matchedRoute', 'data', 'hookId'],
  'Organization.Deleted': ['event', 'createdAt', 'userAgent', 'ip', 'path', 'method', 'status', 'params', 'matchedRoute', 'hookId'],
  'Organization.Data.Updated': [
    'event',
    'createdAt',
    'userAgent',
    'ip',
    'path',
    'method',
    'status',
    'params',
    'matchedRoute',
    'data',
    'hookId',
  ],
  // POST /organizations/:id/users appends `{ ...buildManagementApiContext(ctx), organizationId,
  // ...truncateMembershipDelta({ addedUserIds }) }`: no `data` (routes/organization/user/index.ts).
  'Organization.Membership.Updated': [
    'event',
    'createdAt',
    'userAgent',
    'ip',
    'path',
    'method',
    'status',
    'params',
    'matchedRoute',
    'organizationId',
    'addedUserIds',
    'hookId',
  ],
  'OrganizationRole.Created': [
    'event',
    'createdAt',
    'userAgent',
    'ip',
    'path',
    'method',
    'status',
    'params',
    'matchedRoute',
    'data',
    'hookId',
  ],
  'OrganizationRole.Deleted': ['event', 'createdAt', 'userAgent', 'ip', 'path', 'method', 'status', 'params', 'matchedRoute', 'hookId'],
  'OrganizationRole.Data.Updated': [
    'event',
    'createdAt',
    'userAgent',
    'ip',
    'path',
    'method',
    'status',
    'params',
    'matchedRoute',
    'data',
    'hookId',
  ],
  // PUT /organization-roles/:id/scopes is a SchemaRouter relation route answering 204.
  'OrganizationRole.Scopes.Updated': [
    'event',
    'createdAt',
    'userAgent',
    'ip',
    'path',
    'method',
    'status',
    'params',
    'matchedRoute',
    'hookId',
  ],
  'OrganizationScope.Created': [
    'event',
    'createdAt',
    'userAgent',
    'ip',
    'path',
    'method',
    'status',
    'params',
    'matchedRoute',
    'data',
    'hookId',
  ],
  'OrganizationScope.Deleted': ['event', 'createdAt', 'userAgent', 'ip', 'path', 'method', 'status', 'params', 'matchedRoute', 'hookId'],
  'OrganizationScope.Data.Updated': [
    'event',
    'createdAt',
    'userAgent',
    'ip',
    'path',
    'method',
    'status',
    'params',
    'matchedRoute',
    'data',
    'hookId',
  ],
  // appendExceptionHookContext('Identifier.Lockout', { ...identifier }) during an Experience API
  // verification (routes/experience/classes/libraries/sentinel-guard.ts).
  'Identifier.Lockout': [
    'event',
    'createdAt',
    'interactionEvent',
    'userAgent',
    'applicationId',
    'sessionId',
    'ip',
    'application',
    'type',
    'value',
    'hookId',
  ],
  // appendExceptionHookContext('Message.RateLimited', { action, recipient })
  // (routes/experience/verification-routes/verification-code-helpers.ts).
  'Message.RateLimited': [
    'event',
    'createdAt',
    'interactionEvent',
    'userAgent',
    'applicationId',
    'sessionId',
    'ip',
    'application',
    'action',
    'recipient',
    'hookId',
  ],
  // triggerEvent (libraries/hook/index.ts) with the listener's `{ ip, userAgent }` and payload
  // `{ userId, ...getClientIdentifierPayload(clientId), revokedGrantIds, maxAllowedGrants,
  // preRevocationActiveGrantCount }` (packages/core/src/event-listeners/authorization-success.ts).
  'Grant.LimitExceeded': [
    'event',
    'createdAt',
    'ip',
    'userAgent',
    'application',
    'userId',
    'applicationId',
    'revokedGrantIds',
    'maxAllowedGrants',
    'preRevocationActiveGrantCount',
    'hookId',
  ],
};

const registered = managementApiHooksRegistration as Record<string, string>;
/** Logto appends these from inside the route handler rather than through the registration table. */
const FIRED_BY_HANDLER = new Set(['User.Deleted', 'Organization.Membership.Updated', 'TrustedDevice.Deleted']);
/** pick(application, 'id', 'type', 'name', 'description') in buildWebhooks, triggerInteractionHooks and triggerEvent. */
const applicationGuard = Applications.guard.pick({ id: true, type: true, name: true, description: true }).strict();
/** What Logto's koaGuard leaves of a response body: the guard's parse, keys in the guard's order. */
const ENTITY_GUARDS = {
  Role: Roles.guard,
  Scope: Scopes.guard,
  // Without isTrustedDeviceAllowed, hidden unless Logto's dev features are on (routes/organization/guards.ts).
  Organization: Organizations.guard.omit({ isTrustedDeviceAllowed: true }),
  OrganizationRole: OrganizationRoles.guard,
  OrganizationScope: OrganizationScopes.guard,
} as const;

type Body = Record<string, unknown>;
const keysOf = (value: unknown) => Object.keys(value as object);

describe('the event catalog', () => {
  it('holds exactly the events of @logto/schemas, in the same order', () => {
    expect([...hookEvents]).toEqual([...logtoHookEvents]);
  });
});

describe('a triggered event as the receiver gets it', () => {
  let core: TestCore;
  let receiver: Receiver;
  let hook: Hook;
  const arrived = new Map<string, Body>();

  beforeAll(async () => {
    core = openTestCore();
    receiver = await startReceiver();
    hook = await core.call('hooks.create', { name: 'Every event', url: receiver.url, events: [...hookEvents] });
    for (const event of hookEvents) {
      const { deliveries } = await core.call('events.trigger', { event });
      await core.finished(deliveries[0]!.id);
    }
    for (const request of receiver.received) {
      const body = JSON.parse(request.body) as Body;
      arrived.set(String(body.event), body);
    }
  });
  afterAll(async () => {
    await core.dispose();
    await receiver.close();
  });

  it.each(hookEvents)('%s has exactly Logto’s keys, in Logto’s order, hookId last', (event) => {
    const body = arrived.get(event)!;
    expect(keysOf(body)).toEqual(EXPECTED_KEYS[event]);
    expect(body.hookId).toBe(hook.id);
    expect(new Date(String(body.createdAt)).toISOString()).toBe(body.createdAt);
  });

  it('carries users in userInfoSelectFields order, and applications as Logto picks them', () => {
    for (const event of ['PostRegister', 'PostSignIn', 'PostSignInAdaptiveMfaTriggered', 'PostResetPassword', 'User.Deleted'] as const) {
      const body = arrived.get(event)!;
      const user = event === 'User.Deleted' ? body.data : body.user;
      expect(keysOf(user)).toEqual([...userInfoSelectFields]);
      expect(() => userInfoGuard.strict().parse(user)).not.toThrow();
      if (event !== 'User.Deleted') expect(body.userId).toBe((user as { id: string }).id);
    }
    for (const event of hookEvents) {
      const { application } = arrived.get(event)!;
      if (!application) continue;
      expect(keysOf(application)).toEqual(['id', 'type', 'name', 'description']);
      expect(() => applicationGuard.parse(application)).not.toThrow();
    }
  });

  it('names the application it attaches by the id it carries', () => {
    for (const event of ['TrustedDevice.Created', 'Identifier.Lockout', 'Message.RateLimited', 'Grant.LimitExceeded'] as const) {
      const body = arrived.get(event)!;
      expect(body.applicationId).toBe((body.application as { id: string }).id);
    }
  });

  it('answers the profile routes as transpileAdminUserProfileResponse does: user info, then hasPassword', () => {
    for (const event of ['User.Created', 'User.Data.Updated', 'User.SuspensionStatus.Updated'] as const) {
      const { data } = arrived.get(event)!;
      expect(keysOf(data)).toEqual([...userInfoSelectFields, 'hasPassword']);
      expect(() => userProfileResponseGuard.strict().parse(data)).not.toThrow();
    }
    expect((arrived.get('User.SuspensionStatus.Updated')!.data as { isSuspended: boolean }).isSuspended).toBe(true);
  });

  it('carries each entity as its @logto/schemas guard parses it, keys in the guard’s order', () => {
    for (const event of hookEvents) {
      const [entity, action] = event.split('.') as [keyof typeof ENTITY_GUARDS, string];
      const guard = ENTITY_GUARDS[entity];
      const { data } = arrived.get(event)!;
      if (!guard || data === undefined || action === 'Scopes') continue;
      expect(keysOf(data)).toEqual(Object.keys(guard.shape));
      expect(() => guard.strict().parse(data)).not.toThrow();
    }
    const scopes = arrived.get('Role.Scopes.Updated')!.data as unknown[];
    expect(scopes.length).toBeGreaterThan(0);
    for (const scope of scopes) expect(keysOf(scope)).toEqual(Object.keys(Scopes.guard.shape));
  });

  it('fires each data event from the Management API route Logto fires it on', () => {
    for (const event of hookEvents) {
      const route = sampleRouteKey(event);
      if (!route) continue;
      const body = arrived.get(event)!;
      if (!FIRED_BY_HANDLER.has(event)) expect(registered[route]).toBe(event);
      expect(`${body.method} ${body.matchedRoute}`).toBe(route);
      const params = body.params as Record<string, string>;
      const filled = Object.entries(params).reduce((path, [name, value]) => path.replace(`:${name}`, value), String(body.matchedRoute));
      expect(body.path).toBe(filled);
      // Logto carries `data` on every route that answers a body, and on none that answers 204 (except the handler-appended ones).
      if (!FIRED_BY_HANDLER.has(event)) expect('data' in body).toBe(body.status !== 204);
    }
  });

  it('gives the membership change as Logto’s handler does: the organization and the non-empty deltas', () => {
    const body = arrived.get('Organization.Membership.Updated')!;
    expect(body.organizationId).toBe((body.params as { id: string }).id);
    expect(body.addedUserIds).toEqual([expect.stringMatching(/^[0-9a-z]{12}$/)]);
  });

  it('carries the trusted device projection and the adaptive MFA result', () => {
    for (const event of ['TrustedDevice.Created', 'TrustedDevice.Deleted'] as const) {
      const { data } = arrived.get(event)!;
      expect(keysOf(data)).toEqual(['id', 'userId', 'expiresAt']);
      expect(() => TrustedDevices.guard.pick({ id: true, userId: true, expiresAt: true }).strict().parse(data)).not.toThrow();
    }
    const deleted = arrived.get('TrustedDevice.Deleted')!;
    expect((deleted.data as { id: string }).id).toBe((deleted.params as { trustedDeviceId: string }).trustedDeviceId);
    const { adaptiveMfaResult } = arrived.get('PostSignInAdaptiveMfaTriggered')!;
    expect(adaptiveMfaResult).toMatchObject({ requiresMfa: true, triggeredRules: [{ rule: 'new_country' }] });
  });

  it('dates and names things as Logto would at that moment', () => {
    const at = (event: HookEvent) => Date.parse(String(arrived.get(event)!.createdAt));
    // A row the call just inserted is dated by the call; one it updated or lists is older.
    for (const event of ['Scope.Created', 'Organization.Created'] as const) {
      expect((arrived.get(event)!.data as { createdAt: number }).createdAt).toBeGreaterThanOrEqual(at(event) - 1000);
    }
    for (const event of ['Scope.Data.Updated', 'Organization.Data.Updated'] as const) {
      expect((arrived.get(event)!.data as { createdAt: number }).createdAt).toBeLessThan(at(event) - 86_400_000);
    }
    // Organizations have 12-character ids (their SchemaRouter's idLength), roles and scopes 21.
    for (const event of [
      'Organization.Created',
      'Organization.Deleted',
      'Organization.Data.Updated',
      'Organization.Membership.Updated',
    ] as const) {
      const body = arrived.get(event)!;
      const id = (body.data as { id?: string } | undefined)?.id ?? (body.params as { id: string }).id;
      expect(id).toMatch(/^[0-9a-z]{12}$/);
    }
    expect((arrived.get('Role.Created')!.data as { id: string }).id).toMatch(/^[0-9a-z]{21}$/);
    // Submitting a sign-in or registration sets lastSignInAt before the hook; adaptive MFA is queued before that, and a reset never sets it.
    const lastSignIn = (event: HookEvent) => (arrived.get(event)!.user as { lastSignInAt: number | null }).lastSignInAt!;
    for (const event of ['PostSignIn', 'PostRegister'] as const) expect(lastSignIn(event)).toBe(at(event));
    for (const event of ['PostSignInAdaptiveMfaTriggered', 'PostResetPassword'] as const) expect(lastSignIn(event)).toBeLessThan(at(event));
    expect((arrived.get('User.Created')!.data as { lastSignInAt: null }).lastSignInAt).toBeNull();
  });

  it('puts the exception facts at the top level, as Logto’s routes append them', () => {
    const lockout = arrived.get('Identifier.Lockout')!;
    expect(() => verificationIdentifierGuard.strict().parse({ type: lockout.type, value: lockout.value })).not.toThrow();
    const rateLimited = arrived.get('Message.RateLimited')!;
    expect(rateLimited.action).toBe(SentinelActivityAction.VerificationCodeSend);
    expect(rateLimited.recipient).toEqual(expect.stringContaining('@'));
    const grant = arrived.get('Grant.LimitExceeded')!;
    expect(grant.preRevocationActiveGrantCount).toBe(Number(grant.maxAllowedGrants) + (grant.revokedGrantIds as string[]).length);
  });
});

describe('sample payloads', () => {
  it.each(hookEvents)('%s has fresh values on every call and no hookId (the engine adds it per hook)', (event) => {
    const sample = samplePayload(event);
    expect(sample).not.toHaveProperty('hookId');
    expect(JSON.stringify(samplePayload(event))).not.toBe(JSON.stringify(sample));
  });

  it('type-check against the payload types of @logto/schemas', () => {
    // Logto's enums (InteractionHookEvent, ApplicationType…) are written as their string values on the wire.
    type Wire<T> = T extends string
      ? `${T}`
      : T extends readonly (infer U)[]
        ? Wire<U>[]
        : T extends object
          ? { [K in keyof T]: Wire<T[K]> }
          : T;
    type Sent<P> = Wire<BetterOmit<P, 'hookId'>>;
    type Built<F extends (...args: never[]) => unknown> = NonNullable<ReturnType<F>>;
    // A compile-time check (`npm run typecheck`): Source must be assignable to Target.
    const fits =
      <Target>() =>
      <Source extends Target>(_value?: Source) =>
        true;
    expect(fits<Sent<InteractionHookEventPayload>>()<Built<typeof interactionPayload>>()).toBe(true);
    expect(fits<Sent<DataHookEventPayload>>()<Built<typeof managementApiPayload>>()).toBe(true);
    expect(fits<Sent<DataHookEventPayload>>()<Built<typeof experienceDataPayload>>()).toBe(true);
    expect(fits<TrustedDeviceEventData>()<ReturnType<typeof trustedDevice>>()).toBe(true);
    expect(fits<Sent<ExceptionHookEventPayload>>()<Built<typeof exceptionPayload>>()).toBe(true);
    expect(fits<Sent<ExceptionHookEventPayload> & GrantLimitExceededEventData>()<Built<typeof triggerEventPayload>>()).toBe(true);
    // And at run time each family answers only for its own events.
    expect(hookEvents.filter((event) => interactionPayload(event, new Date()))).toEqual([
      'PostRegister',
      'PostSignIn',
      'PostSignInAdaptiveMfaTriggered',
      'PostResetPassword',
    ]);
    expect(hookEvents.filter((event) => triggerEventPayload(event, new Date()))).toEqual(['Grant.LimitExceeded']);
  });
});

describe('Logto’s test payload', () => {
  const now = new Date('2026-11-22T10:00:00.000Z');

  it('is the fixed interaction data of the spec, keys in Logto’s order', () => {
    const payload = logtoTestPayload('hook-1', 'PostSignIn', now);
    expect(JSON.stringify(payload)).toBe(
      JSON.stringify({
        event: 'PostSignIn',
        hookId: 'hook-1',
        createdAt: '2026-11-22T10:00:00.000Z',
        userAgent: 'fake-user-agent',
        sessionId: 'fake-session-id',
        userIp: 'fake-user-ip',
        userId: 'fake-id',
        user: {
          id: 'fake-id',
          username: 'fake-user',
          primaryEmail: 'fake-user@fake-service.com',
          primaryPhone: '1234567890',
          name: 'Fake User',
          avatar: 'https://fake-service.com/avatars/fake-user.png',
          customData: { theme: 'light' },
          identities: { google: { userId: 'fake-google-user-id' } },
          profile: {},
          applicationId: 'fake-application-id',
          cimdClientId: null,
          isSuspended: false,
          lastSignInAt: now.getTime(),
          createdAt: now.getTime(),
          updatedAt: now.getTime(),
        },
        application: {
          id: 'fake-spa-application-id',
          type: 'SPA',
          name: 'Fake Application',
          description: 'Fake application data for testing',
        },
      }),
    );
    expect(() => userInfoGuard.parse((payload as { user: unknown }).user)).not.toThrow();
  });

  it.each(['User.Created', 'Grant.LimitExceeded'] as const)('is the fixed data-event shape for %s', (event) => {
    expect(JSON.stringify(logtoTestPayload('hook-1', event, now))).toBe(
      JSON.stringify({
        event,
        hookId: 'hook-1',
        createdAt: '2026-11-22T10:00:00.000Z',
        userAgent: 'fake-user-agent',
        path: '/fake-path/:id',
        method: 'POST',
        status: 200,
        params: { id: 'fake-id' },
        data: { result: 'success' },
      }),
    );
  });
});
