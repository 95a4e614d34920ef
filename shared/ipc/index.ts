/**
 * The API contract between the page and the main process: every operation the renderer may ask
 * for, its input schema (validated where the call arrives) and its result type. The main process
 * registers its IPC handlers from this list, the preload exposes one method per entry, and the
 * preview server and the test bridge serve the same list. Each feature declares its operations
 * in its own file (project.ts, segments.ts, codebook.ts, ...); this module joins them into the one
 * table. Adding an operation is one entry in its feature's file and one handler in the main process.
 */
import type { z } from '../model/zod';
import type { Result } from './result';
import type { CommandName } from './commands';
import { projectOperations } from './project';
import { projectsOperations } from './projects';
import { documentsOperations } from './documents';
import { segmentsOperations } from './segments';
import { searchOperations } from './search';
import { variablesOperations } from './variables';
import { historyOperations } from './history';
import { codebookOperations } from './codebook';
import { exchangeOperations } from './exchange';
import { exportsOperations } from './exports';
import { jobsOperations } from './jobs';
import { agreementOperations } from './agreement';
import { analysisOperations } from './analysis';
import { portraitOperations } from './portrait';
import { suggestionsOperations } from './suggestions';

export * from './agreement';
export * from './analysis';
export * from './channels';
export * from './codebook';
export * from './commands';
export * from './documents';
export * from './exchange';
export * from './exports';
export * from './history';
export * from './jobs';
export * from './outcomes';
export * from './portrait';
export * from './project';
export * from './projects';
export * from './search';
export * from './segments';
export * from './suggestions';
export * from './variables';

/** Every operation the page may ask for: the features' tables joined into one. */
export const operations = {
  ...projectsOperations,
  ...projectOperations,
  ...documentsOperations,
  ...segmentsOperations,
  ...searchOperations,
  ...variablesOperations,
  ...historyOperations,
  ...codebookOperations,
  ...exchangeOperations,
  ...exportsOperations,
  ...jobsOperations,
  ...agreementOperations,
  ...analysisOperations,
  ...portraitOperations,
  ...suggestionsOperations,
} as const;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
export type OperationInput<N extends OperationName> = z.input<Operations[N]['input']>;
export type OperationResult<N extends OperationName> = Operations[N]['result'];

/** Every operation name, in a fixed order (the preload and the servers iterate this). */
export const operationNames = Object.keys(operations) as OperationName[];

/** What the page sees: one method per operation, each answering with a Result. */
export type WorkbenchApi = {
  [N in OperationName]: (input: OperationInput<N>) => Promise<Result<OperationResult<N>>>;
};

/** The object the preload puts on `window.workbench`. */
export interface WorkbenchBridge {
  api: WorkbenchApi;
  /** Subscribes to menu commands (with the argument some carry); returns the unsubscribe function. */
  onCommand(listener: (command: CommandName, argument?: string) => void): () => void;
}
