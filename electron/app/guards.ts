/**
 * What the page may not do, whatever it runs: navigate anywhere (the page never leaves
 * app://workbench), open a window, attach a webview, or be granted a permission (camera,
 * notifications, clipboard reading, …): every such request and every check of one is denied.
 */
import type { Session, WebContents } from 'electron';

/** Refuses every navigation (of the page and of any frame in it), new window and webview of one web contents. */
export function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Denies every permission the page asks for, and answers every check of one with no. */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
