import { timingSafeEqual } from 'node:crypto';
import { counted } from '../../../shared/counted';
import type { Hook } from '../../../shared/domain';
import { sign } from '../delivery/sign';

export type SignatureVerdict = { kind: 'valid'; hook: Hook } | { kind: 'missing' } | { kind: 'invalid'; reason: string };

/**
 * Whose key signed these bytes: each hook with a key is tried, in constant time per key, so a
 * request a real Logto signed is matched to the hook whose key was pasted from Logto's Console.
 */
export function verifySignature(body: Buffer, header: string | undefined, hooks: readonly Hook[]): SignatureVerdict {
  if (header === undefined || header === '') return { kind: 'missing' };
  const given = Buffer.from(header.trim(), 'utf8');
  const keyed = hooks.filter((hook) => hook.signingKey !== '');
  for (const hook of keyed) {
    const expected = Buffer.from(sign(hook.signingKey, body), 'utf8');
    if (expected.length === given.length && timingSafeEqual(expected, given)) return { kind: 'valid', hook };
  }
  const reason =
    keyed.length === 0
      ? 'no hook has a signing key to check it with; paste the key from Logto’s Console into a hook'
      : `it matches none of the keys of your ${counted(keyed.length, 'hook')} with a key`;
  return { kind: 'invalid', reason };
}
