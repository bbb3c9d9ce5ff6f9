import { useState } from 'react';
import { counted } from '../../../shared/counted';
import { APP_EXPORT_LIMIT } from '../../../shared/limits';
import { call } from '../../api';
import { saveFile } from '../../download';
import { formatCount } from '../../format';
import { useAction } from '../../lib/useAction';
import { useRequests } from '../../state/requests';
import { KindFilter, RANGE_LABEL } from './Filters';
import { RedeliverDialog } from './RedeliverDialog';

/** "200 of 14 286 shown", or as many as are known. */
function shownText(count: number, more: boolean, total: number | null): string {
  if (count === 0) return '';
  if (total !== null) return `${formatCount(count)} of ${formatCount(Math.max(total, count))} shown`;
  return `${formatCount(count)}${more ? '+' : ''} shown`;
}

/** What can be done with the rows in view: choose their kind, count them, redeliver the unsuccessful ones (while the hook exists), export them. */
export function LogActions({ hookId, removed }: { hookId: string; removed: boolean }) {
  const count = useRequests((state) => state.items.length);
  const more = useRequests((state) => state.nextCursor !== null);
  const total = useRequests((state) => state.total);
  const filters = useRequests((state) => state.filters);
  const [redelivering, setRedelivering] = useState(false);
  const { run } = useAction();
  const range = RANGE_LABEL[filters.range].toLowerCase();
  // Known before clicking: the first page says how many rows match in all.
  const tooMany = total !== null && total > APP_EXPORT_LIMIT;

  const exportAs = (format: 'jsonl' | 'har') =>
    run(
      async () => {
        const file = await call('logs.export', { hookId, ...filters, format });
        saveFile(file);
        return file;
      },
      (file) => `Exported ${counted(file.count, 'delivery', 'deliveries')} as ${file.fileName}.`,
    );
  return (
    <div className="toolbar">
      <KindFilter hookId={hookId} />
      <span className="muted">{shownText(count, more, total)}</span>
      {!removed && (
        <button type="button" className="button small secondary" onClick={() => setRedelivering(true)}>
          Redeliver unsuccessful…
        </button>
      )}
      <button
        type="button"
        className="button small secondary"
        disabled={tooMany}
        aria-describedby={tooMany ? 'export-limit' : undefined}
        onClick={() => void exportAs('jsonl')}
      >
        Export JSON Lines
      </button>
      <button
        type="button"
        className="button small secondary"
        disabled={tooMany}
        aria-describedby={tooMany ? 'export-limit' : undefined}
        onClick={() => void exportAs('har')}
      >
        Export HAR
      </button>
      {tooMany && (
        <span id="export-limit" className="hint">
          The app exports at most {formatCount(APP_EXPORT_LIMIT)} deliveries: narrow the filters, or use <code>hookbench export</code>,
          which has no limit.
        </span>
      )}
      {redelivering && <RedeliverDialog hookId={hookId} range={filters.range} rangeLabel={range} onClose={() => setRedelivering(false)} />}
    </div>
  );
}
