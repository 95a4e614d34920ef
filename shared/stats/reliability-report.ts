/**
 * The intercoder reliability report: every agreement figure the workbench offers, per code and
 * over all codes, for a chosen set of coders, documents and codes, with the disagreements an
 * adjudication needs and the definitions a methods section cites.
 *
 * The units of the character-level coefficients (percent agreement, κ, nominal α) are characters,
 * counted in Unicode code points: segment offsets, which the workbench keeps in UTF-16 code units,
 * are converted first, so that an emoji counts once, as it does for Python and R. The span
 * coefficients (α_U, the 2016 family, segment agreement) are given the same converted offsets.
 * The characters are kept in runs (`character-units.ts`) and the coefficients read the runs with
 * their lengths as weights, so a long text costs as many columns as it has segment boundaries.
 * The exports of the report are in `reliability-exports.ts`.
 */
import { CodePointIndex } from '../text/offsets';
import { bootstrapAlphaIntervalSteps, type ConfidenceInterval, type StepProgress } from './bootstrap';
import { characterUnits, CODE_SET_SEPARATOR } from './character-units';
import type { Continuum, Span } from './continuum';
import { alphaOfUnits, pairableUnitsOf } from './krippendorff-alpha';
import { pairwiseSegmentAgreement, type SegmentDisagreement } from './segment-agreement';
import { binaryUAlpha, cuAlpha, uAlpha } from './unitizing-2016';
import { unitizingAlphaU } from './unitizing-alpha';
import { weightedCohenKappa, weightedFleissKappa, weightedPercentAgreement } from './weighted-agreement';

/** What the report reads: the texts, the codebook and the coded segments of a project. */
export interface ReliabilityInput {
  /** The exact texts; segment offsets are UTF-16 code units into them. */
  documents: ReadonlyArray<{ id: string; title: string; text: string }>;
  codes: ReadonlyArray<{ id: string; name: string; parentId: string | null }>;
  /** [start, end) in UTF-16 code units of the document's text. */
  segments: ReadonlyArray<{ id: string; documentId: string; codeId: string; start: number; end: number; coder: string }>;
}

/** What the report compares. */
export interface ReliabilityOptions {
  /** The coders compared, at least two. */
  coders: readonly string[];
  /**
   * The documents compared. Every chosen coder is taken to have coded each of them: text a coder
   * left uncoded counts as "not coded", never as missing.
   */
  documentIds: readonly string[];
  /** The codes compared; segments of other codes are ignored. */
  codeIds: readonly string[];
  /** For segment agreement: the least overlap in percent (shared over covered characters). */
  minOverlap: number;
  /** Bootstrap intervals for nominal α (over characters); none when left out. */
  bootstrap?: { samples: number; seed: number };
}

/** The figures of one row; `NaN` where a coefficient is undefined, `null` where it does not apply. */
export interface ReliabilityMeasures {
  /** Share of agreeing coder pairs per character, 0–1 (per code: coded or not; overall: the code set). */
  percentAgreement: number;
  /** Two coders only. */
  cohenKappa: number | null;
  /** Three or more coders only. */
  fleissKappa: number | null;
  alphaNominal: number;
  /** Only with `bootstrap` (bounds `NaN` when α itself is undefined). */
  alphaNominalCi: ConfidenceInterval | null;
  /** Krippendorff's α_U (1995, 2004). */
  alphaU: number;
  /** Per code: |u-α restricted to the code; overall: u-α (null when a coder's codes overlap). */
  uAlpha: number | null;
  /** Overall only: cu-α (null when a coder's codes overlap). */
  cuAlpha: number | null;
  /** MAXQDA's segment agreement, pooled over every pair of coders; `percent` is 0–100. */
  segmentAgreement: { percent: number; agreements: number; disagreements: number };
  /** Segments per coder (every chosen coder listed). */
  segments: Record<string, number>;
}

/** One row: a code, or `codeId: null` for all chosen codes together. */
export interface ReliabilityRow {
  codeId: string | null;
  label: string;
  measures: ReliabilityMeasures;
}

/** What a column of the report is, and where it is defined. */
export interface MeasureDefinition {
  key: string;
  name: string;
  definition: string;
  reference: string;
}

/** One coder's version of a disagreement: a segment, or nothing (`null`s) where it has none. */
export interface DisagreementVersion {
  coder: string;
  segmentId: string | null;
  /** UTF-16 offsets of the segment. */
  start: number | null;
  end: number | null;
}

/** A segment of one coder that the other coder did not match, beside that coder's closest segment. */
export interface ReliabilityDisagreement {
  /** Stable: built from the segment ids (and the coder for a version without a segment). */
  id: string;
  documentId: string;
  codeId: string;
  /** UTF-16 extent covering both versions. */
  start: number;
  end: number;
  /** The two coders' versions, in the order of the chosen coders. */
  versions: DisagreementVersion[];
}

/** The report. */
export interface ReliabilityReport {
  coders: string[];
  /** The number of documents compared, and their ids in the chosen order. */
  documents: number;
  documentIds: string[];
  /** Characters (code points) of the compared documents: the units of the character measures. */
  units: number;
  codeIds: string[];
  minOverlap: number;
  /** The bootstrap settings, or null when no intervals were computed. */
  bootstrap: { samples: number; seed: number; confidence: number } | null;
  /** One row per code, in the chosen order, then the overall row. */
  rows: ReliabilityRow[];
  measures: MeasureDefinition[];
  /** By document (in the chosen order), then start, end and id. */
  disagreements: ReliabilityDisagreement[];
  notes: string[];
}

/** Every column the report can hold, with its definition and reference. */
const MEASURE_DEFINITIONS: readonly MeasureDefinition[] = [
  {
    key: 'percentAgreement',
    name: 'Percent agreement',
    definition:
      'The share (0–1) of agreeing coder pairs per character, averaged over the characters: per code, whether each coder coded the character with it; overall, whether they applied the same set of codes. Not corrected for chance.',
    reference: 'Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters. Psychological Bulletin, 76(5), 378–382 (the mean pairwise agreement P̄).',
  },
  {
    key: 'cohenKappa',
    name: "Cohen's κ",
    definition: "Two coders: (p_o − p_e)/(1 − p_e) over characters, with p_e from each coder's own distribution of values.",
    reference: 'Cohen, J. (1960). A coefficient of agreement for nominal scales. Educational and Psychological Measurement, 20(1), 37–46.',
  },
  {
    key: 'fleissKappa',
    name: "Fleiss' κ",
    definition: 'Three or more coders: (P̄ − P̄_e)/(1 − P̄_e) over characters, with P̄_e from the values of all coders pooled.',
    reference: 'Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters. Psychological Bulletin, 76(5), 378–382.',
  },
  {
    key: 'alphaNominal',
    name: "Krippendorff's α (nominal)",
    definition: '1 − D_o/D_e from the coincidences of values over characters, nominal metric. Undefined when all values are the same.',
    reference:
      "Krippendorff, K. (2004). Content Analysis: An Introduction to Its Methodology (2nd ed.), the chapter on reliability; Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for Communication Departmental Papers 43.",
  },
  {
    key: 'alphaNominalCi',
    name: 'α confidence interval',
    definition:
      'Percentile bootstrap interval of nominal α: characters drawn with replacement, α recomputed on each resample. Treats characters as independent, which neighbouring characters are not, so the interval is too narrow.',
    reference: 'Efron, B., & Tibshirani, R. J. (1993). An Introduction to the Bootstrap. Chapman & Hall, ch. 13.',
  },
  {
    key: 'alphaU',
    name: 'α_U (unitizing)',
    definition:
      "Agreement on where each code's passages begin and end: squared differences of the boundaries of overlapping passages (and of passages against uncoded stretches), against the disagreement expected by chance. Overall: mean D_o over mean D_e of the codes.",
    reference:
      'Krippendorff, K. (1995). On the reliability of unitizing continuous data. Sociological Methodology, 25, 47–76; Krippendorff, K. (2004). Content Analysis: An Introduction to Its Methodology (2nd ed.), the chapter on reliability (worked example p. 254). Computed as DKPro Agreement does.',
  },
  {
    key: 'uAlpha',
    name: 'u-α',
    definition:
      'Per code: |u-α, agreement on which text carries the code and which does not; overall: u-α, agreement on the whole segmentation with its codes. Needs each coder’s codes not to overlap.',
    reference:
      'Krippendorff, K., Mathet, Y., Bouvry, S., & Widlöcher, A. (2016). On the reliability of unitizing textual continua: Further developments. Quality & Quantity, 50, 2347–2364. Reproduces the worked example of Krippendorff, K. (2019). Content Analysis (4th ed.), §12.6, Fig. 12.11.',
  },
  {
    key: 'cuAlpha',
    name: 'cu-α',
    definition: 'Overall only: agreement on the codes of the text that coders both coded, ignoring where they disagree on coding at all.',
    reference:
      'Krippendorff, Mathet, Bouvry & Widlöcher (2016), Quality & Quantity, 50, 2347–2364. Reproduces the worked example of Krippendorff (2019), Content Analysis (4th ed.), §12.6, Fig. 12.11 (three coders).',
  },
  {
    key: 'segmentAgreement',
    name: 'Segment agreement',
    definition:
      'A segment agrees when the other coder gave the same code to a segment of the same document sharing at least the chosen share of the characters either covers; percent of agreeing segments of both coders, pooled over coder pairs.',
    reference: 'VERBI Software, MAXQDA manual: Intercoder Agreement (segment-level agreement with a minimum overlap).',
  },
  {
    key: 'segments',
    name: 'Segments',
    definition: 'The number of segments each coder coded with the code (overall: with any chosen code) in the chosen documents.',
    reference: '—',
  },
];

/** The bootstrap's coverage. */
const CONFIDENCE = 0.95;

/**
 * The reliability report of `options.coders` on `options.documentIds` for `options.codeIds`.
 *
 * Characters are the units, counted in code points. Segments of other coders, documents or codes
 * are ignored, and so are segments with end ≤ start. Throws a `RangeError` for fewer than two
 * coders, an unknown document or code, a code id holding U+001F, or a segment whose offsets lie
 * outside its text or inside a surrogate pair; as `segmentAgreement` for a bad `minOverlap` and as
 * `bootstrapAlpha` for bad bootstrap settings. Pure: the same input gives the same report.
 */
export function reliabilityReport(input: ReliabilityInput, options: ReliabilityOptions): ReliabilityReport {
  const steps = reliabilityReportSteps(input, options);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/**
 * `reliabilityReport` step by step: it yields how far the bootstrap is (the only part whose time
 * grows with the samples asked for), so that a caller can keep other work going, show progress
 * or stop; it returns the same report.
 */
export function* reliabilityReportSteps(input: ReliabilityInput, options: ReliabilityOptions): Generator<StepProgress, ReliabilityReport> {
  const data = characterData(input, options);
  const { coders, codeIds, continua, spans } = data;
  const m = coders.length;
  const bootstrap = options.bootstrap === undefined ? null : { ...options.bootstrap, confidence: CONFIDENCE };
  const pairs = pairwiseSegmentAgreement(spans, { coders, codes: codeIds, minOverlap: options.minOverlap });

  // The overall runs are the finest partition: every code's 0/1 columns are read off them, so all
  // rows share the runs, their weights and the bootstrap's draws.
  const overall = characterUnits(spans, continua, { coders });
  const sets = overall.columns.map((column) => column.map((key) => new Set(key === '' ? [] : key.split(CODE_SET_SEPARATOR))));
  const columnsOf = (codeId: string | null): Array<Array<string | number>> =>
    codeId === null ? overall.columns : sets.map((column) => column.map((set) => (set.has(codeId) ? 1 : 0)));
  const rowIds: Array<string | null> = [...codeIds, null];
  const columns = rowIds.map(columnsOf);
  const weights = overall.weights;
  const prepared = columns.map((runs) => pairableUnitsOf(transpose(runs, m), 'nominal'));
  const intervals = bootstrap === null ? null : yield* bootstrapAlphaIntervalSteps(prepared, weights, bootstrap);

  const alphaU = unitizingAlphaU(spans, continua, { coders, codes: codeIds });
  const notes: string[] = [];
  const whole2016 = (measure: typeof uAlpha): number | null => {
    try {
      return measure(spans, continua, { coders, codes: codeIds }).alpha;
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      const note = `u-α and cu-α over all codes are not given (offsets in code points): ${error.message}`;
      if (!notes.includes(note)) notes.push(note);
      return null;
    }
  };
  const overallU = whole2016(uAlpha);
  const overallCu = whole2016(cuAlpha);

  const rows = rowIds.map((codeId, row): ReliabilityRow => {
    const units = { columns: columns[row], weights };
    const counts = pairs.map((pair) => (codeId === null ? pair.overall : pair.byCode[codeId]));
    const agreements = counts.reduce((sum, c) => sum + c.agreements, 0);
    const disagreements = counts.reduce((sum, c) => sum + c.disagreements, 0);
    const segments = Object.fromEntries(coders.map((coder) => [coder, 0]));
    for (const span of spans) if (codeId === null || span.code === codeId) segments[span.coder]++;
    return {
      codeId,
      label: codeId === null ? 'All codes (overall)' : codeLabel(input.codes, codeId),
      measures: {
        percentAgreement: weightedPercentAgreement(units),
        cohenKappa: m === 2 ? weightedCohenKappa(units) : null,
        fleissKappa: m >= 3 ? weightedFleissKappa(units) : null,
        alphaNominal: alphaOfUnits(prepared[row], weights).alpha,
        alphaNominalCi: intervals?.[row] ?? null,
        alphaU: codeId === null ? alphaU.overall.alpha : alphaU.byCode[codeId].alpha,
        uAlpha: codeId === null ? overallU : binaryUAlpha(spans, continua, { coders, codes: [codeId] }).alpha,
        cuAlpha: codeId === null ? overallCu : null,
        segmentAgreement: {
          percent: agreements + disagreements === 0 ? Number.NaN : (100 * agreements) / (agreements + disagreements),
          agreements,
          disagreements,
        },
        segments,
      },
    };
  });

  const report: ReliabilityReport = {
    coders,
    documents: data.documentIds.length,
    documentIds: data.documentIds,
    units: weights.reduce((sum, weight) => sum + weight, 0),
    codeIds,
    minOverlap: options.minOverlap,
    bootstrap,
    rows,
    measures: MEASURE_DEFINITIONS.filter(
      (measure) =>
        (measure.key !== 'cohenKappa' || m === 2) &&
        (measure.key !== 'fleissKappa' || m >= 3) &&
        (measure.key !== 'alphaNominalCi' || bootstrap !== null),
    ),
    disagreements: disagreementsOf(pairs.flatMap((pair) => pair.disagreements), coders, data.documentIds),
    notes,
  };
  report.notes.unshift(...notesOf(report, data));
  return report;
}

/** A chosen segment with offsets in code points, keeping its id and its UTF-16 offsets. */
export interface CodePointSpan extends Span {
  id: string;
  utf16Start: number;
  utf16End: number;
}

/** The chosen data, checked, with offsets and lengths in code points. */
export interface CharacterData {
  coders: string[];
  documentIds: string[];
  codeIds: string[];
  /** The chosen documents, lengths in code points. */
  continua: Continuum[];
  /** The chosen segments that cover something, in code points. */
  spans: CodePointSpan[];
  /** Chosen segments with end ≤ start, which cover nothing and are left out. */
  emptySegments: number;
}

/**
 * Checks the options against the input and converts the chosen segments to code points (errors
 * as `reliabilityReport`). Lists are de-duplicated, their order kept.
 */
export function characterData(
  input: ReliabilityInput,
  options: Pick<ReliabilityOptions, 'coders' | 'documentIds' | 'codeIds'>,
): CharacterData {
  const coders = [...new Set(options.coders)];
  if (coders.length < 2) throw new RangeError(`Reliability compares at least two coders; ${coders.length} chosen.`);
  const documentIds = [...new Set(options.documentIds)];
  const codeIds = [...new Set(options.codeIds)];
  const texts = new Map(input.documents.map((document) => [document.id, document.text]));
  const known = new Set(input.codes.map((code) => code.id));
  for (const id of documentIds) if (!texts.has(id)) throw new RangeError(`There is no document "${id}".`);
  for (const id of codeIds) {
    if (!known.has(id)) throw new RangeError(`There is no code "${id}".`);
    if (id.includes(CODE_SET_SEPARATOR)) throw new RangeError(`The code id "${id}" holds U+001F, which the code sets use.`);
  }
  const indexes = new Map(documentIds.map((id) => [id, new CodePointIndex(texts.get(id) as string)]));
  const chosenCoders = new Set(coders);
  const chosenCodes = new Set(codeIds);
  const spans: CodePointSpan[] = [];
  let emptySegments = 0;
  for (const segment of input.segments) {
    const index = indexes.get(segment.documentId);
    if (index === undefined || !chosenCoders.has(segment.coder) || !chosenCodes.has(segment.codeId)) continue;
    let start: number;
    let end: number;
    try {
      start = index.toCodePoints(segment.start);
      end = index.toCodePoints(segment.end);
    } catch (error) {
      throw new RangeError(`Segment "${segment.id}" (${segment.start}–${segment.end}) does not fit its text: ${(error as Error).message}.`);
    }
    if (end <= start) {
      emptySegments++;
      continue;
    }
    const { id, documentId: document, codeId: code, coder } = segment;
    spans.push({ id, coder, code, document, start, end, utf16Start: segment.start, utf16End: segment.end });
  }
  const continua = documentIds.map((document) => ({ document, length: (indexes.get(document) as CodePointIndex).codePointLength }));
  return { coders, documentIds, codeIds, continua, spans, emptySegments };
}

/** Runs × coders to coders × runs. */
function transpose<V>(columns: ReadonlyArray<ReadonlyArray<V>>, coders: number): V[][] {
  return Array.from({ length: coders }, (_, c) => columns.map((column) => column[c]));
}

/**
 * The disagreements of every coder pair as segment/closest-segment versions, each pair of
 * versions once (A's unmatched segment and B's closest one may be listed from both sides).
 */
function disagreementsOf(
  found: ReadonlyArray<SegmentDisagreement<CodePointSpan>>,
  coders: readonly string[],
  documentIds: readonly string[],
): ReliabilityDisagreement[] {
  const order = new Map(coders.map((coder, index) => [coder, index]));
  const documentOrder = new Map(documentIds.map((id, index) => [id, index]));
  const unique = new Map<string, ReliabilityDisagreement>();
  for (const { segment, otherCoder, closest } of found) {
    const versions: DisagreementVersion[] = [
      { coder: segment.coder, segmentId: segment.id, start: segment.utf16Start, end: segment.utf16End },
      closest === null
        ? { coder: otherCoder, segmentId: null, start: null, end: null }
        : { coder: otherCoder, segmentId: closest.id, start: closest.utf16Start, end: closest.utf16End },
    ].sort((a, b) => (order.get(a.coder) as number) - (order.get(b.coder) as number));
    const id = versions.map((version) => version.segmentId ?? `none:${version.coder}`).join('~');
    if (unique.has(id)) continue;
    const starts = versions.flatMap((version) => (version.start === null ? [] : [version.start]));
    const ends = versions.flatMap((version) => (version.end === null ? [] : [version.end]));
    unique.set(id, {
      id,
      documentId: segment.document,
      codeId: segment.code,
      start: Math.min(...starts),
      end: Math.max(...ends),
      versions,
    });
  }
  return [...unique.values()].sort(
    (a, b) =>
      (documentOrder.get(a.documentId) as number) - (documentOrder.get(b.documentId) as number) ||
      a.start - b.start ||
      a.end - b.end ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** The code's name with its parents', "parent / child". */
function codeLabel(codes: ReliabilityInput['codes'], codeId: string): string {
  const byId = new Map(codes.map((code) => [code.id, code]));
  const names: string[] = [];
  for (let code = byId.get(codeId); code !== undefined && names.length <= codes.length; ) {
    names.unshift(code.name);
    code = code.parentId === null ? undefined : byId.get(code.parentId);
  }
  return names.join(' / ');
}

/** What a reader of the figures needs to know about how they were made. */
function notesOf(report: ReliabilityReport, data: CharacterData): string[] {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const notes = [
    `Characters are the units of percent agreement, κ and α, counted in Unicode code points (an emoji is one character): ${plural(report.units, 'character')} in ${plural(report.documents, 'document')}. Segment offsets are converted from the UTF-16 code units the workbench stores; the span coefficients use the same code points.`,
    'Every chosen coder is taken to have coded every chosen document: text a coder did not code counts as "not coded", not as missing.',
    'Per code, each character is coded (1) or not (0) by each coder; in the overall row, its value is the set of chosen codes the coder applied to it (no code is a value too).',
    `Segment agreement: two segments of a code match when their shared characters are at least ${report.minOverlap} % of the characters either covers${report.coders.length > 2 ? `; the counts are pooled over all ${plural((report.coders.length * (report.coders.length - 1)) / 2, 'pair')} of coders, so each segment counts once per pair it belongs to` : ''}.`,
    'u-α and cu-α (Krippendorff, Mathet, Bouvry & Widlöcher 2016) reproduce the worked example of Krippendorff (2019, Content Analysis, 4th ed., §12.6, Fig. 12.11) for three coders; they are given for any number of coders.',
  ];
  const unused = report.rows.filter((row) => row.codeId !== null && Object.values(row.measures.segments).every((n) => n === 0));
  if (unused.length > 0) {
    notes.push(`No chosen coder applied ${unused.map((row) => `"${row.label}"`).join(', ')}: a code nobody used gives no α, κ or α_U (undefined, left blank).`);
  }
  if (report.bootstrap !== null) {
    notes.push(
      `α intervals: ${report.bootstrap.confidence * 100} % percentile bootstrap, ${report.bootstrap.samples} resamples of the characters, seed ${report.bootstrap.seed}. Characters are resampled as if independent; neighbouring characters are not, so the intervals understate the uncertainty.`,
    );
  }
  if (data.emptySegments > 0) notes.push(`${plural(data.emptySegments, 'segment')} with no characters (end ≤ start) left out.`);
  return notes;
}
