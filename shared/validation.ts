/**
 * Every input rule, shared by the contract, the forms, import and the hooks file (read back with the
 * same rules). Over 300 lines on purpose: the rules refer to each other and belong together.
 */
import { z } from 'zod';
import { deliveryKinds, deliveryOutcomes, type HookHeaders, retryBehaviours } from './domain';
import { eventMeant, hookEvents, isHookEvent } from './events';
import { LOGTO_DEFAULT_RETRIES, LOGTO_USER_AGENT, SIGNATURE_HEADER } from './logto';
import { timeRanges } from './time';

export const HOOK_NAME_MAX = 128;
export const HOOK_URL_MAX = 2048;
export const HEADERS_MAX = 50;
export const SIGNING_KEY_MAX = 256;
/** Logto's `config.retries` is 0–3. */
export const RETRIES_MAX = 3;

/** RFC 9110 token characters: what an HTTP header name may contain. */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * Headers Logto's request would drop or fail on, as Node 22's fetch behaves (docs/wire.md):
 * refused here so the hook never holds one that silently does nothing or breaks every delivery.
 * `te`, `trailer` and `connection: close` are sent as given, so they are allowed.
 */
const RESERVED_HEADERS = new Map<string, string>([
  [SIGNATURE_HEADER, `Logto always sets ${SIGNATURE_HEADER} itself, so this header would never be sent`],
  ['host', 'host is set from the endpoint URL; change the URL instead'],
  ['content-length', "content-length is computed from the body, and Logto's request fails when a custom one differs; remove this header"],
  ['transfer-encoding', "Logto's request fails with a custom transfer-encoding (fetch refuses it); remove this header"],
  ['keep-alive', "Logto's request fails with a custom keep-alive header (fetch refuses it); remove this header"],
  ['upgrade', "Logto's request fails with an upgrade header (fetch refuses it); remove this header"],
  ['expect', "Logto's request fails with an expect header (fetch does not support it); remove this header"],
  // Headers live in JSON objects (the hooks file, Logto's config): this name would be read as the object's prototype.
  ['__proto__', '"__proto__" cannot be kept as a header name; use another name'],
]);

/** The only connection values fetch sends (close replaces keep-alive); any other fails Logto's request. */
const CONNECTION_VALUES = new Set(['close', 'keep-alive']);

export const hookNameSchema = z
  .string({ required_error: 'Give the hook a name', invalid_type_error: 'The name must be text' })
  .trim()
  .min(1, 'Give the hook a name')
  .max(HOOK_NAME_MAX, `Keep the name to ${HOOK_NAME_MAX} characters or fewer`);

export const hookUrlSchema = z
  .string({ required_error: 'Enter the endpoint URL', invalid_type_error: 'The URL must be text' })
  .trim()
  .min(1, 'Enter the endpoint URL, e.g. http://localhost:3000/webhooks')
  .max(HOOK_URL_MAX, `Keep the URL to ${HOOK_URL_MAX} characters or fewer`)
  .superRefine((value, ctx) => {
    const problem = urlProblem(value);
    if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
  });

function urlProblem(value: string): string | null {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    // "javascript:…" names a scheme; "localhost:3000/…" is a host and port missing theirs.
    const scheme = /^([a-z][a-z0-9+.-]*):(?!\d)/i.exec(value)?.[1];
    if (scheme) return `Use an http:// or https:// URL (this one starts with ${scheme}:)`;
    return `Enter a full URL with its scheme: did you mean http://${value.replace(/^\/+/, '')}?`;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  const control = /[\u0000-\u001f\u007f]/.exec(value)?.[0];
  if (control) return `Remove ${describeCharacter(control)} from the URL`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return unparsable(value);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `Use an http:// or https:// URL (this one starts with ${url.protocol}//)`;
  }
  // "http:///x" parses as host "x": a slip, not a host.
  if (/^[a-z][a-z0-9+.-]*:\/\/\//i.test(value)) return 'Add the host after the scheme, e.g. http://localhost:3000/webhooks';
  if (url.port === '0') return 'Port 0 cannot be connected to; use the port your receiver listens on, e.g. http://localhost:3000/webhooks';
  if (url.username || url.password) {
    return 'Remove the user name and password from the URL; send credentials in a custom header instead';
  }
  return null;
}

/** Why a URL that has a scheme still does not parse, as specifically as can be told. */
function unparsable(value: string): string {
  if (/\s/.test(value)) return 'Remove the spaces from the URL (in a path or query, write a space as %20)';
  const authority = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(value)?.[1] ?? '';
  const host = authority.replace(/^.*@/, '');
  if (host === '') return 'Add the host after the scheme, e.g. http://localhost:3000/webhooks';
  const port = /:(\d+)$/.exec(host)?.[1];
  if (port && Number(port) > 65535) return `The port must be from 1 to 65535 (this one is ${port})`;
  return `"${host}" is not a host name, IP address or host:port; check it, e.g. http://localhost:3000/webhooks`;
}

/** Refuses a name that is not an event, naming the event it seems to mean: names are matched exactly, as Logto matches them. */
export function notAnEvent(name: string): string {
  const meant = eventMeant(name);
  return `"${name}" is not a Logto webhook event${meant ? `; did you mean ${meant}? Event names are matched exactly` : ''}`;
}

/** One Logto event name; anything else is refused with the name that was given. */
export const hookEventSchema = z.enum(hookEvents, {
  errorMap: (issue, ctx) => ({
    message:
      issue.code === 'invalid_enum_value'
        ? notAnEvent(String(ctx.data))
        : ctx.data === undefined
          ? 'Choose an event'
          : 'The event must be an event name',
  }),
});

/** A hook's events: errors point at the list (where the form shows them), not at one entry. */
export const hookEventsSchema = z
  .array(z.string({ invalid_type_error: 'Each event must be an event name' }), {
    required_error: 'Pick at least one event',
    invalid_type_error: 'Events must be a list of event names',
  })
  .superRefine((events, ctx) => {
    if (events.length === 0) ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'Pick at least one event' });
    for (const event of events) {
      if (!isHookEvent(event)) ctx.addIssue({ code: z.ZodIssueCode.custom, message: notAnEvent(event) });
    }
  })
  .transform((events) => [...new Set(events.filter(isHookEvent))]);

export const headerRowSchema = z.object({
  name: z.string({ required_error: 'Enter a header name', invalid_type_error: 'The header name must be text' }),
  value: z.string({ required_error: 'Enter a header value', invalid_type_error: 'The header value must be text' }),
});
export type HeaderRow = z.infer<typeof headerRowSchema>;

/** Custom headers as the form edits them: ordered rows, so errors can point at a row. */
export const headerRowsSchema = z
  .array(headerRowSchema, { invalid_type_error: 'Headers must be a list of name/value rows' })
  .max(HEADERS_MAX, `Use at most ${HEADERS_MAX} custom headers`)
  .superRefine((rows, ctx) => {
    // Names are compared exactly, as Logto's Console and API do: `X-Key` and `x-key` may both be
    // kept, and go out joined as one header (joinedHeaderRows).
    const seen = new Map<string, number>();
    rows.forEach((row, index) => {
      const name = row.name.trim();
      const lower = name.toLowerCase();
      if (name === '') {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [index, 'name'], message: 'Enter a header name or remove the row' });
      } else if (!HEADER_NAME.test(name)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: [index, 'name'],
          message: `"${name}" is not a valid header name: use letters, digits and - _ . only, no spaces or colons`,
        });
      } else if (RESERVED_HEADERS.has(lower)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [index, 'name'], message: RESERVED_HEADERS.get(lower)! });
      } else if (seen.has(name)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: [index, 'name'],
          message: `"${name}" is already set in row ${seen.get(name)! + 1}; a header can appear once`,
        });
      } else {
        seen.set(name, index);
      }
      const problem =
        lower === 'connection' && !CONNECTION_VALUES.has(row.value.trim().toLowerCase())
          ? "connection can only be close or keep-alive; with any other value Logto's request fails"
          : headerValueProblem(row.value);
      if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [index, 'value'], message: problem });
    });
  });

/**
 * What each row that shares its header with another will say: fetch's `Headers` (Logto's request,
 * through ky) lowercases names and joins the values of one name with ", ". Logto's object is
 * `{ 'user-agent': …, ...config.headers }`, so a row named exactly `user-agent` replaces Logto's
 * own in place, and `User-Agent` is joined after it. Keyed by row index; rows sent alone are absent.
 */
export function joinedHeaderRows(rows: readonly HeaderRow[]): Map<number, string> {
  const written: Array<{ name: string; value: string; row: number | null }> = [{ name: 'user-agent', value: LOGTO_USER_AGENT, row: null }];
  rows.forEach((row, index) => {
    const name = row.name.trim();
    if (name === '') return;
    const same = written.find((entry) => entry.name === name);
    if (same) Object.assign(same, { value: row.value.trim(), row: index });
    else written.push({ name, value: row.value.trim(), row: index });
  });
  const said = new Map<number, string>();
  for (const lower of new Set(written.map(({ name }) => name.toLowerCase()))) {
    const group = written.filter(({ name }) => name.toLowerCase() === lower);
    if (group.length < 2) continue;
    const sent = `${lower}: ${group.map(({ value }) => value).join(', ')}`;
    for (const { row } of group) {
      if (row === null) continue;
      const others = group
        .filter((entry) => entry.row !== row)
        .map((entry) => (entry.row === null ? "Logto's own user-agent" : `row ${entry.row + 1}`));
      said.set(
        row,
        `Sent joined with ${others.join(' and ')} as one header, "${sent}": Logto's request joins names that differ only in case`,
      );
    }
  }
  return said;
}

/**
 * Why fetch (Logto's, and Hookbench's wire) would refuse to send this header value, or null.
 * A value is sent one byte per character, so only tab, printable ASCII and Latin-1 (up to U+00FF,
 * e.g. "é") can go; control characters, DEL and anything beyond Latin-1 (e.g. "€") never can.
 */
export function headerValueProblem(value: string): string | null {
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (code === 0x09 || (code >= 0x20 && code !== 0x7f && code <= 0xff)) continue;
    const beyond = code > 0xff ? ', which is beyond Latin-1 and cannot be sent in an HTTP header' : '';
    return `Header values cannot contain ${describeCharacter(char)}${beyond}; remove it`;
  }
  return null;
}

/** A character named so the user can find it, even when it does not print. */
export function describeCharacter(char: string): string {
  const code = char.codePointAt(0)!;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (code === 0x0a) return `a line break (LF, ${hex})`;
  if (code === 0x0d) return `a line break (CR, ${hex})`;
  if (code === 0x09) return `a tab (${hex})`;
  if (code === 0x20) return `a space (${hex})`;
  if (code === 0) return `a NUL character (${hex})`;
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return `the control character ${hex}`;
  return `"${char}" (${hex})`;
}

export function headersFromRows(rows: readonly HeaderRow[]): HookHeaders {
  return Object.fromEntries(rows.map((row) => [row.name.trim(), row.value.trim()]));
}

export function rowsFromHeaders(headers: HookHeaders): HeaderRow[] {
  return Object.entries(headers).map(([name, value]) => ({ name, value }));
}

/** Headers as the hooks file stores them (name → value), held to the form's rules. */
export const headersSchema = z
  .record(z.string({ invalid_type_error: 'Each header value must be text' }), { invalid_type_error: 'Headers must be an object' })
  .superRefine((headers, ctx) => {
    const rows = headerRowsSchema.safeParse(rowsFromHeaders(headers));
    if (rows.success) return;
    const names = Object.keys(headers);
    for (const issue of rows.error.issues) {
      const index = issue.path[0];
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: typeof index === 'number' ? [names[index]!] : [],
        message: issue.message,
      });
    }
  });

/**
 * A signing key, typed, pasted from Logto's Console, or imported: used exactly as given, so nothing
 * is trimmed. Outer whitespace (a paste often carries a trailing line break) is refused rather than
 * silently removed, since a changed secret would make every signature fail without saying why.
 * The empty string is Logto's database default: no key, and no signature header is sent.
 */
export const signingKeySchema = z
  .string({ invalid_type_error: 'The signing key must be text' })
  .max(SIGNING_KEY_MAX, `Keep the signing key to ${SIGNING_KEY_MAX} characters or fewer`)
  .superRefine((key, ctx) => {
    const edge = /^\s/.test(key) ? 'starts' : /\s$/.test(key) ? 'ends' : null;
    if (edge) {
      const char = edge === 'starts' ? key[0]! : key.at(-1)!;
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `The signing key ${edge} with ${describeCharacter(char)}; a key is used exactly as given, so remove it (a paste often carries a trailing line break)`,
      });
      return;
    }
    const bad = [...key].find((char) => char < ' ' || char > '~');
    if (bad) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `The signing key contains ${describeCharacter(bad)}; use printable ASCII characters only, as Logto's keys do`,
      });
    }
  });

export const retriesSchema = z
  .number({ invalid_type_error: `Retries must be a number from 0 to ${RETRIES_MAX}` })
  .int(`Retries must be a whole number from 0 to ${RETRIES_MAX}`)
  .min(0, `Retries must be a number from 0 to ${RETRIES_MAX}`)
  .max(RETRIES_MAX, `Logto retries at most ${RETRIES_MAX} times; choose 0 to ${RETRIES_MAX}`);

/** A hook's own retry behaviour, or null for the app's default. */
export const retryBehaviourSchema = z
  .enum(retryBehaviours, {
    errorMap: () => ({ message: `Retry behaviour must be ${retryBehaviours.join(' or ')}, or null for the app's default` }),
  })
  .nullable();

export const hookInputSchema = z
  .object({
    name: hookNameSchema,
    url: hookUrlSchema,
    events: hookEventsSchema,
    headers: headerRowsSchema.default([]),
    /** Omitted: a new key is generated. */
    signingKey: signingKeySchema.optional(),
    retries: retriesSchema.default(LOGTO_DEFAULT_RETRIES),
    retryBehaviour: retryBehaviourSchema.default(null),
  })
  .strict();
export type HookInput = z.input<typeof hookInputSchema>;
export type ValidHookInput = z.output<typeof hookInputSchema>;

export const hookIdSchema = z
  .string({ required_error: 'A hook id is required', invalid_type_error: 'The hook id must be text' })
  .min(1, 'A hook id is required')
  .max(64, 'That is not a hook id');

export const hookUpdateSchema = z
  .object({
    id: hookIdSchema,
    name: hookNameSchema.optional(),
    url: hookUrlSchema.optional(),
    events: hookEventsSchema.optional(),
    headers: headerRowsSchema.optional(),
    enabled: z.boolean({ invalid_type_error: 'enabled must be true or false' }).optional(),
    signingKey: signingKeySchema.optional(),
    retries: retriesSchema.optional(),
    retryBehaviour: retryBehaviourSchema.optional(),
  })
  .strict();

/**
 * "Send test payload" with what the form holds now: each field given replaces the stored one for
 * this test only. The signing key is always the stored one, so it is not taken here.
 */
export const hookTestSchema = hookUpdateSchema.omit({ name: true, enabled: true, signingKey: true });
export type HookTestOverrides = Omit<z.output<typeof hookTestSchema>, 'id'>;

const PRIVATE_IPV4 = [
  /^10\./,
  /^127\./,
  /^192\.168\./,
  /^169\.254\./,
  /^172\.(1[6-9]|2\d|3[01])\./,
  /^0\./,
  /^100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\./,
];

function isLocalHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host.endsWith('.local') || host.endsWith('.internal') || host.endsWith('.lan') || host.endsWith('.home.arpa')) return true;
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) return PRIVATE_IPV4.some((range) => range.test(host));
  if (host.includes(':')) {
    return host === '::1' || host === '::' || /^f[cd]/.test(host) || /^fe[89ab]/.test(host) || host.startsWith('::ffff:');
  }
  return !host.includes('.');
}

/**
 * Why a real Logto tenant would refuse this endpoint, or null when it would accept it.
 * Hookbench still delivers to such URLs: local receivers are what it is for.
 */
export function logtoUrlRefusal(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  // "localhost:3000/x" parses with "localhost:" as its scheme: what is wrong with it is the URL itself, said on its own.
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') return null;
  const reasons: string[] = [];
  if (url.protocol !== 'https:') reasons.push('Logto only delivers to https:// endpoints');
  if (isLocalHost(url.hostname)) {
    reasons.push(`${url.hostname} is a local or private address that a Logto tenant cannot reach`);
  }
  if (reasons.length === 0) return null;
  return `A real Logto tenant would refuse this URL: ${reasons.join(', and ')}. Use a public HTTPS URL (e.g. through a tunnel) when you move to Logto.`;
}

export const timeRangeSchema = z.enum(timeRanges, { errorMap: () => ({ message: 'Time range must be 1h, 24h, 7d or all' }) });

export const statusClasses = ['2xx', '3xx', '4xx', '5xx', 'none'] as const;

export const logsQuerySchema = z
  .object({
    /** null: captured requests that matched no hook. */
    hookId: hookIdSchema.nullable(),
    kind: z.enum(deliveryKinds, { errorMap: () => ({ message: `Kind must be one of ${deliveryKinds.join(', ')}` }) }).default('delivery'),
    outcome: z
      .enum(deliveryOutcomes, { errorMap: () => ({ message: `Outcome must be one of ${deliveryOutcomes.join(', ')}` }) })
      .optional(),
    event: hookEventSchema.optional(),
    status: z
      .union([z.number().int().min(100).max(599), z.enum(statusClasses)], {
        errorMap: () => ({ message: 'Status must be a code from 100 to 599, or 2xx, 3xx, 4xx, 5xx or none' }),
      })
      .optional(),
    range: timeRangeSchema.default('24h'),
    text: z.string().max(200, 'Search for at most 200 characters').optional(),
    cursor: z.string().regex(/^\d+$/, 'That is not a page cursor from a previous answer').optional(),
    limit: z.number().int().min(1).max(500, 'Ask for at most 500 rows at a time').default(100),
  })
  .strict();

export const RETENTION_DAYS_DEFAULT = 14;
export const retentionDaysSchema = z
  .number({ invalid_type_error: 'Keep requests for a number of days' })
  .int('Keep requests for a whole number of days')
  .min(1, 'Keep requests for at least 1 day')
  .max(3650, 'Keep requests for at most 3650 days (10 years)');

/** A payload must name the event it is triggered as, when it names one; the form says so while typing, the contract on arrival. */
export function payloadEventProblem(event: string, payload: Record<string, unknown> | undefined): string | null {
  const named = payload?.event;
  if (named === undefined || named === event) return null;
  return `The payload says "event": ${JSON.stringify(named)} but you are triggering ${event}; make them match`;
}
