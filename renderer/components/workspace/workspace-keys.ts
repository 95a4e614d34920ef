/**
 * The workspace's keys, wherever the focus is: Ctrl+W closes the tab in front, Ctrl+Tab and
 * Ctrl+Shift+Tab bring the next and previous tab forward; in the browser preview (no desktop
 * menu) Ctrl/Cmd+Shift+X opens the Export… dialog, as the menu's accelerator does in the app;
 * F6 and Shift+F6 move the focus to the next and previous region of the workspace.
 */
import { menuShortcutsInPage } from '../../services/menu-commands';
import { cycleTab, showDialog } from '../../services/workspace';
import { closeFrontTabKeepingFocus } from './close-tab';
import { focusRegion } from './regions';

/** The command a key stands for in the workspace, or null. */
export function workspaceCommandForKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>, inPage = menuShortcutsInPage): (() => void) | null {
  if (event.altKey) return null;
  const key = event.key.toLowerCase();
  // Not with Ctrl or ⌘: Ctrl+F6 is the window manager's.
  if (key === 'f6' && !event.ctrlKey && !event.metaKey) return () => focusRegion(event.shiftKey ? -1 : 1);
  if (event.ctrlKey && key === 'tab') return () => cycleTab(event.shiftKey ? -1 : 1);
  if ((event.ctrlKey || event.metaKey) && !event.shiftKey && key === 'w') return closeFrontTabKeepingFocus;
  if (inPage && (event.ctrlKey || event.metaKey) && event.shiftKey && key === 'x') return () => showDialog('export');
  return null;
}

/** Installs the workspace's keys on the window; returns the uninstaller. */
export function installWorkspaceKeys(): () => void {
  const listener = (event: KeyboardEvent) => {
    // A modal dialog keeps its keys: the tabs behind it do not change while it is up.
    if (document.activeElement?.closest('dialog[open],[aria-modal="true"]')) return;
    const command = workspaceCommandForKey(event);
    if (!command) return;
    event.preventDefault();
    command();
  };
  window.addEventListener('keydown', listener, { capture: true });
  return () => window.removeEventListener('keydown', listener, { capture: true });
}
