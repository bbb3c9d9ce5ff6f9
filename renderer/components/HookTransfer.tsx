import { useRef, useState } from 'react';
import type { ImportReport, OnDuplicate } from '../../shared/contract';
import { call } from '../api';
import { saveFile } from '../download';
import { useAction } from '../lib/useAction';
import { useHooks } from '../state/hooks';
import { Dialog } from './Dialog';
import { ImportReportDialog } from './ImportReportDialog';

/** Export hook definitions (keys only when chosen) and import them: hooks you already have are asked about, every entry reported. */
export function HookTransfer({ canExport = true }: { canExport?: boolean }) {
  const [exporting, setExporting] = useState(false);
  const [withKeys, setWithKeys] = useState(false);
  /** The file being imported and what the core answered: a preview to decide on, or the applied report. */
  const [pending, setPending] = useState<{ fileName: string; content: string; report: ImportReport } | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const load = useHooks((state) => state.load);
  const { run, pending: importing } = useAction();

  const exportHooks = () =>
    run(async () => {
      saveFile(await call('hooks.export', { includeSigningKeys: withKeys }));
      setExporting(false);
    });
  const importContent = (fileName: string, content: string, onDuplicate?: OnDuplicate) =>
    run(async () => {
      try {
        setPending({ fileName, content, report: await call('hooks.import', { content, onDuplicate }) });
      } catch (failure) {
        throw new Error(`Could not import ${fileName}: ${(failure as Error).message}`);
      }
      await load();
    });
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    await importContent(file.name, await file.text());
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
      {pending && (
        <ImportReportDialog
          fileName={pending.fileName}
          report={pending.report}
          busy={importing}
          onChoose={(onDuplicate) => void importContent(pending.fileName, pending.content, onDuplicate)}
          onClose={() => setPending(null)}
        />
      )}
    </>
  );
}
