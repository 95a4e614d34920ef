/**
 * The command line's words: its options, the help text (the export formats listed from the export
 * table), the exit codes, and the checks that refuse a wrong call before any project is opened.
 */
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, exportFormatNamed } from '../../shared/ipc/export-formats';

/** What the exit code says: 0 done, 1 wrong usage, 2 no readable project, 3 a file could not be written or read. */
export const EXIT = { ok: 0, usage: 1, project: 2, file: 3 } as const;

/** A failure that ends the command with this exit code and message. */
export class CliError extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** The commands, as they are typed. */
export const COMMAND_NAMES = ['init', 'list', 'stats', 'export', 'import', 'import-codebook', 'sync', 'agreement', 'archive', 'restore', 'backup', 'analysis', 'report'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

/** The commands that only read the project: they also take a project archive as --project. */
export const READING_COMMANDS: readonly CommandName[] = ['list', 'stats', 'export', 'agreement', 'archive', 'analysis', 'report'];

/** The tables `analysis` writes, as --kind names them. */
export const ANALYSIS_KINDS = ['frequencies', 'documents', 'cooccurrence', 'pairs', 'matrix', 'crosstab', 'overlaps', 'words', 'kwic'] as const;

/** The export formats' lines of the help, indented under `export`. */
const formatLines = EXPORT_FORMATS.map(({ cli }) => `                               ${cli.name.padEnd(8)}  ${cli.help}`).join('\n');

export const HELP = `Usage: annotation-workbench <command> [options]

Commands:
  init [--sample] [--coder NAME]
                             make a new, empty project in --project DIR (with --sample,
                             the five bundled texts); a folder that already holds a
                             project is refused
  archive --out FILE.awbproj write the project as one archive: its project file and texts,
                             with a manifest of their SHA-256 sums
  restore FILE.awbproj --into DIR
                             restore an archive (or a backup) into a new folder, after
                             checking every sum; a folder that is not empty is refused
  backup [--list]            make a backup in the project's backups/ folder (kept in the
                             same rolling set as the app's), or list the backups (JSON)
  list                       the project's documents, with their segment counts (JSON)
  stats                      the number of documents and segments, per code, per coder and by
                             origin (manual, or accepted from a suggestion) (JSON)
  export --format F --out P  write the coded dataset; F is one of:
${formatLines}
  import FILE...             add texts (.txt .md .html .docx .pdf) as documents,
                             REFI-QDA projects (.qdpx .qde) with their codes and segments,
                             and other coders' files (*.coder.json): their segments here
                             come to mirror the file (added, changed, removed)
  import-codebook FILE       merge a codebook (.json, REFI-QDA .qdc, or a .csv table)
  sync DIR                   write your coder file into a shared folder, merge the others'
  agreement                  intercoder reliability per code and overall (JSON), or with
                             --out a report (.csv or .html) or the units × coders matrix
                             (--out units.csv --matrix all, or --matrix CODE); choose with
                             --coders a,b  --documents ID,..  --codes ID,..  --min-overlap 90
                             --bootstrap 1000 --seed 1  (defaults: every coder but the
                             consensus, the documents every chosen coder has coded (or
                             --all-documents), every code, no intervals)
  analysis --kind K --out FILE.csv
                             a table of the Analysis area (CSV, UTF-8 without BOM, or an
                             Excel workbook when FILE ends in .xlsx; characters and offsets
                             in code points), over the segments you may see (blind coding
                             hides the others'); K is one of:
                               frequencies  per code: segments, documents, characters and
                                            words, overall, per coder and (--variable NAME)
                                            per value; --subcodes sums sub-codes into their
                                            parents; --without-words skips words
                               documents    per document: segments, codes, coded characters
                               cooccurrence code × code: pairs of segments that meet, and the
                                            Jaccard-like share; --proximity overlap (default),
                                            paragraph (blank-line blocks), line, or distance
                                            with --distance N characters; --subcodes
                                            counts each code's sub-codes with it
                               pairs        the segment pairs behind co-occurrence
                               matrix       documents × codes (--measure segments or share),
                                            grouped by --variable NAME
                               crosstab     codes × the values of --variable NAME (--unit
                                            segments or documents); prints Pearson's χ²
                                            without continuity correction, p, Cramér's V,
                                            and Fisher's exact test for 2 × 2
                               overlaps     the AND query: where --code A and --with B overlap
                               words        word frequencies in the segments of --code (or
                                            all); stop-words of --language (default en) or of
                                            --language-variable NAME, kept with --keep-stop-words
                               kwic         --word W in context (--context N characters)
                             filters: --documents ID,..  --coders a,b  --where NAME=V1,V2
  report --out FILE.html     the analysis report: one self-contained HTML page (no scripts,
                             nothing fetched; prints to PDF) with the codebook, frequencies,
                             co-occurrence, the code × document matrix, group comparisons
                             (χ², Cramér's V, Fisher for 2 × 2) of each document variable or
                             of --variable NAME, and the agreement when several coders'
                             segments are counted; the filters (as analysis's) and the date
                             stated

Options:
  --project DIR   the project folder (default: the app's default project); list, stats,
                  export, agreement, archive, analysis and report also take a project archive (.awbproj),
                  read from a checked copy that is removed afterwards
  --help          this text

Exit codes: 0 done, 1 wrong usage, 2 no readable project, 3 a file could not be written or read.`;

/** The command line, parsed. */
export function parseCommandLine(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      project: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean' },
      coders: { type: 'string' },
      documents: { type: 'string' },
      codes: { type: 'string' },
      'min-overlap': { type: 'string' },
      bootstrap: { type: 'string' },
      seed: { type: 'string' },
      matrix: { type: 'string' },
      'all-documents': { type: 'boolean' },
      sample: { type: 'boolean' },
      coder: { type: 'string' },
      into: { type: 'string' },
      list: { type: 'boolean' },
      kind: { type: 'string' },
      variable: { type: 'string' },
      where: { type: 'string' },
      subcodes: { type: 'boolean' },
      'without-words': { type: 'boolean' },
      proximity: { type: 'string' },
      distance: { type: 'string' },
      measure: { type: 'string' },
      unit: { type: 'string' },
      code: { type: 'string' },
      with: { type: 'string' },
      word: { type: 'string' },
      context: { type: 'string' },
      language: { type: 'string' },
      'language-variable': { type: 'string' },
      'keep-stop-words': { type: 'boolean' },
    },
  });
}

/** The options as parsed. */
export type CommandOptions = ReturnType<typeof parseCommandLine>['values'];

/** Refuses a command that does not exist, or one called without what it needs. */
export function checkCall(command: string, options: CommandOptions, files: readonly string[]): asserts command is CommandName {
  if (!(COMMAND_NAMES as readonly string[]).includes(command)) {
    throw new CliError(EXIT.usage, `There is no command “${command}”. See annotation-workbench --help.`);
  }
  const format = options.format;
  if (command === 'export' && (!format || !exportFormatNamed(format))) {
    throw new CliError(EXIT.usage, `Give --format as one of ${EXPORT_FORMATS.map(({ cli }) => cli.name).join(', ')}${format ? ` (not “${format}”)` : ''}.`);
  }
  if (command === 'export' && !options.out) throw new CliError(EXIT.usage, 'Give --out, the file (or folder) to write.');
  if ((command === 'import' || command === 'import-codebook') && files.length === 0) {
    throw new CliError(EXIT.usage, `Name the file${command === 'import' ? 's' : ''} to import.`);
  }
  if (command !== 'init' && (options.sample || options.coder !== undefined)) {
    throw new CliError(EXIT.usage, `--sample and --coder are options of init only. See annotation-workbench --help.`);
  }
  if (command === 'archive' && !options.out?.toLowerCase().endsWith('.awbproj')) {
    throw new CliError(EXIT.usage, 'Give --out, the archive to write: a file name ending in .awbproj.');
  }
  if (command === 'restore' && (files.length !== 1 || !options.into)) {
    throw new CliError(EXIT.usage, 'Name the archive to restore and give --into, the new folder: restore FILE.awbproj --into DIR.');
  }
  if (command !== 'restore' && options.into !== undefined) throw new CliError(EXIT.usage, '--into is an option of restore only. See annotation-workbench --help.');
  if (command === 'analysis' && !(ANALYSIS_KINDS as readonly string[]).includes(options.kind ?? '')) {
    throw new CliError(EXIT.usage, `Give --kind as one of ${ANALYSIS_KINDS.join(', ')}${options.kind ? ` (not “${options.kind}”)` : ''}.`);
  }
  if (command === 'analysis' && !options.out) throw new CliError(EXIT.usage, 'Give --out, the file to write (.csv, or .xlsx for a workbook).');
  if (command === 'report' && !/\.html?$/i.test(options.out ?? '')) throw new CliError(EXIT.usage, 'Give --out, the report to write: a file name ending in .html.');
  if (command !== 'analysis' && options.kind !== undefined) throw new CliError(EXIT.usage, '--kind is an option of analysis only. See annotation-workbench --help.');
  if (command !== 'backup' && options.list) throw new CliError(EXIT.usage, '--list is an option of backup only. See annotation-workbench --help.');
}
