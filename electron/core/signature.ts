/**
 * The signature lab: does this signature verify this body with this key, and when it does not,
 * which of the usual mistakes explains it? Each candidate is a body (or key, or encoding) someone
 * might have signed or verified instead of Logto's raw bytes.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { SignatureDiagnosis, SignatureMistake } from '../../shared/check';

export type OtherKey = { hookId: string; name: string; key: string };

type Candidate = { kind: SignatureMistake; bytes: Buffer; key: string; message: string; hookId?: string };

const hmac = (key: string, bytes: Buffer) => createHmac('sha256', key).update(bytes).digest('hex');

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function diagnoseSignature(input: {
  body: string;
  signature: string | null;
  key: string;
  otherKeys?: OtherKey[];
}): SignatureDiagnosis {
  const raw = Buffer.from(input.body, 'utf8');
  const expected = hmac(input.key, raw);
  const received = input.signature;
  if (received === null) {
    return {
      verdict: 'missing',
      message:
        'There is no logto-signature-sha-256 header. Logto leaves it out only when the hook has no signing key; a receiver expecting one must answer 401.',
      expected,
      received,
      mistake: null,
    };
  }
  if (same(received, expected)) {
    return {
      verdict: 'valid',
      message: 'Valid: the signature is the HMAC-SHA256 of these exact bytes with this key.',
      expected,
      received,
      mistake: null,
    };
  }
  const mistake = candidates(input.body, input.key, input.otherKeys ?? []).find((candidate) =>
    same(received.trim(), hmac(candidate.key, candidate.bytes)),
  );
  const uppercase = received.toLowerCase() === expected && received !== expected;
  const found = uppercase
    ? {
        kind: 'uppercase-hex' as const,
        message:
          'The signature is right but in uppercase hex; Logto sends lowercase, and a byte-wise comparison tells them apart. Compare the lowercase hex digest.',
      }
    : ((mistake && { kind: mistake.kind, message: mistake.message, ...(mistake.hookId ? { hookId: mistake.hookId } : {}) }) ??
      digestMistake(received.trim(), raw, input.key));
  return {
    verdict: 'invalid',
    message: found
      ? `Invalid. ${found.message}`
      : 'Invalid, and none of the usual mistakes explains it: check that the key is this hook’s current key and that the body is exactly the bytes received.',
    expected,
    received,
    mistake: found ?? null,
  };
}

function candidates(body: string, key: string, otherKeys: OtherKey[]): Candidate[] {
  const list: Candidate[] = [];
  const add = (kind: SignatureMistake, text: string | Buffer, message: string) => {
    const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    if (!bytes.equals(Buffer.from(body, 'utf8'))) list.push({ kind, bytes, key, message });
  };
  const rawBytes = 'Verify the raw bytes as they arrived, before any JSON parsing.';
  // Byte-level slips first: they explain a signature more precisely than any re-formatting.
  add(
    'trailing-newline',
    `${body}\n`,
    'The signature matches this body with a trailing newline added: something appended one (an editor, echo, a logging layer). Sign and verify the bytes exactly as sent.',
  );
  if (body.endsWith('\n')) {
    add(
      'trailing-newline',
      body.replace(/\r?\n$/, ''),
      'The signature matches this body without its trailing newline: a newline was added after signing (an editor or copy-paste). Verify the bytes exactly as received.',
    );
  }
  add(
    'encoding',
    Buffer.from(body, 'latin1'),
    'The signature matches this body encoded as Latin-1 instead of UTF-8: the bytes were decoded and re-encoded. Verify the raw bytes, never a decoded string.',
  );
  add(
    'encoding',
    Buffer.from(body, 'utf16le'),
    'The signature matches this body encoded as UTF-16: the text was hashed as a UTF-16 string. Hash the raw UTF-8 bytes.',
  );
  let parsed: unknown;
  let json = false;
  try {
    parsed = JSON.parse(body);
    json = true;
  } catch {}
  if (json) {
    add(
      'reserialised',
      JSON.stringify(parsed),
      `The signature matches this body re-serialised compactly (JSON.stringify of the parsed JSON): these bytes are a re-formatted copy, not the ones signed. ${rawBytes}`,
    );
    for (const indent of [2, 4, '\t'] as const) {
      add(
        'pretty-printed',
        JSON.stringify(parsed, null, indent),
        `The signature matches this body pretty-printed (indent ${JSON.stringify(indent)}): one side signs or verifies a re-formatted body. ${rawBytes}`,
      );
    }
    add(
      'python-json-dumps',
      pythonDumps(parsed),
      `The signature matches Python’s json.dumps() of the parsed body (", " and ": " separators, non-ASCII escaped). ${rawBytes}`,
    );
  }
  for (const other of otherKeys) {
    if (other.key !== key) {
      list.push({
        kind: 'other-hook-key',
        bytes: Buffer.from(body, 'utf8'),
        key: other.key,
        hookId: other.hookId,
        message: `The signature was made with the key of another hook, “${other.name}”: the receiver and the hook disagree about which key is whose.`,
      });
    }
  }
  return list;
}

/**
 * Mistakes in how the digest is made or written rather than in the bytes: the habits of other
 * webhook providers (GitHub's `sha256=` prefix, Stripe's and Shopify's base64, Svix's base64 secret).
 */
function digestMistake(received: string, raw: Buffer, key: string): { kind: SignatureMistake; message: string } | undefined {
  const digest = createHmac('sha256', key).update(raw).digest();
  const bare = 'Logto sends the bare lowercase hex digest of HMAC-SHA256, with no prefix.';
  const written: Array<[string, string]> = [
    [`sha256=${digest.toString('hex')}`, `The signature is right but written with a "sha256=" prefix, as GitHub writes it; ${bare}`],
    [digest.toString('base64'), `The signature is right but written in base64; ${bare}`],
    [digest.toString('base64url'), `The signature is right but written in base64url; ${bare}`],
  ];
  const format = written.find(([text]) => same(received, text));
  if (format) return { kind: 'digest-format', message: format[1] };
  const algorithms: Array<[string, string]> = [
    [createHmac('sha1', key).update(raw).digest('hex'), 'HMAC-SHA1'],
    [createHmac('sha512', key).update(raw).digest('hex'), 'HMAC-SHA512'],
    [createHash('sha256').update(raw).digest('hex'), 'a plain SHA-256 of the body, with no key'],
    [createHmac('sha256', raw).update(key).digest('hex'), 'HMAC-SHA256 with the key and the body swapped'],
  ];
  const algorithm = algorithms.find(([text]) => same(received, text));
  if (algorithm)
    return {
      kind: 'other-algorithm',
      message: `The signature is ${algorithm[1]}; Logto signs with HMAC-SHA256, the body as the message and the key as the key.`,
    };
  // A Logto key is text used as it is; decoding it as base64 or hex first gives other key bytes.
  for (const encoding of ['base64', 'hex'] as const) {
    const decoded = Buffer.from(key, encoding);
    if (decoded.length > 0 && same(received, createHmac('sha256', decoded).update(raw).digest('hex'))) {
      return {
        kind: 'decoded-key',
        message: `The signature was made with the key decoded from ${encoding} first; Logto uses the key's text exactly as shown (its UTF-8 bytes), never decoded.`,
      };
    }
  }
  return undefined;
}

/** Python's `json.dumps(value)` with its defaults: ", " and ": " separators, ensure_ascii. */
export function pythonDumps(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pythonDumps).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([name, item]) => `${pythonDumps(name)}: ${pythonDumps(item)}`)
      .join(', ')}}`;
  }
  if (typeof value === 'string') {
    return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  }
  return JSON.stringify(value);
}
