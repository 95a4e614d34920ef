/**
 * Handlers of the dataset exports: the coded segments as CSV (all, or the rows of a retrieval),
 * and each dataset format by its writer, as long jobs that a cancel stops without leaving a file.
 * What each format is called and the file it suggests are in shared/exports/export-formats.ts.
 */
import type { z } from 'zod';
import type { ExportOutcome } from '../../shared/ipc/outcomes';
import type { Operations } from '../../shared/ipc';
import { counted, segmentsCsvChunks } from '../../shared/exports/csv-export';
import { type DatasetInput } from '../../shared/model/project';
import { dataPackage, doccanoLines, wideCsvChunks } from '../../shared/exports/dataset-exports';
import { exportFormat, exportFormatOf, suggestedFileName, type ExportFormat } from '../../shared/ipc/export-formats';
import { fileFailure, writeFolderDurably } from '../project/atomic-write';
import { qdpxBytesInThread } from '../services/refi-qda-thread';
import type { Job } from '../services/jobs';
import { workbookBytes } from '../services/xlsx-export';
import type { FileContent, HandlerContext } from './context';
import type { Handlers } from './dispatch';

/** A format of the dataset export, as the contract names it. */
type DatasetFormat = z.output<Operations['exportDataset']['input']>['format'];

/** What a dataset writer is given: the handlers' context, the dataset the coder may see, the job and the format. */
interface DatasetExport {
  context: HandlerContext;
  dataset: DatasetInput;
  job: Job;
  format: ExportFormat;
}

/** A dataset format written as one file: its content (made once the path is chosen), the rows it holds, and its name's stem if not the table's. */
interface DatasetFile {
  content: () => FileContent | Promise<string | Uint8Array>;
  rows: number;
  stem?: string;
}

/** The writer of a dataset format: one file, or a folder of files it writes itself. */
type DatasetWriter = { file: (work: DatasetExport) => DatasetFile } | { folder: (work: DatasetExport, day: string) => Promise<ExportOutcome> };

/** The writer of each dataset format. */
const DATASET_WRITERS: Record<DatasetFormat, DatasetWriter> = {
  'wide-csv': {
    file: ({ dataset, job }) => ({
      content: () => wideCsvChunks(dataset, 'standard', job.counter('Writing the documents', dataset.documents.length)),
      rows: dataset.documents.length,
    }),
  },
  xlsx: {
    file: ({ dataset, job }) => ({
      content: () => {
        job.report('Building the workbook', 0, 0);
        return workbookBytes(dataset);
      },
      rows: dataset.segments.length,
    }),
  },
  qdpx: {
    file: ({ context: { store, now }, dataset, job }) => ({
      // Zipped in a worker thread: other calls are answered meanwhile, and a cancel stops it at once.
      content: () => qdpxBytesInThread(dataset, { projectId: store.projectId, projectName: store.name, coder: store.coder, now: now().toISOString() }, job),
      rows: dataset.segments.length,
      // Named after the project, so that the program that opens it shows a name the researcher knows.
      stem: store.name.replace(/[^\p{L}\p{N}._-]+/gu, '-'),
    }),
  },
  jsonl: {
    file: ({ dataset, job }) => ({
      content: () => counted(doccanoLines(dataset), job.counter('Writing the documents', dataset.documents.length)),
      rows: dataset.documents.length,
    }),
  },
  // A data package is a folder: the two CSV files and the datapackage.json that describes them.
  datapackage: {
    folder: async ({ context, dataset, job, format }, day) => {
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
        throw fileFailure(error, 'save-failed', `Could not write the data package in ${folder}`);
      }
      return { path: folder, rows: dataset.segments.length };
    },
  },
};

export function exportHandlers(context: HandlerContext): Pick<Handlers, 'exportDataset' | 'exportCsv'> {
  const { jobs, day, saveAs, shownDataset } = context;
  return {
    exportDataset: ({ format, jobId }) =>
      jobs.run(jobId, async (job) => {
        const today = day();
        const work = { context, dataset: await shownDataset(), job, format: exportFormatOf('exportDataset', { format }) };
        const writer = DATASET_WRITERS[format];
        if ('folder' in writer) return writer.folder(work, today);
        const { content, rows, stem } = writer.file(work);
        const path = await saveAs(suggestedFileName(work.format, today, stem), work.format.fileKind, job, content);
        return { path, rows: path ? rows : 0 };
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
