import { useState } from 'react';
import type { Hook } from '../../../shared/domain';
import { call } from '../../api';
import { saveFile } from '../../download';
import { formatCount } from '../../format';
import { useAction } from '../../lib/useAction';
import { useRequests } from '../../state/requests';
import { KindFilter, RANGE_LABEL } from './Filters';
import { RedeliverDialog } from './RedeliverDialog';

/** What can be done with the rows in view: choose their kind, count them, redeliver the unsuccessful ones, export them. */
export function LogActions({ hook }: { hook: Hook }) {
  const hookId = hook.id;
  const count = useRequests((state) => state.items.length);
  const more = useRequests((state) => state.nextCursor !== null);
  const filters = useRequests((state) => state.filters);
  const [redelivering, setRedelivering] = useState(false);
  const { run } = useAction();
  const range = RANGE_LABEL[filters.range].toLowerCase();

  const exportAs = (format: 'jsonl' | 'har') =>
    run(
      async () => {
        const file = await call('logs.export', { hookId, ...filters, format });
        saveFile(file);
        return file;
      },
      (file) => `Exported ${formatCount(file.count)} ${file.count === 1 ? 'delivery' : 'deliveries'} as ${file.fileName}.`,
    );
  return (
    <div className="toolbar">
      <KindFilter hook={hook} />
      <span className="muted">{count > 0 ? `${formatCount(count)}${more ? '+' : ''} shown` : ''}</span>
      <button type="button" className="button small secondary" onClick={() => setRedelivering(true)}>
        Redeliver unsuccessful…
      </button>
      <button type="button" className="button small secondary" onClick={() => void exportAs('jsonl')}>
        Export JSON Lines
      </button>
      <button type="button" className="button small secondary" onClick={() => void exportAs('har')}>
        Export HAR
      </button>
      {redelivering && <RedeliverDialog hookId={hookId} range={filters.range} rangeLabel={range} onClose={() => setRedelivering(false)} />}
    </div>
  );
}
