import { randomInt } from 'node:crypto';
import { SIGNING_KEY_LENGTH } from '../../../shared/logto';

/** Logto's alphabets (`packages/shared/src/utils/id.ts`): ids are lowercase, secrets add uppercase. */
const LOWERCASE = '0123456789abcdefghijklmnopqrstuvwxyz';
const MIXED_CASE = `${LOWERCASE}ABCDEFGHIJKLMNOPQRSTUVWXYZ`;

/** `length` characters of `alphabet` from the CSPRNG; `randomInt` rejects out-of-range draws, so no character is favoured. */
function randomString(alphabet: string, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += alphabet[randomInt(alphabet.length)];
  return text;
}

/** A random lowercase alphanumeric string, the alphabet of Logto's ids. */
export const randomId = (length: number) => randomString(LOWERCASE, length);

/** Logto's standard id length. */
export const newId = () => randomId(21);

/**
 * A log row's id, also 21 characters of Logto's id alphabet: its creation time first (base 36,
 * 9 characters, in order until the year 5188), then 12 random ones. Rows written together then sit
 * side by side in the log's id index, so a burst of deliveries rewrites a few pages of that index
 * per commit instead of one per delivery (half of what the log wrote, bench/delivery).
 */
export const newLogId = () => Date.now().toString(36).padStart(9, '0') + randomId(12);
/** As Logto's `generateStandardSecret`: 32 characters of [0-9a-zA-Z]. */
export const newSigningKey = () => randomString(MIXED_CASE, SIGNING_KEY_LENGTH);
