/**
 * Handlers of the Analysis area's exports: a figure's table as CSV or as an Excel workbook (with
 * a sheet saying what it counts), a chart the page drew, saved as SVG or PNG once it has been
 * checked (`chart-files.ts`), and the analysis report (one HTML file, a long job). Each asks
 * where to save and writes atomically.
 */
import { analysisCorpus, type AnalysisCache, type AnalysisCorpus } from '../../shared/analysis/analysis-corpus';
import { analysisReportSteps, REPORT_STEPS, type AnalysisReportMeta } from '../../shared/analysis/analysis-report';
import { CODE_POINTS_NOTE, FIGURE_NAMES, filterDescription, optionDescription, type DescriptionLine } from '../../shared/analysis/analysis-description';
import { analysisFigure, checkAnalysisRequest, type AnalysisFigure, type AnalysisRequest } from '../../shared/analysis/analysis-request';
import { analysisCsvChunks, figureTable, missingTable, type NamedAnalysisTable } from '../../shared/analysis/analysis-tables';
import { CSV_FILES, type FileKind } from '../../shared/ipc/export-formats';
import { WorkbenchFailure } from '../../shared/model/failure';
import { analysisWorkbookBytes } from '../services/analysis-workbook';
import { checkedPng, checkedSvg } from '../services/chart-files';
import type { Job } from '../services/jobs';
import type { HandlerContext } from './context';
import type { Handlers } from './dispatch';

export const XLSX_FILES: FileKind = { name: 'Excel workbook', extensions: ['xlsx'] };
export const HTML_FILES: FileKind = { name: 'Web page', extensions: ['html'] };
const SVG_FILES: FileKind = { name: 'SVG image', extensions: ['svg'] };
const PNG_FILES: FileKind = { name: 'PNG image', extensions: ['png'] };

/** A name as part of a file name: letters, digits, dots, dashes and underscores, the rest as dashes. */
export const fileStem = (name: string) => name.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[-.]+|-+$/g, '').slice(0, 120) || 'chart';

/** What the "About" sheet says of a table: what it is, over what, with which options, when. */
export function tableAbout(
  context: Pick<HandlerContext, 'store'>,
  request: AnalysisRequest,
  figure: AnalysisFigure,
  table: NamedAnalysisTable,
  counted: { documents: number; segments: number; coders: readonly string[] },
  createdAt: string,
): DescriptionLine[] {
  const { store } = context;
  const titles = new Map(store.state.documents.map((d) => [d.id, d.title]));
  const lines: DescriptionLine[] = [
    ['Figure', FIGURE_NAMES[request.figure]],
    ['Table', table.name],
    ['Project', store.name],
    ['Made', createdAt],
    ...filterDescription(request.filter, (id) => titles.get(id)),
    ['Blind coding', store.viewer.blind ? `on: only ${store.viewer.coder}'s segments are counted` : 'off'],
    ['Documents counted', String(counted.documents)],
    ['Segments counted', String(counted.segments)],
    ['Coders counted', counted.coders.join(', ') || 'none'],
    ...optionDescription(request),
  ];
  if (figure.figure === 'crosstab') {
    const { chiSquare, fisher, note } = figure.crosstab;
    lines.push(
      ['χ²', chiSquare ? `${chiSquare.statistic} (df ${chiSquare.df}, p ${chiSquare.p}, Cramér's V ${chiSquare.cramersV}, n ${chiSquare.n})` : 'not computed (fewer than 2 × 2 non-empty rows and columns)'],
      ['χ² warning', chiSquare?.warning ?? 'none'],
      ["Fisher's exact test", fisher ? `p ${fisher.p}, odds ratio ${fisher.oddsRatio}` : 'not computed (only for 2 × 2)'],
      ['Note', note ?? 'none'],
    );
  }
  lines.push(['Units', CODE_POINTS_NOTE]);
  return lines;
}

/** Computes the analysis report over the corpus, a section at a time, reporting each and letting other calls in between. */
export async function analysisReportInSteps(corpus: AnalysisCorpus, meta: AnalysisReportMeta, job: Job | null): Promise<string> {
  const steps = analysisReportSteps(corpus, meta);
  for (let done = 0, step = steps.next(); ; step = steps.next(), done++) {
    if (step.done) return step.value;
    job?.report(step.value, done, REPORT_STEPS);
    await job?.checkpoint();
  }
}

export function analysisExportHandlers(context: HandlerContext, cache: AnalysisCache): Pick<Handlers, 'exportAnalysisTable' | 'saveAnalysisChart' | 'exportAnalysisReport'> {
  const { store, jobs, day, now, saveAs } = context;
  return {
    exportAnalysisTable: ({ request, table: choice = 'main', format, jobId }) =>
      jobs.run(jobId, async (job) => {
        const dataset = await store.dataset();
        checkAnalysisRequest(dataset, request);
        // Refused before the dialog: a figure without the table asked for.
        const missing = missingTable(request.figure, choice);
        if (missing) throw new WorkbenchFailure('invalid-input', missing);
        const suffix = choice === 'main' ? '' : `-${choice}`;
        const suggested = `analysis-${request.figure}${suffix}-${day()}.${format}`;
        let rows = 0;
        const path = await saveAs(suggested, format === 'csv' ? CSV_FILES : XLSX_FILES, job, async () => {
          job.report('Computing the figure', 0, 0);
          const corpus = analysisCorpus(dataset, store.viewer, request.filter, cache);
          const figure = analysisFigure(corpus, request);
          const table = figureTable(figure, choice);
          rows = table.rows.length;
          if (format === 'csv') return [...analysisCsvChunks(table)].join('');
          job.report('Building the workbook', 0, 0);
          const counted = { documents: corpus.documents.length, segments: corpus.documents.reduce((n, d) => n + d.segments.length, 0), coders: corpus.coders };
          return analysisWorkbookBytes(table, tableAbout(context, request, figure, table, counted, now().toISOString()));
        });
        return { path, rows: path ? rows : 0 };
      }),
    exportAnalysisReport: ({ filter, variable = null, jobId }) =>
      jobs.run(jobId, async (job) => {
        const dataset = await store.dataset();
        // The variables named must exist (the same check as a matrix grouped by the variable).
        checkAnalysisRequest(dataset, { figure: 'matrix', filter, measure: 'segments', withSubcodes: false, variable });
        let segments = 0;
        const path = await saveAs(`analysis-report-${day()}.html`, HTML_FILES, job, () => {
          const corpus = analysisCorpus(dataset, store.viewer, filter, cache);
          segments = corpus.documents.reduce((n, d) => n + d.segments.length, 0);
          const meta = { projectName: store.name, createdAt: now().toISOString(), filter, variable, blindCoder: store.viewer.blind ? store.viewer.coder : null };
          return analysisReportInSteps(corpus, meta, job);
        });
        return { path, rows: path ? segments : 0 };
      }),
    saveAnalysisChart: async ({ name, format, content }) => {
      // Checked before the dialog: a chart that would be refused is not offered a place.
      const bytes = format === 'svg' ? checkedSvg(content) : checkedPng(content);
      const path = await saveAs(`${fileStem(name)}.${format}`, format === 'svg' ? SVG_FILES : PNG_FILES, null, () => bytes);
      return { path, rows: 0 };
    },
  };
}
