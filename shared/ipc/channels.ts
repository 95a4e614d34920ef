/**
 * The names of the IPC channels between the page and the main process.
 */
/** Prefix of the IPC channels: one channel per operation, `workbench:<name>`. */
export const CHANNEL_PREFIX = 'workbench:';
export const COMMAND_CHANNEL = 'workbench-command';
