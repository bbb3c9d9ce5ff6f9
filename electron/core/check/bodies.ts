/**
 * The bodies a receiver check sends, each built from a realistic sample payload. The only place
 * the check reaches for sample payloads (seam: `samplePayload(event)`).
 */
import type { EventPayload } from '../../../shared/domain';
import { type HookEvent, isHookEvent } from '../../../shared/events';
import { samplePayload } from '../payloads';
import { randomId } from '../util/ids';

/**
 * Logto caps each membership delta array at 5 000 ids (`MEMBERSHIP_DELTA_CAP`, applied by
 * `truncateMembershipDelta` in packages/core/src/libraries/hook/utils.ts and called from
 * packages/core/src/routes/organization/user/index.ts and …/application/index.ts).
 */
export const MEMBERSHIP_DELTA_CAP = 5_000;

/** `JSON.stringify({ ...payload, hookId })`: Logto appends hookId last, and the key order is part of the signed bytes. */
export function logtoBody(payload: EventPayload | Record<string, unknown>, hookId: string): string {
  const { hookId: _replaced, ...fields } = payload;
  return JSON.stringify({ ...fields, hookId });
}

export const genuineBody = (event: HookEvent, hookId: string) => logtoBody(samplePayload(event), hookId);

/** One byte changed, still valid JSON, so only the signature can tell: the last digit becomes another digit. */
export function oneByteChanged(body: string): string {
  for (let index = body.length - 1; index >= 0; index--) {
    const char = body[index]!;
    if (char >= '0' && char <= '9') return body.slice(0, index) + (char === '9' ? '0' : String(Number(char) + 1)) + body.slice(index + 1);
  }
  return `${body} `;
}

/** A payload field Logto may add one day; receivers must ignore what they do not know. */
export function withUnknownField(event: HookEvent, hookId: string): string {
  const { event: name, createdAt, ...rest } = samplePayload(event);
  return logtoBody({ event: name, createdAt, ...rest, futureField: { addedBy: 'a later Logto', values: [1, 2, 3] } }, hookId);
}

/**
 * Organization.Membership.Updated as large as Logto sends it: every delta array at the cap (user
 * ids 12 characters, application ids 21, as Logto generates them). No `data`: membership payloads
 * carry the delta at the top level.
 */
export function largestBody(hookId: string): string {
  const { data: _none, ...context } = samplePayload('Organization.Membership.Updated');
  const ids = (length: number) => Array.from({ length: MEMBERSHIP_DELTA_CAP }, () => randomId(length));
  const params = context.params as Record<string, string> | undefined;
  return logtoBody(
    {
      ...context,
      organizationId: params?.id ?? randomId(21),
      addedUserIds: ids(12),
      removedUserIds: ids(12),
      addedApplicationIds: ids(21),
      removedApplicationIds: ids(21),
    },
    hookId,
  );
}

/**
 * An `.Updated` and its `.Created` about the same entity, Updated first. Uses a family the hook
 * subscribes to when it has one, else User.
 */
export function outOfOrderBodies(events: HookEvent[], hookId: string): Array<{ event: HookEvent; body: string }> {
  const family =
    events.map((event) => /^(.+)\.Created$/.exec(event)?.[1]).find((name) => name && isHookEvent(`${name}.Data.Updated`)) ?? 'User';
  const created = `${family}.Created` as HookEvent;
  const updated = `${family}.Data.Updated` as HookEvent;
  const before = samplePayload(created);
  const after = samplePayload(updated);
  const entity = before.data as Record<string, unknown>;
  const changed = { ...(after.data as Record<string, unknown>), id: entity.id };
  return [
    { event: updated, body: logtoBody({ ...after, data: changed }, hookId) },
    { event: created, body: logtoBody(before, hookId) },
  ];
}

/**
 * The same payload laid out as no common serializer writes it (one-space indent, trailing newline),
 * correctly signed over those bytes: a receiver verifying raw bytes accepts it, one that
 * re-serialises before verifying does not.
 */
export function reformatted(body: string): string {
  return `${JSON.stringify(JSON.parse(body), null, 1)}\n`;
}
