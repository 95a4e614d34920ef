/**
 * IPC registration: one handler per operation of the contract, each answering only messages from
 * the app's own main frame, each passing its input through the contract's schema (in dispatch).
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNEL_PREFIX } from '../../shared/ipc/channels';
import { operationNames } from '../../shared/ipc';
import { fail } from '../../shared/ipc/result';
import { dispatch, type Handlers } from '../handlers/dispatch';
import { isTrustedSender } from './trusted-sender';

export function registerIpcHandlers(handlers: Handlers): void {
  for (const name of operationNames) {
    ipcMain.handle(CHANNEL_PREFIX + name, (event: IpcMainInvokeEvent, input: unknown) => {
      if (!isTrustedSender(event.senderFrame)) {
        return fail('forbidden', 'This message did not come from the Annotation Workbench window.');
      }
      return dispatch(handlers, name, input);
    });
  }
}
