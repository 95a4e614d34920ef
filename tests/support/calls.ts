/** Calling the handlers as the page does: one operation through `dispatch`, a failure thrown with its code. */
import { dispatch, type Handlers } from '../../electron/handlers/handlers';
import type { WorkbenchFailure } from '../../shared/model/failure';
import type { OperationName, OperationResult } from '../../shared/ipc';

/** Runs one operation through `dispatch` (the input checked against the contract); a failure throws with its code. */
export async function call<N extends OperationName>(handlers: Handlers, name: N, input: unknown = {}): Promise<OperationResult<N>> {
  const result = await dispatch(handlers, name, input);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code }) as Error & Pick<WorkbenchFailure, 'code'>;
  return result.value as OperationResult<N>;
}
