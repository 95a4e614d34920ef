/**
 * Result: how an operation's outcome crosses a process boundary. Errors do not survive
 * structured cloning or JSON as `Error` objects, so every operation answers with this shape.
 */

/** Machine-readable reasons an operation can fail; the message says it in words. */
export type ErrorCode =
  | 'invalid-input'
  | 'not-found'
  | 'empty-selection'
  | 'conflict'
  | 'save-failed'
  | 'project-unreadable'
  | 'cancelled'
  | 'forbidden'
  /** The main process (the preview server, in a browser) did not answer: nothing was saved. */
  | 'unreachable'
  | 'internal';

export interface WorkbenchError {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: WorkbenchError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});

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
