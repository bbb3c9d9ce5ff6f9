import type { ImportEntry, ImportReport, OnDuplicate } from '../../shared/contract';
import { counted } from '../../shared/counted';
import { Dialog } from './Dialog';

const CHOICES: Array<{ choice: OnDuplicate; label: string; says: string }> = [
  { choice: 'replace', label: 'Replace mine', says: 'Your hook takes the file’s settings; its id and deliveries stay.' },
  { choice: 'keep-both', label: 'Keep both', says: 'The file’s hook is added beside yours, under a new id.' },
  { choice: 'skip', label: 'Skip them', says: 'Your hook stays as it is; the file’s entry is left out.' },
];

/** Each entry of an imported file and what happened to it, in words. */
function Outcome({ entry }: { entry: ImportEntry }) {
  const mine = entry.duplicateOf && (
    <>
      {' '}
      your “{entry.duplicateOf.name}” (same {entry.duplicateOf.by})
    </>
  );
  switch (entry.outcome) {
    case 'imported':
      return <span className="tag success no-margin">Imported</span>;
    case 'replaced':
      return (
        <>
          <span className="tag success no-margin">Replaced</span>
          {mine}
        </>
      );
    case 'kept-both':
      return (
        <>
          <span className="tag success no-margin">Added beside</span>
          {mine}
        </>
      );
    case 'duplicate':
      return (
        <>
          <span className="tag warning no-margin">Already have</span>
          {mine}
        </>
      );
    case 'skipped':
      return (
        <>
          <span className="tag danger no-margin">Skipped</span> {entry.reason}
        </>
      );
  }
}

type Props = {
  fileName: string;
  report: ImportReport;
  /** Set while the file waits for an answer about duplicates (a preview). */
  onChoose(choice: OnDuplicate): void;
  busy: boolean;
  onClose(): void;
};

/**
 * An import, entry by entry. A preview (nothing applied yet, some entries match hooks you have) asks
 * what to do with those; an applied import says what happened to each.
 */
export function ImportReportDialog({ fileName, report, onChoose, busy, onClose }: Props) {
  const duplicates = report.entries.filter((entry) => entry.outcome === 'duplicate').length;
  const count = (outcome: ImportEntry['outcome']) => report.entries.filter((entry) => entry.outcome === outcome).length;
  const keyless = report.entries.filter((entry) => entry.newSigningKey).length;
  const title = report.applied
    ? `Imported ${report.imported.length}, skipped ${report.skipped.length}`
    : `${duplicates} of ${counted(report.entries.length, 'hook')} in ${fileName} you already have`;
  return (
    <Dialog label={report.applied ? 'Import report' : 'Import: hooks you already have'} wide onClose={onClose}>
      <h2>{title}</h2>
      {report.applied ? (
        <p className="muted dialog-lead">
          {count('replaced') > 0 && `${count('replaced')} replaced · `}
          {count('kept-both') > 0 && `${count('kept-both')} added beside your own · `}
          from {fileName}
          {keyless > 0 &&
            `. ${counted(keyless, 'hook')} had no signing key in the file, so new keys were made: a receiver that checks the old key will refuse them until you paste it in the hook’s settings.`}
        </p>
      ) : (
        <p className="muted dialog-lead">
          Nothing is changed yet. Choose what to do with the hooks you already have; the others are imported either way.
        </p>
      )}
      <table className="table compact">
        <thead>
          <tr>
            <th>#</th>
            <th>Hook in the file</th>
            <th>{report.applied ? 'What happened' : 'Now'}</th>
          </tr>
        </thead>
        <tbody>
          {report.entries.map((entry) => (
            <tr key={entry.index}>
              <td>{entry.index + 1}</td>
              <td>{entry.name}</td>
              <td>
                <Outcome entry={entry} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!report.applied && (
        <ul className="choice-list">
          {CHOICES.map(({ choice, label, says }) => (
            <li key={choice}>
              <button type="button" className="button secondary" disabled={busy} onClick={() => onChoose(choice)}>
                {label}
              </button>{' '}
              <span className="muted">{says}</span>
            </li>
          ))}
        </ul>
      )}
      <div className="form-actions">
        <button type="button" className={`button ${report.applied ? 'primary' : 'secondary'}`} data-autofocus onClick={onClose}>
          {report.applied ? 'Done' : 'Cancel import'}
        </button>
      </div>
    </Dialog>
  );
}
