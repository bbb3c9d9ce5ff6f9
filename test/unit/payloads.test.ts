import {
  Applications,
  InteractionEvent,
  hookEvents as logtoHookEvents,
  managementApiHooksRegistration,
  userInfoGuard,
  userInfoSelectFields,
} from '@logto/schemas';
import { describe, expect, it } from 'vitest';
import { samplePayload, sampleRouteKey } from '../../electron/core/delivery/samplePayloads';
import { logtoTestPayload } from '../../electron/core/delivery/testPayload';
import { eventKind, hookEvents } from '../../shared/events';

const applicationGuard = Applications.guard.pick({ id: true, type: true, name: true, description: true }).strict();
const registered = managementApiHooksRegistration as Record<string, string>;
/** Logto fires these from inside the route handler rather than through the registration table. */
const FIRED_BY_HANDLER = new Set(['User.Deleted', 'Organization.Membership.Updated']);

describe('the event catalog', () => {
  it('holds exactly the events of @logto/schemas, in the same order', () => {
    expect([...hookEvents]).toEqual([...logtoHookEvents]);
  });
});

describe.each(hookEvents)('sample payload for %s', (event) => {
  const sample = samplePayload(event);

  it('names the event, an ISO creation time, and carries no hookId (added per hook when sent)', () => {
    expect(sample.event).toBe(event);
    expect(new Date(sample.createdAt).toISOString()).toBe(sample.createdAt);
    expect(sample).not.toHaveProperty('hookId');
  });

  it('has fresh ids on every call', () => {
    expect(JSON.stringify(samplePayload(event))).not.toBe(JSON.stringify(sample));
  });

  if (eventKind(event) === 'interaction') {
    it('carries the user and application as Logto’s schemas define them', () => {
      expect(Object.keys(sample.user as object).sort()).toEqual([...userInfoSelectFields].sort());
      expect(() => userInfoGuard.parse(sample.user)).not.toThrow();
      expect(() => applicationGuard.parse(sample.application)).not.toThrow();
      expect(Object.values(InteractionEvent)).toContain(sample.interactionEvent);
      expect(sample.userId).toBe((sample.user as { id: string }).id);
    });
  }

  const route = sampleRouteKey(event);
  if (route) {
    it('comes from the Management API route Logto fires it on', () => {
      if (!FIRED_BY_HANDLER.has(event)) expect(registered[route]).toBe(event);
      expect(`${sample.method} ${sample.matchedRoute}`).toBe(route);
      const params = sample.params as Record<string, string>;
      const filled = Object.entries(params).reduce((path, [name, value]) => path.replace(`:${name}`, value), String(sample.matchedRoute));
      expect(sample.path).toBe(filled);
      expect(sample.status).toBeGreaterThanOrEqual(200);
      expect(sample.status).toBeLessThan(300);
      expect(sample).toHaveProperty('data');
    });
  }
});

describe('exception payloads', () => {
  it('Grant.LimitExceeded carries what @logto/schemas says it does', () => {
    const data = samplePayload('Grant.LimitExceeded').data as Record<string, unknown>;
    expect(data).toEqual({
      userId: expect.any(String),
      applicationId: expect.any(String),
      revokedGrantIds: expect.arrayContaining([expect.any(String)]),
      maxAllowedGrants: expect.any(Number),
      preRevocationActiveGrantCount: expect.any(Number),
    });
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
