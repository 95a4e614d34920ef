/**
 * Bringing coders' work together without a server: export one's own coder file, import others',
 * or keep a shared folder (Dropbox, Syncthing, a git repository) where every coder writes only
 * their own file and reads the others'. The folder is remembered in this browser profile.
 */
import { useState } from 'react';
import { canChooseFolder, chooseSharedFolder, importCoderFiles, rememberedFolder, syncSharedFolder, type CodersTaken } from '../../services/coders';
import { exportCoderFile } from '../../services/exports';
import { useStore } from '../../store';

export function CoderExchange(props: { onMerged: () => void }) {
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
    <section className="coder-exchange" aria-label="Bringing coders' work together">
      <h3 className="panel-title">Bringing coders' work together</h3>
      <div className="coder-exchange-row">
        <button type="button" onClick={() => void exportCoderFile()} data-action="export-coder-file">
          Export my coder file ({coder})…
        </button>
        <label className="file-button">
          Import coder files…
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
          Shared folder{' '}
          <input value={folder} onChange={(event) => setFolder(event.target.value)} placeholder="/path/to/shared/folder" size={40} aria-label="Shared folder" data-action="shared-folder" />
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
            Choose…
          </button>
        )}
        <button type="submit" disabled={busy || !folder.trim()} aria-busy={busy} data-action="sync-shared-folder">
          {busy ? 'Working…' : 'Sync'}
        </button>
      </form>
      {report && (
        <ul className="coder-exchange-report" role="status" aria-label="What came in">
          {report.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
