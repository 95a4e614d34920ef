/**
 * The start screen, shown while no project is open: the program's name, New project… and Open
 * project…, the recent projects (a missing one marked, removable, never opened), the session's
 * notices, and on first start the bundled texts offered as a sample project. Keyboard first: Tab
 * goes through the buttons and the list in reading order, Enter opens a recent project, Delete
 * removes a missing one.
 */
import type { RecentProject } from '../../../shared/ipc/projects';
import { formatDateTime, useT } from '../../i18n/i18n';
import { forgetRecent, openProjectFromDialog, openRecent, showProjectDialog, whenChangeAllowed } from '../../services/projects';
import { useStore } from '../../store';
import { MessageBar } from '../messages/MessageBar';
import './projects.css';

function RecentEntry({ entry, busy }: { entry: RecentProject; busy: boolean }) {
  const t = useT();
  const details = (
    <>
      <span className="recent-name">{entry.name}</span>
      <span className="recent-folder">{entry.folder}</span>
      <span className="recent-opened">{t('projects.start.openedAt', { date: formatDateTime(entry.openedAt) })}</span>
    </>
  );
  if (entry.missing) {
    return (
      <li
        className="recent-project missing"
        data-recent-id={entry.id}
        onKeyDown={(event) => {
          if (event.key !== 'Delete') return;
          event.preventDefault();
          void forgetRecent(entry.id);
        }}
      >
        {/* The entry itself takes the focus (Tab reaches it before its button), so Delete works from either. */}
        <div className="recent-open" title={t('projects.start.missingTitle')} tabIndex={0}>
          {details}
          <span className="recent-missing">{t('projects.start.missing')}</span>
        </div>
        <button type="button" data-action="forget-recent" aria-label={t('projects.start.forgetLabel', { name: entry.name })} onClick={() => void forgetRecent(entry.id)}>
          {t('projects.start.forget')}
        </button>
      </li>
    );
  }
  return (
    <li className="recent-project" data-recent-id={entry.id}>
      <button type="button" className="recent-open" data-action="open-recent" disabled={busy} onClick={() => openRecent(entry.id)}>
        {details}
      </button>
    </li>
  );
}

/** The start screen, drawn while the session has no project open. */
export function StartScreen() {
  const t = useT();
  const session = useStore((state) => state.session);
  const busy = useStore((state) => state.projectBusy);
  if (!session) return null;
  const recent = session.recent;
  const firstStart = recent.length === 0;
  return (
    <div className="start-screen-frame">
      <main className="start-screen" aria-labelledby="start-title" aria-busy={busy === 'changing'}>
        <h1 id="start-title">{t('common.app.name')}</h1>
        <p className="start-intro">{t('projects.start.intro')}</p>
        <div className="start-actions">
          <button type="button" className="primary" data-action="new-project" disabled={busy === 'changing'} onClick={() => whenChangeAllowed(() => showProjectDialog('new-project'))}>
            {t('projects.start.newProject')}
          </button>
          <button type="button" data-action="open-project" disabled={busy === 'changing'} onClick={openProjectFromDialog}>
            {t('projects.start.openProject')}
          </button>
        </div>
        {session.notices.length > 0 && (
          <section className="start-notices" aria-label={t('projects.start.notices')}>
            <ul>
              {session.notices.map((notice) => (
                <li key={notice} role="note">
                  {notice}
                </li>
              ))}
            </ul>
          </section>
        )}
        {firstStart && session.sampleAvailable && (
          <section className="sample-offer" aria-labelledby="sample-title">
            <h2 id="sample-title">{t('projects.start.sampleTitle')}</h2>
            <p>{t('projects.start.sample')}</p>
            <button type="button" data-action="try-sample" onClick={() => showProjectDialog('new-project', { name: t('projects.start.sampleName'), withSample: true })}>
              {t('projects.start.sampleButton')}
            </button>
          </section>
        )}
        <section className="recent-projects" aria-labelledby="recent-title">
          <h2 id="recent-title">{t('projects.start.recentTitle')}</h2>
          {firstStart ? (
            <p className="empty">{t('projects.start.recentEmpty')}</p>
          ) : (
            <>
              <p className="recent-hint" id="recent-hint">
                {t('projects.start.recentHint')}
              </p>
              <ul className="recent-list" aria-describedby="recent-hint">
                {recent.map((entry) => (
                  <RecentEntry key={entry.id} entry={entry} busy={busy === 'changing'} />
                ))}
              </ul>
            </>
          )}
        </section>
        {busy === 'changing' && (
          <p className="start-working" role="status">
            <span className="spinner" aria-hidden="true" /> {t('projects.start.working')}
          </p>
        )}
      </main>
      <MessageBar />
    </div>
  );
}
