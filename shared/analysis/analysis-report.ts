/**
 * The analysis report: one self-contained HTML file (no script, no remote content, no external
 * style sheet or font; an inline style with print rules, so that it prints well to PDF) that
 * carries a study's figures away from the program. It states the project, the date and the filter,
 * then gives the codebook with its definitions and examples, the frequencies (a table and a bar
 * chart in the codes' colours), co-occurrence and the code × document matrix (tables shaded as
 * heatmaps), the group comparison of each document variable (or the one chosen: crosstab, χ², df,
 * p, Cramér's V, warnings, Fisher's exact test for 2 × 2), and, when several coders' segments are
 * counted, their agreement (the reliability report's figures and its parts of a page). Every text
 * is escaped; characters are counted in Unicode code points.
 *
 * Built step by step (`analysisReportSteps`), so that a long job can say how far it is and let
 * other calls in between the sections.
 */
import { CONSENSUS_CODER } from '../model/adjudication';
import { codeTree } from '../model/codebook';
import { reliabilityReport } from '../stats/reliability-report';
import {
  escapeHtml as e,
  REPORT_STYLE,
  reliabilityMeasuresHtml,
  reliabilityNotesHtml,
  reliabilitySettingsHtml,
  reliabilityTableHtml,
} from '../stats/reliability-exports';
import { NO_VALUE_LABEL, type AnalysisCorpus, type AnalysisFilter } from './analysis-corpus';
import { CODE_POINTS_NOTE, filterDescription, proximityDescription, type DescriptionLine } from './analysis-description';
import { codeDocumentMatrix } from './code-document-matrix';
import { cooccurrence } from './cooccurrence';
import { crosstab, type Crosstab } from './crosstab';
import { frequencies } from './frequencies';
import { barChartSvg, heatColours } from './report-charts';

/** What the report states besides the figures. */
export interface AnalysisReportMeta {
  projectName: string;
  /** When it was made, as it should be shown (the caller's clock). */
  createdAt: string;
  filter: AnalysisFilter;
  /** The document variable whose groups are compared (and that groups the matrix); null: each variable is compared. */
  variable: string | null;
  /** The coder whose own segments alone are counted, when blind coding is on; null otherwise. */
  blindCoder: string | null;
}

/** The sections' headings, in order (a test finds each). */
export const REPORT_SECTIONS = {
  counted: 'What was counted',
  codebook: 'Codebook',
  frequencies: 'Frequencies',
  cooccurrence: 'Co-occurrence',
  matrix: 'Code × document matrix',
  groups: 'Group comparisons',
  agreement: 'Agreement between coders',
} as const;

/** The least overlap for two coders' segments to be counted as agreeing (as the Agreement view's default). */
const MIN_OVERLAP = 90;

const PRINT_STYLE = `
h2 { margin-top: 2rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1rem 0 0.3rem; }
.swatch { display: inline-block; width: 0.9em; height: 0.9em; border: 1px solid var(--line); vertical-align: -0.1em; margin-right: 0.35em; }
.chart text { fill: var(--fg); font: 12px system-ui, sans-serif; }
.scroll { overflow-x: auto; }
td.heat { text-align: right; font-variant-numeric: tabular-nums; }
th.code { max-width: 9rem; }
.entry dd { white-space: pre-wrap; }
.warning { border-left: 4px solid #b8860b; padding: 0.2rem 0.6rem; }
@media print {
  :root { --fg: #000; --bg: #fff; --muted: #444; --line: #999; --head: #eee; --quote: #f4f4f4; }
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; }
  tr, .entry, svg { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  .scroll { overflow: visible; }
  table { font-size: 8pt; }
  th, td { padding: 0.1rem 0.25rem; }
  .heat, .swatch, .chart rect { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;

/** A whole number as it is (no grouping), a share as a percentage with one decimal. */
const count = (value: number) => String(value);
const percent = (share: number | null) => (share === null || Number.isNaN(share) ? '—' : `${(share * 100).toFixed(1)} %`);
const decimal = (value: number, digits = 3) => (Number.isFinite(value) ? value.toFixed(digits) : value > 0 ? '∞' : '—');
const pValue = (p: number) => (p < 0.001 ? '< 0.001' : p.toFixed(3));

function definitionList(lines: readonly DescriptionLine[]): string {
  return `<dl>${lines.map(([label, value]) => `<dt>${e(label)}</dt><dd>${e(value)}</dd>`).join('')}</dl>`;
}

const swatch = (colour: string) => `<span class="swatch" style="background:${/^#[0-9a-fA-F]{6}$/.test(colour) ? colour : '#808080'}"></span>`;

/** A cell of a heatmap: its number, on a background scaled to the largest (none for 0, so that it reads as the page in light and dark). */
function heatCell(value: number, largest: number, text = count(value)): string {
  if (!(value > 0)) return `<td class="heat">${e(text)}</td>`;
  const { background, text: ink } = heatColours(value, largest);
  return `<td class="heat" style="background:${background};color:${ink}">${e(text)}</td>`;
}

function countedSection(corpus: AnalysisCorpus, meta: AnalysisReportMeta): string {
  const titles = new Map(corpus.documents.map((d) => [d.record.id, d.record.title]));
  const segments = corpus.documents.reduce((n, d) => n + d.segments.length, 0);
  const lines: DescriptionLine[] = [
    ['Project', meta.projectName],
    ['Made', meta.createdAt],
    ...filterDescription(meta.filter, (id) => titles.get(id)),
    ['Blind coding', meta.blindCoder === null ? 'off' : `on: only ${meta.blindCoder}'s segments are counted`],
    ['Documents counted', count(corpus.documents.length)],
    ['Segments counted', count(segments)],
    ['Coders counted', corpus.coders.join(', ') || 'none'],
    ['Groups compared by', meta.variable ?? 'each document variable'],
    ['Units', CODE_POINTS_NOTE],
  ];
  return section('counted', definitionList(lines));
}

function codebookSection(corpus: AnalysisCorpus): string {
  const entries = codeTree(corpus.codes).map(({ code, depth }) => {
    const fields: Array<[string, string]> = [
      ['Description', code.description],
      ['Definition', code.definition],
      ['When to use', code.whenToUse],
      ['When not to use', code.whenNotToUse],
      ['Example', code.example],
    ].filter((field): field is [string, string] => field[1].trim() !== '');
    const body = fields.length
      ? `<dl>${fields.map(([label, value]) => `<dt>${e(label)}</dt><dd>${label === 'Example' ? `<blockquote>${e(value)}</blockquote>` : e(value)}</dd>`).join('')}</dl>`
      : '<p class="muted">No definition has been written for this code.</p>';
    const key = code.key ? ` <span class="muted">(key ${e(code.key)})</span>` : '';
    return `<div class="entry" style="margin-left:${depth * 1.5}rem"><h3>${swatch(code.colour)}${e(code.name)}${key}</h3>${body}</div>`;
  });
  return section('codebook', entries.length ? entries.join('\n') : '<p>The codebook is empty.</p>');
}

function frequencySection(corpus: AnalysisCorpus): string {
  const figures = frequencies(corpus, { withSubcodes: false, words: true, variable: null });
  const colours = new Map(corpus.codes.map((c) => [c.id, c.colour]));
  const rows = figures.codes.map(
    (c) =>
      `<tr><th scope="row" style="padding-left:${0.5 + c.depth * 1.2}rem">${swatch(colours.get(c.codeId) ?? '')}${e(c.name)}</th>` +
      [count(c.segments), count(c.documents), percent(c.documentShare), count(c.characters), percent(c.characterShare), c.words === null ? '—' : count(c.words), percent(c.wordShare)]
        .map((cell) => `<td class="number">${e(cell)}</td>`)
        .join('') +
      '</tr>',
  );
  const base = figures.base;
  const table = [
    '<div class="scroll"><table><thead><tr><th scope="col">Code</th><th scope="col">Segments</th><th scope="col">Documents</th><th scope="col">Share of documents</th><th scope="col">Coded characters</th><th scope="col">Share of characters</th><th scope="col">Coded words</th><th scope="col">Share of words</th></tr></thead><tbody>',
    ...rows,
    '</tbody></table></div>',
  ].join('\n');
  const chart = barChartSvg(
    figures.codes.map((c) => ({ label: c.path, value: c.segments, colour: colours.get(c.codeId) ?? '' })),
    'Segments per code',
  );
  const about = `<p class="muted">Each code on its own (sub-codes not summed in). Over ${count(base.documents)} documents, ${count(base.characters)} characters${base.words === null ? '' : ` and ${count(base.words)} words`}; a character or word under two segments of a code counts once.</p>`;
  return section('frequencies', `${about}\n${table}\n<h3>Segments per code</h3>\n${chart}`);
}

function cooccurrenceSection(corpus: AnalysisCorpus): string {
  const matrix = cooccurrence(corpus, { kind: 'overlap' });
  let largest = 0;
  matrix.cells.forEach((row, i) => row.forEach((cell, j) => i !== j && (largest = Math.max(largest, cell.pairs))));
  const head = matrix.codes.map((c) => `<th scope="col" class="code">${e(c.path)}</th>`).join('');
  const rows = matrix.codes.map(
    (a, i) =>
      `<tr><th scope="row">${e(a.path)}</th>${matrix.cells[i].map((cell, j) => (i === j ? '<td class="number muted">—</td>' : heatCell(cell.pairs, largest))).join('')}</tr>`,
  );
  const about = `<p class="muted">Pairs of segments of two codes that meet when ${e(proximityDescription(matrix.proximity))}, in the same document; the shade is scaled to the largest count (${count(largest)}).</p>`;
  return section('cooccurrence', `${about}\n<div class="scroll"><table><thead><tr><th scope="col">Code</th>${head}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table></div>`);
}

function matrixSection(corpus: AnalysisCorpus, variable: string | null): string {
  const matrix = codeDocumentMatrix(corpus, { measure: 'segments', withSubcodes: false, variable });
  const largest = Math.max(0, ...matrix.rows.flatMap((row) => row.cells));
  const groupHead = variable === null ? '' : `<th scope="col">${e(variable)}</th>`;
  const head = matrix.codes.map((c) => `<th scope="col" class="code">${e(c.path)}</th>`).join('');
  const rows = matrix.rows.map(
    (row) =>
      `<tr><th scope="row">${e(row.title)}</th>${variable === null ? '' : `<td>${e(row.group === '' ? NO_VALUE_LABEL : row.group)}</td>`}${row.cells.map((cell) => heatCell(cell, largest)).join('')}</tr>`,
  );
  const about = `<p class="muted">Segments of each code in each document${variable === null ? '' : `, grouped by ${e(variable)}`}; the shade is scaled to the largest count (${count(largest)}).</p>`;
  const body = matrix.rows.length
    ? `<div class="scroll"><table><thead><tr><th scope="col">Document</th>${groupHead}${head}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table></div>`
    : '<p>No document passes the filter.</p>';
  return section('matrix', `${about}\n${body}`);
}

function crosstabHtml(table: Crosstab): string {
  const valueName = (value: string) => (value === '' ? NO_VALUE_LABEL : value);
  const head = table.values.map((v) => `<th scope="col">${e(valueName(v))}</th>`).join('');
  const rows = table.codes.map(
    (code, i) =>
      `<tr><th scope="row">${e(code.path)}</th>${table.values
        .map((_, j) => `<td class="number">${e(`${count(table.counts[i][j])} (${percent(table.columnShares[i][j])})`)}</td>`)
        .join('')}<td class="number">${count(table.rowTotals[i])}</td></tr>`,
  );
  const totals = `<tr class="overall"><th scope="row">Total</th>${table.columnTotals.map((t) => `<td class="number">${count(t)}</td>`).join('')}<td class="number">${count(table.total)}</td></tr>`;
  const test = table.chiSquare;
  const lines: string[] = [
    test
      ? `Pearson's χ² (without continuity correction) = ${decimal(test.statistic)}, df = ${test.df}, p ${test.p < 0.001 ? '' : '= '}${pValue(test.p)}; Cramér's V = ${decimal(test.cramersV)}; n = ${count(test.n)}.`
      : 'χ² is not computed: fewer than two codes or two values have any segments.',
  ];
  if (table.fisher) lines.push(`Fisher's exact test (two-sided): p ${table.fisher.p < 0.001 ? '' : '= '}${pValue(table.fisher.p)}; odds ratio ${decimal(table.fisher.oddsRatio)}.`);
  if (table.dropped.codeIds.length || table.dropped.values.length) {
    lines.push(`Left out of the test for having no ${table.unit}: ${[...table.dropped.codeIds, ...table.dropped.values.map(valueName)].join(', ')}.`);
  }
  const warnings = [test?.warning ?? null, table.note].filter((w): w is string => w !== null);
  return [
    `<h3>${e(table.variable)}</h3>`,
    `<p class="muted">Counts of ${e(table.unit)} per code and value (and their share of the value's column).</p>`,
    `<div class="scroll"><table><thead><tr><th scope="col">Code</th>${head}<th scope="col">Total</th></tr></thead><tbody>\n${rows.join('\n')}\n${totals}\n</tbody></table></div>`,
    ...lines.map((line) => `<p>${e(line)}</p>`),
    ...warnings.map((w) => `<p class="warning">${e(w)}</p>`),
  ].join('\n');
}

function groupsSection(corpus: AnalysisCorpus, variable: string | null): string {
  const names = variable !== null ? [variable] : corpus.variables.map((v) => v.name);
  if (!names.length) return section('groups', '<p>The project has no document variables, so there are no groups to compare.</p>');
  const tables = names.map((name) => crosstabHtml(crosstab(corpus, { variable: name, unit: 'segments', withSubcodes: false, codeIds: null })));
  return section('groups', tables.join('\n'));
}

function agreementSection(corpus: AnalysisCorpus, meta: AnalysisReportMeta): string {
  const coders = corpus.coders.filter((coder) => coder !== CONSENSUS_CODER);
  if (coders.length < 2) {
    const why =
      meta.blindCoder !== null
        ? 'blind coding is on, so only your own segments are counted'
        : coders.length === 1
          ? `only one coder's segments are counted (${coders[0]})`
          : 'no coder’s segments are counted';
    return section('agreement', `<p>Agreement figures need the segments of at least two coders: ${e(why)}.</p>`);
  }
  // As the Agreement view: the documents every coder has coded (one a coder never touched would only dilute the figures).
  const documents = corpus.documents.filter((d) => coders.every((coder) => d.segments.some((s) => s.coder === coder)));
  if (!documents.length) return section('agreement', `<p>No document has been coded by every one of ${e(coders.join(', '))}, so there is nothing to compare.</p>`);
  const input = {
    documents: documents.map((d) => ({ id: d.record.id, title: d.record.title, text: d.text })),
    codes: corpus.codes,
    segments: documents.flatMap((d) => d.segments.map((s) => s.segment)),
  };
  let report;
  try {
    report = reliabilityReport(input, { coders, documentIds: input.documents.map((d) => d.id), codeIds: corpus.codes.map((c) => c.id), minOverlap: MIN_OVERLAP });
  } catch (error) {
    return section('agreement', `<p>The agreement figures could not be computed: ${e(error instanceof Error ? error.message : String(error))}</p>`);
  }
  return section(
    'agreement',
    [
      '<h3>What was compared</h3>',
      reliabilitySettingsHtml(report),
      '<h3>Agreement per code</h3>',
      `<div class="scroll">${reliabilityTableHtml(report)}</div>`,
      '<h3>Notes</h3>',
      reliabilityNotesHtml(report),
      '<h3>Measures</h3>',
      reliabilityMeasuresHtml(report),
    ].join('\n'),
  );
}

function section(key: keyof typeof REPORT_SECTIONS, body: string): string {
  return `<section id="${key}">\n<h2>${e(REPORT_SECTIONS[key])}</h2>\n${body}\n</section>`;
}

/**
 * The report, a section at a time: yields the name of each step before doing it (for progress),
 * and returns the page.
 */
export function* analysisReportSteps(corpus: AnalysisCorpus, meta: AnalysisReportMeta): Generator<string, string> {
  const sections: string[] = [];
  yield 'Writing the codebook';
  sections.push(countedSection(corpus, meta), codebookSection(corpus));
  yield 'Counting the frequencies';
  sections.push(frequencySection(corpus));
  yield 'Counting co-occurrence';
  sections.push(cooccurrenceSection(corpus));
  yield 'Building the code × document matrix';
  sections.push(matrixSection(corpus, meta.variable));
  yield 'Comparing the groups';
  sections.push(groupsSection(corpus, meta.variable));
  yield 'Comparing the coders';
  sections.push(agreementSection(corpus, meta));
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    `<title>Analysis report: ${e(meta.projectName)}</title>`,
    `<style>${REPORT_STYLE}${PRINT_STYLE}</style>`,
    '</head>',
    '<body><main>',
    '<h1>Analysis report</h1>',
    `<p class="muted">${e(meta.projectName)} · ${e(meta.createdAt)}</p>`,
    ...sections,
    '</main></body>',
    '</html>',
    '',
  ].join('\n');
}

/** The number of steps `analysisReportSteps` yields. */
export const REPORT_STEPS = 6;

/** The report as one HTML page (see the module's comment). */
export function analysisReportHtml(corpus: AnalysisCorpus, meta: AnalysisReportMeta): string {
  const steps = analysisReportSteps(corpus, meta);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}
