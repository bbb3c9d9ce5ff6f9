import { randomInt } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A random lowercase alphanumeric string from the CSPRNG, the alphabet Logto's own ids and keys use. */
export function randomId(length: number): string {
  let id = '';
  for (let i = 0; i < length; i++) id += ALPHABET[randomInt(ALPHABET.length)];
  return id;
}

/** Logto's standard id length. */
export const newId = () => randomId(21);
/** Logto's signing keys are 32 characters. */
export const newSigningKey = () => randomId(32);
