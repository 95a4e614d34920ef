/**
 * `report --out FILE.html`: the analysis report (one self-contained HTML file: the codebook,
 * frequencies, co-occurrence, the code × document matrix, group comparisons and, with several
 * coders, their agreement), over the segments the coder may see, filtered as `analysis` filters
 * (--documents, --coders, --where NAME=V1,V2); --variable NAME compares that variable's groups
 * only (and groups the matrix by it). Written by the same operation as File › Analysis Report.
 */
import type { CommandContext } from '../command-context';
import { filterOf } from './analysis';

export async function report({ options, call }: CommandContext): Promise<unknown> {
  const filter = filterOf(options);
  // The handler asks where to save; the command line's answer is --out (checked with the call line).
  const { path, rows } = (await call('exportAnalysisReport', { filter, variable: options.variable ?? null })) as { path: string; rows: number };
  return { report: path, segments: rows, filter, variable: options.variable ?? null };
}
