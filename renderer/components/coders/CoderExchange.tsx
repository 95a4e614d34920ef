/**
 * Bringing coders' work together without a server: export one's own coder file, import others',
 * or keep a shared folder (Dropbox, Syncthing, a git repository) where every coder writes only
 * their own file and reads the others'. The folder is remembered in this browser profile.
 */
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { canChooseFolder, chooseSharedFolder, importCoderFiles, rememberedFolder, syncSharedFolder, type CodersTaken } from '../../services/coders';
import { exportCoderFile } from '../../services/exports';
import { useStore } from '../../store';

/** Exporting one's coder file, importing others', and syncing through a shared folder; `onMerged` runs after work came in. */
export function CoderExchange(props: { onMerged: () => void }) {
  const t = useT();
  const coder = useStore((state) => state.project?.coder);
  const [folder, setFolder] = useState(rememberedFolder);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<string[] | null>(null);

  const take = async (work: Promise<CodersTaken>) => {
    setBusy(true);
    const { report: lines, merged } = await work;
    setBusy(false);
    setReport(lines);
    if (merged) props.onMerged();
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
      <form
        className="coder-exchange-row"
        onSubmit={(event) => {
          event.preventDefault();
          void take(syncSharedFolder(folder.trim()));
        }}
      >
        <label>
          {t('coders.exchange.folder')}{' '}
          <input
            value={folder}
            onChange={(event) => setFolder(event.target.value)}
            placeholder={t('coders.exchange.folderPlaceholder')}
            size={40}
            data-action="shared-folder"
          />
        </label>
        {canChooseFolder && (
          <button
            type="button"
            onClick={async () => {
              const chosen = await chooseSharedFolder();
              if (chosen) setFolder(chosen);
            }}
            data-action="choose-shared-folder"
          >
            {t('coders.exchange.choose')}
          </button>
        )}
        <button type="submit" disabled={busy || !folder.trim()} aria-busy={busy} data-action="sync-shared-folder">
          {busy ? t('coders.exchange.working') : t('coders.exchange.sync')}
        </button>
      </form>
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
