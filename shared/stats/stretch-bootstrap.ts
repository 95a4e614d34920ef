/**
 * The bootstrap interval of nominal α over characters, resampling coded stretches as clusters.
 *
 * Why not characters: the characters of a text are not independent units. A coder codes a passage,
 * not a character, so the value of one character all but fixes its neighbours'; drawing characters
 * with replacement treats a 200-character passage as 200 independent observations and gives an
 * interval far too narrow (the coverage test shows it covering the true α in well under half the
 * runs where it should in 95 %).
 *
 * What is resampled instead: the stretches of coded text. A coded stretch is a maximal passage of
 * one document in which every position lies inside some chosen coder's segment of a chosen code
 * (segments that overlap, of any coder, join one stretch — so a chain of overlapping segments is
 * one stretch however long; segments that merely touch do not). Each stretch forms one cluster
 * together with the uncoded text before it; the uncoded text after the last stretch of a document
 * joins that last cluster. A document nobody coded has no coded stretch: it is one cluster of its
 * own, an uncoded one. Every character belongs to exactly one cluster, so the clusters cover the
 * compared text.
 *
 * The interval is a cluster (unit) bootstrap of α (Davison & Hinkley 1997, §3.8; Field & Welsh
 * 2007): each resample draws as many clusters as there are, with replacement, α is recomputed from
 * the coincidences of the drawn clusters, each cluster's characters kept together, and the
 * percentile interval is read off the resampled α's. It is in the spirit of Hayes & Krippendorff
 * (2007), who bootstrap α to give it an interval, but not their procedure: their KALPHA bootstrap
 * resamples pairable values from the coincidence matrix with the expected disagreement D_e held
 * fixed (see `bootstrap.ts`), which would again treat neighbouring characters as independent. The
 * characters of one cluster are dependent; different clusters — and so also the stretches of one
 * document — are taken to be independent.
 *
 * Where the stretches of one document may depend on each other (one coder's habits in one text),
 * whole documents can be the clusters instead (`documentClusters`), given enough of them.
 *
 * With fewer than two clusters there is nothing to resample (every resample is the data itself),
 * so no interval is given (`NaN` bounds) rather than one of zero width.
 *
 *   Hayes, A. F., & Krippendorff, K. (2007). Answering the call for a standard reliability measure
 *   for coding data. Communication Methods and Measures, 1(1), 77–89.
 *   Davison, A. C., & Hinkley, D. V. (1997). Bootstrap Methods and their Application. Cambridge
 *   University Press, §3.8 (hierarchical data).
 *   Field, C. A., & Welsh, A. H. (2007). Bootstrapping clustered data. Journal of the Royal
 *   Statistical Society B, 69(3), 369–390.
 *
 * Nominal α needs only two sums per cluster and row: how many values of each kind it holds (n_uc)
 * and its agreeing pairs (Σ_c o_ucc). With n_c = Σ_u n_uc, n = Σ_c n_c and A = Σ_u Σ_c o_ucc,
 *
 *   α = 1 − (n − 1)(n − A) / (n² − Σ_c n_c²)
 *
 * which is Krippendorff's (2011) 1 − (n − 1)·Σ_{c≠k} o_ck / Σ_{c≠k} n_c n_k for the nominal metric.
 * A resample only re-weights those sums, so it costs as much as the clusters have distinct values,
 * never as much as the text has characters.
 */
import { checkBootstrapOptions, percentileInterval, type ConfidenceInterval, type StepProgress } from './bootstrap';
import { codeSetHolds, numberedRunsOf, type CharacterUnits, type NumberedRuns } from './character-units';
import type { Continuum, Span } from './continuum';
import { mulberry32 } from '../model/seeded-random';

/**
 * A cluster of the bootstrap: [start, end) of `document`, a coded stretch with the uncoded text
 * before it (`coded`), or the whole of a document nobody coded (not `coded`).
 */
export interface StretchCluster {
  document: string;
  start: number;
  end: number;
  coded: boolean;
}

/**
 * One cluster per document of non-zero length (in the order of `continua`), `coded` when a span
 * of the chosen coders and codes covers some of it: for resampling whole documents, which takes
 * the stretches of one document as dependent and only the documents as independent.
 */
export function documentClusters(spans: readonly Span[], continua: readonly Continuum[]): StretchCluster[] {
  const coded = new Set(spans.filter((span) => span.end > span.start).map((span) => span.document));
  return continua.filter(({ length }) => length > 0).map(({ document, length }) => ({ document, start: 0, end: length, coded: coded.has(document) }));
}

/** Resampling whole documents needs at least this many of them, as the report's warning asks of any cluster. */
export const MIN_DOCUMENT_CLUSTERS = 30;

/** Fewer clusters than this leave nothing to resample: every resample would be the data itself. */
export const MIN_BOOTSTRAP_CLUSTERS = 2;

/** A bootstrap percentile interval, and how many resamples it was read off. */
export interface ClusterInterval extends ConfidenceInterval {
  /**
   * The resamples on which α was defined: the interval's quantiles are of these. Resamples on
   * which it is undefined (every drawn value the same) are left out; 0 when there is no interval.
   */
  validResamples: number;
}

/**
 * The clusters of `continua` (in their order, then of the text) for the spans of the chosen coders
 * and codes: see the module comment. Spans with end ≤ start cover nothing and are left out;
 * documents of length 0 have no cluster. Offsets as in the spans (the report uses code points).
 */
export function stretchClusters(spans: readonly Span[], continua: readonly Continuum[]): StretchCluster[] {
  const byDocument = new Map<string, Array<{ start: number; end: number }>>();
  for (const span of spans) {
    if (span.end <= span.start) continue;
    let list = byDocument.get(span.document);
    if (list === undefined) byDocument.set(span.document, (list = []));
    list.push({ start: span.start, end: span.end });
  }
  const clusters: StretchCluster[] = [];
  for (const { document, length } of continua) {
    if (length <= 0) continue;
    const list = (byDocument.get(document) ?? []).sort((a, b) => a.start - b.start);
    // Starts of the stretches: a span that begins at or after the end of all before it opens one.
    const starts: number[] = [];
    let reach = Number.NEGATIVE_INFINITY;
    for (const { start, end } of list) {
      if (start >= reach) starts.push(start);
      reach = Math.max(reach, end);
    }
    // The first cluster takes the uncoded text before the first stretch; a document with no
    // stretch is one uncoded cluster.
    const coded = starts.length > 0;
    starts[0] = 0;
    starts.forEach((start, i) => clusters.push({ document, start, end: i + 1 < starts.length ? starts[i + 1] : length, coded }));
  }
  return clusters;
}

/**
 * One row's nominal coincidences, cluster by cluster (compressed rows): cluster u holds, for the
 * entries `offsets[u]` to `offsets[u + 1]`, `amounts[e]` values of kind `kinds[e]`, and
 * `agreeing[u]` agreeing pairs (its diagonal Σ_c o_ucc).
 */
export interface ClusterCoincidences {
  /** The number of kinds of value (the row's distinct values). */
  kinds: number;
  offsets: Uint32Array;
  kindOf: Uint32Array;
  amounts: Float64Array;
  agreeing: Float64Array;
}

/**
 * Per row of a report — one per code in `codeIds` (coded 1 or not 0), then the overall row (the
 * set of codes) — the coincidences of each cluster, read off the overall character runs `units`
 * (values: code-set keys, one per coder). A run that straddles a cluster boundary is split there.
 * Every coder has a value in every run, so every character holds one value per coder. The runs may
 * come as `numberedCharacterRuns` gives them, the form a report reads.
 */
export function clusterCoincidences(
  units: CharacterUnits<string> | NumberedRuns,
  codeIds: readonly string[],
  clusters: readonly StretchCluster[],
): ClusterCoincidences[] {
  const runs = 'keys' in units ? units : numberedRunsOf(units);
  const m = runs.coders.length;
  const rows = codeIds.length + 1;
  const overall = codeIds.length;
  const { values, keys } = runs;
  const holds = codeSetHolds(keys, codeIds);
  // Per row, the current cluster's sum of each kind (0 where it has none yet) and the kinds it
  // has, in the order first met; the kinds of the current run, per row and coder.
  const sums = Array.from({ length: rows }, (_, row) => new Float64Array(row === overall ? keys.length : 2));
  const met: number[][] = Array.from({ length: rows }, () => []);
  const kinds = new Uint32Array(rows * m);
  const agreeing = Array.from({ length: rows }, () => new Float64Array(clusters.length));
  const offsets = Array.from({ length: rows }, () => [0]);
  const kindOf: number[][] = Array.from({ length: rows }, () => []);
  const amounts: number[][] = Array.from({ length: rows }, () => []);

  const add = (run: number, weight: number, cluster: number) => {
    for (let c = 0; c < m; c++) {
      const set = values[run * m + c];
      for (let row = 0; row < overall; row++) kinds[row * m + c] = holds[row][set];
      kinds[overall * m + c] = set;
    }
    for (let row = 0; row < rows; row++) {
      const base = row * m;
      const rowSums = sums[row];
      let pairs = 0;
      for (let c = 0; c < m; c++) {
        const kind = kinds[base + c];
        // Σ_c n_c(n_c − 1) over the values of a unit is Σ over its values of (same − 1).
        for (let d = 0; d < m; d++) if (d !== c && kinds[base + d] === kind) pairs++;
        if (rowSums[kind] === 0) met[row].push(kind);
        rowSums[kind] += weight;
      }
      agreeing[row][cluster] += (weight * pairs) / (m - 1);
    }
  };
  const close = () => {
    for (let row = 0; row < rows; row++) {
      const rowSums = sums[row];
      for (const kind of met[row]) {
        kindOf[row].push(kind);
        amounts[row].push(rowSums[kind]);
        rowSums[kind] = 0;
      }
      met[row].length = 0;
      offsets[row].push(kindOf[row].length);
    }
  };

  let cluster = 0;
  for (let r = 0; r < runs.weights.length; r++) {
    const document = runs.documents[runs.runDocuments[r]];
    const runEnd = runs.runEnds[r];
    for (let at = runs.runStarts[r]; at < runEnd; ) {
      while (clusters[cluster].document !== document || clusters[cluster].end <= at) {
        close();
        cluster++;
      }
      const end = Math.min(runEnd, clusters[cluster].end);
      add(r, end - at, cluster);
      at = end;
    }
  }
  while (cluster < clusters.length) {
    close();
    cluster++;
  }
  return Array.from({ length: rows }, (_, row) => ({
    kinds: row === overall ? keys.length : 2,
    offsets: Uint32Array.from(offsets[row]),
    kindOf: Uint32Array.from(kindOf[row]),
    amounts: Float64Array.from(amounts[row]),
    agreeing: agreeing[row],
  }));
}

/**
 * Nominal α of the clusters, cluster u counted `drawn[u]` times (every cluster once without it);
 * `NaN` when fewer than two values are pairable or all values are the same. `totals` is scratch
 * space of at least `row.kinds` numbers.
 */
export function clusteredAlpha(row: ClusterCoincidences, drawn?: ArrayLike<number>, totals = new Float64Array(row.kinds)): number {
  return alphaOfDrawn(row, drawn ?? new Uint32Array(row.agreeing.length).fill(1), totals);
}

/**
 * `clusteredAlpha` with every argument given, its hot loop kept to one shape of input (typed
 * arrays), which lets the engine optimise it for the bootstrap's thousands of calls.
 */
function alphaOfDrawn(row: ClusterCoincidences, drawn: ArrayLike<number>, totals: Float64Array): number {
  const { offsets, kindOf, amounts, agreeing } = row;
  totals.fill(0, 0, row.kinds);
  let agree = 0;
  for (let u = 0; u < agreeing.length; u++) {
    const times = drawn[u];
    if (times === 0) continue;
    agree += times * agreeing[u];
    const last = offsets[u + 1];
    for (let e = offsets[u]; e < last; e++) totals[kindOf[e]] += times * amounts[e];
  }
  let n = 0;
  let squares = 0;
  for (let k = 0; k < row.kinds; k++) {
    n += totals[k];
    squares += totals[k] * totals[k];
  }
  const expected = n * n - squares;
  if (n < 2 || !(expected > 0)) return Number.NaN;
  return 1 - ((n - 1) * (n - agree)) / expected;
}

/**
 * The percentile intervals of every row's nominal α, resampling the clusters (see the module
 * comment), step by step: it yields its progress every few resamples so that a caller can report
 * it or stop, and returns one interval per row. Every row is recomputed on the same draws; a
 * resample on which a row's α is undefined is left out of that row's interval (each interval says
 * how many it kept), and a row whose α is undefined on the data gets `NaN` bounds. With fewer than
 * `MIN_BOOTSTRAP_CLUSTERS` clusters nothing is drawn and every row gets `NaN` bounds. Deterministic
 * for a given seed; throws on invalid options as `bootstrapAlpha`.
 */
export function* clusterBootstrapSteps(
  rows: readonly ClusterCoincidences[],
  { samples, seed, confidence }: { samples: number; seed: number; confidence: number },
): Generator<StepProgress, ClusterInterval[]> {
  checkBootstrapOptions(samples, seed, confidence);
  const clusters = rows[0]?.agreeing.length ?? 0;
  const totals = new Float64Array(Math.max(1, ...rows.map((row) => row.kinds)));
  const defined = rows.map((row) => !Number.isNaN(clusteredAlpha(row, undefined, totals)));
  const alphas: number[][] = rows.map(() => []);
  if (clusters >= MIN_BOOTSTRAP_CLUSTERS && defined.some(Boolean)) {
    const random = mulberry32(seed);
    const drawn = new Uint32Array(clusters);
    for (let sample = 0; sample < samples; sample++) {
      drawClusters(random, drawn);
      for (let r = 0; r < rows.length; r++) {
        if (!defined[r]) continue;
        const alpha = alphaOfDrawn(rows[r], drawn, totals);
        if (!Number.isNaN(alpha)) alphas[r].push(alpha);
      }
      if (sample % 10 === 9) yield { done: sample + 1, total: samples };
    }
  }
  return alphas.map((resampled) => ({ ...percentileInterval(resampled, confidence), confidence, validResamples: resampled.length }));
}

/** One resample: as many clusters drawn with replacement as there are, counted per cluster. */
function drawClusters(random: () => number, drawn: Uint32Array): void {
  const total = drawn.length;
  drawn.fill(0);
  for (let draw = 0; draw < total; draw++) drawn[Math.floor(random() * total)]++;
}
