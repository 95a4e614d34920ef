/**
 * `agreement`: intercoder reliability as JSON, or with --out a report (.csv or .html) or the
 * units × coders matrix. By default every coder but the consensus, on the documents every chosen
 * coder has coded, as the Agreement view compares them.
 */
import { CONSENSUS_CODER } from '../../../shared/model/adjudication';
import { documentsCodedByAll } from '../../../shared/stats/compared-documents';
import { CliError, EXIT } from '../arguments';
import type { CommandContext } from '../command-context';

export function agreement({ store, options, out, call }: CommandContext): Promise<unknown> {
  const overview = store.overview();
  const list = (value: string | undefined) => value?.split(',').map((item) => item.trim()).filter(Boolean);
  const number = (value: string | undefined, name: string) => {
    if (value === undefined) return undefined;
    const parsed = Number(value);
    if (!Number.isFinite(parsed)) throw new CliError(EXIT.usage, `--${name} takes a number, not “${value}”.`);
    return parsed;
  };
  const samples = number(options.bootstrap, 'bootstrap');
  const coders = list(options.coders) ?? overview.coders.filter((coder) => coder !== CONSENSUS_CODER);
  // As the Agreement view: a document one coder never touched would only dilute the figures.
  // (A coder unknown to the project has coded nothing; given all documents, the handler names them.)
  const strangers = coders.some((coder) => !overview.coders.includes(coder));
  const documentIds =
    list(options.documents) ??
    (options['all-documents'] || strangers ? overview.documents.map((d) => d.id) : documentsCodedByAll(overview.documents, coders));
  if (!documentIds.length) {
    throw new CliError(EXIT.usage, `No document has been coded by every one of ${coders.join(', ')}: name documents with --documents, or compare all with --all-documents.`);
  }
  const selection = {
    coders,
    documentIds,
    codeIds: list(options.codes) ?? overview.codes.map((c) => c.id),
    minOverlap: number(options['min-overlap'], 'min-overlap') ?? 90,
    bootstrap: samples === undefined ? undefined : { samples, seed: number(options.seed, 'seed') ?? 1 },
  };
  if (!out) return call('reliabilityReport', selection);
  const format = options.matrix !== undefined ? 'matrix' : /\.html?$/i.test(out) ? 'html' : 'csv';
  return call('exportReliability', { format, selection, codeId: options.matrix && options.matrix !== 'all' ? options.matrix : null });
}
