import type { DeliveryOutcome } from '../../shared/domain';
import { outcomeLabel, outcomeTone } from '../format';

export function OutcomeBadge({ outcome }: { outcome: DeliveryOutcome }) {
  return <span className={`tag ${outcomeTone[outcome]} no-margin`}>{outcomeLabel[outcome]}</span>;
}
