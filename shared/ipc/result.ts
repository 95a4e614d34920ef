/**
 * Result: how an operation's outcome crosses a process boundary. Errors do not survive
 * structured cloning or JSON as `Error` objects, so every operation answers with this shape.
 */
import type { ErrorCode } from '../model/failure';

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
