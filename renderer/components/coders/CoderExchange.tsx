/**
 * Bringing coders' work together without a server: export one's own coder file, import others',
 * or keep a shared folder (Dropbox, Syncthing, a git repository) where every coder writes only
 * their own file and reads the others'. The folder is chosen in the system's dialog (in the browser
 * preview: by its name below the preview's folder) and remembered for the project by the main process.
 */
import { useEffect, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { canChooseFolder, chooseSharedFolder, importCoderFiles, rememberedFolder, syncSharedFolder, type CodersTaken } from '../../services/coders';
import { exportCoderFile } from '../../services/exports';
import { useStore } from '../../store';

/** Exporting one's coder file, importing others', and syncing through a shared folder; `onMerged` runs after work came in. */
export function CoderExchange(props: { onMerged: () => void }) {
  const t = useT();
  const coder = useStore((state) => state.project?.coder);
  const [folder, setFolder] = useState<string | null>(null);
  const [place, setPlace] = useState('');
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<string[] | null>(null);

  useEffect(() => {
    let shown = true;
    void rememberedFolder().then((remembered) => shown && setFolder(remembered));
    return () => {
      shown = false;
    };
  }, []);

  const take = async (work: Promise<CodersTaken>) => {
    setBusy(true);
    const { report: lines, merged } = await work;
    setBusy(false);
    setReport(lines);
    if (merged) props.onMerged();
  };

  const choose = async (name?: string) => {
    const chosen = await chooseSharedFolder(name);
    if (chosen) setFolder(chosen);
  };

  return (
    <section className="coder-exchange" aria-labelledby="coder-exchange-title">
      <h3 className="panel-title" id="coder-exchange-title">
        {t('coders.exchange.title')}
      </h3>
      <div className="coder-exchange-row">
        <button type="button" onClick={() => void exportCoderFile()} data-action="export-coder-file">
          {t('coders.exchange.export', { coder })}
        </button>
        <label className="file-button">
          {t('coders.exchange.import')}
          <input
            type="file"
            multiple
            accept=".json"
            data-action="import-coder-files"
            disabled={busy}
            onChange={(event) => {
              const files = Array.from(event.target.files ?? []);
              event.target.value = '';
              void take(importCoderFiles(files));
            }}
          />
        </label>
      </div>
      <p className="coder-exchange-row coder-exchange-folder">
        <span>{t('coders.exchange.folderLabel')}</span>
        {folder ? <code data-shared-folder>{folder}</code> : <span className="muted">{t('coders.exchange.noFolder')}</span>}
      </p>
      <div className="coder-exchange-row">
        {canChooseFolder ? (
          <button type="button" onClick={() => void choose()} data-action="choose-shared-folder">
            {t('coders.exchange.choose')}
          </button>
        ) : (
          <form
            className="coder-exchange-row"
            onSubmit={(event) => {
              event.preventDefault();
              if (place.trim()) void choose(place.trim());
            }}
          >
            <label>
              {t('coders.exchange.placeLabel')}{' '}
              <input value={place} onChange={(event) => setPlace(event.target.value)} placeholder={t('coders.exchange.placePlaceholder')} size={24} data-action="shared-folder" />
            </label>
            <button type="submit" disabled={!place.trim()} data-action="choose-shared-folder">
              {t('coders.exchange.usePlace')}
            </button>
          </form>
        )}
        <button type="button" onClick={() => void take(syncSharedFolder())} disabled={busy || !folder} aria-busy={busy} data-action="sync-shared-folder">
          {busy ? t('coders.exchange.working') : t('coders.exchange.sync')}
        </button>
      </div>
      {report && (
        <ul className="coder-exchange-report" role="status" aria-label={t('coders.exchange.report')}>
          {report.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
