/**
 * The rows of a portrait strip: for each pixel row of the strip, how many segments of each code
 * touch the part of the text it stands for (shared/analysis/portrait.ts bins them). Built once for a
 * text and a strip height, then kept in step with the store's record of each change (the segments
 * taken out and put in), so that coding a passage costs the rows it covers, not a pass over every
 * segment.
 */
import { binCounts, binRange, type PortraitSegment } from '../../../shared/analysis/portrait';

export class StripRows {
  private counts: Map<string, Int32Array>;

  /** The rows of `segments` in a text of `length` (UTF-16 units, as the text view counts) cut into `rows` rows. */
  constructor(
    readonly length: number,
    readonly rows: number,
    segments: Iterable<PortraitSegment>,
  ) {
    this.counts = binCounts(segments, length, rows);
  }

  /** Takes out the segments `removed` and puts in those `added`. */
  change(removed: Iterable<PortraitSegment>, added: Iterable<PortraitSegment>): void {
    for (const segment of removed) this.add(segment, -1);
    for (const segment of added) this.add(segment, 1);
  }

  private add(segment: PortraitSegment, step: number): void {
    const range = binRange(segment.start, segment.end, this.length, this.rows);
    if (!range) return;
    let row = this.counts.get(segment.codeId);
    if (!row) this.counts.set(segment.codeId, (row = new Int32Array(this.rows)));
    for (let i = range[0]; i < range[1]; i++) row[i] += step;
  }

  /** The number of segments of `codeId` touching row `row`. */
  count(codeId: string, row: number): number {
    return this.counts.get(codeId)?.[row] ?? 0;
  }

  /** The codes with a segment touching row `row`, in the order of `codeIds`. */
  codesAt(row: number, codeIds: readonly string[]): string[] {
    return codeIds.filter((codeId) => this.count(codeId, row) > 0);
  }

  /** The per-row counts of `codeId`, or undefined when it has none. */
  rowsOf(codeId: string): Int32Array | undefined {
    return this.counts.get(codeId);
  }
}

/** Rows to draw: how many, and per code the count in each row (undefined: none anywhere). */
export interface DrawnRows {
  readonly rows: number;
  rowsOf(codeId: string): ArrayLike<number> | undefined;
}

/** The rows of a portrait sent by the main process (per code, runs of bins: flat `[first, end, …]`). */
export function rowsFromRuns(bins: number, codes: ReadonlyArray<{ codeId: string; runs: readonly number[] }>): DrawnRows {
  const byCode = new Map<string, Uint8Array>();
  for (const { codeId, runs } of codes) {
    const row = new Uint8Array(bins);
    for (let i = 0; i + 1 < runs.length; i += 2) row.fill(1, runs[i], runs[i + 1]);
    byCode.set(codeId, row);
  }
  return { rows: bins, rowsOf: (codeId) => byCode.get(codeId) };
}

/**
 * Draws the rows on a canvas of `width` × `rows` pixels: in each row, the codes present share the
 * width side by side (one code fills it; three take a third each), in codebook order, so that a
 * code keeps its place across the strip; neighbouring rows with the same codes are one rectangle
 * per code. A mark is at least `minHeight` pixels tall, so that a short passage in a long text shows.
 */
export function drawStripRows(context: CanvasRenderingContext2D, rows: DrawnRows, codes: ReadonlyArray<{ id: string; colour: string }>, width: number, minHeight: number): void {
  context.clearRect(0, 0, width, rows.rows);
  const present = codes.map((code) => ({ code, row: rows.rowsOf(code.id) })).filter((entry) => entry.row !== undefined) as Array<{ code: { id: string; colour: string }; row: ArrayLike<number> }>;
  if (present.length === 0) return;
  let runStart = 0;
  let runCodes: number[] = [];
  const flush = (end: number) => {
    if (runCodes.length === 0) return;
    const height = Math.max(minHeight, end - runStart);
    const top = Math.min(runStart, rows.rows - height);
    runCodes.forEach((index, i) => {
      const left = Math.round((i * width) / runCodes.length);
      const right = Math.round(((i + 1) * width) / runCodes.length);
      context.fillStyle = present[index].code.colour;
      context.fillRect(left, Math.max(0, top), right - left, height);
    });
  };
  for (let r = 0; r < rows.rows; r++) {
    const here: number[] = [];
    for (let i = 0; i < present.length; i++) if (present[i].row[r] > 0) here.push(i);
    if (here.length === runCodes.length && here.every((index, i) => index === runCodes[i])) continue;
    flush(r);
    runStart = r;
    runCodes = here;
  }
  flush(rows.rows);
}
