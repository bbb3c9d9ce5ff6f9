import { useEffect } from 'react';
import { HealthChart } from '../../components/HealthChart';
import { useHealth } from '../../state/health';

/** The hook's last 24 hours: the same summary the hook list shows, with requests per hour. */
export function HealthCard({ hookId }: { hookId: string }) {
  const summary = useHealth((state) => state.byHook[hookId]);
  const hourly = useHealth((state) => state.hourly[hookId]);
  const watch = useHealth((state) => state.watch);

  useEffect(() => watch(hookId), [hookId, watch]);

  if (!summary || !hourly) return null;
  return <HealthChart summary={summary} hourly={hourly} />;
}
