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

/** Rows asked at once while looking for segments by id. */
const SEARCH_PAGE = 1000;

/**
 * The coded segments with these ids (with their document, quote and context), in the order
 * given, looked for among the segments of the codes they belong to (`codeIds`: each code's own,
 * without sub-codes), a page at a time until every id is found: a co-occurrence cell reads the
 * segments of its two codes, not the whole project's. Those no longer in the project are left out.
 */
export async function segmentsByIds(ids: readonly string[], codeIds: readonly string[]): Promise<RetrievedSegment[] | string> {
  const wanted = new Set(ids);
  const found = new Map<string, RetrievedSegment>();
  for (const codeId of new Set(codeIds)) {
    const filter = { codeId, withSubcodes: false, documentId: null, coder: null, text: '', variable: null };
    for (let offset = 0; found.size < wanted.size; offset += SEARCH_PAGE) {
      const result = await api.retrieveSegments({ filter, offset, limit: SEARCH_PAGE });
      if (!result.ok) return result.error.message;
      for (const row of result.value.rows) if (wanted.has(row.segment.id)) found.set(row.segment.id, row);
      if (offset + SEARCH_PAGE >= result.value.matched) break;
    }
  }
  return ids.flatMap((id) => found.get(id) ?? []);
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
