/**
 * Who is coding: asked on first start (the login name is offered), and changed from the header.
 * Every segment carries its coder's name, which is what agreement between coders is computed on.
 * A modal dialog (ModalDialog): the page behind is inert, Escape closes it once a coder is set,
 * and the focus goes back to where it was when it closes.
 */
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { setCoder } from '../../services/coders';
import { showCoderDialog } from '../../services/page';
import { useStore } from '../../store';
import { ModalDialog } from '../palette/ModalDialog';

/** The coder dialog, shown on first start and when asked for from the header. */
export function CoderDialog() {
  const t = useT();
  const project = useStore((state) => state.project);
  const open = useStore((state) => state.coderDialog);
  const asking = !!project && (!project.coderConfirmed || open);
  const [name, setName] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!asking || !project) return;
    // The dialog (ModalDialog) has taken the focus and gives it back when it closes.
    setName(project.coder);
    input.current?.focus();
    input.current?.select();
  }, [asking]);
  if (!asking || !project) return null;
  const firstTime = !project.coderConfirmed;
  const close = () => showCoderDialog(false);
  return (
    // On first start no coder is set yet: the dialog must be answered (no Escape, no Cancel).
    <ModalDialog className="dialog coder-dialog" labelledBy="coder-dialog-title" describedBy="coder-dialog-description" onClose={firstTime ? undefined : close}>
      <form
        className="coder-form"
        onSubmit={(event) => {
          event.preventDefault();
          void setCoder(name);
        }}
      >
        <h2 id="coder-dialog-title">{firstTime ? t('coders.dialog.titleFirst') : t('coders.dialog.titleChange')}</h2>
        <p id="coder-dialog-description">{t('coders.dialog.explanation')}</p>
        <label>
          {t('coders.dialog.coder')}
          <input ref={input} value={name} onChange={(event) => setName(event.target.value)} list="known-coders" maxLength={200} required data-action="coder-name" />
        </label>
        <datalist id="known-coders">
          {project.coders.map((coder) => (
            <option key={coder} value={coder} />
          ))}
        </datalist>
        <div className="dialog-buttons">
          {!firstTime && (
            <button type="button" onClick={close}>
              {t('coders.dialog.cancel')}
            </button>
          )}
          <button type="submit" disabled={!name.trim()} data-action="save-coder">
            {firstTime ? t('coders.dialog.start') : t('coders.dialog.change')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
