/**
 * Exports through the save dialog: the coded segments as CSV, the dataset formats, the codebook,
 * the coder file and the agreement report, each saying where the file went, that it was
 * cancelled, or why it failed.
 */
import type { CsvFlavour } from '../../shared/exports/csv-export';
import type { ExportFormat } from '../../shared/ipc/export-formats';
import type { ExportOutcome } from '../../shared/ipc/outcomes';
import type { OperationInput } from '../../shared/ipc';
import type { Result } from '../../shared/ipc/result';
import { getState, update } from '../store';
import { api } from './api-client';
import { followJob } from './jobs';
import { t } from '../i18n/i18n';
import { showMessage } from './page';

/**
 * Runs an export (which asks where to save), with the busy state and, when it takes a while,
 * its progress shown, and says where the file went, that it was cancelled, or why it failed.
 */
export async function runExport(call: (jobId: string) => Promise<Result<ExportOutcome>>, done: (outcome: ExportOutcome) => string): Promise<void> {
  if (getState().exporting) return;
  update({ exporting: true });
  try {
    const result = await followJob(t('services.job.export'), call);
    if (!result.ok && result.error.code === 'cancelled') showMessage('info', t('services.export.cancelledNoFile'));
    else if (!result.ok) showMessage('error', result.error.message);
    else if (result.value.path === null) showMessage('info', t('services.export.cancelled'));
    else showMessage('info', done(result.value));
  } finally {
    update({ exporting: false });
  }
}

const exportedTo = ({ path }: ExportOutcome) => t('services.export.done', { path });
const segmentsExported = ({ rows, path }: ExportOutcome) => t('services.export.segments', { count: rows, path });

export type DatasetFormat = OperationInput<'exportDataset'>['format'];

/** Exports the wide table, JSON Lines, an Excel workbook, a data package or a REFI-QDA project, through the save dialog. */
export function exportDataset(format: DatasetFormat): Promise<void> {
  return runExport((jobId) => api.exportDataset({ format, jobId }), exportedTo);
}

/** Exports the codebook (JSON, REFI-QDA codebook or CSV) through the save dialog. */
export function exportCodebook(format: 'json' | 'qdc' | 'csv' = 'json'): Promise<void> {
  return runExport(() => api.exportCodebook({ format }), ({ rows, path }) => t('services.export.codebook', { count: rows, path }));
}

/** Exports the coded segments as CSV (all, or only those given) through the save dialog. */
export function exportCsv(flavour: CsvFlavour, segmentIds?: string[]): Promise<void> {
  return runExport((jobId) => api.exportCsv({ flavour, segmentIds, jobId }), segmentsExported);
}

/** Exports this coder's own work as a coder file, for the others to import. */
export function exportCoderFile(): Promise<void> {
  return runExport(() => api.exportCoderFile({}), exportedTo);
}

/** Exports the agreement report (CSV or HTML) or the units × coders matrix for a selection. */
export function exportReliability(input: OperationInput<'exportReliability'>): Promise<void> {
  return runExport(() => api.exportReliability(input), exportedTo);
}

/**
 * Runs the export of one format of the export table (shared/ipc/export-formats.ts): the page's
 * list of formats and the desktop menu both go through here, so that a format added to the table
 * is offered without a change to the page.
 */
export function exportFormat(format: ExportFormat): Promise<void> {
  const input = format.request.input as Record<string, string>;
  switch (format.request.operation) {
    case 'exportCsv':
      return exportCsv(input.flavour as CsvFlavour);
    case 'exportDataset':
      return exportDataset(input.format as DatasetFormat);
    case 'exportCodebook':
      return exportCodebook(input.format as 'json' | 'qdc' | 'csv');
    case 'exportCoderFile':
      return exportCoderFile();
    default:
      throw new Error(`The page cannot run the export ${format.id}.`);
  }
}
