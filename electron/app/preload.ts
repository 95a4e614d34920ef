/**
 * Preload: the only bridge between the sandboxed page and the main process. It exposes one method
 * per operation of the API contract (never a generic invoke) and a subscription to menu commands.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL_PREFIX, COMMAND_CHANNEL } from '../../shared/ipc/channels';
import { COMMAND_ARGUMENT_MAX, commandNames, type CommandName } from '../../shared/ipc/commands';
import { operationNames, type WorkbenchApi, type WorkbenchBridge } from '../../shared/ipc';

const api = Object.fromEntries(
  operationNames.map((name) => [name, (input: unknown) => ipcRenderer.invoke(CHANNEL_PREFIX + name, input)]),
) as unknown as WorkbenchApi;

const bridge: WorkbenchBridge = {
  api,
  onCommand(listener) {
    const wrapped = (_event: Electron.IpcRendererEvent, command: unknown, argument?: unknown) => {
      if (!(commandNames as readonly unknown[]).includes(command)) return;
      // Only a short string crosses with a command (a recent project's id); anything else is dropped.
      if (typeof argument === 'string' && argument.length <= COMMAND_ARGUMENT_MAX) listener(command as CommandName, argument);
      else listener(command as CommandName);
    };
    ipcRenderer.on(COMMAND_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(COMMAND_CHANNEL, wrapped);
  },
};

contextBridge.exposeInMainWorld('workbench', bridge);
