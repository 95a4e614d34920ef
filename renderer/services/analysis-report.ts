/**
 * The analysis report from the page: asks the main process to write it (a save dialog, then a
 * long job whose progress is shown), over the Analysis area's filter (every document and coder
 * when none is given) and comparing the groups of one variable or of each; says where it went,
 * that it was cancelled, or why it failed.
 */
import type { OperationInput } from '../../shared/ipc';
import { t } from '../i18n/i18n';
import { api } from './api-client';
import { runExport } from './exports';

export type AnalysisReportFilter = OperationInput<'exportAnalysisReport'>['filter'];

/** Every document and coder, any value of the variables. */
export const WHOLE_PROJECT: AnalysisReportFilter = { documentIds: null, coders: null, variable: null };

/** Writes the analysis report through the save dialog. */
export function exportAnalysisReport(filter: AnalysisReportFilter = WHOLE_PROJECT, variable: string | null = null): Promise<void> {
  return runExport((jobId) => api.exportAnalysisReport({ filter, variable, jobId }), ({ path }) => t('services.export.report', { path }));
}
