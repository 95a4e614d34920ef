/**
 * The menu bar kept in step with the projects: rebuilt whenever a project opens or closes (Open
 * Recent lists the recent list, the items that need a project are greyed without one) and the
 * window's title naming the open project.
 */
import { Menu } from 'electron';
import { COMMAND_CHANNEL } from '../../shared/ipc/channels';
import type { CommandName } from '../../shared/ipc/commands';
import type { ProjectSession } from '../services/project-session';
import { menuTemplate } from './menu';
import { currentWindow, setWindowTitle, windowTitleOf } from './window';

/** Passes a menu command to the page in the window, with its argument if it has one. */
export function sendCommand(command: CommandName, argument?: string): void {
  if (argument === undefined) currentWindow()?.webContents.send(COMMAND_CHANNEL, command);
  else currentWindow()?.webContents.send(COMMAND_CHANNEL, command, argument);
}

/** Shows the menu for the session's state now; returns the function that shows it afresh. */
export async function showApplicationMenu(projects: ProjectSession, isMac: boolean): Promise<() => Promise<void>> {
  const refresh = async (): Promise<void> => {
    const state = await projects.state();
    const template = menuTemplate(isMac, sendCommand, {
      recent: state.recent,
      open: state.project !== null,
      // The page opens it, so that everything typed in the project open now is saved first.
      openRecent: (id) => sendCommand('open-recent', id),
      clearRecent: () => void projects.recent.clear().then(refresh),
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
    setWindowTitle(windowTitleOf(state.project));
  };
  await refresh();
  return refresh;
}
