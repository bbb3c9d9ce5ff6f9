import { Tabs } from '../../components/Tabs';
import { useHooks } from '../../state/hooks';
import { type HookTab, useNavigation } from '../../state/navigation';
import { RecentRequests } from '../RecentRequests';
import { CheckReceiver } from './CheckReceiver';
import { HookHeader } from './HookHeader';
import { RemovedHook } from './RemovedHook';
import { Settings } from './Settings';

const TABS = [
  { key: 'settings', label: 'Settings' },
  { key: 'requests', label: 'Recent requests' },
  { key: 'check', label: 'Check receiver' },
] as const;

export function HookDetail({ id, tab }: { id: string; tab: HookTab }) {
  const hook = useHooks((state) => state.hooks.find((candidate) => candidate.id === id));
  const go = useNavigation((state) => state.go);

  if (!hook) return <RemovedHook hookId={id} />;

  return (
    <section className="page">
      <HookHeader hook={hook} />
      <Tabs label="Webhook sections" tabs={TABS} selected={tab} onSelect={(next) => go({ name: 'hook', id, tab: next })}>
        {tab === 'settings' && <Settings hook={hook} />}
        {tab === 'requests' && <RecentRequests hookId={hook.id} events={hook.events} />}
        {tab === 'check' && <CheckReceiver hook={hook} />}
      </Tabs>
    </section>
  );
}
