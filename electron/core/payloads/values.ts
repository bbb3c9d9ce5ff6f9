/**
 * Believable sample values: people, browsers, addresses, and Logto's entities with their keys in
 * the order Logto's schemas (and so its Management API responses) hold them. Fresh ids every call.
 */
import { randomInt } from 'node:crypto';
import { randomId } from '../util/ids';

/** Logto's `generateStandardId()`: 21 of `[0-9a-z]`. */
export const standardId = () => randomId(21);
/** Logto's user ids are 12 of `[0-9a-z]` (`users.id varchar(12)`). */
export const userId = () => randomId(12);
/** Organizations too: their SchemaRouter is built with `idLength: 12` (routes/organization/index.ts). */
export const organizationId = () => randomId(12);

const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
/** oidc-provider's ids (interaction jti, grant ids): nanoid's 21 URL-safe characters. */
export function oidcId(): string {
  let id = '';
  for (let i = 0; i < 21; i++) id += URL_SAFE[randomInt(URL_SAFE.length)];
  return id;
}

/** The tenant id of a self-hosted Logto (OSS); the Management API echoes it in every entity. */
const TENANT_ID = 'default';

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
/** Who calls the Management API: the Console in a browser, or a backend's HTTP client. */
const API_CLIENTS = [BROWSERS[0]!, 'node', 'axios/1.7.9', 'python-requests/2.32.3'];

export const pick = <T>(items: readonly T[]): T => items[randomInt(items.length)]!;
export const browser = () => pick(BROWSERS);
export const apiClient = () => pick(API_CLIENTS);
/** An address from TEST-NET-3 (RFC 5737): looks public, belongs to nobody. */
export const publicIp = () => `203.0.113.${1 + randomInt(254)}`;
const HOUR = 3_600_000;
/** A day in milliseconds, for dating sample values. */
export const DAY = 24 * HOUR;

/**
 * A user as `pick(user, ...userInfoSelectFields)` gives it (packages/schemas/src/types/user.ts).
 * `lastSignInAt` is when the user last signed in: by default two hours before `now`; a sign-in that
 * completes sets it to its own time before its hook is sent.
 */
export function userInfo(
  now: number,
  { joinedMinutesAgo = 60 * 24 * 30, lastSignInAt }: { joinedMinutesAgo?: number; lastSignInAt?: number | null } = {},
) {
  const signedInAt = lastSignInAt === undefined ? now - 2 * HOUR : lastSignInAt;
  const [username, name] = pick(PEOPLE);
  return {
    id: userId(),
    username,
    primaryEmail: `${username.replace('.', '')}@example.com`,
    primaryPhone: null,
    name,
    avatar: null,
    customData: { plan: 'pro' },
    identities: {},
    lastSignInAt: signedInAt,
    createdAt: now - joinedMinutesAgo * 60_000,
    updatedAt: now,
    profile: {},
    applicationId: null,
    cimdClientId: null,
    isSuspended: false,
  };
}
export type UserInfo = ReturnType<typeof userInfo>;

/** `pick(application, 'id', 'type', 'name', 'description')`, as every builder attaches it. */
export const application = () => ({
  id: standardId(),
  type: 'SPA' as const,
  name: 'Acme Web',
  description: 'Customer-facing single-page app',
});

// Entities in the key order of their @logto/schemas guards (the tables' column order): Logto's
// koaGuard replaces a response body with the guard's parse, and that body becomes `data`.
export const role = (id: string) => ({
  tenantId: TENANT_ID,
  id,
  name: 'billing-admin',
  description: 'Manages invoices and payment methods',
  type: 'User' as const,
  isDefault: false,
});
/** `createdAt`: the row is what the route answers, so a scope created by the call is dated by it. */
export const scope = (id: string, resourceId: string, createdAt: number) => ({
  tenantId: TENANT_ID,
  id,
  resourceId,
  name: 'read:invoices',
  description: 'Read invoices',
  createdAt,
});
/** Without `isTrustedDeviceAllowed`: Logto hides it unless its dev features are on (routes/organization/guards.ts). */
export const organization = (id: string, createdAt: number) => ({
  tenantId: TENANT_ID,
  id,
  name: 'Acme Inc.',
  description: 'Design partner',
  customData: {},
  isMfaRequired: false,
  color: {},
  branding: {},
  customCss: null,
  createdAt,
});
export const organizationRole = (id: string) => ({
  tenantId: TENANT_ID,
  id,
  name: 'member',
  description: 'Can view projects',
  type: 'User' as const,
});
export const organizationScope = (id: string) => ({
  tenantId: TENANT_ID,
  id,
  name: 'read:projects',
  description: 'View projects',
});
/** `getTrustedDeviceEventData`: the deliberately small projection (libraries/trusted-device.ts). */
export const trustedDevice = (owner: string, now: number) => ({ id: standardId(), userId: owner, expiresAt: now + 30 * DAY });
