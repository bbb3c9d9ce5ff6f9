import { useMemo, useState } from 'react';
import { counted } from '../../../shared/counted';
import { call } from '../../api';
import { HookTransfer } from '../../components/HookTransfer';
import { RetentionSetting } from '../../components/RetentionSetting';
import { RetryDefaultSetting } from '../../components/RetryDefaultSetting';
import { TriggerEventDialog } from '../../components/TriggerEvent';
import { useAction } from '../../lib/useAction';
import { useHealth } from '../../state/health';
import { useHooks } from '../../state/hooks';
import { useNavigation } from '../../state/navigation';
import { useNotices } from '../../state/notices';
import { arrangeHooks, type HookSort, hookSortLabel, hookSorts } from './arrange';
import { HookRow } from './HookRow';
import { LocalNote } from './LocalNote';
import { RemovedHooks } from './RemovedHooks';

export function HookList() {
  const hooks = useHooks((state) => state.hooks);
  const status = useHooks((state) => state.status);
  const loadError = useHooks((state) => state.loadError);
  const load = useHooks((state) => state.load);
  const go = useNavigation((state) => state.go);
  const health = useHealth((state) => state.byHook);
  const toast = useNotices((state) => state.toast);
  const [triggering, setTriggering] = useState(false);
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<HookSort>('name');
  const { run, pending: trying } = useAction();
  // A hook pointing at the built-in receiver, scripted to succeed, fail, be retried and time out; opened at once.
  const tryIt = () =>
    run(async () => {
      const hook = await call('receiver.tryIt', {});
      await load();
      go({ name: 'hook', id: hook.id, tab: 'settings' });
    });
  const shown = useMemo(() => arrangeHooks(hooks, health, search, sort), [hooks, health, search, sort]);

  return (
    <section className="page">
      <header className="page-header">
        <div>
          <h1>Webhooks</h1>
          <p className="muted">Logto-compatible webhooks, delivered to receivers on this machine.</p>
        </div>
        <div className="header-actions">
          {/* Always mounted, so its import report outlives the empty state that the import replaces. */}
          <HookTransfer canExport={hooks.length > 0} />
          {hooks.length > 0 && (
            <>
              <button type="button" className="button secondary" onClick={() => setTriggering(true)}>
                Trigger event
              </button>
              <button type="button" className="button primary" onClick={() => go({ name: 'create' })}>
                Create webhook
              </button>
            </>
          )}
        </div>
        {triggering && (
          <TriggerEventDialog
            hooks={hooks}
            onClose={() => setTriggering(false)}
            onSent={(count) => {
              setTriggering(false);
              toast('success', `Sent to ${counted(count, 'webhook')}. Open a webhook’s Recent requests to see each delivery.`);
            }}
          />
        )}
      </header>
      {status === 'loading' && <p className="muted">Loading webhooks…</p>}
      {status === 'failed' && (
        <div className="banner error" role="alert">
          Could not load your webhooks: {loadError}{' '}
          <button type="button" className="link-button" onClick={() => void load()}>
            Try again
          </button>
        </div>
      )}
      {status === 'ready' && hooks.length === 0 && <EmptyState onCreate={() => go({ name: 'create' })} onTry={tryIt} trying={trying} />}
      {hooks.length > 0 && <LocalNote hooks={hooks} />}
      {hooks.length > 0 && (
        <div className="list-tools">
          <input
            type="search"
            className="list-search"
            aria-label="Search webhooks by name or URL"
            placeholder="Search by name or URL"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
          <label className="inline-label">
            Sort by{' '}
            <select value={sort} onChange={(event) => setSort(event.target.value as HookSort)}>
              {hookSorts.map((key) => (
                <option key={key} value={key}>
                  {hookSortLabel[key]}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      {hooks.length > 0 && shown.length === 0 && (
        <p className="muted" role="status">
          No webhook’s name or URL holds “{search.trim()}”.{' '}
          <button type="button" className="link-button" onClick={() => setSearch('')}>
            Clear the search
          </button>
        </p>
      )}
      {shown.length > 0 && (
        <table className="table hook-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Endpoint</th>
              <th>Events</th>
              <th>Requests (24 h)</th>
              <th>Success rate</th>
              <th>Last delivery</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((hook) => (
              <HookRow
                key={hook.id}
                hook={hook}
                health={health[hook.id]}
                onOpen={() => go({ name: 'hook', id: hook.id, tab: 'settings' })}
              />
            ))}
          </tbody>
        </table>
      )}
      {status === 'ready' && <RemovedHooks />}
      {status === 'ready' && (
        <section className="app-settings" aria-labelledby="app-settings-title">
          <h2 id="app-settings-title">App settings</h2>
          <RetentionSetting />
          <RetryDefaultSetting />
        </section>
      )}
    </section>
  );
}

function EmptyState({ onCreate, onTry, trying }: { onCreate(): void; onTry(): void; trying: boolean }) {
  return (
    <div className="empty-state">
      <h2>No webhooks yet</h2>
      <p>
        Create a webhook that points at your receiver — usually something like <code>http://localhost:3000/webhooks/logto</code> — pick the
        Logto events it should get, then send a test payload to see exactly what Logto would send.
      </p>
      <button type="button" className="button primary" onClick={onCreate}>
        Create your first webhook
      </button>
      <p>
        No receiver yet? Hookbench’s own receiver answers a new webhook with a success, a failure Logto retries, a 4xx it does not, and a
        timeout.
      </p>
      <button type="button" className="button secondary" disabled={trying} onClick={onTry}>
        Try it with the built-in receiver
      </button>
    </div>
  );
}
