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
 * The inputs, checked and converted, are in `character-data.ts`, the columns in
 * `measure-definitions.ts`, the disagreements in `report-disagreements.ts`, the exports of the
 * report in `reliability-exports.ts`, and nominal α with its bootstrap interval, which resamples
 * coded stretches rather than characters, in `stretch-bootstrap.ts`.
 */
import { type StepProgress } from './bootstrap';
import { codeSetHolds, numberedCharacterRuns } from './character-units';
import { characterData, type BootstrapUnit, type CharacterData, type ReliabilityInput, type ReliabilityOptions } from './character-data';
import { MEASURE_DEFINITIONS, type MeasureDefinition } from './measure-definitions';
import { disagreementsOf, type ReliabilityDisagreement } from './report-disagreements';
import { pairwiseSegmentAgreement } from './segment-agreement';
import {
  clusterBootstrapSteps,
  clusterCoincidences,
  clusteredAlpha,
  documentClusters,
  MIN_BOOTSTRAP_CLUSTERS,
  MIN_DOCUMENT_CLUSTERS,
  stretchClusters,
  type ClusterInterval,
} from './stretch-bootstrap';
import { binaryUAlpha, cuAlpha, uAlpha } from './unitizing-2016';
import type { Span } from './continuum';
import { unitizingAlphaU } from './unitizing-alpha';
import { weightedCohenKappa, weightedFleissKappa, weightedPercentAgreement, type NumberedUnits } from './weighted-agreement';

/** The figures of one row; `NaN` where a coefficient is undefined, `null` where it does not apply. */
export interface ReliabilityMeasures {
  /** Share of agreeing coder pairs per character, 0–1 (per code: coded or not; overall: the code set). */
  percentAgreement: number;
  /** Two coders only. */
  cohenKappa: number | null;
  /** Three or more coders only. */
  fleissKappa: number | null;
  alphaNominal: number;
  /**
   * Only with `bootstrap`: the interval and how many resamples gave a defined α; bounds `NaN` when
   * α itself is undefined or there are too few clusters to resample (the notes say which).
   */
  alphaNominalCi: ClusterInterval | null;
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

/** How the intervals of α were made. */
export interface ReliabilityBootstrap {
  samples: number;
  seed: number;
  confidence: number;
  /**
   * The unit resampled (`stretch-bootstrap.ts`): coded stretches, each with the uncoded text before
   * it, and documents nobody coded, each whole; or every document whole.
   */
  unit: BootstrapUnit;
  /** How many clusters the compared documents hold: each resample draws as many. */
  clusters: number;
  /** Of them, those with coding (coded stretches, or documents someone coded); the rest are documents nobody coded. */
  codedClusters: number;
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
  /** The bootstrap settings and what it resampled, or null when no intervals were computed. */
  bootstrap: ReliabilityBootstrap | null;
  /** One row per code, in the chosen order, then the overall row. */
  rows: ReliabilityRow[];
  measures: MeasureDefinition[];
  /** By document (in the chosen order), then start, end and id; empty when `listDisagreements` was false. */
  disagreements: ReliabilityDisagreement[];
  notes: string[];
}

/** The bootstrap's coverage. */
const CONFIDENCE = 0.95;

/**
 * Fewer clusters than this make a bootstrap interval unreliable, and the report says so; it still
 * gives the interval from `MIN_BOOTSTRAP_CLUSTERS` up (see `notesOf`).
 */
const RELIABLE_CLUSTERS = 30;

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
  const listDisagreements = options.listDisagreements ?? true;
  const pairs = pairwiseSegmentAgreement(spans, { coders, codes: codeIds, minOverlap: options.minOverlap, listDisagreements });

  // The overall runs are the finest partition: every code's 0/1 columns are read off them, so all
  // rows share the runs and their weights. Each distinct code set is split once, not once per run,
  // and a code's 0/1 values are read off the sets' numbers.
  const overall = numberedCharacterRuns(spans, continua, coders);
  const holds = codeSetHolds(overall.keys, codeIds);
  const { weights } = overall;
  const unitsOf = (row: number): NumberedUnits => {
    if (row === codeIds.length) return { coders: m, kinds: overall.keys.length, values: overall.values, weights };
    const codeHolds = holds[row];
    const values = new Uint8Array(overall.values.length);
    for (let i = 0; i < values.length; i++) values[i] = codeHolds[overall.values[i]];
    return { coders: m, kinds: 2, values, weights };
  };
  const rowIds: Array<string | null> = [...codeIds, null];
  // Segments per code and coder, in one pass.
  const segmentsOf = new Map<string | null, Record<string, number>>(rowIds.map((codeId) => [codeId, Object.fromEntries(coders.map((coder) => [coder, 0]))]));
  for (const span of spans) {
    const own = segmentsOf.get(span.code);
    if (own !== undefined) own[span.coder]++;
    segmentsOf.get(null)![span.coder]++;
  }
  // Nominal α and its interval come from the coincidences of the coded stretches (the clusters the
  // bootstrap resamples); every row in the order of `rowIds`.
  const unit = options.bootstrap?.unit ?? 'coded-stretch';
  const clusters = unit === 'document' ? documentClusters(spans, continua) : stretchClusters(spans, continua);
  if (options.bootstrap !== undefined && unit === 'document' && clusters.length < MIN_DOCUMENT_CLUSTERS) {
    throw new RangeError(`Resampling whole documents needs at least ${MIN_DOCUMENT_CLUSTERS} documents with text, not ${clusters.length}.`);
  }
  const coincidences = clusterCoincidences(overall, codeIds, clusters);
  const bootstrap: ReliabilityBootstrap | null =
    options.bootstrap === undefined
      ? null
      : {
          ...options.bootstrap,
          confidence: CONFIDENCE,
          unit,
          clusters: clusters.length,
          codedClusters: clusters.filter((cluster) => cluster.coded).length,
        };
  const intervals = bootstrap === null ? null : yield* clusterBootstrapSteps(coincidences, bootstrap);

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
  // |u-α of a code reads only that code's spans: each is given its own, found in one pass.
  const spansOfCode = new Map<string, Span[]>(codeIds.map((codeId) => [codeId, []]));
  for (const span of spans) spansOfCode.get(span.code)?.push(span);

  const rows = rowIds.map((codeId, row): ReliabilityRow => {
    const units = unitsOf(row);
    const counts = pairs.map((pair) => (codeId === null ? pair.overall : pair.byCode[codeId]));
    const agreements = counts.reduce((sum, c) => sum + c.agreements, 0);
    const disagreements = counts.reduce((sum, c) => sum + c.disagreements, 0);
    const segments = segmentsOf.get(codeId)!;
    return {
      codeId,
      label: codeId === null ? 'All codes (overall)' : codeLabel(input.codes, codeId),
      measures: {
        percentAgreement: weightedPercentAgreement(units),
        cohenKappa: m === 2 ? weightedCohenKappa(units) : null,
        fleissKappa: m >= 3 ? weightedFleissKappa(units) : null,
        alphaNominal: clusteredAlpha(coincidences[row]),
        alphaNominalCi: intervals?.[row] ?? null,
        alphaU: codeId === null ? alphaU.overall.alpha : alphaU.byCode[codeId].alpha,
        uAlpha: codeId === null ? overallU : binaryUAlpha(spansOfCode.get(codeId)!, continua, { coders, codes: [codeId] }).alpha,
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
    disagreements: listDisagreements ? disagreementsOf(pairs.flatMap((pair) => pair.disagreements), coders, data.documentIds) : [],
    notes,
  };
  report.notes.unshift(...notesOf(report, data));
  return report;
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
  const plural = (n: number, word: string, words = `${word}s`) => `${n} ${n === 1 ? word : words}`;
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
    const { confidence, samples, seed, clusters, codedClusters, unit } = report.bootstrap;
    const uncoded = clusters - codedClusters;
    const cited = 'a cluster bootstrap: Davison & Hinkley 1997, §3.8; Field & Welsh 2007), in the spirit of Hayes & Krippendorff (2007), whose KALPHA bootstrap resamples pairable values instead.';
    notes.push(
      unit === 'document'
        ? `α intervals: ${confidence * 100} % percentile bootstrap over whole documents, ${samples} resamples of the ${plural(clusters, 'document')}` +
            `${uncoded > 0 ? ` (${uncoded} of them nobody coded)` : ''}, seed ${seed}. ` +
            `The characters of a text are not independent, nor perhaps are the passages of one document, so whole documents are resampled (${cited} Only the documents are taken to be independent.`
        : `α intervals: ${confidence * 100} % percentile bootstrap over clusters of text, ${samples} resamples of the ${plural(clusters, 'cluster')} (${plural(codedClusters, 'coded stretch', 'coded stretches')}${uncoded > 0 ? ` and ${plural(uncoded, 'document', 'documents')} nobody coded` : ''}), seed ${seed}. ` +
            `The characters of a text are not independent, so whole clusters are resampled (${cited} A coded stretch is a passage covered without a break by segments of the chosen coders and codes (overlapping segments join one stretch), taken together with the uncoded text before it; a document nobody coded is one cluster. Stretches, also those of one document, are taken to be independent${report.documents >= MIN_DOCUMENT_CLUSTERS ? '; with this many documents, whole documents can be resampled instead' : ''}.`,
    );
    if (clusters < MIN_BOOTSTRAP_CLUSTERS) {
      notes.push(
        `No α interval: the compared text forms only ${plural(clusters, 'cluster')}, so every resample would be the same text and the interval would have zero width. Overlapping segments join one coded stretch, so coding that overlaps throughout forms a single one.`,
      );
    } else if (clusters < RELIABLE_CLUSTERS) {
      notes.push(
        `Only ${plural(clusters, 'cluster')} to resample: with fewer than ${RELIABLE_CLUSTERS} the bootstrap interval is unreliable (it tends to be too narrow, and few distinct resamples make it coarse). It is given, but read it as a rough indication.`,
      );
    }
    const dropped = report.rows.filter((row) => row.measures.alphaNominalCi !== null && row.measures.alphaNominalCi.validResamples < samples && row.measures.alphaNominalCi.validResamples > 0);
    if (dropped.length > 0) {
      notes.push(
        `On some resamples α was undefined (every drawn value the same) and they were left out of the interval: ${dropped.map((row) => `"${row.label}" ${row.measures.alphaNominalCi!.validResamples} of ${samples} valid`).join(', ')}.`,
      );
    }
  }
  if (data.emptySegments > 0) notes.push(`${plural(data.emptySegments, 'segment')} with no characters (end ≤ start) left out.`);
  return notes;
}
