import { useState } from 'react';
import { counted } from '../../../shared/counted';
import type { Hook } from '../../../shared/domain';
import { MoreMenu } from '../../components/MoreMenu';
import { RelativeTime } from '../../components/RelativeTime';
import { TestPayloadDialog } from '../../components/TestPayloadDialog';
import { TriggerEventDialog } from '../../components/TriggerEvent';
import { useAction } from '../../lib/useAction';
import { useDrafts } from '../../state/drafts';
import { useHooks } from '../../state/hooks';
import { useNavigation } from '../../state/navigation';
import { useNotices } from '../../state/notices';
import { DeleteHookDialog } from './DeleteHookDialog';

type Open = 'test' | 'trigger' | 'delete' | null;

/** The hook's name, state and the actions on the whole hook: test, trigger, enable or disable, delete. */
export function HookHeader({ hook }: { hook: Hook }) {
  const update = useHooks((state) => state.update);
  const hooks = useHooks((state) => state.hooks);
  const go = useNavigation((state) => state.go);
  const toast = useNotices((state) => state.toast);
  const { run } = useAction();
  const [open, setOpen] = useState<Open>(null);
  const draft = useDrafts((state) => state.byHook[hook.id]);

  const setEnabled = (enabled: boolean) =>
    run(
      () => update({ id: hook.id, enabled }),
      enabled ? `“${hook.name}” is enabled.` : `“${hook.name}” is disabled: it receives nothing until enabled.`,
    );

  return (
    <header className="page-header">
      <div>
        <button type="button" className="link-button back" onClick={() => go({ name: 'list' })}>
          ← Webhooks
        </button>
        <h1>
          {hook.name} <span className={`tag ${hook.enabled ? 'success' : 'muted'}`}>{hook.enabled ? 'Enabled' : 'Disabled'}</span>
        </h1>
        <p className="muted hook-url" title={hook.config.url}>
          <code>{hook.config.url}</code> · created <RelativeTime at={hook.createdAt} />
        </p>
      </div>
      <div className="header-actions">
        <button type="button" className="button secondary" onClick={() => setOpen('test')}>
          Send test payload
        </button>
        <button type="button" className="button primary" onClick={() => setOpen('trigger')}>
          Trigger event
        </button>
        <MoreMenu
          label="More actions"
          items={[
            { label: hook.enabled ? 'Disable webhook' : 'Enable webhook', onSelect: () => void setEnabled(!hook.enabled) },
            { label: 'Delete webhook', danger: true, onSelect: () => setOpen('delete') },
          ]}
        />
      </div>
      {open === 'test' && <TestPayloadDialog hook={hook} draft={draft} onClose={() => setOpen(null)} />}
      {open === 'trigger' && (
        <TriggerEventDialog
          hooks={hooks}
          from={hook}
          initialEvent={hook.events[0]}
          onClose={() => setOpen(null)}
          onSent={(count) => {
            setOpen(null);
            toast('success', `Sent to ${counted(count, 'webhook')}.`);
            go({ name: 'hook', id: hook.id, tab: 'requests' });
          }}
        />
      )}
      {open === 'delete' && <DeleteHookDialog hook={hook} onClose={() => setOpen(null)} />}
    </header>
  );
}
