/**
 * The menu bar kept in step with the projects: rebuilt whenever a project opens or closes (Open
 * Recent lists the recent list, the items that need a project are greyed without one) and the
 * window's title naming the open project.
 */
import { dialog, Menu } from 'electron';
import { COMMAND_CHANNEL } from '../../shared/ipc/channels';
import type { CommandName } from '../../shared/ipc/commands';
import type { ProjectSession } from '../services/project-session';
import { menuTemplate } from './menu';
import { currentWindow, setWindowTitle } from './window';

/** Passes a menu command to the page in the window. */
export function sendCommand(command: CommandName): void {
  currentWindow()?.webContents.send(COMMAND_CHANNEL, command);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Shows the menu for the session's state now; returns the function that shows it afresh. */
export async function showApplicationMenu(projects: ProjectSession, isMac: boolean): Promise<() => Promise<void>> {
  const refresh = async (): Promise<void> => {
    const state = await projects.state();
    const template = menuTemplate(isMac, sendCommand, {
      recent: state.recent,
      open: state.project !== null,
      openRecent: (id) => {
        const folder = projects.recent.folderOf(id);
        if (folder === null) return;
        projects.open(folder).then(
          () => sendCommand('project-changed'),
          (error: unknown) => dialog.showErrorBox('The project could not be opened', messageOf(error)),
        );
      },
      clearRecent: () => {
        void Promise.all(state.recent.map((entry) => projects.recent.forget(entry.id))).then(refresh);
      },
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
    setWindowTitle(state.project ? `${state.project.name} — Annotation Workbench` : 'Annotation Workbench');
  };
  await refresh();
  return refresh;
}
