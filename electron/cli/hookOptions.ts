/** The options that describe a hook, shared by `hooks add` and `hooks edit`, and how the contract's fields map to them. */
import type { HeaderRow } from '../../shared/validation';
import type { OptionSpec } from './command';
import type { Context, FieldNames } from './context';
import { usageError } from './errors';

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
} as const satisfies Record<string, OptionSpec>;

/** Where a contract refusal points on the command line. */
export const HOOK_FIELDS: FieldNames = {
  id: '<hook>',
  name: '--name',
  url: '--url',
  events: '--event',
  headers: '--header',
  enabled: '--disabled',
};

/** `--header 'Authorization: Bearer x'` as the contract's header rows; the value may itself hold colons. */
export function headerRows(headers: string[] | undefined): HeaderRow[] | undefined {
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
  context.out.print(`${verb}  ${hook.id}  ${hook.name}  ${hook.enabled ? 'enabled' : 'disabled'}  ${hook.config.url}`);
}
