/**
 * The Analysis area's calls to the main process: a figure for a request, the coded segments
 * behind a figure's cell (to list and jump to them), a passage given in code points turned into
 * the text's UTF-16 offsets for the jump, a figure's table exported as CSV or XLSX, and a chart
 * saved as SVG or PNG. Failures come back as a message to show, never swallowed.
 */
import type { AnalysisFigure, AnalysisRequest } from '../../shared/analysis/analysis-request';
import type { OperationInput } from '../../shared/ipc';
import { CodePointIndex } from '../../shared/text/offsets';
import type { RetrievedSegment } from '../../shared/views/retrieval';
import { t } from '../i18n/i18n';
import { getState } from '../store';
import { api } from './api-client';
import { jumpTo } from './documents';
import { runExport } from './exports';

/** The request as the contract's input (its lists are not read-only there; nothing changes them on the way). */
const asInput = (request: AnalysisRequest) => request as OperationInput<'analysis'>;

export type FigureAnswer = { ok: true; figure: AnalysisFigure } | { ok: false; message: string };

/** The figure a request asks for, or why it could not be computed. */
export async function askFigure(request: AnalysisRequest): Promise<FigureAnswer> {
  const result = await api.analysis(asInput(request));
  return result.ok ? { ok: true, figure: result.value } : { ok: false, message: result.error.message };
}

let segmentsCache: { documents: unknown; blind: boolean; byId: Map<string, RetrievedSegment> } | null = null;

/**
 * The coded segments with these ids (with their document, quote and context), in the order
 * given; those no longer in the project are left out. The project's segments are read once and
 * kept until its segments change (every such change gives the documents a new list).
 */
export async function segmentsByIds(ids: readonly string[]): Promise<RetrievedSegment[] | string> {
  const state = getState();
  const documents = state.project?.documents;
  const blind = state.project?.blind ?? false;
  if (!segmentsCache || segmentsCache.documents !== documents || segmentsCache.blind !== blind) {
    const result = await api.listSegments({});
    if (!result.ok) return result.error.message;
    segmentsCache = { documents, blind, byId: new Map(result.value.map((row) => [row.segment.id, row])) };
  }
  const byId = segmentsCache.byId;
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The segments of a code (with its sub-codes, if asked) in one document, by the chosen coders (null: all). */
export async function codeSegmentsIn(documentId: string, codeId: string, withSubcodes: boolean, coders: readonly string[] | null): Promise<RetrievedSegment[] | string> {
  const filter = { codeId, withSubcodes, documentId, coder: null, text: '', variable: null };
  const result = await api.retrieveSegments({ filter, offset: 0, limit: 1000 });
  if (!result.ok) return result.error.message;
  return result.value.rows.filter((row) => !coders || coders.includes(row.segment.coder));
}

/** Jumps to a passage given in code points (as the figures give offsets): its document's text turns them into UTF-16 offsets. */
export async function jumpToCodePoints(documentId: string, start: number, end: number): Promise<string | null> {
  const result = await api.openDocument({ documentId });
  if (!result.ok) return result.error.message;
  const index = new CodePointIndex(result.value.text);
  await jumpTo(documentId, index.toUtf16(start), index.toUtf16(end));
  return null;
}

/** Exports a figure's table (the figure the request asks for) as CSV or an Excel workbook, through the save dialog. */
export function exportAnalysisTable(request: AnalysisRequest, format: 'csv' | 'xlsx', table?: 'main' | 'pairs' | 'documents'): Promise<void> {
  return runExport((jobId) => api.exportAnalysisTable({ request: asInput(request), table, format, jobId }), ({ path }) => t('services.export.done', { path }));
}

/** Saves a chart (SVG text, or a PNG's bytes in base64) through the save dialog. */
export function saveAnalysisChart(name: string, format: 'svg' | 'png', content: string): Promise<void> {
  return runExport(() => api.saveAnalysisChart({ name, format, content }), ({ path }) => t('services.export.done', { path }));
}
