/**
 * The handler table: one function per operation of the API contract, over the services. The
 * Electron IPC layer, the preview server and the test bridge all call `dispatch`, which checks
 * the operation name and validates the input against the contract before any service sees it.
 */
import type { z } from 'zod';
import { randomBytes, randomUUID } from 'node:crypto';
import { settle } from '../../shared/adjudication';
import {
  codePassages,
  defineVariable,
  findSegment,
  moveBounds,
  removeDocument,
  removeVariable,
  requireCode,
  setDocumentValue,
  updateDocument,
  writeSegmentMemo,
} from '../../shared/project-edits';
import { actionLabel } from '../../shared/action-label';
import type { Action } from '../../shared/changes';
import {
  addCode,
  blankCodeFields,
  codebookFile,
  codeUsage,
  deleteCode,
  mergeCodes,
  moveCode,
  updateCode,
  type Edit,
} from '../../shared/codebook-edits';
import { isShownTo, refuseWhileBlind, shownTo } from '../../shared/blind-coding';
import { codePath, nextCodeColour } from '../../shared/codebook';
import {
  operations,
  type ActionOutcome,
  type CorpusSearchResult,
  type OperationName,
  type OperationResult,
  type Operations,
} from '../../shared/api';
import { counted, segmentsCsvChunks } from '../../shared/csv-export';
import { dataPackage, doccanoLines, wideCsvChunks } from '../../shared/dataset-exports';
import { inContext } from '../../shared/search';
import { searchTexts } from '../services/corpus-search';
import { fail, ok, WorkbenchFailure, type Result } from '../../shared/result';
import { writeFileDurably, writeFolderDurably, describeFileError } from '../project/atomic-write';
import { Jobs, type Job } from '../services/jobs';
import { reliabilityReportSteps, type ReliabilityInput, type ReliabilityOptions } from '../../shared/stats/reliability-report';
import { reliabilityReportCsv, reliabilityReportHtml, unitsMatrixCsv } from '../../shared/stats/reliability-exports';
import type { ProjectStore } from '../project/project-store';
import { workbookBytes } from '../services/xlsx-export';
import { codebookImport, importProjectFile } from '../services/project-exchange';
import { coderFileFor, importCoderFile, syncSharedFolder } from '../services/coder-exchange';
import { coderFileJson, coderFileName } from '../../shared/coder-file';
import { qdcText, qdpxBytes } from '../services/refi-qda';
import { codebookCsv } from '../../shared/codebook-csv';

/** The kind of file being saved, for the dialog's filter. */
export interface FileKind {
  name: string;
  extensions: string[];
}

/** Asks the researcher where to save a file; null when they cancel. */
export type ChooseSavePath = (suggestedName: string, kind: FileKind) => Promise<string | null>;

const CSV_FILES: FileKind = { name: 'CSV', extensions: ['csv'] };
const JSON_FILES: FileKind = { name: 'Codebook (JSON)', extensions: ['json'] };

export interface Services {
  store: ProjectStore;
  chooseSavePath: ChooseSavePath;
  now?: () => Date;
  /** Long exports and imports under way (made here when not given). */
  jobs?: Jobs;
  /** Asks the researcher to choose a folder (the desktop app's dialog); absent where there is none. */
  chooseFolder?: (title: string) => Promise<string | null>;
}

export type Handlers = {
  [N in OperationName]: (
    input: z.output<Operations[N]['input']>,
  ) => Promise<OperationResult<N>> | OperationResult<N>;
};

export function createHandlers(services: Services): Handlers {
  const { store } = services;
  const now = services.now ?? (() => new Date());
  const edit = async (make: () => Edit & { notes?: string[] }) => {
    const made = make();
    return outcome(store, await store.applyEdit(made), 'forward', made.notes ?? []);
  };
  const jobs = services.jobs ?? new Jobs();
  /** Computes a reliability report, passing a checkpoint of the job every few bootstrap samples. */
  const computeReport = async (input: ReliabilityInput, selection: ReliabilityOptions, job: Job) => {
    job.report('Computing the agreement', 0, 0);
    const steps = reliabilityReportSteps(input, selection);
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) return step.value;
      job.report('Bootstrapping the intervals of α', step.value.done, step.value.total);
      await job.checkpoint();
    }
  };
  /** The dataset as the current coder may see it: in blind coding, with their own segments only. */
  const shownDataset = async () => {
    const dataset = await store.dataset();
    return { ...dataset, segments: shownTo(store.viewer, dataset.segments) };
  };
  /** The texts, codebook and segments a reliability report reads, for the chosen documents. */
  const reliabilityInput = async (documentIds: readonly string[], coders: readonly string[], codeIds: readonly string[]) => {
    refuseWhileBlind(store.viewer);
    const known = store.coders;
    const stranger = coders.find((coder) => !known.includes(coder));
    if (stranger) throw new WorkbenchFailure('not-found', `No one called “${stranger}” has coded in this project (coders: ${known.join(', ')}).`);
    const { documents, codes, segments } = await store.dataset();
    const unknownCode = codeIds.find((id) => !codes.some((code) => code.id === id));
    if (unknownCode) throw new WorkbenchFailure('invalid-input', `There is no code with the id “${unknownCode}” in the codebook.`);
    const wanted = new Set(documentIds);
    const missing = documentIds.filter((id) => !documents.some((d) => d.record.id === id));
    if (missing.length) throw new WorkbenchFailure('not-found', `There is no document ${missing[0]} in this project.`);
    return {
      documents: documents.filter((d) => wanted.has(d.record.id)).map(({ record, text }) => ({ id: record.id, title: record.title, text })),
      codes,
      segments: segments.filter((s) => wanted.has(s.documentId)),
    };
  };
  /**
   * Asks where to save, then makes the content and writes it atomically, with checkpoints of the
   * job between chunks (a cancelled job leaves no file); null path when the dialog was cancelled.
   */
  const saveAs = async (
    suggested: string,
    kind: FileKind,
    job: Job | null,
    make: () => string | Uint8Array | Iterable<string> | Promise<string | Uint8Array>,
  ) => {
    job?.report('Choosing where to save', 0, 0);
    const path = await services.chooseSavePath(suggested, kind);
    if (!path) return null;
    try {
      await writeFileDurably(path, await make(), { checkpoint: job ? () => job.checkpoint() : undefined });
    } catch (error) {
      if (error instanceof WorkbenchFailure) throw error;
      throw new WorkbenchFailure('save-failed', `Could not write ${path}: ${describeFileError(error)}.`);
    }
    return path;
  };
  return {
    getProject: () => store.overview(),
    setCoder: async ({ name }) => ({ coder: await store.setCoder(name) }),
    setBlind: async ({ blind }) => ({ blind: await store.setBlind(blind) }),
    openDocument: async ({ documentId }) => {
      const { document, text, segments } = await store.openDocument(documentId);
      // Quotes double what crosses to the page; it cuts them from the text itself.
      return { document, text, segments: shownTo(store.viewer, segments).map(({ quote: _quote, ...segment }) => segment) };
    },
    addSegment: (input) => store.addSegment(input),
    setSegmentCode: (input) => store.setSegmentCode(input),
    removeSegment: (input) => store.removeSegment(input),
    importDocument: async ({ name, data }) => {
      const result = await store.importDocument(name, Buffer.from(data, 'base64'));
      return {
        outcome: result.action && outcome(store, result.action, 'forward', []),
        duplicateOf: result.duplicateOf && { id: result.duplicateOf.id, title: result.duplicateOf.title },
        notes: result.notes,
      };
    },
    listSegments: async () => {
      const { documents, codes, segments } = await store.dataset();
      const titles = new Map(documents.map(({ record, text }) => [record.id, { title: record.title, text, values: record.values }]));
      const paths = new Map(codes.map((code) => [code.id, codePath(codes, code.id)]));
      return shownTo(store.viewer, segments)
        .filter((segment) => titles.has(segment.documentId))
        .map((segment) => {
          const { title, text, values } = titles.get(segment.documentId)!;
          const { before, after } = inContext(text, segment, 60);
          return { segment, documentTitle: title, codePath: paths.get(segment.codeId) ?? segment.codeId, before, after, documentValues: values };
        })
        .sort((a, b) => a.documentTitle.localeCompare(b.documentTitle) || a.segment.start - b.segment.start);
    },
    searchCorpus: async ({ query, documentIds }) => {
      const wanted = documentIds && new Set(documentIds);
      const result: CorpusSearchResult = { documents: [], total: 0 };
      const documents = store.documents.filter((document) => !wanted || wanted.has(document.id));
      const texts = await Promise.all(documents.map((document) => store.text(document.id)));
      const found = await searchTexts(texts, query);
      for (const [i, document] of documents.entries()) {
        const text = texts[i]!;
        const { hits, truncated } = found[i]!;
        if (!hits.length) continue;
        result.total += hits.length;
        result.documents.push({
          documentId: document.id,
          title: document.title,
          count: hits.length,
          truncated,
          hits: hits.map((hit) => ({ ...hit, ...inContext(text, hit) })),
        });
      }
      return result;
    },
    codeSpans: async ({ codeId, spans }) => {
      const name = store.codebookState().codes.find((c) => c.id === codeId)?.name ?? codeId;
      const label = actionLabel`Code ${spans.length} passage${spans.length === 1 ? '' : 's'} as ${name}`;
      const texts = new Map<string, string>();
      for (const { documentId } of spans) if (!texts.has(documentId)) texts.set(documentId, await store.text(documentId));
      const action = await store.edit((state, at) => codePassages(state, { codeId, spans, label }, texts, at, randomUUID));
      return outcome(store, action, 'forward', []);
    },
    setSegmentBounds: async (input) => {
      const text = await store.text(findSegment(store.state, input.segmentId).documentId);
      return outcome(store, await store.edit((state, at) => moveBounds(state, input, text, at)), 'forward', []);
    },
    defineVariable: async (input) => outcome(store, await store.edit((state) => defineVariable(state, input)), 'forward', []),
    removeVariable: async (input) => outcome(store, await store.edit((state) => removeVariable(state, input)), 'forward', []),
    setDocumentValue: async (input) => outcome(store, await store.edit((state) => setDocumentValue(state, input)), 'forward', []),
    setSegmentMemo: async (input) => outcome(store, await store.edit((state, at) => writeSegmentMemo(state, input, at)), 'forward', []),
    updateDocument: async (input) => outcome(store, await store.edit((state) => updateDocument(state, input)), 'forward', []),
    removeDocument: async (input) => outcome(store, await store.edit((state) => removeDocument(state, input)), 'forward', []),
    undo: async () => outcome(store, await store.undo(), 'backward', []),
    redo: async () => outcome(store, await store.redo(), 'forward', []),
    addCode: (fields) =>
      edit(() => {
        const state = store.codebookState();
        return addCode(state, `c-${randomBytes(5).toString('hex')}`, {
          ...blankCodeFields(fields.name, nextCodeColour(state.codes)),
          ...fields,
        });
      }),
    updateCode: ({ id, patch }) => edit(() => updateCode(store.codebookState(), id, patch)),
    moveCode: ({ id, toIndex }) => edit(() => moveCode(store.codebookState(), id, toIndex)),
    mergeCodes: ({ sourceId, targetId }) =>
      edit(() => mergeCodes(store.codebookState(), sourceId, targetId, now().toISOString())),
    codeUsage: ({ id }) => codeUsage(store.codebookState(), id),
    deleteCode: ({ id, disposal }) => edit(() => deleteCode(store.codebookState(), id, disposal, now().toISOString())),
    exportCodebook: async ({ format }) => {
      const codes = store.codebookState().codes;
      const stem = `codebook-${now().toISOString().slice(0, 10)}`;
      let path: string | null;
      if (format === 'qdc') {
        path = await saveAs(`${stem}.qdc`, { name: 'REFI-QDA codebook', extensions: ['qdc'] }, null, () => qdcText(codes, store.projectId));
      } else if (format === 'csv') {
        path = await saveAs(`${stem}.csv`, CSV_FILES, null, () => codebookCsv(codes));
      } else {
        path = await saveAs(`${stem}.json`, JSON_FILES, null, () => `${JSON.stringify(codebookFile(codes), null, 2)}\n`);
      }
      return { path, rows: path ? codes.length : 0 };
    },
    importCodebook: ({ json }) => edit(() => codebookImport(store, 'codebook.json', json)),
    importCodebookFile: ({ name, content }) => edit(() => codebookImport(store, name, content)),
    importProject: ({ name, data, jobId }) =>
      jobs.run(jobId, async (job) => {
        const result = await importProjectFile(store, name, Buffer.from(data, 'base64'), now(), job);
        return { outcome: result.action && outcome(store, result.action, 'forward', []), report: result.report };
      }),
    exportCoderFile: async () => {
      const file = coderFileFor(store, now());
      const path = await saveAs(coderFileName(file.coder), { name: 'Coder file', extensions: ['json'] }, null, () => coderFileJson(file));
      return { path, rows: path ? file.segments.length : 0 };
    },
    importCoderFile: async ({ name, content }) => {
      const result = await importCoderFile(store, name, content, now());
      return { outcome: outcome(store, result.action, 'forward', []), report: result.report };
    },
    syncSharedFolder: async ({ folder }) => {
      const result = await syncSharedFolder(store, folder, now());
      return { outcome: outcome(store, result.action, 'forward', []), report: result.report };
    },
    exportDataset: ({ format, jobId }) =>
      jobs.run(jobId, async (job) => {
        const day = now().toISOString().slice(0, 10);
        const dataset = await shownDataset();
        if (format === 'wide-csv') {
          const path = await saveAs(`documents-wide-${day}.csv`, CSV_FILES, job, () =>
            wideCsvChunks(dataset, 'standard', job.counter('Writing the documents', dataset.documents.length)),
          );
          return { path, rows: path ? dataset.documents.length : 0 };
        }
        if (format === 'xlsx') {
          const path = await saveAs(`coded-dataset-${day}.xlsx`, { name: 'Excel workbook', extensions: ['xlsx'] }, job, () => {
            job.report('Building the workbook', 0, 0);
            return workbookBytes(dataset);
          });
          return { path, rows: path ? dataset.segments.length : 0 };
        }
        if (format === 'qdpx') {
          const suggested = `${store.name.replace(/[^\p{L}\p{N}._-]+/gu, '-')}-${day}.qdpx`;
          const path = await saveAs(suggested, { name: 'REFI-QDA project', extensions: ['qdpx'] }, job, () =>
            qdpxBytes(
              dataset,
              { projectId: store.projectId, projectName: store.name, coder: store.coder, now: now().toISOString() },
              { checkpoint: () => job.checkpoint(), onSegment: job.counter('Writing the coded segments', dataset.segments.length) },
            ),
          );
          return { path, rows: path ? dataset.segments.length : 0 };
        }
        if (format === 'jsonl') {
          const path = await saveAs(`coded-documents-${day}.jsonl`, { name: 'JSON Lines', extensions: ['jsonl'] }, job, () =>
            counted(doccanoLines(dataset), job.counter('Writing the documents', dataset.documents.length)),
          );
          return { path, rows: path ? dataset.documents.length : 0 };
        }
        // A data package is a folder: the two CSV files and the datapackage.json that describes them.
        const folder = await services.chooseSavePath(`coded-dataset-${day}`, { name: 'Folder', extensions: [] });
        if (!folder) return { path: null, rows: 0 };
        const description = dataPackage(dataset, store.name, now().toISOString());
        try {
          await writeFolderDurably(
            folder,
            {
              'segments.csv': () => segmentsCsvChunks(dataset, 'standard', job.counter('Writing the segments', dataset.segments.length)),
              'documents-wide.csv': () => wideCsvChunks(dataset, 'standard', job.counter('Writing the documents', dataset.documents.length)),
              'datapackage.json': `${JSON.stringify(description, null, 2)}\n`,
            },
            () => job.checkpoint(),
          );
        } catch (error) {
          if (error instanceof WorkbenchFailure) throw error;
          throw new WorkbenchFailure('save-failed', `Could not write the data package in ${folder}: ${describeFileError(error)}.`);
        }
        return { path: folder, rows: dataset.segments.length };
      }),
    exportCsv: ({ flavour, segmentIds, jobId }) =>
      jobs.run(jobId, async (job) => {
        const day = now().toISOString().slice(0, 10);
        const dataset = await shownDataset();
        if (segmentIds) {
          const wanted = new Set(segmentIds);
          dataset.segments = dataset.segments.filter((segment) => wanted.has(segment.id));
        }
        const suggested = `coded-segments-${day}${segmentIds ? '-selection' : ''}${flavour === 'excel' ? '-excel' : ''}.csv`;
        const path = await saveAs(suggested, CSV_FILES, job, () =>
          segmentsCsvChunks(dataset, flavour, job.counter('Writing the segments', dataset.segments.length)),
        );
        return { path, rows: path ? dataset.segments.length : 0 };
      }),
    jobProgress: ({ jobId }) => jobs.progress(jobId),
    cancelJob: ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
    reliabilityReport: ({ jobId, ...selection }) =>
      jobs.run(jobId, async (job) => {
        const input = await reliabilityInput(selection.documentIds, selection.coders, selection.codeIds);
        return { ...(await computeReport(input, selection, job)), adjudications: [...store.adjudications] };
      }),
    exportReliability: async ({ format, selection, codeId }) => {
      const input = await reliabilityInput(selection.documentIds, selection.coders, selection.codeIds);
      if (codeId !== null && !selection.codeIds.includes(codeId)) {
        throw new WorkbenchFailure('invalid-input', `The code “${codeId}” of the matrix is not among the chosen codes (${selection.codeIds.join(', ')}).`);
      }
      const day = now().toISOString().slice(0, 10);
      if (format === 'matrix') {
        const suffix = codeId ? `-${codeId}` : '';
        const path = await saveAs(`reliability-units${suffix}-${day}.csv`, CSV_FILES, null, () => unitsMatrixCsv(input, selection, codeId));
        return { path, rows: path ? 1 : 0 };
      }
      const report = await jobs.run(undefined, (job) => computeReport(input, selection, job));
      const path =
        format === 'csv'
          ? await saveAs(`reliability-${day}.csv`, CSV_FILES, null, () => reliabilityReportCsv(report))
          : await saveAs(`reliability-${day}.html`, { name: 'Web page', extensions: ['html'] }, null, () =>
              reliabilityReportHtml(report, { projectName: store.name, createdAt: now().toISOString(), input }),
            );
      return { path, rows: path ? report.rows.length : 0 };
    },
    chooseFolder: async ({ purpose }) => {
      if (!services.chooseFolder) return { folder: null, available: false };
      const title = purpose === 'shared-folder' ? 'Choose the shared folder of the coders' : 'Choose a folder';
      return { folder: await services.chooseFolder(title), available: true };
    },
    settleDisagreement: async (input) => {
      refuseWhileBlind(store.viewer);
      requireCode(store.state, input.codeId);
      const text = await store.text(input.documentId);
      const action = await store.edit((state, at) =>
        settle(input, { segments: state.segments, adjudications: store.adjudications, text, by: state.coder, now: at, newId: randomUUID }),
      );
      return outcome(store, action, 'forward', []);
    },
  };
}

/** What an action, undo or redo did, for the page: each segment it touched, as it is now. */
function outcome(store: ProjectStore, action: Action, direction: 'forward' | 'backward', notes: string[]): ActionOutcome;
function outcome(store: ProjectStore, action: Action | null, direction: 'forward' | 'backward', notes: string[]): ActionOutcome | null;
function outcome(store: ProjectStore, action: Action | null, direction: 'forward' | 'backward', notes: string[]): ActionOutcome | null {
  if (!action) return null;
  const segments: ActionOutcome['segments'] = [];
  const documents: ActionOutcome['documents'] = [];
  for (const change of action.changes) {
    if (change.kind === 'segment') {
      // In blind coding, an action that touched other coders' segments (a merge, an undo of one) tells only of one's own.
      if (!isShownTo(store.viewer, (change.after ?? change.before)!)) continue;
      const segment = direction === 'forward' ? change.after : change.before;
      segments.push({ id: change.id, documentId: (change.after ?? change.before)!.documentId, segment });
    } else if (change.kind === 'document') {
      documents.push({ id: change.id, document: direction === 'forward' ? change.after : change.before });
    }
  }
  const touchesCodebook = action.changes.some((change) => change.kind === 'code' || change.kind === 'codeOrder');
  return {
    label: action.label,
    segments,
    codes: touchesCodebook ? [...store.codebookState().codes] : null,
    documents,
    history: store.historyLabels(),
    notes,
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
