import type { Delivery, DeliverySummary } from '../../shared/domain';
import type { Context } from './context';
import { FAILED } from './errors';
import type { Style } from './output';
import { deliverAndWait } from './progress';

/** Green for success, red for failure, yellow for what was cut off. */
export function outcomeStyle(outcome: string): Style | null {
  if (outcome === 'success' || outcome === 'ok') return 'green';
  if (outcome === 'failed' || outcome === 'FAILED') return 'red';
  if (outcome === 'interrupted' || outcome === 'cancelled') return 'yellow';
  return null;
}

/**
 * Runs deliveries to the end (progress on a terminal), prints each as the log recorded it, and
 * answers the exit status: 0 when all succeeded, 1 otherwise so a CI job notices; null when
 * nothing was started (the caller says why).
 */
export async function deliverAndReport(context: Context, json: boolean, start: () => Promise<DeliverySummary[]>): Promise<number | null> {
  const started = await deliverAndWait(context, start);
  if (started.length === 0) {
    // A script reading --json gets JSON whatever happened: no delivery is an empty list.
    if (json) context.out.json([]);
    return null;
  }
  const finished = await Promise.all(started.map((delivery) => context.call('logs.get', { id: delivery.id })));
  if (json) context.out.json(finished);
  else await printDeliveries(context, finished);
  return finished.every((delivery) => delivery.outcome === 'success') ? 0 : FAILED;
}

/** A row's hook by name; a captured request no hook's key verified has none. */
export function hookLabel(names: ReadonlyMap<string, string>, hookId: string | null): string {
  return hookId === null ? '(no hook)' : (names.get(hookId) ?? hookId);
}

async function printDeliveries(context: Context, deliveries: Delivery[]): Promise<void> {
  const names = await context.hookNames();
  const rows = deliveries.map((delivery) => [
    delivery.id,
    hookLabel(names, delivery.hookId),
    delivery.event,
    delivery.outcome,
    String(delivery.status ?? '—'),
    String(delivery.attemptCount),
    delivery.error ?? '',
  ]);
  context.out.table(['DELIVERY', 'HOOK', 'EVENT', 'OUTCOME', 'STATUS', 'ATTEMPTS', 'ERROR'], rows, (column, cell) =>
    column === 3 ? outcomeStyle(cell) : null,
  );
}
