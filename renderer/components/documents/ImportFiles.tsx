/**
 * Bringing in own texts: a button that opens the file dialog, dropping files anywhere on the
 * window, the progress of a batch, and the report of what was imported and what was not.
 */
import { useEffect, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { cancelImport, dismissImportReport, importFiles } from '../../services/imports';
import { useStore } from '../../store';

/** Texts, and REFI-QDA projects from other programs (MAXQDA, ATLAS.ti, NVivo, QualCoder). */
export const IMPORT_TYPES = '.txt,.text,.md,.markdown,.html,.htm,.docx,.pdf,.qdpx,.qde,.json';

/** The button that opens the file dialog (a labelled file input inside a label that looks like a button). */
export function ImportButton() {
  const t = useT();
  const importing = useStore((state) => state.importing);
  return (
    <label className="file-button import-button" aria-disabled={importing ? 'true' : undefined}>
      {t('documents.import.button')}
      <input
        type="file"
        multiple
        accept={IMPORT_TYPES}
        disabled={!!importing}
        aria-label={t('documents.import.inputLabel')}
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

/** A batch under way (with Cancel), or the report of the last one. */
export function ImportProgress() {
  const t = useT();
  const importing = useStore((state) => state.importing);
  const report = useStore((state) => state.importReport);
  if (importing) {
    return (
      <div className="import-progress" role="status">
        <progress value={importing.done} max={importing.total} aria-label={t('documents.import.progressLabel')} />
        <span>
          {t('documents.import.progress', { done: importing.done + 1, total: importing.total, file: importing.current })}
        </span>
        <button type="button" onClick={cancelImport} data-action="cancel-import">
          {t('documents.import.cancel')}
        </button>
      </div>
    );
  }
  if (!report) return null;
  return (
    <div className="import-report" role="status" aria-label={t('documents.import.reportLabel')}>
      <ul>
        {report.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
      <button type="button" onClick={dismissImportReport} aria-label={t('documents.import.dismissReport')}>
        ×
      </button>
    </div>
  );
}

/** Files dropped anywhere on the window are imported; a hint shows while they are dragged over it. */
export function DropZone() {
  const t = useT();
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
  // Announced too: the status region stays in the page while empty (a live region must exist
  // before its words change to be read out), so a screen reader hears where to drop the files.
  return (
    <div className={dragging ? 'drop-hint' : 'drop-hint-idle'} role="status" aria-label={dragging ? t('documents.import.dropZoneLabel') : undefined}>
      {dragging ? t('documents.import.dropHint') : null}
    </div>
  );
}
