import { useState } from 'react';
import type { Hook } from '../../shared/domain';
import { rowsFromHeaders } from '../../shared/validation';
import { messageOf } from '../api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { HookForm } from '../components/HookForm';
import { MoreMenu } from '../components/MoreMenu';
import { SigningKeyField } from '../components/SigningKeyField';
import { TestPayloadDialog } from '../components/TestPayloadDialog';
import { TriggerEventDialog } from '../components/TriggerEventDialog';
import { useHooks } from '../state/hooks';
import { type HookTab, useNavigation } from '../state/navigation';
import { useNotices } from '../state/notices';
import { RecentRequests } from './RecentRequests';

export function HookDetail({ id, tab }: { id: string; tab: HookTab }) {
  const hook = useHooks((state) => state.hooks.find((candidate) => candidate.id === id));
  const go = useNavigation((state) => state.go);

  if (!hook) {
    return (
      <section className="page">
        <div className="empty-state">
          <h2>This webhook no longer exists</h2>
          <button type="button" className="button primary" onClick={() => go({ name: 'list' })}>
            Back to webhooks
          </button>
        </div>
      </section>
    );
  }

  return (
    <section className="page">
      <HookHeader hook={hook} />
      <nav className="tabs" role="tablist" aria-label="Webhook sections">
        <button type="button" role="tab" aria-selected={tab === 'settings'} onClick={() => go({ name: 'hook', id, tab: 'settings' })}>
          Settings
        </button>
        <button type="button" role="tab" aria-selected={tab === 'requests'} onClick={() => go({ name: 'hook', id, tab: 'requests' })}>
          Recent requests
        </button>
      </nav>
      <div role="tabpanel">
        {tab === 'settings' && <Settings hook={hook} />}
        {tab === 'requests' && <RecentRequests hook={hook} />}
      </div>
    </section>
  );
}

function HookHeader({ hook }: { hook: Hook }) {
  const { update, remove } = useHooks();
  const go = useNavigation((state) => state.go);
  const toast = useNotices((state) => state.toast);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [testing, setTesting] = useState(false);
  const [triggering, setTriggering] = useState(false);
  const hooks = useHooks((state) => state.hooks);

  const setEnabled = async (enabled: boolean) => {
    try {
      await update({ id: hook.id, enabled });
      toast('success', enabled ? `“${hook.name}” is enabled.` : `“${hook.name}” is disabled: it receives nothing until enabled.`);
    } catch (error) {
      toast('error', messageOf(error));
    }
  };

  return (
    <header className="page-header">
      <div>
        <button type="button" className="link-button back" onClick={() => go({ name: 'list' })}>
          ← Webhooks
        </button>
        <h1>
          {hook.name} <span className={`tag ${hook.enabled ? 'success' : 'muted'}`}>{hook.enabled ? 'Enabled' : 'Disabled'}</span>
        </h1>
        <p className="muted">
          <code>{hook.config.url}</code> · created {new Date(hook.createdAt).toLocaleString()}
        </p>
      </div>
      <div className="header-actions">
        <button type="button" className="button secondary" onClick={() => setTesting(true)}>
          Send test payload
        </button>
        <button type="button" className="button primary" onClick={() => setTriggering(true)}>
          Trigger event
        </button>
        <MoreMenu
          label="More actions"
          items={[
            { label: hook.enabled ? 'Disable webhook' : 'Enable webhook', onSelect: () => void setEnabled(!hook.enabled) },
            { label: 'Delete webhook', danger: true, onSelect: () => setConfirmingDelete(true) },
          ]}
        />
      </div>
      {testing && <TestPayloadDialog hook={hook} onClose={() => setTesting(false)} />}
      {triggering && (
        <TriggerEventDialog
          hooks={hooks}
          initialEvent={hook.events[0]}
          onClose={() => setTriggering(false)}
          onSent={(count) => {
            setTriggering(false);
            toast('success', `Sent to ${count} ${count === 1 ? 'webhook' : 'webhooks'}.`);
            go({ name: 'hook', id: hook.id, tab: 'requests' });
          }}
        />
      )}
      {confirmingDelete && (
        <ConfirmDialog
          title={`Delete “${hook.name}”?`}
          confirmLabel="Delete webhook"
          danger
          onCancel={() => setConfirmingDelete(false)}
          onConfirm={async () => {
            setConfirmingDelete(false);
            try {
              await remove(hook.id);
              toast('success', `Deleted “${hook.name}”.`);
              go({ name: 'list' });
            } catch (error) {
              toast('error', messageOf(error));
            }
          }}
        >
          The webhook stops receiving events. Its signing key cannot be recovered.
        </ConfirmDialog>
      )}
    </header>
  );
}

function Settings({ hook }: { hook: Hook }) {
  const { update, regenerateKey } = useHooks();
  const toast = useNotices((state) => state.toast);

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
        onRegenerate={async () => {
          try {
            await regenerateKey(hook.id);
            toast('success', 'New signing key generated. Update your receiver to use it.');
          } catch (error) {
            toast('error', messageOf(error));
          }
        }}
      />
    </div>
  );
}
