/**
 * The reliability report written out: a CSV table of the figures, one self-contained HTML page
 * for a methods appendix or a supervisor, and the per-character matrix that R and Python users
 * need to recompute the coefficients themselves.
 *
 * Pure string builders over the report of `reliability-report.ts`. An undefined figure (`NaN`)
 * and one that does not apply (`null`) are written as an empty CSV cell and as "—" in HTML.
 */
import { csvFormatRow, csvFormatRows } from 'd3-dsv';
import { CodePointIndex } from '../text/offsets';
import { characterUnits, CODE_SET_SEPARATOR } from './character-units';
import { type ReliabilityBootstrap, type ReliabilityMeasures, type ReliabilityReport } from './reliability-report';
import { characterData, type ReliabilityInput, type ReliabilityOptions } from './character-data';

/** A figure with four decimals; '' for `NaN` or `null`. */
function fixed(value: number | null, digits = 4): string {
  if (value === null || Number.isNaN(value)) return '';
  const text = value.toFixed(digits);
  return /^-0\.0*$/.test(text) ? text.slice(1) : text;
}

/** The unit a bootstrap resampled, in words. */
const RESAMPLED_UNITS: Record<ReliabilityBootstrap['unit'], string> = { 'coded-stretch': 'coded stretches', document: 'documents' };

/** What a bootstrap resampled, in words: "the 120 clusters of characters (118 coded stretches, 2 documents nobody coded)". */
function resampled({ unit, clusters, codedClusters }: ReliabilityBootstrap): string {
  const uncoded = clusters - codedClusters;
  return unit === 'document'
    ? `the ${clusters} documents, each whole (${uncoded} of them nobody coded)`
    : `the ${clusters} clusters of characters (${codedClusters} ${RESAMPLED_UNITS[unit]}${uncoded > 0 ? `, ${uncoded} documents nobody coded` : ''})`;
}

/** The first columns of `reliabilityReportCsv`, before one `segments_<coder>` column per coder. */
export const RELIABILITY_CSV_COLUMNS = [
  'code_id',
  'code',
  'percent_agreement',
  'cohen_kappa',
  'fleiss_kappa',
  'alpha_nominal',
  'alpha_nominal_ci_lower',
  'alpha_nominal_ci_upper',
  'alpha_nominal_ci_confidence',
  'alpha_u',
  'u_alpha',
  'cu_alpha',
  'segment_agreement_percent',
  'segment_agreements',
  'segment_disagreements',
  'coders',
  'units',
  'segments',
] as const;

/**
 * The last columns of `reliabilityReportCsv`, after the `segments_<coder>` columns: added later,
 * at the end so that the columns before keep their positions for readers of older files.
 */
export const RELIABILITY_CSV_TRAILING_COLUMNS = ['alpha_nominal_ci_resampled', 'alpha_nominal_ci_clusters', 'alpha_nominal_ci_valid_resamples'] as const;

/**
 * The report as CSV: a header, one row per code (in the report's order) and the overall row
 * (empty `code_id`). Coefficients with four decimals (percent agreement as a share 0–1, segment
 * agreement in percent), an empty cell where a figure is undefined or does not apply; `coders` is
 * the number of coders, `units` the number of characters (code points), `segments` the segments
 * of all coders, then `segments_<coder>` for each coder; last, with an interval,
 * `alpha_nominal_ci_resampled` names the unit its bootstrap drew (coded stretches),
 * `alpha_nominal_ci_clusters` how many clusters there are and `alpha_nominal_ci_valid_resamples`
 * on how many resamples the row's α was defined. RFC 4180 quoting, `\n` line ends.
 */
export function reliabilityReportCsv(report: ReliabilityReport): string {
  const header = [...RELIABILITY_CSV_COLUMNS, ...report.coders.map((coder) => `segments_${coder}`), ...RELIABILITY_CSV_TRAILING_COLUMNS];
  const rows = report.rows.map(({ codeId, label, measures }) => {
    const ci = measures.alphaNominalCi;
    const perCoder = report.coders.map((coder) => measures.segments[coder] ?? 0);
    return [
      codeId ?? '',
      label,
      fixed(measures.percentAgreement),
      fixed(measures.cohenKappa),
      fixed(measures.fleissKappa),
      fixed(measures.alphaNominal),
      fixed(ci?.lower ?? null),
      fixed(ci?.upper ?? null),
      fixed(ci?.confidence ?? null),
      fixed(measures.alphaU),
      fixed(measures.uAlpha),
      fixed(measures.cuAlpha),
      fixed(measures.segmentAgreement.percent),
      String(measures.segmentAgreement.agreements),
      String(measures.segmentAgreement.disagreements),
      String(report.coders.length),
      String(report.units),
      String(perCoder.reduce((sum, n) => sum + n, 0)),
      ...perCoder.map(String),
      ci && report.bootstrap ? RESAMPLED_UNITS[report.bootstrap.unit] : '',
      ci && report.bootstrap ? String(report.bootstrap.clusters) : '',
      ci ? String(ci.validResamples) : '',
    ];
  });
  return `${csvFormatRows([header, ...rows])}\n`;
}

/** What the HTML page needs beyond the report. */
export interface ReliabilityHtmlMeta {
  projectName: string;
  /** When the report was made, as it should be shown (the caller's clock, not ours). */
  createdAt: string;
  /** The report's input (its documents give the titles and the texts of the disagreements). */
  input: Pick<ReliabilityInput, 'documents'>;
  /** Names to show for codes; default: the labels of the report's rows. */
  codeNames?: Readonly<Record<string, string>>;
}

/** The style sheet of the report pages (inline: no external resource), light and dark. */
export const REPORT_STYLE = `
:root { color-scheme: light dark; --fg: #1c1c1c; --bg: #ffffff; --muted: #5a5a5a; --line: #c8c8c8; --head: #f0f0f0; --quote: #f7f3e3; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6e6e6; --bg: #161616; --muted: #a8a8a8; --line: #474747; --head: #242424; --quote: #2b2819; }
}
body { margin: 0; background: var(--bg); color: var(--fg); font: 15px/1.5 system-ui, sans-serif; }
main { max-width: 72rem; margin: 0 auto; padding: 1.5rem; }
h1 { margin-bottom: 0.2rem; }
.muted, cite { color: var(--muted); }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: 0.25rem 0.5rem; vertical-align: top; text-align: left; }
thead th { background: var(--head); }
td.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.overall td, tr.overall th { font-weight: 600; }
dt { font-weight: 600; margin-top: 0.6rem; }
dd { margin-left: 1.2rem; }
.disagreement { border-top: 1px solid var(--line); padding: 0.4rem 0; }
.disagreement h3 { font-size: 1rem; margin: 0.3rem 0; }
blockquote { margin: 0; padding: 0.2rem 0.5rem; background: var(--quote); white-space: pre-wrap; }
`;

/** `text` with the five characters that HTML reads escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A figure for the page: three decimals, "—" where undefined or not applicable. */
function shown(value: number | null, digits = 3): string {
  return value === null || Number.isNaN(value) ? '—' : fixed(value, digits);
}

/** The agreement table: every measure per code and overall (the parts of a page, shared with the analysis report). */
export function reliabilityTableHtml(report: ReliabilityReport): string {
  const e = escapeHtml;
  const has = (key: string) => report.measures.some((measure) => measure.key === key);
  const ci = report.bootstrap === null ? '' : `${report.bootstrap.confidence * 100} % interval`;
  type Column = [string, (m: ReliabilityMeasures) => string];
  const interval = (m: ReliabilityMeasures) =>
    m.alphaNominalCi === null ? '—' : `${shown(m.alphaNominalCi.lower)} – ${shown(m.alphaNominalCi.upper)}`;
  const segmentPercent = (m: ReliabilityMeasures) =>
    Number.isNaN(m.segmentAgreement.percent) ? '—' : `${fixed(m.segmentAgreement.percent, 1)} %`;
  const columns: Column[] = [
    ['Agreement (share of characters)', (m) => shown(m.percentAgreement)],
    ...(has('cohenKappa') ? [["Cohen's κ", (m) => shown(m.cohenKappa)] satisfies Column] : []),
    ...(has('fleissKappa') ? [["Fleiss' κ", (m) => shown(m.fleissKappa)] satisfies Column] : []),
    ['α (nominal)', (m) => shown(m.alphaNominal)],
    ...(has('alphaNominalCi')
      ? [[`α ${ci}`, interval] satisfies Column, ['Resamples with α defined', (m) => (m.alphaNominalCi === null ? '—' : String(m.alphaNominalCi.validResamples))] satisfies Column]
      : []),
    ['α_U', (m) => shown(m.alphaU)],
    ['u-α', (m) => shown(m.uAlpha)],
    ['cu-α', (m) => shown(m.cuAlpha)],
    ['Segment agreement', segmentPercent],
    ['Agreeing / disagreeing segments', (m) => `${m.segmentAgreement.agreements} / ${m.segmentAgreement.disagreements}`],
    ...report.coders.map((coder): Column => [`Segments: ${coder}`, (m) => String(m.segments[coder] ?? 0)]),
  ];
  return [
    '<table><thead><tr><th scope="col">Code</th>',
    ...columns.map(([name]) => `<th scope="col">${e(name)}</th>`),
    '</tr></thead><tbody>',
    ...report.rows.map(
      (row) =>
        `<tr${row.codeId === null ? ' class="overall"' : ''}><th scope="row">${e(row.label)}</th>${columns
          .map(([, value]) => `<td class="number">${e(value(row.measures))}</td>`)
          .join('')}</tr>`,
    ),
    '</tbody></table>',
  ].join('\n');
}

/** What was compared (coders, documents, units, codes, overlap, bootstrap), as a definition list. */
export function reliabilitySettingsHtml(report: ReliabilityReport): string {
  const e = escapeHtml;
  const settings: Array<[string, string]> = [
    ['Coders', report.coders.join(', ')],
    ['Documents', String(report.documents)],
    ['Units', `${report.units} characters (Unicode code points)`],
    ['Codes', String(report.codeIds.length)],
    ['Segment overlap', `at least ${report.minOverlap} %`],
    [
      'Bootstrap',
      report.bootstrap === null
        ? 'not computed'
        : `${report.bootstrap.samples} resamples of ${resampled(report.bootstrap)}, seed ${report.bootstrap.seed}, ${report.bootstrap.confidence * 100} % percentile intervals`,
    ],
  ];
  return `<dl>${settings.map(([name, value]) => `<dt>${e(name)}</dt><dd>${e(value)}</dd>`).join('')}</dl>`;
}

/** The report's notes, as a list. */
export function reliabilityNotesHtml(report: ReliabilityReport): string {
  return `<ul>${report.notes.map((note) => `<li>${escapeHtml(note)}</li>`).join('')}</ul>`;
}

/** Each measure's definition and reference, as a definition list. */
export function reliabilityMeasuresHtml(report: ReliabilityReport): string {
  const e = escapeHtml;
  return `<dl>${report.measures.map((m) => `<dt>${e(m.name)}</dt><dd>${e(m.definition)}<br><cite>${e(m.reference)}</cite></dd>`).join('')}</dl>`;
}

/**
 * The report as one HTML page: inline CSS only, no script and no external resource, every text
 * escaped, readable in light and dark mode. It shows what was compared, a table of every measure
 * per code and overall, the notes, each measure's definition and reference, and every disagreement
 * with each coder's version of the text (offsets shown in code points).
 */
export function reliabilityReportHtml(report: ReliabilityReport, meta: ReliabilityHtmlMeta): string {
  const e = escapeHtml;
  const codeNames = new Map(report.rows.flatMap((row) => (row.codeId === null ? [] : [[row.codeId, row.label] as const])));
  for (const [id, name] of Object.entries(meta.codeNames ?? {})) codeNames.set(id, name);
  const documents = new Map(meta.input.documents.map((document) => [document.id, document]));
  const indexes = new Map<string, CodePointIndex>();
  const indexOf = (id: string, text: string) => {
    let index = indexes.get(id);
    if (index === undefined) indexes.set(id, (index = new CodePointIndex(text)));
    return index;
  };
  const disagreements = report.disagreements.map((disagreement) => {
    const document = documents.get(disagreement.documentId);
    const title = document?.title ?? disagreement.documentId;
    const versions = disagreement.versions.map((version) => {
      let text = '<p class="muted">no segment of this code here</p>';
      if (version.start !== null && version.end !== null && document !== undefined) {
        const index = indexOf(document.id, document.text);
        const where = `${index.toCodePoints(version.start)}–${index.toCodePoints(version.end)}`;
        text = `<p class="muted">characters ${e(where)}</p><blockquote>${e(document.text.slice(version.start, version.end))}</blockquote>`;
      }
      return `<tr><th scope="row">${e(version.coder)}</th><td>${text}</td></tr>`;
    });
    return [
      '<div class="disagreement">',
      `<h3>${e(title)}: ${e(codeNames.get(disagreement.codeId) ?? disagreement.codeId)}</h3>`,
      `<table><tbody>${versions.join('')}</tbody></table>`,
      '</div>',
    ].join('\n');
  });

  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    `<title>Intercoder reliability: ${e(meta.projectName)}</title>`,
    `<style>${REPORT_STYLE}</style>`,
    '</head>',
    '<body><main>',
    '<h1>Intercoder reliability</h1>',
    `<p class="muted">${e(meta.projectName)} · ${e(meta.createdAt)}</p>`,
    '<h2>What was compared</h2>',
    reliabilitySettingsHtml(report),
    '<h2>Agreement</h2>',
    reliabilityTableHtml(report),
    '<h2>Notes</h2>',
    reliabilityNotesHtml(report),
    '<h2>Measures</h2>',
    reliabilityMeasuresHtml(report),
    `<h2>Disagreements (${report.disagreements.length})</h2>`,
    disagreements.length === 0 ? '<p>None: every segment found its match.</p>' : disagreements.join('\n'),
    '</main></body>',
    '</html>',
    '',
  ].join('\n');
}

/** Rows per chunk of matrix text. */
const CHUNK_ROWS = 4096;

/**
 * The units × coders matrix as CSV chunks, one row per character (Unicode code point) of the
 * chosen documents in their order: `document_id`, `offset` (the character's code point offset in
 * its document), then one column per coder (in the order of `options.coders`). Values, for a code:
 * 1 where the coder applied it, else 0; for `codeId` null: the set of chosen codes the coder
 * applied there, code ids sorted and joined by '+' ('' for none).
 *
 * Python's `krippendorff.alpha(reliability_data=…)` and R's `irr::kripp.alpha` both want coders ×
 * units, so transpose the coder columns first (pandas `df[coders].T`, R `t(as.matrix(df[coders]))`);
 * map the code-set strings to integers for them (pandas `factorize`, R `as.integer(factor(…))`).
 *
 * A generator, since the matrix has a row per character; inputs and errors as `reliabilityReport`,
 * and a `RangeError` for a `codeId` outside `options.codeIds`.
 */
export function* unitsMatrixCsv(
  input: ReliabilityInput,
  options: Pick<ReliabilityOptions, 'coders' | 'documentIds' | 'codeIds'>,
  codeId: string | null,
): Generator<string> {
  const data = characterData(input, options);
  if (codeId !== null && !data.codeIds.includes(codeId)) throw new RangeError(`The code "${codeId}" is not among the chosen codes.`);
  const units =
    codeId === null
      ? characterUnits(data.spans, data.continua, { coders: data.coders })
      : characterUnits(data.spans, data.continua, { coders: data.coders, code: codeId });
  let lines = [csvFormatRow(['document_id', 'offset', ...data.coders])];
  for (let r = 0; r < units.runs.length; r++) {
    const run = units.runs[r];
    const values = units.columns[r].map((value) => (typeof value === 'number' ? String(value) : value.split(CODE_SET_SEPARATOR).join('+')));
    const document = csvFormatRow([run.document]);
    const cells = csvFormatRow(values);
    for (let offset = run.start; offset < run.end; offset++) {
      lines.push(`${document},${offset},${cells}`);
      if (lines.length === CHUNK_ROWS) {
        yield `${lines.join('\n')}\n`;
        lines = [];
      }
    }
  }
  if (lines.length > 0) yield `${lines.join('\n')}\n`;
}
