/**
 * Failures: why an edit, an import or an export cannot be done, as a code a program can test and a
 * message that says it in words. Thrown inside the pure code and the services; shared/ipc/result.ts
 * carries them across the process boundary.
 */

/** Machine-readable reasons an operation can fail; the message says it in words. */
export type ErrorCode =
  | 'invalid-input'
  | 'not-found'
  | 'empty-selection'
  | 'conflict'
  | 'save-failed'
  | 'project-unreadable'
  /** The operation needs an open project, and none is open (the start screen is showing). */
  | 'no-project'
  | 'cancelled'
  | 'forbidden'
  /** The main process (the preview server, in a browser) did not answer: nothing was saved. */
  | 'unreachable'
  | 'internal';

/** An error thrown inside a service that carries its code to the caller. */
export class WorkbenchFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'WorkbenchFailure';
  }
}
