/** The desktop menu's commands as the preload passes them on (the browser preview has no menu). */
import type { CommandName } from '../../shared/ipc/commands';
import { bridge, isPreview } from './api-client';

/** Calls `listener` with each command chosen in the menu (and its argument); returns the stopper. */
export function onMenuCommand(listener: (command: CommandName, argument?: string) => void): () => void {
  return bridge.onCommand(listener);
}

/** True in the browser preview: no native menu, so the page handles the menu's shortcuts itself. */
export const menuShortcutsInPage = isPreview;
