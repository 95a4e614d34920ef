/**
 * The application menu: File holds the projects (New, Open, Open Recent, Close, details, archive,
 * backups), Export… (the page's dialog listing every format), one item
 * per export format that has a menu command (from the export table) and Close Tab, Edit holds undo
 * and redo; each item sends its command to the page. CmdOrCtrl+W closes the tab in front, as in
 * editors and browsers; the window closes on CmdOrCtrl+Shift+W.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { CommandName } from '../../shared/ipc/commands';
import { EXPORT_FORMATS } from '../../shared/ipc/export-formats';
import type { RecentProject } from '../../shared/ipc/projects';

/** What the menu shows of the projects: the recent list, and whether one is open. */
export interface MenuProjects {
  recent: RecentProject[];
  open: boolean;
  /** Opens a recent project (the page does it, after saving what was typed). */
  openRecent: (id: string) => void;
  clearRecent: () => void;
}

/** The menu's template, for this platform; `send` passes a command to the page. */
export function menuTemplate(isMac: boolean, send: (command: CommandName) => void, projects: MenuProjects = { recent: [], open: true, openRecent: () => undefined, clearRecent: () => undefined }): MenuItemConstructorOptions[] {
  const recentItems: MenuItemConstructorOptions[] = projects.recent.length
    ? [
        ...projects.recent.map((entry) => ({
          label: entry.missing ? `${entry.name} (missing)` : entry.name,
          sublabel: entry.folder,
          enabled: !entry.missing,
          click: () => projects.openRecent(entry.id),
        })),
        { type: 'separator' as const },
        { label: 'Clear Recent', click: () => projects.clearRecent() },
      ]
    : [{ label: 'No recent projects', enabled: false }];
  const needsProject = { enabled: projects.open };
  const exportItems: MenuItemConstructorOptions[] = EXPORT_FORMATS.flatMap(({ menu }) =>
    menu ? [{ label: menu.label, ...('accelerator' in menu ? { accelerator: menu.accelerator } : {}), click: () => send(menu.command) }] : [],
  );
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'New Project…', accelerator: 'CmdOrCtrl+Shift+N', click: () => send('new-project') },
        { label: 'Open Project…', accelerator: 'CmdOrCtrl+O', click: () => send('open-project') },
        { label: 'Open Recent', submenu: recentItems },
        { label: 'Close Project', ...needsProject, click: () => send('close-project') },
        { type: 'separator' },
        { label: 'Project Details…', ...needsProject, click: () => send('project-details') },
        { label: 'Save a Copy as Archive…', ...needsProject, click: () => send('archive-project') },
        { label: 'Restore from Backup…', ...needsProject, click: () => send('restore-backup') },
        { type: 'separator' },
        // Shift+X: Ctrl/Cmd+E and Shift+Ctrl/Cmd+E are the two CSV exports' own.
        { label: 'Export…', accelerator: 'CmdOrCtrl+Shift+X', ...needsProject, click: () => send('export-dialog') },
        { label: 'Analysis Report…', ...needsProject, click: () => send('analysis-report') },
        { type: 'separator' },
        ...exportItems.map((item) => ({ ...item, ...needsProject })),
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
