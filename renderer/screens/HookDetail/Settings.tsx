import type { Hook } from '../../../shared/domain';
import { rowsFromHeaders } from '../../../shared/validation';
import { HookForm } from '../../components/HookForm';
import { SigningKeyField } from '../../components/SigningKeyField';
import { useAction } from '../../lib/useAction';
import { useHooks } from '../../state/hooks';
import { useNotices } from '../../state/notices';

export function Settings({ hook }: { hook: Hook }) {
  const update = useHooks((state) => state.update);
  const regenerateKey = useHooks((state) => state.regenerateKey);
  const toast = useNotices((state) => state.toast);
  const { run } = useAction();

  return (
    <div className="settings">
      <HookForm
        key={hook.id}
        initial={{ name: hook.name, url: hook.config.url, events: hook.events, headers: rowsFromHeaders(hook.config.headers) }}
        submitLabel="Save changes"
        onSubmit={async (values) => {
          await update({ id: hook.id, ...values });
          toast('success', 'Changes saved.');
        }}
      />
      <SigningKeyField
        signingKey={hook.signingKey}
        onRegenerate={() => run(() => regenerateKey(hook.id), 'New signing key generated. Update your receiver to use it.')}
      />
    </div>
  );
}
