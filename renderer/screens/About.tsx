import { counted } from '../../shared/counted';
import { CopyButton } from '../components/CopyButton';
import { formatBytes, formatCount } from '../format';
import { useCall } from '../lib/useCall';

/**
 * What to look at (and paste into a bug report) when something seems wrong: which versions run,
 * which data folder is in use, how big the log is, what was set aside. `app.diagnostics` never holds
 * a key or a header value, so its JSON is safe to share as it is.
 */
export function About() {
  const { data, error, reload } = useCall('app.diagnostics', {});
  return (
    <section className="page narrow">
      <header className="page-header">
        <div>
          <h1>About and diagnostics</h1>
          <p className="muted">What runs, where your data lives, and how big it is. No keys or header values are shown or copied.</p>
        </div>
        {data && (
          <div className="header-actions">
            <button type="button" className="button secondary" onClick={reload}>
              Refresh
            </button>
            <CopyButton text={JSON.stringify(data, null, 2)} label="Copy for a bug report" size="normal" />
          </div>
        )}
      </header>
      {error && (
        <div className="banner error" role="alert">
          Could not read the diagnostics: {error}
        </div>
      )}
      {data && (
        <>
          <section className="card" aria-labelledby="about-versions">
            <h2 id="about-versions">Versions</h2>
            <dl className="facts">
              <dt>Hookbench</dt>
              <dd>{data.versions.hookbench}</dd>
              <dt>Node</dt>
              <dd>{data.versions.node}</dd>
              <dt>Electron</dt>
              <dd>{data.versions.electron ?? 'not running in Electron'}</dd>
              <dt>SQLite</dt>
              <dd>{data.versions.sqlite}</dd>
            </dl>
          </section>
          <section className="card" aria-labelledby="about-data">
            <h2 id="about-data">Data folder</h2>
            <dl className="facts">
              <dt>Folder</dt>
              <dd className="mono">{data.dataDir.path}</dd>
              <dt>Permissions</dt>
              <dd>
                {data.dataDir.mode} ·{' '}
                {data.dataDir.writable ? 'writable' : <strong className="danger-text">not writable: Hookbench cannot save</strong>}
              </dd>
              <dt>Webhooks</dt>
              <dd>
                {formatCount(data.hooks.count)} in <span className="mono">{data.hooks.file}</span>
              </dd>
              <dt>Request log</dt>
              <dd>
                {counted(data.log.rows, 'row')} · {formatBytes(data.log.bytes)} (+ {formatBytes(data.log.walBytes)} write-ahead) in{' '}
                <span className="mono">{data.log.file}</span>
              </dd>
              <dt>Retention</dt>
              <dd>{counted(data.retentionDays, 'day')}</dd>
              <dt>Built-in receiver</dt>
              <dd>{data.receiver ? `listening on port ${data.receiver.port}` : 'not running'}</dd>
            </dl>
          </section>
          <section className="card" aria-labelledby="about-notices">
            <h2 id="about-notices">Notices and files set aside</h2>
            {data.notices.length === 0 && data.setAside.length === 0 && <p className="muted">Nothing to report.</p>}
            {data.notices.length > 0 && (
              <ul className="plain-list">
                {data.notices.map((notice) => (
                  <li key={notice.id}>
                    <strong>{notice.level === 'error' ? 'Error' : 'Warning'}:</strong> {notice.message}
                  </li>
                ))}
              </ul>
            )}
            {data.setAside.length > 0 && (
              <>
                <p>Files Hookbench renamed aside (kept, never deleted):</p>
                <ul className="plain-list">
                  {data.setAside.map((file) => (
                    <li key={file.path}>
                      <span className="mono">{file.path}</span> · {formatBytes(file.bytes)}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        </>
      )}
    </section>
  );
}
