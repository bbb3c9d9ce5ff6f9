import { useEffect, useState } from 'react';
import type { Hook } from '../../../shared/domain';
import { rowsFromHeaders } from '../../../shared/validation';
import { HookForm } from '../../components/HookForm';
import { ReceiverScript } from '../../components/ReceiverScript';
import { SigningKeyField } from '../../components/SigningKeyField';
import { useAction } from '../../lib/useAction';
import { useDrafts } from '../../state/drafts';
import { useHooks } from '../../state/hooks';
import { useNotices } from '../../state/notices';
import { DeleteHookDialog } from './DeleteHookDialog';

/** A hook's settings in cards, as Logto's Console has them: general, endpoint and headers, events, signing key, danger zone. */
export function Settings({ hook }: { hook: Hook }) {
  const update = useHooks((state) => state.update);
  const regenerateKey = useHooks((state) => state.regenerateKey);
  const toast = useNotices((state) => state.toast);
  const { run } = useAction();
  const [deleting, setDeleting] = useState(false);
  const hold = useDrafts((state) => state.hold);
  const drop = useDrafts((state) => state.drop);
  useEffect(() => () => drop(hook.id), [drop, hook.id]);

  return (
    <div className="settings">
      {/* Outside the hook's form: it is a form of its own. */}
      <ReceiverScript key={hook.config.url} hook={hook} />
      <HookForm
        key={hook.id}
        initial={{
          name: hook.name,
          url: hook.config.url,
          events: hook.events,
          headers: rowsFromHeaders(hook.config.headers),
          retries: hook.config.retries,
          retryBehaviour: hook.retryBehaviour,
        }}
        onValues={(values) => (values ? hold(hook.id, values) : drop(hook.id))}
        submitLabel="Save changes"
        onSubmit={async (values) => {
          await update({ id: hook.id, ...values });
          toast('success', 'Changes saved.');
        }}
        after={
          <>
            {/* Not a named region: "Signing key" names the key itself. */}
            <section className="card">
              <h2>Signing key</h2>
              <SigningKeyField
                signingKey={hook.signingKey}
                onSave={async (signingKey) => {
                  await update({ id: hook.id, signingKey });
                  toast('success', signingKey === '' ? 'Requests are now sent without a signature.' : 'Signing key saved.');
                }}
                onRegenerate={() => run(() => regenerateKey(hook.id), 'New signing key generated. Update your receiver to use it.')}
              />
            </section>
            <section className="card danger-zone" aria-labelledby="danger-zone-title">
              <h2 id="danger-zone-title">Danger zone</h2>
              <div className="danger-row">
                <p>
                  <strong>Delete this webhook.</strong>{' '}
                  <span className="muted">It stops receiving events; its signing key is gone for good.</span>
                </p>
                <button type="button" className="button danger" onClick={() => setDeleting(true)}>
                  Delete webhook
                </button>
              </div>
            </section>
          </>
        }
      />
      {deleting && <DeleteHookDialog hook={hook} onClose={() => setDeleting(false)} />}
    </div>
  );
}
