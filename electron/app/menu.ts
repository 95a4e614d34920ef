/**
 * The application menu: File holds Export… (the page's dialog listing every format), one item
 * per export format that has a menu command (from the export table) and Close Tab, Edit holds undo
 * and redo; each item sends its command to the page. CmdOrCtrl+W closes the tab in front, as in
 * editors and browsers; the window closes on CmdOrCtrl+Shift+W.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { CommandName } from '../../shared/ipc/commands';
import { EXPORT_FORMATS } from '../../shared/ipc/export-formats';

/** The menu's template, for this platform; `send` passes a command to the page. */
export function menuTemplate(isMac: boolean, send: (command: CommandName) => void): MenuItemConstructorOptions[] {
  const exportItems: MenuItemConstructorOptions[] = EXPORT_FORMATS.flatMap(({ menu }) =>
    menu ? [{ label: menu.label, ...('accelerator' in menu ? { accelerator: menu.accelerator } : {}), click: () => send(menu.command) }] : [],
  );
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        // Shift+X: Ctrl/Cmd+E and Shift+Ctrl/Cmd+E are the two CSV exports' own.
        { label: 'Export…', accelerator: 'CmdOrCtrl+Shift+X', click: () => send('export-dialog') },
        { type: 'separator' },
        ...exportItems,
        { type: 'separator' },
        { label: 'Close Tab', accelerator: 'CmdOrCtrl+W', click: () => send('close-tab') },
        { role: 'close', accelerator: 'CmdOrCtrl+Shift+W' },
        ...(isMac ? [] : [{ role: 'quit' as const }]),
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: () => send('undo') },
        { label: 'Redo', accelerator: 'Shift+CmdOrCtrl+Z', click: () => send('redo') },
        ...(isMac ? [] : [{ label: 'Redo', accelerator: 'Ctrl+Y', visible: false, click: () => send('redo') }]),
        { type: 'separator' },
        { role: 'copy' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    // The window menu's own Close would take CmdOrCtrl+W from Close Tab.
    { role: 'windowMenu', submenu: [{ role: 'minimize' }, ...(isMac ? [{ role: 'zoom' as const }] : [])] },
  ];
}
