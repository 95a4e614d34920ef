/**
 * The Export… dialog: every format of the export table (shared/ipc/export-formats.ts), in its
 * order, each with what reads it and a button that writes it through the save dialog. Modal: the
 * focus moves in and stays in; Escape closes it and gives the focus back.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/ipc/export-formats';
import { useT } from '../../i18n/i18n';
import { exportFormat } from '../../services/exports';
import { showDialog } from '../../services/workspace';
import { useStore } from '../../store';

/** Keeps Tab and Shift+Tab inside `container`, going round. */
function trapFocus(event: KeyboardEvent<HTMLElement>) {
  if (event.key !== 'Tab') return;
  const focusable = Array.from(event.currentTarget.querySelectorAll<HTMLElement>('button:not([disabled]), [href], input, select, textarea, [tabindex="0"]'));
  if (focusable.length === 0) return;
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

export function ExportDialog() {
  const t = useT();
  const exporting = useStore((state) => state.exporting);
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The element that opened the dialog gets the focus back when it closes.
    const opener = document.activeElement as HTMLElement | null;
    dialog.current?.querySelector<HTMLElement>('.export-format button')?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  const close = () => showDialog(null);
  const run = (format: ExportFormat) => {
    close();
    void exportFormat(format);
  };
  return (
    <div className="dialog-backdrop" onMouseDown={(event) => event.target === event.currentTarget && close()}>
      <div
        className="dialog export-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="export-dialog-title"
        aria-describedby="export-dialog-intro"
        ref={dialog}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            close();
          } else trapFocus(event);
        }}
      >
        <h2 id="export-dialog-title">{t('workspace.export.title')}</h2>
        <p id="export-dialog-intro">{t('workspace.export.intro')}</p>
        <ul className="export-formats">
          {EXPORT_FORMATS.map((format) => (
            <li key={format.id} className="export-format" data-export-format={format.id}>
              <div className="export-format-text">
                <strong id={`export-${format.id}`}>{t(`workspace.export.formats.${format.id}.label`)}</strong>
                <span>{t(`workspace.export.formats.${format.id}.readers`)}</span>
              </div>
              <button
                type="button"
                disabled={exporting}
                onClick={() => run(format)}
                aria-label={t('workspace.export.buttonLabel', { format: t(`workspace.export.formats.${format.id}.label`) })}
                data-action={`export-${format.id}`}
              >
                {t('workspace.export.button')}
              </button>
            </li>
          ))}
        </ul>
        <div className="dialog-buttons">
          <button type="button" onClick={close} data-action="close-dialog">
            {t('workspace.export.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
