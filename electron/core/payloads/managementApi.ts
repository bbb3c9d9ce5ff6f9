/**
 * Data events as a Management API call fires them (logto-io/logto@1fbc55441f):
 * - routes in `managementApiHooksRegistration` (@logto/schemas): after the handler, `koaManagementApiHooks`
 *   appends `{ ...buildManagementApiContext(ctx), data: ctx.response.body }`. A 204 has no body, so a
 *   registered DELETE (Role.Deleted, Scope.Deleted, …) carries no `data` at all;
 * - `User.Deleted`, `Organization.Membership.Updated` and `TrustedDevice.Deleted` are appended by their
 *   route handlers with their own context (routes/admin-user/basics.ts, routes/organization/user/index.ts,
 *   libraries/trusted-device.ts).
 */
import type { HookEvent } from '../../../shared/events';
import { buildWebhookPayload, dataHookContext, type HookContext, managementApiContext, managementApiMetadata } from './context';
import {
  DAY,
  organization,
  organizationId,
  organizationRole,
  organizationScope,
  role,
  scope,
  standardId,
  trustedDevice,
  type UserInfo,
  userId,
  userInfo,
} from './values';

type Ids = { subject: string; parent: string; user: string };

type Route = {
  method: string;
  route: string;
  status: number;
  /** How the entity the route acts on is named, when not by a standard id. */
  subject?: () => string;
  params: (ids: Ids) => Record<string, string>;
  /** The route's context beyond `buildManagementApiContext`, in the order the route appends it. */
  context: (ids: Ids, now: number) => Record<string, unknown>;
};

/** The profile routes answer `transpileAdminUserProfileResponse(user)`: the user info, then `hasPassword`. */
const userResponse = (user: UserInfo) => ({ data: { ...user, hasPassword: true } });
const noBody = () => ({});
const byId = (ids: Ids) => ({ id: ids.subject });

const ROUTES = {
  'User.Created': {
    method: 'POST',
    route: '/users',
    status: 200,
    params: () => ({}),
    context: (ids, now) => userResponse({ ...userInfo(now, { joinedMinutesAgo: 0, lastSignInAt: null }), id: ids.user }),
  },
  'User.Deleted': {
    method: 'DELETE',
    route: '/users/:userId',
    status: 204,
    params: (ids) => ({ userId: ids.user }),
    // Appended by the handler as `{ ...buildManagementApiContext(ctx), user }`: the user info, no `hasPassword`.
    context: (ids, now) => ({ user: { ...userInfo(now), id: ids.user } }),
  },
  'User.Data.Updated': {
    method: 'PATCH',
    route: '/users/:userId',
    status: 200,
    params: (ids) => ({ userId: ids.user }),
    context: (ids, now) => userResponse({ ...userInfo(now), id: ids.user }),
  },
  'User.SuspensionStatus.Updated': {
    method: 'PATCH',
    route: '/users/:userId/is-suspended',
    status: 200,
    params: (ids) => ({ userId: ids.user }),
    context: (ids, now) => userResponse({ ...userInfo(now), id: ids.user, isSuspended: true }),
  },
  'TrustedDevice.Deleted': {
    method: 'DELETE',
    route: '/users/:userId/trusted-devices/:trustedDeviceId',
    status: 204,
    params: (ids) => ({ userId: ids.user, trustedDeviceId: ids.subject }),
    // Trusted-device payloads leave the request IP out on purpose.
    context: (ids, now) => ({ data: { ...trustedDevice(ids.user, now), id: ids.subject }, includeRequestIp: false }),
  },
  'Role.Created': { method: 'POST', route: '/roles', status: 200, params: () => ({}), context: (ids) => ({ data: role(ids.subject) }) },
  'Role.Deleted': { method: 'DELETE', route: '/roles/:id', status: 204, params: byId, context: noBody },
  'Role.Data.Updated': { method: 'PATCH', route: '/roles/:id', status: 200, params: byId, context: (ids) => ({ data: role(ids.subject) }) },
  'Role.Scopes.Updated': {
    method: 'POST',
    route: '/roles/:id/scopes',
    status: 201,
    params: byId,
    // The response is all of the role's scopes once the new ones are assigned (routes/role.scope.ts).
    context: (_ids, now) => ({ data: [scope(standardId(), standardId(), now - 7 * DAY)] }),
  },
  'Scope.Created': {
    method: 'POST',
    route: '/resources/:resourceId/scopes',
    status: 201,
    params: (ids) => ({ resourceId: ids.parent }),
    context: (ids, now) => ({ data: scope(ids.subject, ids.parent, now) }),
  },
  'Scope.Deleted': {
    method: 'DELETE',
    route: '/resources/:resourceId/scopes/:scopeId',
    status: 204,
    params: (ids) => ({ resourceId: ids.parent, scopeId: ids.subject }),
    context: noBody,
  },
  'Scope.Data.Updated': {
    method: 'PATCH',
    route: '/resources/:resourceId/scopes/:scopeId',
    status: 200,
    params: (ids) => ({ resourceId: ids.parent, scopeId: ids.subject }),
    context: (ids, now) => ({ data: scope(ids.subject, ids.parent, now - 7 * DAY) }),
  },
  'Organization.Created': {
    method: 'POST',
    route: '/organizations',
    status: 201,
    subject: organizationId,
    params: () => ({}),
    context: (ids, now) => ({ data: organization(ids.subject, now) }),
  },
  'Organization.Deleted': {
    method: 'DELETE',
    route: '/organizations/:id',
    status: 204,
    subject: organizationId,
    params: byId,
    context: noBody,
  },
  'Organization.Data.Updated': {
    method: 'PATCH',
    route: '/organizations/:id',
    status: 200,
    subject: organizationId,
    params: byId,
    context: (ids, now) => ({ data: organization(ids.subject, now - 90 * DAY) }),
  },
  'Organization.Membership.Updated': {
    method: 'POST',
    route: '/organizations/:id/users',
    status: 201,
    subject: organizationId,
    params: byId,
    // Appended by the handler: the organization, then only the non-empty deltas, no `data`.
    context: (ids) => ({ organizationId: ids.subject, addedUserIds: [ids.user] }),
  },
  'OrganizationRole.Created': {
    method: 'POST',
    route: '/organization-roles',
    status: 201,
    params: () => ({}),
    context: (ids) => ({ data: organizationRole(ids.subject) }),
  },
  'OrganizationRole.Deleted': { method: 'DELETE', route: '/organization-roles/:id', status: 204, params: byId, context: noBody },
  'OrganizationRole.Data.Updated': {
    method: 'PATCH',
    route: '/organization-roles/:id',
    status: 200,
    params: byId,
    context: (ids) => ({ data: organizationRole(ids.subject) }),
  },
  'OrganizationRole.Scopes.Updated': { method: 'PUT', route: '/organization-roles/:id/scopes', status: 204, params: byId, context: noBody },
  'OrganizationScope.Created': {
    method: 'POST',
    route: '/organization-scopes',
    status: 201,
    params: () => ({}),
    context: (ids) => ({ data: organizationScope(ids.subject) }),
  },
  'OrganizationScope.Deleted': { method: 'DELETE', route: '/organization-scopes/:id', status: 204, params: byId, context: noBody },
  'OrganizationScope.Data.Updated': {
    method: 'PATCH',
    route: '/organization-scopes/:id',
    status: 200,
    params: byId,
    context: (ids) => ({ data: organizationScope(ids.subject) }),
  },
} satisfies Partial<Record<HookEvent, Route>>;
type ManagementApiEvent = keyof typeof ROUTES;
const isManagementApiEvent = (event: HookEvent): event is ManagementApiEvent => event in ROUTES;

/** The Management API route each data event's sample is fired by, as `METHOD /route`. */
export function managementApiRouteKey(event: HookEvent): string | null {
  if (!isManagementApiEvent(event)) return null;
  const route: Route = ROUTES[event];
  return `${route.method} ${route.route}`;
}

export function managementApiPayload(event: HookEvent, now: Date) {
  if (!isManagementApiEvent(event)) return null;
  const route: Route = ROUTES[event];
  const ids: Ids = { subject: (route.subject ?? standardId)(), parent: standardId(), user: userId() };
  const context: HookContext<ManagementApiEvent> = dataHookContext(event, {
    ...managementApiContext(route.method, route.route, route.params(ids), route.status),
    ...route.context(ids, now.getTime()),
  });
  // The Management API middleware records no application, so none is attached.
  return buildWebhookPayload(context, managementApiMetadata(), undefined, now);
}
