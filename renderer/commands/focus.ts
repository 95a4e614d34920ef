/**
 * Where the focus is: in a form field (where keys type, and typing waits to be saved), and which
 * element holds it, looking into the text view's shadow root. DOM only, no services, so that the
 * services and the dialogs can both ask.
 */

/** Whether the focus (or a key's target) is in a form field, where keys type. */
export function isFormField(element: Element | null): boolean {
  return !!element?.closest('input, textarea, select');
}

/** The element with the focus, looking into shadow roots (the text view's); null for none (the body). */
export function deepFocus(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : null;
}
