/** The options that describe a hook, shared by `hooks add` and `hooks edit`, and how the contract's fields map to them. */
import { type RetryBehaviour, retryBehaviours } from '../../shared/domain';
import type { HeaderRow } from '../../shared/validation';
import type { OptionSpec } from './command';
import type { Context, FieldNames } from './context';
import { usageError } from './errors';
import { wholeNumber } from './options';
import { escapeControls } from './text';

export const hookOptions = {
  name: { type: 'string', placeholder: 'name', help: 'what to call the hook' },
  url: { type: 'string', placeholder: 'url', help: 'the endpoint, e.g. http://localhost:3000/webhooks' },
  event: {
    type: 'string',
    multiple: true,
    placeholder: 'event',
    help: 'a Logto event to subscribe to, e.g. PostSignIn or User.Created (repeat for more)',
  },
  header: {
    type: 'string',
    multiple: true,
    placeholder: "'name: value'",
    help: 'a custom header sent with every delivery (repeat for more)',
  },
  'signing-key': {
    type: 'string',
    placeholder: 'key',
    help: "use this signing key, kept exactly (e.g. pasted from Logto's Console); '' for none: no signature is sent",
  },
  retries: { type: 'string', placeholder: '0-3', help: "how many times a 5xx is retried (Logto's config.retries; default 3)" },
  'retry-behaviour': {
    type: 'string',
    placeholder: 'behaviour',
    help: 'retry-5xx: Logto docs, Logto from PR #9410 (Aug 2026); send-once: Logto before it; default: the app setting',
  },
} as const satisfies Record<string, OptionSpec>;

/** `--retries` and `--retry-behaviour` as the contract's fields; absent options stay absent. */
export function retryFields(options: { retries?: string; 'retry-behaviour'?: string }): {
  retries?: number;
  retryBehaviour?: RetryBehaviour | null;
} {
  const fields: { retries?: number; retryBehaviour?: RetryBehaviour | null } = {};
  if (options.retries !== undefined) {
    fields.retries = wholeNumber('--retries', options.retries, { max: 3, what: '0, 1, 2 or 3' });
  }
  const behaviour = options['retry-behaviour'];
  if (behaviour !== undefined) {
    const chosen = retryBehaviours.find((candidate) => candidate === behaviour);
    if (!chosen && behaviour !== 'default')
      throw usageError(`--retry-behaviour takes ${retryBehaviours.join(', ')} or default, not "${behaviour}"`);
    fields.retryBehaviour = chosen ?? null;
  }
  return fields;
}

/** Where a contract refusal points on the command line. */
export const HOOK_FIELDS: FieldNames = {
  id: '<hook>',
  name: '--name',
  url: '--url',
  events: '--event',
  headers: '--header',
  enabled: '--disabled',
  signingKey: '--signing-key',
  retries: '--retries',
  retryBehaviour: '--retry-behaviour',
};

/**
 * `--header 'Authorization: Bearer x'` as the contract's header rows; the value may itself hold
 * colons. `--header ''` alone is no custom header at all, as `--signing-key ''` is no key.
 */
export function headerRows(headers: string[] | undefined): HeaderRow[] | undefined {
  if (headers?.includes('')) {
    if (headers.length > 1) throw usageError("--header '' means no custom headers; give it alone, without other --header options");
    return [];
  }
  return headers?.map((header, index) => {
    const colon = header.indexOf(':');
    if (colon < 0) {
      throw usageError(`--header #${index + 1} takes 'name: value', e.g. --header 'Authorization: Bearer dev-token', not "${header}"`);
    }
    return { name: header.slice(0, colon), value: header.slice(colon + 1) };
  });
}

/** One line about a hook after a change: id, name, state, and where it sends; never its key or header values. */
export function describeHook(
  context: Context,
  verb: string,
  hook: { id: string; name: string; enabled: boolean; config: { url: string } },
) {
  // One line per hook, whatever its name holds: a newline in it is shown as \n, as in hooks list.
  context.out.print(`${verb}  ${hook.id}  ${escapeControls(hook.name)}  ${hook.enabled ? 'enabled' : 'disabled'}  ${hook.config.url}`);
}
