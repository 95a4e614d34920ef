/**
 * Restore from backup: the open project's backups, newest first (date and time, why it was made,
 * size, documents, coded segments), Back up now, and restoring one after a confirmation that says
 * the state now is backed up first. No backups yet is said plainly; a failure stays in the dialog.
 */
import { useEffect, useState } from 'react';
import type { BackupSummary } from '../../../shared/ipc/projects';
import { formatDateTime, formatNumber, useT } from '../../i18n/i18n';
import { backUpNow, listBackups, restoreBackup, showProjectDialog } from '../../services/projects';
import { useStore } from '../../store';
import { ModalDialog } from '../palette/ModalDialog';

/** A backup's size in KB, or in MB (one decimal) from a megabyte on. */
function backupSize(bytes: number, t: ReturnType<typeof useT>): string {
  if (bytes < 1024 * 1024) return t('projects.backups.bytes', { size: formatNumber(Math.max(1, Math.round(bytes / 1024))) });
  return t('projects.backups.megabytes', { size: formatNumber(bytes / (1024 * 1024), { maximumFractionDigits: 1 }) });
}

function BackupConfirmation({ backup, onBack }: { backup: BackupSummary; onBack(): void }) {
  const t = useT();
  const changing = useStore((state) => state.projectBusy === 'changing');
  const [restoring, setRestoring] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const date = formatDateTime(backup.createdAt);
  const restore = async () => {
    setRestoring(true);
    setError(null);
    const failure = await restoreBackup(backup.id);
    // On success the page starts afresh on the restored project.
    setRestoring(false);
    if (failure) setError(failure);
  };
  return (
    <div className="backup-confirmation" role="group" aria-labelledby="backup-confirm-title">
      <h3 id="backup-confirm-title">{t('projects.backups.confirmTitle', { date })}</h3>
      <p>{t('projects.backups.confirm', { documents: formatNumber(backup.documents), segments: formatNumber(backup.segments) })}</p>
      {error && (
        <p className="project-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-buttons">
        {/* The button that chose this backup is gone: the focus starts on the way back, the harmless choice. */}
        <button type="button" onClick={onBack} disabled={restoring} data-action="back-to-backups" autoFocus>
          {t('projects.backups.back')}
        </button>
        <button type="button" className="primary" onClick={() => void restore()} disabled={restoring || changing} data-action="confirm-restore">
          {restoring ? t('projects.backups.restoring') : t('projects.backups.confirmRestore')}
        </button>
      </div>
    </div>
  );
}

export function RestoreBackupDialog() {
  const t = useT();
  const [backups, setBackups] = useState<BackupSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [backingUp, setBackingUp] = useState(false);
  const [chosen, setChosen] = useState<BackupSummary | null>(null);
  const load = async () => {
    const result = await listBackups();
    if (result.ok) setBackups(result.value.backups);
    else setError(result.error.message);
  };
  useEffect(() => void load(), []);
  const close = () => showProjectDialog(null);
  const backUp = async () => {
    setBackingUp(true);
    setError(null);
    setNotice(null);
    const result = await backUpNow();
    setBackingUp(false);
    if (!result.ok) return setError(result.error.message);
    setNotice(t('projects.backups.backedUp'));
    await load();
  };
  return (
    <ModalDialog className="dialog project-dialog restore-backup-dialog" labelledBy="restore-backup-title" describedBy="restore-backup-intro" initialFocus="[data-action='back-up-now']" onClose={close}>
      <h2 id="restore-backup-title">{t('projects.backups.title')}</h2>
      <p id="restore-backup-intro">{t('projects.backups.intro')}</p>
      {chosen ? (
        <BackupConfirmation backup={chosen} onBack={() => setChosen(null)} />
      ) : (
        <>
          {backups === null && !error && (
            <p className="empty" role="status">
              {t('projects.backups.loading')}
            </p>
          )}
          {backups?.length === 0 && <p className="empty backups-empty">{t('projects.backups.empty')}</p>}
          {backups && backups.length > 0 && (
            <div className="backups-scroll">
              <table className="backups-table">
                <caption className="visually-hidden">{t('projects.backups.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('projects.backups.date')}</th>
                    <th scope="col">{t('projects.backups.kind')}</th>
                    <th scope="col">{t('projects.backups.size')}</th>
                    <th scope="col">{t('projects.backups.documents')}</th>
                    <th scope="col">{t('projects.backups.segments')}</th>
                    <td />
                  </tr>
                </thead>
                <tbody>
                  {backups.map((backup) => (
                    <tr key={backup.id} data-backup-id={backup.id}>
                      <th scope="row">{formatDateTime(backup.createdAt)}</th>
                      <td>{t(`projects.backups.kinds.${backup.kind}`)}</td>
                      <td className="number">{backupSize(backup.bytes, t)}</td>
                      <td className="number">{formatNumber(backup.documents)}</td>
                      <td className="number">{formatNumber(backup.segments)}</td>
                      <td>
                        <button type="button" data-action="restore-backup" aria-label={t('projects.backups.restoreLabel', { date: formatDateTime(backup.createdAt) })} onClick={() => setChosen(backup)}>
                          {t('projects.backups.restore')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {notice && (
            <p className="project-notice" role="status">
              {notice}
            </p>
          )}
          {error && (
            <p className="project-error" role="alert">
              {error}
            </p>
          )}
          <div className="dialog-buttons">
            <button type="button" onClick={() => void backUp()} disabled={backingUp} data-action="back-up-now">
              {backingUp ? t('projects.backups.backingUp') : t('projects.backups.backUpNow')}
            </button>
            <button type="button" onClick={close} data-action="close-dialog">
              {t('projects.backups.close')}
            </button>
          </div>
        </>
      )}
    </ModalDialog>
  );
}
