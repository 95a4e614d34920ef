/**
 * The Export… dialog: every format of the export table (shared/ipc/export-formats.ts), in its
 * order, each with what reads it and a button that writes it through the save dialog. A modal
 * dialog (ModalDialog): the page behind is inert; Escape closes it and gives the focus back.
 */
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/ipc/export-formats';
import { useT } from '../../i18n/i18n';
import { exportFormat } from '../../services/exports';
import { showDialog } from '../../services/workspace';
import { useStore } from '../../store';
import { ModalDialog } from '../palette/ModalDialog';

/** The Export… dialog, drawn while the workspace's dialog is `export`. */
export function ExportDialog() {
  const t = useT();
  const exporting = useStore((state) => state.exporting);
  const close = () => showDialog(null);
  const run = (format: ExportFormat) => {
    close();
    void exportFormat(format);
  };
  return (
    // While an export runs the formats are disabled: the focus starts on Close.
    <ModalDialog
      className="dialog export-dialog"
      labelledBy="export-dialog-title"
      describedBy="export-dialog-intro"
      initialFocus={exporting ? 'button[data-action="close-dialog"]' : '.export-format button'}
      onClose={close}
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
    </ModalDialog>
  );
}
