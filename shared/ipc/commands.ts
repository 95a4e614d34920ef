/**
 * The commands the main process sends to the page, from the application menu.
 */
/**
 * Commands the main process sends to the page (from the application menu); `export-dialog` opens
 * the Export… dialog, `close-tab` closes the tab in front. The project commands open the page's
 * dialogs (`new-project`, `project-details`, `restore-backup`) or run at once; `project-changed`
 * tells the page that the main process opened another project (Open Recent in the menu), so it
 * loads afresh.
 */
export const commandNames = ['new-project', 'open-project', 'close-project', 'archive-project', 'restore-backup', 'project-details', 'project-changed', 'close-tab', 'export-dialog', 'export-csv', 'export-csv-excel', 'export-wide-csv', 'export-jsonl', 'export-datapackage', 'export-xlsx', 'export-qdpx', 'export-qdc', 'export-coder-file', 'undo', 'redo'] as const;
export type CommandName = (typeof commandNames)[number];
