import { useState } from 'react';
import type { Hook } from '../../../shared/domain';
import { call } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { saveFile } from '../../download';
import { formatCount } from '../../format';
import { useAction } from '../../lib/useAction';
import { useRequests } from '../../state/requests';
import { KindFilter, RANGE_LABEL } from './Filters';

/** What can be done with the rows in view: choose their kind, count them, redeliver the unsuccessful ones, export them. */
export function LogActions({ hook }: { hook: Hook }) {
  const hookId = hook.id;
  const count = useRequests((state) => state.items.length);
  const more = useRequests((state) => state.nextCursor !== null);
  const filters = useRequests((state) => state.filters);
  const [redeliverCount, setRedeliverCount] = useState<number | null>(null);
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
  const askRedeliver = () =>
    run(async () => setRedeliverCount((await call('logs.unsuccessfulCount', { hookId, range: filters.range })).count));
  const redeliverUnsuccessful = () => {
    setRedeliverCount(null);
    return run(
      () => call('logs.redeliverUnsuccessful', { hookId, range: filters.range }),
      ({ count: sent }) => `Sending ${sent} ${sent === 1 ? 'request' : 'requests'} again.`,
    );
  };

  return (
    <div className="toolbar">
      <KindFilter hook={hook} />
      <span className="muted">{count > 0 ? `${formatCount(count)}${more ? '+' : ''} shown` : ''}</span>
      <button type="button" className="button small secondary" onClick={() => void askRedeliver()}>
        Redeliver unsuccessful…
      </button>
      <button type="button" className="button small secondary" onClick={() => void exportAs('jsonl')}>
        Export JSON Lines
      </button>
      <button type="button" className="button small secondary" onClick={() => void exportAs('har')}>
        Export HAR
      </button>
      {redeliverCount !== null && (
        <ConfirmDialog
          title="Redeliver unsuccessful requests?"
          confirmLabel={redeliverCount === 0 ? 'Nothing to send' : `Send ${formatCount(redeliverCount)} again`}
          onCancel={() => setRedeliverCount(null)}
          onConfirm={() => (redeliverCount === 0 ? setRedeliverCount(null) : void redeliverUnsuccessful())}
        >
          {redeliverCount === 0
            ? `No request failed, was interrupted or was cancelled in the ${range}.`
            : `${redeliverCount} ${redeliverCount === 1 ? 'request' : 'requests'} from the ${range} failed, were interrupted or were cancelled. Each is sent again with the same body, signed with the current key, as a new entry.`}
        </ConfirmDialog>
      )}
    </div>
  );
}
