/** The workspace's dialogs: the one the store names (state.dialog) is shown, one at a time. */
import { useStore } from '../../store';
import { ExportDialog } from '../export/ExportDialog';
import { CommandPalette } from '../palette/CommandPalette';
import { SettingsDialog } from '../settings/SettingsDialog';
import { ShortcutsSheet } from '../shortcuts/ShortcutsSheet';

export function WorkspaceDialogs() {
  const dialog = useStore((state) => state.dialog);
  if (dialog === 'export') return <ExportDialog />;
  if (dialog === 'palette') return <CommandPalette />;
  if (dialog === 'shortcuts') return <ShortcutsSheet />;
  if (dialog === 'settings') return <SettingsDialog />;
  return null;
}
