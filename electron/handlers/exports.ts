/**
 * Handlers of the dataset exports: the coded segments as CSV (all, or the rows of a retrieval),
 * and each dataset format by its writer, as long jobs that a cancel stops without leaving a file.
 * What each format is called and the file it suggests are in shared/exports/export-formats.ts.
 */
import type { z } from 'zod';
import type { ExportOutcome, Operations } from '../../shared/api';
import { counted, segmentsCsvChunks, type DatasetInput } from '../../shared/csv-export';
import { dataPackage, doccanoLines, wideCsvChunks } from '../../shared/dataset-exports';
import { exportFormat, exportFormatOf, suggestedFileName, type ExportFormat } from '../../shared/exports/export-formats';
import { WorkbenchFailure } from '../../shared/result';
import { describeFileError, writeFolderDurably } from '../project/atomic-write';
import { qdpxBytes } from '../services/refi-qda';
import type { Job } from '../services/jobs';
import { workbookBytes } from '../services/xlsx-export';
import type { HandlerContext } from './context';
import type { Handlers } from './dispatch';

/** A format of the dataset export, as the contract names it. */
type DatasetFormat = z.output<Operations['exportDataset']['input']>['format'];

/** What a dataset writer is given: the handlers' context, the dataset the coder may see, the job, the format and the day. */
interface DatasetExport {
  context: HandlerContext;
  dataset: DatasetInput;
  job: Job;
  format: ExportFormat;
  day: string;
}

/** The writer of each dataset format: it asks where to save, writes, and says how many rows. */
const DATASET_WRITERS: Record<DatasetFormat, (work: DatasetExport) => Promise<ExportOutcome>> = {
  'wide-csv': async ({ context, dataset, job, format, day }) => {
    const path = await context.saveAs(suggestedFileName(format, day), format.fileKind, job, () =>
      wideCsvChunks(dataset, 'standard', job.counter('Writing the documents', dataset.documents.length)),
    );
    return { path, rows: path ? dataset.documents.length : 0 };
  },
  xlsx: async ({ context, dataset, job, format, day }) => {
    const path = await context.saveAs(suggestedFileName(format, day), format.fileKind, job, () => {
      job.report('Building the workbook', 0, 0);
      return workbookBytes(dataset);
    });
    return { path, rows: path ? dataset.segments.length : 0 };
  },
  qdpx: async ({ context, dataset, job, format, day }) => {
    const { store, now } = context;
    // Named after the project, so that the program that opens it shows a name the researcher knows.
    const suggested = suggestedFileName(format, day, store.name.replace(/[^\p{L}\p{N}._-]+/gu, '-'));
    const path = await context.saveAs(suggested, format.fileKind, job, () =>
      qdpxBytes(
        dataset,
        { projectId: store.projectId, projectName: store.name, coder: store.coder, now: now().toISOString() },
        { checkpoint: () => job.checkpoint(), onSegment: job.counter('Writing the coded segments', dataset.segments.length) },
      ),
    );
    return { path, rows: path ? dataset.segments.length : 0 };
  },
  jsonl: async ({ context, dataset, job, format, day }) => {
    const path = await context.saveAs(suggestedFileName(format, day), format.fileKind, job, () =>
      counted(doccanoLines(dataset), job.counter('Writing the documents', dataset.documents.length)),
    );
    return { path, rows: path ? dataset.documents.length : 0 };
  },
  // A data package is a folder: the two CSV files and the datapackage.json that describes them.
  datapackage: async ({ context, dataset, job, format, day }) => {
    const folder = await context.services.chooseSavePath(suggestedFileName(format, day), format.fileKind);
    if (!folder) return { path: null, rows: 0 };
    const description = dataPackage(dataset, context.store.name, context.now().toISOString());
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
  },
};

export function exportHandlers(context: HandlerContext): Pick<Handlers, 'exportDataset' | 'exportCsv'> {
  const { jobs, day, saveAs, shownDataset } = context;
  return {
    exportDataset: ({ format, jobId }) =>
      jobs.run(jobId, async (job) => {
        const today = day();
        const dataset = await shownDataset();
        return DATASET_WRITERS[format]({ context, dataset, job, format: exportFormatOf('exportDataset', { format }), day: today });
      }),
    exportCsv: ({ flavour, segmentIds, jobId }) =>
      jobs.run(jobId, async (job) => {
        const today = day();
        const dataset = await shownDataset();
        if (segmentIds) {
          const wanted = new Set(segmentIds);
          dataset.segments = dataset.segments.filter((segment) => wanted.has(segment.id));
        }
        const format = exportFormat(flavour === 'excel' ? 'segments-excel' : 'segments-csv');
        const suggested = `${format.fileStem}-${today}${segmentIds ? '-selection' : ''}${flavour === 'excel' ? '-excel' : ''}.csv`;
        const path = await saveAs(suggested, format.fileKind, job, () =>
          segmentsCsvChunks(dataset, flavour, job.counter('Writing the segments', dataset.segments.length)),
        );
        return { path, rows: path ? dataset.segments.length : 0 };
      }),
  };
}
