/**
 * The preview's Open project dialog: what lies below the root folder the preview was started
 * with: projects and project archives, each a button that opens it, and the other folders, named. The desktop app
 * opens through the system's dialog instead and never shows this one.
 */
import { useEffect, useState } from 'react';
import type { PlaceEntry } from '../../../shared/ipc/projects';
import { useT } from '../../i18n/i18n';
import { listPlaces, openPlace, showProjectDialog } from '../../services/projects';
import { ModalDialog } from '../palette/ModalDialog';

const GROUPS = [
  { kind: 'project', heading: 'projects.open.projects' },
  { kind: 'archive', heading: 'projects.open.archives' },
  { kind: 'folder', heading: 'projects.open.folders' },
] as const;

export function OpenProjectDialog() {
  const t = useT();
  const [entries, setEntries] = useState<PlaceEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [opening, setOpening] = useState<string | null>(null);
  useEffect(() => {
    void listPlaces().then((result) => {
      if (result.ok) setEntries(result.value.entries);
      else setError(result.error.message);
    });
  }, []);
  const close = () => showProjectDialog(null);
  const open = async (name: string) => {
    setOpening(name);
    setError(null);
    const failure = await openPlace(name);
    setOpening(null);
    if (failure) setError(failure);
  };
  return (
    <ModalDialog className="dialog project-dialog open-project-dialog" labelledBy="open-project-title" describedBy="open-project-intro" initialFocus=".place-entry button" onClose={opening ? undefined : close}>
      <h2 id="open-project-title">{t('projects.open.title')}</h2>
      <p id="open-project-intro">{t('projects.open.intro')}</p>
      {entries === null && !error && (
        <p className="empty" role="status">
          {t('projects.open.loading')}
        </p>
      )}
      {entries?.length === 0 && <p className="empty">{t('projects.open.empty')}</p>}
      {entries &&
        GROUPS.map(({ kind, heading }) => {
          const group = entries.filter((entry) => entry.kind === kind);
          if (!group.length) return null;
          return (
            <section key={kind} className="place-group" aria-labelledby={`places-${kind}`}>
              <h3 id={`places-${kind}`}>{t(heading)}</h3>
              {kind === 'folder' && <p>{t('projects.open.foldersHint')}</p>}
              <ul className="place-list">
                {group.map((entry) => (
                  <li key={entry.name} className="place-entry" data-place-kind={entry.kind}>
                    {/* A folder without a project is listed so that nothing below the root seems lost; it cannot be opened. */}
                    {entry.kind === 'folder' ? (
                      <span className="place-folder">{entry.name}</span>
                    ) : (
                      <button type="button" data-place={entry.name} disabled={opening !== null} onClick={() => void open(entry.name)}>
                        {opening === entry.name ? t('projects.open.opening') : entry.name}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      {error && (
        <p className="project-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={close} disabled={opening !== null} data-action="close-dialog">
          {t('projects.open.cancel')}
        </button>
      </div>
    </ModalDialog>
  );
}
