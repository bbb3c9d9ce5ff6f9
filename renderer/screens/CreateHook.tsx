import { LOGTO_DEFAULT_RETRIES } from '../../shared/logto';
import { HookForm } from '../components/HookForm';
import { useHooks } from '../state/hooks';
import { useNavigation } from '../state/navigation';
import { useNotices } from '../state/notices';

export function CreateHook() {
  const create = useHooks((state) => state.create);
  const go = useNavigation((state) => state.go);
  const toast = useNotices((state) => state.toast);

  return (
    <section className="page narrow">
      <header className="page-header">
        <div>
          <button type="button" className="link-button back" onClick={() => go({ name: 'list' })}>
            ← Webhooks
          </button>
          <h1>Create webhook</h1>
          <p className="muted">Hookbench signs and sends each event exactly as a Logto tenant would.</p>
        </div>
      </header>
      <HookForm
        initial={{ name: '', url: '', events: [], headers: [], retries: LOGTO_DEFAULT_RETRIES, retryBehaviour: null }}
        submitLabel="Create webhook"
        onCancel={() => go({ name: 'list' })}
        onSubmit={async (values) => {
          const hook = await create(values);
          toast('success', `Created “${hook.name}”. Its signing key is ready under Settings.`);
          go({ name: 'hook', id: hook.id, tab: 'settings' });
        }}
      />
    </section>
  );
}
