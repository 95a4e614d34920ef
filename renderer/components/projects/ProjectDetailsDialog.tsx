/**
 * Project details: the open project's name and description, saved at once in the project file;
 * the window's title, the header and the recent list follow.
 */
import { useState } from 'react';
import { PROJECT_DESCRIPTION_MAX_CHARS, PROJECT_NAME_MAX_CHARS } from '../../../shared/model/limits';
import { useT } from '../../i18n/i18n';
import { setProjectDetails, showProjectDialog } from '../../services/projects';
import { useStore } from '../../store';
import { ModalDialog } from '../palette/ModalDialog';

export function ProjectDetailsDialog() {
  const t = useT();
  const project = useStore((state) => state.session?.project ?? null);
  const [name, setName] = useState(project?.name ?? '');
  const [description, setDescription] = useState(project?.description ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  if (!project) return null;
  const close = () => showProjectDialog(null);
  const save = async () => {
    setSaving(true);
    setError(null);
    const failure = await setProjectDetails(name.trim(), description);
    setSaving(false);
    if (failure) setError(failure);
    else close();
  };
  return (
    <ModalDialog className="dialog project-dialog project-details-dialog" labelledBy="project-details-title" describedBy="project-details-intro" initialFocus="input[name='project-name']" onClose={close}>
      <form
        className="project-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!saving) void save();
        }}
      >
        <h2 id="project-details-title">{t('projects.details.title')}</h2>
        <p id="project-details-intro">{t('projects.details.intro')}</p>
        <label>
          {t('projects.details.name')}
          <input name="project-name" value={name} onChange={(event) => setName(event.target.value)} maxLength={PROJECT_NAME_MAX_CHARS} required autoComplete="off" />
        </label>
        <label>
          {t('projects.details.description')}
          <textarea name="project-description" value={description} onChange={(event) => setDescription(event.target.value)} maxLength={PROJECT_DESCRIPTION_MAX_CHARS} rows={4} />
        </label>
        <p className="project-folder">{t('projects.details.folder', { folder: project.folder })}</p>
        {error && (
          <p className="project-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={close}>
            {t('projects.details.cancel')}
          </button>
          <button type="submit" className="primary" data-action="save-project-details" disabled={saving || !name.trim()}>
            {saving ? t('projects.details.saving') : t('projects.details.save')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
