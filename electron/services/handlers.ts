/**
 * The handler table: one function per operation of the API contract, over the services. The
 * Electron IPC layer, the preview server and the test bridge all call `dispatch`, which checks
 * the operation name and validates the input against the contract before any service sees it.
 */
import type { z } from 'zod';
import type { Action } from '../../shared/changes';
import {
  operations,
  type HistoryStep,
  type OperationName,
  type OperationResult,
  type Operations,
} from '../../shared/api';
import { segmentsCsvChunks, type CsvFlavour } from '../../shared/csv-export';
import { fail, ok, WorkbenchFailure, type Result } from '../../shared/result';
import { writeFileDurably, describeFileError } from './atomic-write';
import type { ProjectStore } from './project-store';

/** Asks the researcher where to save a file; null when they cancel. */
export type ChooseSavePath = (suggestedName: string, flavour: CsvFlavour) => Promise<string | null>;

export interface Services {
  store: ProjectStore;
  chooseSavePath: ChooseSavePath;
  now?: () => Date;
}

export type Handlers = {
  [N in OperationName]: (
    input: z.output<Operations[N]['input']>,
  ) => Promise<OperationResult<N>> | OperationResult<N>;
};

export function createHandlers(services: Services): Handlers {
  const { store } = services;
  const now = services.now ?? (() => new Date());
  return {
    getProject: () => store.overview(),
    openDocument: async ({ documentId }) => {
      const { document, text, segments } = await store.openDocument(documentId);
      // Quotes double what crosses to the page; it cuts them from the text itself.
      return { document, text, segments: segments.map(({ quote: _quote, ...segment }) => segment) };
    },
    addSegment: (input) => store.addSegment(input),
    setSegmentCode: (input) => store.setSegmentCode(input),
    removeSegment: (input) => store.removeSegment(input),
    undo: async () => historyStep(store, await store.undo(), 'backward'),
    redo: async () => historyStep(store, await store.redo(), 'forward'),
    exportCsv: async ({ flavour }) => {
      const day = now().toISOString().slice(0, 10);
      const suggested = `coded-segments-${day}${flavour === 'excel' ? '-excel' : ''}.csv`;
      const path = await services.chooseSavePath(suggested, flavour);
      if (!path) return { path: null, rows: 0 };
      const dataset = await store.dataset();
      try {
        await writeFileDurably(path, segmentsCsvChunks(dataset, flavour));
      } catch (error) {
        throw new WorkbenchFailure('save-failed', `Could not write ${path}: ${describeFileError(error)}.`);
      }
      return { path, rows: dataset.segments.length };
    },
  };
}

/** What an undo or redo did, for the page: each segment it touched, as it is now. */
function historyStep(store: ProjectStore, action: Action | null, direction: 'forward' | 'backward'): HistoryStep | null {
  if (!action) return null;
  return {
    label: action.label,
    segments: action.changes.map((change) => {
      const segment = direction === 'forward' ? change.after : change.before;
      return { id: change.id, documentId: (change.after ?? change.before)!.documentId, segment };
    }),
    history: store.historyLabels(),
  };
}

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
