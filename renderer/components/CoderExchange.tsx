/**
 * Bringing coders' work together without a server: export one's own coder file, import others',
 * or keep a shared folder (Dropbox, Syncthing, a git repository) where every coder writes only
 * their own file and reads the others'. The folder is remembered in this browser profile.
 */
import { useState } from 'react';
import type { ProjectImportOutcome } from '../../shared/ipc';
import type { Result } from '../../shared/ipc/result';
import { applyImportOutcome, runExportOf, showMessage } from '../actions';
import { api, isPreview } from '../api-client';
import { useStore } from '../store';

const FOLDER_KEY = 'workbench-shared-folder';

function rememberedFolder(): string {
  try {
    return localStorage.getItem(FOLDER_KEY) ?? '';
  } catch {
    return '';
  }
}

/**
 * On start, a remembered shared folder is synced: this coder's file is written there and the
 * others' work comes in, without anyone having to remember to press Sync.
 */
export async function syncRememberedFolder(): Promise<void> {
  const folder = rememberedFolder();
  if (!folder) return;
  const result = await api.syncSharedFolder({ folder });
  if (!result.ok) showMessage('error', `The shared folder ${folder} could not be synced: ${result.error.message}`);
  else if (result.value.outcome) applyImportOutcome(result.value.outcome);
}

export function CoderExchange(props: { onMerged: () => void }) {
  const coder = useStore((state) => state.project?.coder);
  const [folder, setFolder] = useState(rememberedFolder);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<string[] | null>(null);

  const take = async (calls: Array<() => Promise<Result<ProjectImportOutcome>>>) => {
    setBusy(true);
    const lines: string[] = [];
    let merged = false;
    for (const call of calls) {
      const result = await call();
      if (!result.ok) lines.push(result.error.message);
      else {
        lines.push(...result.value.report);
        if (result.value.outcome) {
          merged = true;
          applyImportOutcome(result.value.outcome);
        }
      }
    }
    setBusy(false);
    setReport(lines);
    if (merged) props.onMerged();
  };

  return (
    <section className="coder-exchange" aria-label="Bringing coders' work together">
      <h3 className="panel-title">Bringing coders' work together</h3>
      <div className="coder-exchange-row">
        <button type="button" onClick={() => void runExportOf(() => api.exportCoderFile({}))} data-action="export-coder-file">
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
              void take(files.map((file) => async () => api.importCoderFile({ name: file.name, content: await file.text() })));
            }}
          />
        </label>
      </div>
      <form
        className="coder-exchange-row"
        onSubmit={(event) => {
          event.preventDefault();
          try {
            localStorage.setItem(FOLDER_KEY, folder.trim());
          } catch {
            // Not remembered (storage refused): it works for this session.
          }
          void take([() => api.syncSharedFolder({ folder: folder.trim() })]);
        }}
      >
        <label>
          Shared folder{' '}
          <input value={folder} onChange={(event) => setFolder(event.target.value)} placeholder="/path/to/shared/folder" size={40} aria-label="Shared folder" data-action="shared-folder" />
        </label>
        {!isPreview && (
          <button
            type="button"
            onClick={async () => {
              const chosen = await api.chooseFolder({ purpose: 'shared-folder' });
              if (chosen.ok && chosen.value.folder) setFolder(chosen.value.folder);
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
