/**
 * Who is coding: asked on first start (the login name is offered), and changed from the header.
 * Every segment carries its coder's name, which is what agreement between coders is computed on.
 * A modal dialog: the focus stays inside it (Tab wraps round), Escape closes it once a coder is
 * set, and the focus goes back to where it was when it closes.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../../i18n/i18n';
import { setCoder } from '../../services/coders';
import { showCoderDialog } from '../../services/page';
import { useStore } from '../../store';

/** The elements Tab stops at inside `container`, in order. */
function tabStops(container: HTMLElement): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>('input, button, select, textarea, [tabindex]')).filter(
    (element) => !(element as HTMLButtonElement).disabled && element.tabIndex >= 0 && element.offsetParent !== null,
  );
}

/** Keeps Tab and Shift+Tab inside `container`: past the last stop to the first, and back. */
function trapTab(event: KeyboardEvent, container: HTMLElement): void {
  if (event.key !== 'Tab') return;
  const stops = tabStops(container);
  if (stops.length === 0) return;
  const first = stops[0];
  const last = stops[stops.length - 1];
  const active = document.activeElement;
  if (event.shiftKey && (active === first || !container.contains(active))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || !container.contains(active))) {
    event.preventDefault();
    first.focus();
  }
}

/** The coder dialog, shown on first start and when asked for from the header. */
export function CoderDialog() {
  const t = useT();
  const project = useStore((state) => state.project);
  const open = useStore((state) => state.coderDialog);
  const asking = !!project && (!project.coderConfirmed || open);
  const [name, setName] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!asking || !project) return;
    // Where the focus was (the header's coder button, say) takes it back when the dialog closes.
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setName(project.coder);
    input.current?.focus();
    input.current?.select();
    return () => {
      if (before?.isConnected) before.focus();
    };
  }, [asking]);
  if (!asking || !project) return null;
  const firstTime = !project.coderConfirmed;
  const close = () => {
    if (!firstTime) showCoderDialog(false);
  };
  return (
    <div className="dialog-backdrop">
      <form
        ref={form}
        className="dialog coder-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="coder-dialog-title"
        aria-describedby="coder-dialog-description"
        onKeyDown={(event) => {
          if (event.key === 'Escape') close();
          else if (form.current) trapTab(event, form.current);
        }}
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
    </div>
  );
}
