/**
 * What every part of the bench shares: progress lines, medians and their words, and the rows of
 * the report (a figure beside its baseline from the same run and its target). Each part of the
 * bench (bench.ts and the bench-*.ts beside it) returns a `BenchSection`: its rows, and lines of
 * details printed under the table.
 */
import { statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';


export function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

export function median(values: readonly number[]): number {
  if (!values.length) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function ms(value: number): string {
  return value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`;
}

export function spread(values: readonly number[]): string {
  return `${values.length} runs, ${ms(Math.min(...values))}–${ms(Math.max(...values))}`;
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(2)} MB`;
}

export function count(n: number): string {
  return n.toLocaleString('en-US');
}

export async function timed<T>(work: () => Promise<T> | T): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await work();
  return [value, performance.now() - t0];
}

/** Runs `work` while a 5 ms timer on this thread notes how late it fires; the longest delay in ms. */
export async function longestPause<T>(work: () => Promise<T>): Promise<[T, number]> {
  let longest = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - 5);
    last = now;
  }, 5);
  try {
    return [await work(), longest];
  } finally {
    clearInterval(timer);
  }
}

/** The file system the temporary folders live on (fsync costs depend on it). */
export function tempFileSystem(): string {
  const names: Record<number, string> = {
    0xef53: 'ext2/3/4',
    0x01021994: 'tmpfs',
    0x794c7630: 'overlayfs',
    0x58465342: 'xfs',
    0x9123683e: 'btrfs',
  };
  try {
    const type = statfsSync(tmpdir()).type;
    return names[type] ?? `type 0x${type.toString(16)}`;
  } catch {
    return 'unknown';
  }
}



export interface Row {
  measure: string;
  document: string;
  result: string;
  baseline: string;
  target: string;
  verdict: string;
}

/**
 * A row as `--json` writes it: the words of the table, and its figure as a number with its unit
 * (the median in milliseconds for timings; `medianMs` repeats it for timings, null otherwise).
 */
export interface JsonRow extends Row {
  value: number;
  unit: string;
  medianMs: number | null;
}

/** The numbers behind each row, kept for `--json` (the table shows them rounded, in words). */
const figures = new WeakMap<Row, { value: number; unit: string }>();

export function withMedian(row: Row, values: number[]): Row {
  figures.set(row, { value: median(values), unit: 'ms' });
  return row;
}

export function ratioRow(measure: string, document: string, values: number[], baselineValues: number[], baselineLabel: string, maxRatio: number): Row {
  const ratio = median(values) / median(baselineValues);
  return withMedian({
    measure,
    document,
    result: ms(median(values)),
    baseline: `${ms(median(baselineValues))} ${baselineLabel}`,
    target: `≤ ${maxRatio}x baseline (is ${ratio.toFixed(2)}x)`,
    verdict: ratio <= maxRatio ? 'PASS' : 'MISS',
  }, values);
}

export function limitRow(measure: string, document: string, values: number[], baseline: string, limit: number): Row {
  return withMedian({
    measure,
    document,
    result: ms(median(values)),
    baseline,
    target: `< ${count(limit)} ms`,
    verdict: median(values) < limit ? 'PASS' : 'MISS',
  }, values);
}

/** A figure with no target set: shown for reference (what a researcher waits). */
export function infoRow(measure: string, document: string, values: number[], baseline: string): Row {
  return withMedian({ measure, document, result: ms(median(values)), baseline, target: '—', verdict: 'info' }, values);
}

export function table(rows: Row[]): string {
  const header: Row = { measure: 'Measure (median)', document: 'Doc', result: 'Result', baseline: 'Baseline, same run', target: 'Target', verdict: 'Verdict' };
  const columns = Object.keys(header) as (keyof Row)[];
  const width = (column: keyof Row) => Math.max(...[header, ...rows].map((row) => row[column].length));
  const line = (row: Row) => columns.map((column) => row[column].padEnd(width(column))).join(' | ').trimEnd();
  const rule = columns.map((column) => '-'.repeat(width(column))).join('-+-');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** What one part of the bench reports: rows for the table and lines for the details. */
export interface BenchSection {
  rows: Row[];
  details: string[];
}

/** A row as `--json` writes it. */
export function jsonRow(row: Row): JsonRow {
  const figure = figures.get(row) ?? { value: Number.NaN, unit: '' };
  return { ...row, ...figure, medianMs: figure.unit === 'ms' ? figure.value : null };
}

/** A row with a limit in a unit other than milliseconds (megabytes, say): `value` beside `limit`. */
export function amountRow(measure: string, document: string, value: number, unit: string, baseline: string, limit: number): Row {
  const row = {
    measure,
    document,
    result: `${value.toFixed(value >= 100 ? 0 : 1)} ${unit}`,
    baseline,
    target: `≤ ${count(limit)} ${unit}`,
    verdict: value <= limit ? 'PASS' : 'MISS',
  };
  figures.set(row, { value, unit });
  return row;
}

/** Runs every one of `closers`, even after one fails; then throws the first failure, if any. */
export async function closeEach(closers: ReadonlyArray<() => Promise<unknown> | undefined>): Promise<void> {
  const failures: unknown[] = [];
  for (const close of closers) {
    try {
      await close();
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) throw failures[0];
}
