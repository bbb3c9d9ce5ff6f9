/**
 * The catalog of Logto webhook events, in the order and grouping Logto Console shows them.
 * Source: `hookEvents` in @logto/schemas 1.43 (a contract test keeps the two in step).
 */

export type EventKind = 'interaction' | 'data' | 'exception';

export type EventGroup = {
  /** Heading shown in the event picker. */
  label: string;
  kind: EventKind;
  events: readonly EventInfo[];
};

export type EventInfo = {
  name: string;
  description: string;
};

export const eventGroups = [
  {
    label: 'Interaction',
    kind: 'interaction',
    events: [
      { name: 'PostRegister', description: 'A user finished creating an account.' },
      { name: 'PostSignIn', description: 'A user finished signing in.' },
      {
        name: 'PostSignInAdaptiveMfaTriggered',
        description: 'Sign-in asked for extra verification because adaptive MFA saw risk.',
      },
      { name: 'PostResetPassword', description: 'A user finished resetting their password.' },
    ],
  },
  {
    label: 'User',
    kind: 'data',
    events: [
      { name: 'User.Created', description: 'A user was created.' },
      { name: 'User.Deleted', description: 'A user was deleted.' },
      { name: 'User.Data.Updated', description: 'A user’s profile, custom data or password changed.' },
      { name: 'User.SuspensionStatus.Updated', description: 'A user was suspended or reactivated.' },
    ],
  },
  {
    label: 'Trusted device',
    kind: 'data',
    events: [
      { name: 'TrustedDevice.Created', description: 'A user trusted a device (Logto dev feature).' },
      { name: 'TrustedDevice.Deleted', description: 'A trusted device was removed (Logto dev feature).' },
    ],
  },
  {
    label: 'Role',
    kind: 'data',
    events: [
      { name: 'Role.Created', description: 'A role was created.' },
      { name: 'Role.Deleted', description: 'A role was deleted.' },
      { name: 'Role.Data.Updated', description: 'A role’s name or description changed.' },
      { name: 'Role.Scopes.Updated', description: 'Permissions were added to or removed from a role.' },
    ],
  },
  {
    label: 'Permission (scope)',
    kind: 'data',
    events: [
      { name: 'Scope.Created', description: 'An API resource permission was created.' },
      { name: 'Scope.Deleted', description: 'An API resource permission was deleted.' },
      { name: 'Scope.Data.Updated', description: 'An API resource permission changed.' },
    ],
  },
  {
    label: 'Organization',
    kind: 'data',
    events: [
      { name: 'Organization.Created', description: 'An organization was created.' },
      { name: 'Organization.Deleted', description: 'An organization was deleted.' },
      { name: 'Organization.Data.Updated', description: 'An organization’s details changed.' },
      { name: 'Organization.Membership.Updated', description: 'Members joined or left an organization.' },
    ],
  },
  {
    label: 'Organization role',
    kind: 'data',
    events: [
      { name: 'OrganizationRole.Created', description: 'An organization role was created.' },
      { name: 'OrganizationRole.Deleted', description: 'An organization role was deleted.' },
      { name: 'OrganizationRole.Data.Updated', description: 'An organization role changed.' },
      {
        name: 'OrganizationRole.Scopes.Updated',
        description: 'Permissions of an organization role changed.',
      },
    ],
  },
  {
    label: 'Organization permission',
    kind: 'data',
    events: [
      { name: 'OrganizationScope.Created', description: 'An organization permission was created.' },
      { name: 'OrganizationScope.Deleted', description: 'An organization permission was deleted.' },
      { name: 'OrganizationScope.Data.Updated', description: 'An organization permission changed.' },
    ],
  },
  {
    label: 'Exception',
    kind: 'exception',
    events: [
      { name: 'Identifier.Lockout', description: 'An identifier was locked after too many failed attempts.' },
      { name: 'Message.RateLimited', description: 'An email or SMS was not sent because of rate limits.' },
      {
        name: 'Grant.LimitExceeded',
        description: 'Old grants were revoked because a user exceeded the allowed grants.',
      },
    ],
  },
] as const satisfies readonly EventGroup[];

type Groups = typeof eventGroups;
export type HookEvent = Groups[number]['events'][number]['name'];

/** Every event, in catalog order; a non-empty tuple so zod can build an enum from it. */
export const hookEvents = eventGroups.flatMap((group) => group.events.map((event) => event.name)) as [HookEvent, ...HookEvent[]];

const kindByEvent = new Map<string, EventKind>(
  eventGroups.flatMap((group) => group.events.map((event) => [event.name, group.kind] as const)),
);

export function isHookEvent(name: string): name is HookEvent {
  return kindByEvent.has(name);
}

/** A name as people mistype it: case and separators dropped ("user_created", "postsignin"). */
const looseName = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');
const eventByLooseName = new Map<string, HookEvent>(hookEvents.map((event) => [looseName(event), event]));

/** The event a name that is not one means, when it differs only in case or separators. */
export function eventMeant(name: string): HookEvent | undefined {
  return eventByLooseName.get(looseName(name));
}

export function eventKind(event: HookEvent): EventKind {
  return kindByEvent.get(event)!;
}
