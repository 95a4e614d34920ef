/**
 * The handler table's type and its dispatch: the Electron IPC layer, the preview server and the
 * test bridge all call `dispatch`, which checks the operation name and validates the input
 * against the contract before any handler sees it, and answers with a Result, never a throw.
 */
import type { z } from 'zod';
import { operations, type OperationName, type OperationResult, type Operations } from '../../shared/ipc';
import { fail, ok, type Result } from '../../shared/ipc/result';
import { WorkbenchFailure } from '../../shared/model/failure';

/** One function per operation of the API contract. */
export type Handlers = {
  [N in OperationName]: (
    input: z.output<Operations[N]['input']>,
  ) => Promise<OperationResult<N>> | OperationResult<N>;
};

/** Validates and runs one call; never throws, answers with a Result. */
export async function dispatch(handlers: Handlers, name: unknown, rawInput: unknown): Promise<Result<unknown>> {
  if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(operations, name)) {
    return fail('invalid-input', `There is no operation named ${JSON.stringify(name)}.`);
  }
  const operation = operations[name as OperationName];
  const parsed = operation.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`)
      .join('; ');
    return fail('invalid-input', `${name} was called with invalid input: ${problems}.`);
  }
  try {
    const handler = handlers[name as OperationName] as (input: unknown) => unknown;
    return ok(await handler(parsed.data));
  } catch (error) {
    if (error instanceof WorkbenchFailure) return fail(error.code, error.message);
    return fail('internal', `${name} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
