/**
 * A modal dialog of the workspace (the palette, the shortcuts sheet, the settings, Export…, the
 * coder's name): the browser's
 * own `<dialog>`, shown modal so that the page behind it is inert and Tab stays inside; Escape
 * closes it, and the focus goes back to where it was when it opened (into the text, with its
 * selection, when it was there).
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { focusText } from '../../commands/coding';
import { deepFocus } from '../../commands/focus';

/** Gives the focus back to `element`: the text through its view, so that its selection comes back too. */
function returnFocus(element: HTMLElement | null): void {
  const root = element?.getRootNode();
  if (root instanceof ShadowRoot && root.host.closest('.text-host')) focusText();
  else if (element?.isConnected) element.focus();
}

/** What is to run once the dialog up now has closed and given the focus back. */
let afterClose: (() => void)[] = [];

/**
 * Runs `action` once the dialog up now has closed and given the focus back (a palette command
 * that moves the focus, or acts where the focus was, runs then).
 */
export function whenDialogClosed(action: () => void): void {
  afterClose.push(action);
}

export interface ModalDialogProps {
  className: string;
  /** The id of the element that names the dialog (its heading). */
  labelledBy: string;
  /** The id of the element that says what the dialog is for, if any. */
  describedBy?: string;
  /** The element to focus first (a selector inside the dialog); else the browser's choice, its first control. */
  initialFocus?: string;
  /** Closes the dialog (Escape); absent for a dialog that must be answered (the coder's name on first start). */
  onClose?(): void;
  children: ReactNode;
}

/** A modal dialog that closes on Escape (when it can be closed) and gives the focus back where it was. */
export function ModalDialog(props: ModalDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const returnTo = deepFocus();
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
    if (props.initialFocus) dialog.current?.querySelector<HTMLElement>(props.initialFocus)?.focus();
    return () => {
      returnFocus(returnTo);
      const actions = afterClose;
      afterClose = [];
      for (const action of actions) action();
    };
  }, []);
  return (
    <dialog
      ref={dialog}
      className={`workspace-dialog ${props.className}`}
      aria-labelledby={props.labelledBy}
      aria-describedby={props.describedBy}
      onCancel={(event) => {
        // The dialog is closed by the page's state, not by the browser, so that both agree.
        event.preventDefault();
        props.onClose?.();
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        props.onClose?.();
      }}
    >
      {props.children}
    </dialog>
  );
}
