/**
 * Believable payloads for "Trigger event": shaped as @logto/schemas types them, keys in the order
 * a Logto tenant writes them, with fresh ids on every call. `hookId` is added per hook when sent.
 */
import type { EventPayload } from '../../../shared/domain';
import type { HookEvent } from '../../../shared/events';
import { randomId } from '../util/ids';

const PEOPLE = [
  ['jane', 'Jane Cooper'],
  ['li.wei', 'Li Wei'],
  ['amara', 'Amara Okafor'],
  ['mateo', 'Mateo García'],
  ['sofia', 'Sofia Rossi'],
] as const;
const BROWSERS = [
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
];

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
const publicIp = () => `203.0.113.${1 + Math.floor(Math.random() * 254)}`;
const minutesAgo = (now: number, minutes: number) => now - minutes * 60_000;

function sampleUser(now: number) {
  const [username, name] = pick(PEOPLE);
  const id = randomId(12);
  return {
    id,
    username,
    primaryEmail: `${username.replace('.', '')}@example.com`,
    primaryPhone: null,
    name,
    avatar: null,
    customData: { plan: 'pro' },
    identities: {},
    lastSignInAt: now,
    createdAt: minutesAgo(now, 60 * 24 * 30),
    updatedAt: now,
    profile: {},
    applicationId: null,
    isSuspended: false,
  };
}

function sampleApplication() {
  return { id: randomId(21), type: 'SPA', name: 'Acme Web', description: 'Customer-facing single-page app' };
}

const INTERACTION: Record<string, 'SignIn' | 'Register' | 'ForgotPassword'> = {
  PostRegister: 'Register',
  PostSignIn: 'SignIn',
  PostSignInAdaptiveMfaTriggered: 'SignIn',
  PostResetPassword: 'ForgotPassword',
};

/** The Management API call that fires each data event (from managementApiHooksRegistration). */
type Route = {
  method: string;
  route: string;
  status: number;
  params: (ids: Ids) => Record<string, string>;
  data: (ids: Ids, now: number) => unknown;
};
type Ids = { subject: string; other: string };

const user = (ids: Ids, now: number) => ({ ...sampleUser(now), id: ids.subject });
const role = (ids: Ids) => ({
  id: ids.subject,
  name: 'billing-admin',
  description: 'Manages invoices and payment methods',
  type: 'User',
  isDefault: false,
});
const scope = (ids: Ids, now: number) => ({
  id: ids.subject,
  resourceId: ids.other,
  name: 'read:invoices',
  description: 'Read invoices',
  createdAt: now,
});
const organization = (ids: Ids, now: number) => ({
  id: ids.subject,
  name: 'Acme Inc.',
  description: 'Design partner',
  customData: {},
  isMfaRequired: false,
  branding: {},
  createdAt: now,
});
const organizationRole = (ids: Ids) => ({ id: ids.subject, name: 'member', description: 'Can view projects', type: 'User' });
const organizationScope = (ids: Ids) => ({ id: ids.subject, name: 'read:projects', description: 'View projects' });

const ROUTES: Partial<Record<HookEvent, Route>> = {
  'User.Created': { method: 'POST', route: '/users', status: 200, params: () => ({}), data: user },
  'User.Deleted': { method: 'DELETE', route: '/users/:userId', status: 204, params: (ids) => ({ userId: ids.subject }), data: user },
  'User.Data.Updated': { method: 'PATCH', route: '/users/:userId', status: 200, params: (ids) => ({ userId: ids.subject }), data: user },
  'User.SuspensionStatus.Updated': {
    method: 'PATCH',
    route: '/users/:userId/is-suspended',
    status: 200,
    params: (ids) => ({ userId: ids.subject }),
    data: (ids, now) => ({ ...user(ids, now), isSuspended: true }),
  },
  'Role.Created': { method: 'POST', route: '/roles', status: 200, params: () => ({}), data: role },
  'Role.Deleted': { method: 'DELETE', route: '/roles/:id', status: 204, params: (ids) => ({ id: ids.subject }), data: role },
  'Role.Data.Updated': { method: 'PATCH', route: '/roles/:id', status: 200, params: (ids) => ({ id: ids.subject }), data: role },
  'Role.Scopes.Updated': { method: 'POST', route: '/roles/:id/scopes', status: 201, params: (ids) => ({ id: ids.subject }), data: role },
  'Scope.Created': {
    method: 'POST',
    route: '/resources/:resourceId/scopes',
    status: 201,
    params: (ids) => ({ resourceId: ids.other }),
    data: scope,
  },
  'Scope.Deleted': {
    method: 'DELETE',
    route: '/resources/:resourceId/scopes/:scopeId',
    status: 204,
    params: (ids) => ({ resourceId: ids.other, scopeId: ids.subject }),
    data: scope,
  },
  'Scope.Data.Updated': {
    method: 'PATCH',
    route: '/resources/:resourceId/scopes/:scopeId',
    status: 200,
    params: (ids) => ({ resourceId: ids.other, scopeId: ids.subject }),
    data: scope,
  },
  'Organization.Created': { method: 'POST', route: '/organizations', status: 201, params: () => ({}), data: organization },
  'Organization.Deleted': {
    method: 'DELETE',
    route: '/organizations/:id',
    status: 204,
    params: (ids) => ({ id: ids.subject }),
    data: organization,
  },
  'Organization.Data.Updated': {
    method: 'PATCH',
    route: '/organizations/:id',
    status: 200,
    params: (ids) => ({ id: ids.subject }),
    data: organization,
  },
  'Organization.Membership.Updated': {
    method: 'POST',
    route: '/organizations/:id/users',
    status: 201,
    params: (ids) => ({ id: ids.subject }),
    data: (ids) => ({ addedUserIds: [ids.other] }),
  },
  'OrganizationRole.Created': { method: 'POST', route: '/organization-roles', status: 201, params: () => ({}), data: organizationRole },
  'OrganizationRole.Deleted': {
    method: 'DELETE',
    route: '/organization-roles/:id',
    status: 204,
    params: (ids) => ({ id: ids.subject }),
    data: organizationRole,
  },
  'OrganizationRole.Data.Updated': {
    method: 'PATCH',
    route: '/organization-roles/:id',
    status: 200,
    params: (ids) => ({ id: ids.subject }),
    data: organizationRole,
  },
  'OrganizationRole.Scopes.Updated': {
    method: 'PUT',
    route: '/organization-roles/:id/scopes',
    status: 204,
    params: (ids) => ({ id: ids.subject }),
    data: organizationRole,
  },
  'OrganizationScope.Created': { method: 'POST', route: '/organization-scopes', status: 201, params: () => ({}), data: organizationScope },
  'OrganizationScope.Deleted': {
    method: 'DELETE',
    route: '/organization-scopes/:id',
    status: 204,
    params: (ids) => ({ id: ids.subject }),
    data: organizationScope,
  },
  'OrganizationScope.Data.Updated': {
    method: 'PATCH',
    route: '/organization-scopes/:id',
    status: 200,
    params: (ids) => ({ id: ids.subject }),
    data: organizationScope,
  },
};

/** The Management API route each data event's sample uses, as `METHOD /route`. */
export function sampleRouteKey(event: HookEvent): string | null {
  const route = ROUTES[event];
  return route ? `${route.method} ${route.route}` : null;
}

export function samplePayload(event: HookEvent, now = new Date()): EventPayload {
  const epochMs = now.getTime();
  const createdAt = now.toISOString();
  const userAgent = pick(BROWSERS);

  const interactionEvent = INTERACTION[event];
  if (interactionEvent) {
    const person = sampleUser(epochMs);
    return {
      event,
      interactionEvent,
      createdAt,
      sessionId: randomId(21),
      userAgent,
      userId: person.id,
      userIp: publicIp(),
      user: { ...person, applicationId: null, cimdClientId: null },
      application: sampleApplication(),
    };
  }

  const route = ROUTES[event];
  if (route) {
    const ids = { subject: event.startsWith('User.') ? randomId(12) : randomId(21), other: randomId(21) };
    const params = route.params(ids);
    const path = Object.entries(params).reduce((filled, [name, value]) => filled.replace(`:${name}`, value), route.route);
    return {
      event,
      createdAt,
      userAgent,
      ip: publicIp(),
      path,
      method: route.method,
      status: route.status,
      params,
      matchedRoute: route.route,
      data: route.data(ids, epochMs),
    };
  }

  // Trusted devices change during sign-in, so they carry the interaction context instead of an API route.
  if (event === 'TrustedDevice.Created' || event === 'TrustedDevice.Deleted') {
    return {
      event,
      createdAt,
      userAgent,
      ip: publicIp(),
      application: sampleApplication(),
      sessionId: randomId(21),
      interactionEvent: 'SignIn',
      data: { id: randomId(21), userId: randomId(12), expiresAt: epochMs + 30 * 24 * 3_600_000 },
    };
  }

  return { event, createdAt, userAgent, ip: publicIp(), data: exceptionData(event, epochMs) };
}

function exceptionData(event: HookEvent, now: number): unknown {
  switch (event) {
    case 'Identifier.Lockout':
      return { identifier: { type: 'email', value: 'jane@example.com' }, lockedUntil: now + 10 * 60_000 };
    case 'Message.RateLimited':
      return { type: 'SignIn', connectorType: 'Email', to: 'jane@example.com' };
    case 'Grant.LimitExceeded':
      return {
        userId: randomId(12),
        applicationId: randomId(21),
        revokedGrantIds: [randomId(21), randomId(21)],
        maxAllowedGrants: 5,
        preRevocationActiveGrantCount: 7,
      };
    default:
      throw new Error(`No sample for ${event}`);
  }
}
