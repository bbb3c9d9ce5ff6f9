import type { DeliverySummary } from '../../shared/domain';

/** Marks a row that sent an earlier one again: a redelivery of a delivery, or a replay of a captured request. */
export function ResentTag({ item }: { item: Pick<DeliverySummary, 'kind' | 'redeliveryOf'> }) {
  if (!item.redeliveryOf) return null;
  return <span className="tag muted">{item.kind === 'captured' ? 'Replay' : 'Redelivery'}</span>;
}
