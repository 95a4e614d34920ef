/**
 * The commands the main process sends to the page, from the application menu.
 */
/**
 * Commands the main process sends to the page (from the application menu); `export-dialog` opens
 * the Export… dialog, `close-tab` closes the tab in front.
 */
export const commandNames = ['close-tab', 'export-dialog', 'export-csv', 'export-csv-excel', 'export-wide-csv', 'export-jsonl', 'export-datapackage', 'export-xlsx', 'export-qdpx', 'export-qdc', 'export-coder-file', 'undo', 'redo'] as const;
export type CommandName = (typeof commandNames)[number];
