/**
 * Bringing in own texts: a button that opens the file dialog, dropping files anywhere on the
 * window, the progress of a batch, and the report of what was imported and what was not.
 */
import { useEffect, useState } from 'react';
import { cancelImport, dismissImportReport, importFiles } from '../../services/imports';
import { useStore } from '../../store';

/** Texts, and REFI-QDA projects from other programs (MAXQDA, ATLAS.ti, NVivo, QualCoder). */
export const IMPORT_TYPES = '.txt,.text,.md,.markdown,.html,.htm,.docx,.pdf,.qdpx,.qde,.json';

export function ImportButton() {
  const importing = useStore((state) => state.importing);
  return (
    <label className="file-button import-button" aria-disabled={importing ? 'true' : undefined}>
      Import texts or a project…
      <input
        type="file"
        multiple
        accept={IMPORT_TYPES}
        disabled={!!importing}
        data-action="import-documents"
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          event.target.value = '';
          void importFiles(files);
        }}
      />
    </label>
  );
}

export function ImportProgress() {
  const importing = useStore((state) => state.importing);
  const report = useStore((state) => state.importReport);
  if (importing) {
    return (
      <div className="import-progress" role="status">
        <progress value={importing.done} max={importing.total} aria-label="Import progress" />
        <span>
          Importing {importing.done + 1} of {importing.total}: {importing.current}
        </span>
        <button type="button" onClick={cancelImport} data-action="cancel-import">
          Cancel
        </button>
      </div>
    );
  }
  if (!report) return null;
  return (
    <div className="import-report" role="status" aria-label="Import report">
      <ul>
        {report.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
      <button type="button" onClick={dismissImportReport} aria-label="Dismiss the import report">
        ×
      </button>
    </div>
  );
}

/** Files dropped anywhere on the window are imported; a hint shows while they are dragged over it. */
export function DropZone() {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');
    const over = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setDragging(true);
    };
    const leave = (event: DragEvent) => {
      if (!event.relatedTarget) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setDragging(false);
      void importFiles(Array.from(event.dataTransfer?.files ?? []));
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);
  return dragging ? <div className="drop-hint">Drop .txt, .md, .html, .docx or .pdf files, or a REFI-QDA project (.qdpx), to import them</div> : null;
}
