/**
 * The New project dialog: a name (required), a description, and whether to start empty or with the
 * sample texts. In the browser preview the project's folder is named here too (below the root the
 * preview was started with; prefilled from the name); in the app the system's folder dialog asks
 * after Create. A failure stays in the dialog, beside what was typed.
 */
import { useState } from 'react';
import { PROJECT_DESCRIPTION_MAX_CHARS, PROJECT_NAME_MAX_CHARS } from '../../../shared/model/limits';
import { useT } from '../../i18n/i18n';
import { newProject, showProjectDialog } from '../../services/projects';
import { useStore } from '../../store';
import { ModalDialog } from '../palette/ModalDialog';
import { folderNameFor } from '../../../shared/text/folder-name';

export function NewProjectDialog() {
  const t = useT();
  const session = useStore((state) => state.session);
  const preset = useStore((state) => state.newProjectPreset);
  const [name, setName] = useState(preset?.name ?? '');
  const [description, setDescription] = useState('');
  const [withSample, setWithSample] = useState(preset?.withSample ?? false);
  const [place, setPlace] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const places = session?.chooser === 'places';
  const sampleAvailable = session?.sampleAvailable ?? false;
  const shownPlace = place ?? folderNameFor(name, '');
  const close = () => showProjectDialog(null);
  const create = async () => {
    setCreating(true);
    setError(null);
    const failure = await newProject({ name: name.trim(), description, withSample: sampleAvailable && withSample, ...(places ? { place: shownPlace } : {}) });
    // On success the page starts afresh; a cancelled folder dialog leaves the dialog as it was.
    setCreating(false);
    if (failure) setError(failure);
  };
  return (
    <ModalDialog className="dialog project-dialog new-project-dialog" labelledBy="new-project-title" describedBy="new-project-intro" initialFocus="input[name='project-name']" onClose={creating ? undefined : close}>
      <form
        className="project-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!creating) void create();
        }}
      >
        <h2 id="new-project-title">{t('projects.new.title')}</h2>
        <p id="new-project-intro">{t('projects.new.intro')}</p>
        <label>
          {t('projects.new.name')}
          <input name="project-name" value={name} onChange={(event) => setName(event.target.value)} maxLength={PROJECT_NAME_MAX_CHARS} required autoComplete="off" />
        </label>
        <label>
          {t('projects.new.description')}
          <textarea name="project-description" value={description} onChange={(event) => setDescription(event.target.value)} maxLength={PROJECT_DESCRIPTION_MAX_CHARS} rows={3} />
        </label>
        {sampleAvailable && (
          <fieldset className="project-start">
            <legend>{t('projects.new.start')}</legend>
            <label className="choice">
              <input type="radio" name="project-start" value="empty" checked={!withSample} onChange={() => setWithSample(false)} />
              <span>
                {t('projects.new.empty')}
                <small>{t('projects.new.emptyHint')}</small>
              </span>
            </label>
            <label className="choice">
              <input type="radio" name="project-start" value="sample" checked={withSample} onChange={() => setWithSample(true)} />
              <span>
                {t('projects.new.sample')}
                <small>{t('projects.new.sampleHint')}</small>
              </span>
            </label>
          </fieldset>
        )}
        {places ? (
          <label>
            {t('projects.new.place')}
            <input name="project-place" value={shownPlace} onChange={(event) => setPlace(event.target.value)} required autoComplete="off" aria-describedby="new-project-place-hint" />
            <small id="new-project-place-hint">{t('projects.new.placeHint')}</small>
          </label>
        ) : (
          <p className="project-hint">{t('projects.new.dialogHint')}</p>
        )}
        {error && (
          <p className="project-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={close} disabled={creating}>
            {t('projects.new.cancel')}
          </button>
          <button type="submit" className="primary" data-action="create-project" disabled={creating || !name.trim() || (places && !shownPlace.trim())}>
            {creating ? t('projects.new.creating') : t('projects.new.create')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
