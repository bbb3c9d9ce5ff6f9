import { eventKind, type HookEvent } from '../../../shared/events';

/**
 * Logto's "Send test payload" body: fixed made-up data, keys in the order Logto writes them
 * (the order is part of the bytes that are signed).
 */
export function logtoTestPayload(hookId: string, event: HookEvent, now = new Date()): Record<string, unknown> {
  const basic = { event, hookId, createdAt: now.toISOString(), userAgent: 'fake-user-agent' };
  if (eventKind(event) !== 'interaction') {
    return { ...basic, path: '/fake-path/:id', method: 'POST', status: 200, params: { id: 'fake-id' }, data: { result: 'success' } };
  }
  const epochMs = now.getTime();
  return {
    ...basic,
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
      lastSignInAt: epochMs,
      createdAt: epochMs,
      updatedAt: epochMs,
    },
    application: {
      id: 'fake-spa-application-id',
      type: 'SPA',
      name: 'Fake Application',
      description: 'Fake application data for testing',
    },
  };
}
