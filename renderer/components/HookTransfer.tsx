import { useRef, useState } from 'react';
import type { ImportReport } from '../../shared/contract';
import { call } from '../api';
import { saveFile } from '../download';
import { useAction } from '../lib/useAction';
import { useHooks } from '../state/hooks';
import { Dialog } from './Dialog';

/** Export hook definitions (keys only when chosen) and import them, with a report of what was skipped. */
export function HookTransfer({ canExport = true }: { canExport?: boolean }) {
  const [exporting, setExporting] = useState(false);
  const [withKeys, setWithKeys] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const load = useHooks((state) => state.load);
  const { run } = useAction();

  const exportHooks = () =>
    run(async () => {
      saveFile(await call('hooks.export', { includeSigningKeys: withKeys }));
      setExporting(false);
    });
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    await run(async () => {
      try {
        setReport(await call('hooks.import', { content: await file.text() }));
      } catch (failure) {
        throw new Error(`Could not import ${file.name}: ${(failure as Error).message}`);
      }
      await load();
    });
    if (picker.current) picker.current.value = '';
  };

  return (
    <>
      {canExport && (
        <button type="button" className="button secondary" onClick={() => setExporting(true)}>
          Export hooks
        </button>
      )}
      <button type="button" className="button secondary" onClick={() => picker.current?.click()}>
        Import hooks
      </button>
      <input
        ref={picker}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label="Hooks file to import"
        onChange={(event) => void importFile(event.target.files?.[0])}
      />
      {exporting && (
        <Dialog label="Export hooks" onClose={() => setExporting(false)}>
          <h2>Export hooks</h2>
          <p className="dialog-body">Names, endpoint URLs, events, custom headers and enabled state, as JSON.</p>
          <label className="checkbox-line">
            <input type="checkbox" checked={withKeys} onChange={(event) => setWithKeys(event.target.checked)} /> Include signing keys
            <span className="hint"> — anyone with the file can then sign requests your receivers accept</span>
          </label>
          <div className="form-actions">
            <button type="button" className="button secondary" onClick={() => setExporting(false)}>
              Cancel
            </button>
            <button type="button" className="button primary" onClick={() => void exportHooks()}>
              Export
            </button>
          </div>
        </Dialog>
      )}
      {report && (
        <Dialog label="Import report" onClose={() => setReport(null)}>
          <h2>
            Imported {report.imported.length}, skipped {report.skipped.length}
          </h2>
          {report.imported.length > 0 && (
            <ul className="report-list">
              {report.imported.map((hook) => (
                <li key={hook.id}>✓ {hook.name}</li>
              ))}
            </ul>
          )}
          {report.skipped.length > 0 && (
            <ul className="report-list skipped">
              {report.skipped.map((skip) => (
                <li key={skip.index}>
                  ✗ <strong>{skip.name}</strong> (entry {skip.index + 1}): {skip.reason}
                </li>
              ))}
            </ul>
          )}
          <div className="form-actions">
            <button type="button" className="button primary" data-autofocus onClick={() => setReport(null)}>
              Done
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}
