/**
 * The workspace's keys, wherever the focus is (not while a modal dialog is up): Ctrl+W (or Ctrl+F4)
 * closes the tab in front, Ctrl+Tab and Ctrl+Shift+Tab (or Ctrl+PageDown and Ctrl+PageUp) bring
 * the next and previous tab forward; in the browser preview (no desktop menu) Ctrl/Cmd+Shift+X
 * opens the Export… dialog, as the menu's accelerator does in the app; F6 and Shift+F6 move the
 * focus to the next and previous region of the workspace. The keys are the registry's
 * (commands/registry.ts), looked up there.
 */
import { commandsFor, matchesShortcut } from '../../commands/registry';
import { menuShortcutsInPage } from '../../services/menu-commands';
import { getState } from '../../store';

/** The registry's commands the workspace takes wherever the focus is (Export… only where no menu does). */
const WORKSPACE_COMMANDS = ['next-region', 'previous-region', 'next-tab', 'previous-tab', 'close-tab'];

/** The command a key stands for in the workspace, or null. */
export function workspaceCommandForKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>, inPage = menuShortcutsInPage): (() => void) | null {
  // A command that cannot run now still takes its key, so that Ctrl+W with no tab open does not
  // fall through to the browser.
  const ids = inPage ? [...WORKSPACE_COMMANDS, 'export'] : WORKSPACE_COMMANDS;
  const command = commandsFor(getState()).find((candidate) => ids.includes(candidate.id) && candidate.shortcuts.some((shortcut) => matchesShortcut(event, shortcut)));
  // In the desktop app Ctrl/Cmd+W is the File menu's Close Tab: taken here too, it would close two tabs.
  if (!inPage && command?.id === 'close-tab' && event.key.toLowerCase() === 'w') return null;
  return command?.run ?? null;
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
