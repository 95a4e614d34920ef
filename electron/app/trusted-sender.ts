/**
 * Which IPC messages the main process answers: only those from the main frame of a window that
 * shows the app's own page (app://workbench). A frame inside it, or a page that somehow navigated
 * elsewhere, gets nothing.
 */

export const APP_ORIGIN = 'app://workbench';

/** The part of Electron's WebFrameMain that the check reads. */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  if (!frame || frame.parent !== null) return false;
  return frame.url === APP_ORIGIN || frame.url.startsWith(`${APP_ORIGIN}/`);
}
