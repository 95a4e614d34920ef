/**
 * Commands the main process sends to the page (from the application menu); `export-dialog` opens
 * the Export… dialog, `analysis-report` writes the analysis report, `close-tab` closes the tab in front. The project commands open the page's
 * dialogs (`new-project`, `project-details`, `restore-backup`) or run at once; `open-recent`
 * carries the recent project's id as its one argument (Open Recent in the menu), so that the page
 * saves everything typed before it asks for the project.
 */
export const commandNames = ['new-project', 'open-project', 'close-project', 'archive-project', 'restore-backup', 'project-details', 'open-recent', 'close-tab', 'export-dialog', 'analysis-report', 'export-csv', 'export-csv-excel', 'export-wide-csv', 'export-jsonl', 'export-datapackage', 'export-xlsx', 'export-qdpx', 'export-qdc', 'export-coder-file', 'undo', 'redo'] as const;
export type CommandName = (typeof commandNames)[number];

/** The longest argument a command carries (a recent project's id is 16 hex digits). */
export const COMMAND_ARGUMENT_MAX = 64;
