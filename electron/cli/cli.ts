/**
 * `annotation-workbench`: the project's data from a shell script, over the same services as the
 * app, for reproducible pipelines. Output is JSON on stdout; messages go to stderr; the exit code
 * says what happened (0 done, 1 wrong usage, 2 no readable project, 3 a file could not be written
 * or read).
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CONSENSUS_CODER } from '../../shared/adjudication';
import { CODER_NAME_MAX_CHARS } from '../../shared/limits';
import { WorkbenchFailure } from '../../shared/result';
import { countByCode } from '../../shared/segments';
import { documentsCodedByAll } from '../../shared/stats/compared-documents';
import { MAX_IMPORT_BYTES } from '../services/document-import';
import { describeFileError } from '../project/atomic-write';
import { saveIntoFolder } from '../services/export-folder';
import { createHandlers, dispatch } from '../handlers/handlers';
import { defaultProjectFolder, userDataFolder } from '../services/paths';
import { PROJECT_FILE, ProjectStore } from '../project/project-store';

const EXIT = { ok: 0, usage: 1, project: 2, file: 3 } as const;

const HELP = `Usage: annotation-workbench <command> [options]

Commands:
  init [--sample] [--coder NAME]
                             make a new, empty project in --project DIR (with --sample,
                             the five bundled texts); a folder that already holds a
                             project is refused
  list                       the project's documents, with their segment counts (JSON)
  stats                      the number of documents and segments, per code and per coder (JSON)
  export --format F --out P  write the coded dataset; F is one of:
                               csv       segments, one row each (offsets in code points)
                               excel     the same, for spreadsheets (BOM, CRLF, formula-safe)
                               wide      one row per document, per code counts and 0/1
                               jsonl     doccano span format, one document per line
                               xlsx      an Excel workbook: segments, documents, codebook
                               qdpx      a REFI-QDA project (MAXQDA, ATLAS.ti, NVivo, QualCoder)
                               codebook  the codebook as JSON
                               qdc       the codebook as REFI-QDA (.qdc)
                               codebook-csv  the codebook as a CSV table
                               datapackage  a folder: both CSVs and datapackage.json
                               coder-file  the current coder's segments, for others to merge
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

Options:
  --project DIR   the project folder (default: the app's default project)
  --help          this text

Exit codes: 0 done, 1 wrong usage, 2 no readable project, 3 a file could not be written or read.`;

class CliError extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}

const EXPORT_FORMATS = {
  csv: { operation: 'exportCsv', input: { flavour: 'standard' } },
  excel: { operation: 'exportCsv', input: { flavour: 'excel' } },
  wide: { operation: 'exportDataset', input: { format: 'wide-csv' } },
  jsonl: { operation: 'exportDataset', input: { format: 'jsonl' } },
  xlsx: { operation: 'exportDataset', input: { format: 'xlsx' } },
  datapackage: { operation: 'exportDataset', input: { format: 'datapackage' } },
  qdpx: { operation: 'exportDataset', input: { format: 'qdpx' } },
  codebook: { operation: 'exportCodebook', input: { format: 'json' } },
  qdc: { operation: 'exportCodebook', input: { format: 'qdc' } },
  'codebook-csv': { operation: 'exportCodebook', input: { format: 'csv' } },
  'coder-file': { operation: 'exportCoderFile', input: {} },
} as const;

async function main(argv: string[]): Promise<unknown> {
  const { values, positionals } = parseArgs({
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
    },
  });
  const [command, ...files] = positionals;
  if (values.help || !command) {
    console.log(HELP);
    if (!command && !values.help) throw new CliError(EXIT.usage, 'Name a command.');
    return undefined;
  }
  if (!['init', 'list', 'stats', 'export', 'import', 'import-codebook', 'sync', 'agreement'].includes(command)) {
    throw new CliError(EXIT.usage, `There is no command “${command}”. See annotation-workbench --help.`);
  }
  const format = values.format as keyof typeof EXPORT_FORMATS | undefined;
  if (command === 'export' && (!format || !(format in EXPORT_FORMATS))) {
    throw new CliError(EXIT.usage, `Give --format as one of ${Object.keys(EXPORT_FORMATS).join(', ')}${format ? ` (not “${format}”)` : ''}.`);
  }
  if (command === 'export' && !values.out) throw new CliError(EXIT.usage, 'Give --out, the file (or folder) to write.');
  if ((command === 'import' || command === 'import-codebook') && files.length === 0) {
    throw new CliError(EXIT.usage, `Name the file${command === 'import' ? 's' : ''} to import.`);
  }

  if (command !== 'init' && (values.sample || values.coder !== undefined)) {
    throw new CliError(EXIT.usage, `--sample and --coder are options of init only. See annotation-workbench --help.`);
  }
  const folder = resolve(values.project ?? defaultProjectFolder(userDataFolder()));
  if (command === 'init') return init(folder, values.sample === true, values.coder);
  // The other commands name an existing project: only init starts a new one, never by mistake.
  if (!existsSync(join(folder, PROJECT_FILE))) throw new CliError(EXIT.project, `There is no project in ${folder} (no ${PROJECT_FILE}).`);
  const out = values.out ? resolve(values.out) : null;
  let store: ProjectStore;
  try {
    store = await ProjectStore.open({ folder, bundledDocuments: join(__dirname, '..', '..', 'documents') });
  } catch (error) {
    // Open in the app or the preview (the project's lock), or not readable.
    throw new CliError(EXIT.project, error instanceof Error ? error.message : String(error));
  }
  try {
    const notices = store.notices;
    if (notices.length) throw new CliError(EXIT.project, notices.join('\n'));
    const handlers = createHandlers({ store, chooseSavePath: async () => out ?? (await saveIntoFolder(folder)('export', { name: '', extensions: [] })) });
    const call = async (operation: string, input: unknown) => {
      const result = await dispatch(handlers, operation, input);
      if (!result.ok) throw new CliError(result.error.code === 'save-failed' ? EXIT.file : EXIT.usage, result.error.message);
      return result.value;
    };
    switch (command) {
      case 'list':
        return store.overview().documents.map(({ id, title, file, sha256, segmentCount, values: variables }) => ({
          id,
          title,
          file,
          sha256,
          segments: segmentCount,
          variables,
        }));
      case 'sync': {
        if (!files[0]) throw new CliError(EXIT.usage, 'Name the shared folder to sync with.');
        return call('syncSharedFolder', { folder: resolve(files[0]) });
      }
      case 'agreement': {
        const overview = store.overview();
        const list = (value: string | undefined) => value?.split(',').map((item) => item.trim()).filter(Boolean);
        const number = (value: string | undefined, name: string) => {
          if (value === undefined) return undefined;
          const parsed = Number(value);
          if (!Number.isFinite(parsed)) throw new CliError(EXIT.usage, `--${name} takes a number, not “${value}”.`);
          return parsed;
        };
        const samples = number(values.bootstrap, 'bootstrap');
        const coders = list(values.coders) ?? overview.coders.filter((coder) => coder !== CONSENSUS_CODER);
        // As the Agreement view: a document one coder never touched would only dilute the figures.
        // (A coder unknown to the project has coded nothing; given all documents, the handler names them.)
        const strangers = coders.some((coder) => !overview.coders.includes(coder));
        const documentIds =
          list(values.documents) ??
          (values['all-documents'] || strangers ? overview.documents.map((d) => d.id) : documentsCodedByAll(overview.documents, coders));
        if (!documentIds.length) {
          throw new CliError(EXIT.usage, `No document has been coded by every one of ${coders.join(', ')}: name documents with --documents, or compare all with --all-documents.`);
        }
        const selection = {
          coders,
          documentIds,
          codeIds: list(values.codes) ?? overview.codes.map((c) => c.id),
          minOverlap: number(values['min-overlap'], 'min-overlap') ?? 90,
          bootstrap: samples === undefined ? undefined : { samples, seed: number(values.seed, 'seed') ?? 1 },
        };
        if (!out) return call('reliabilityReport', selection);
        const format = values.matrix !== undefined ? 'matrix' : /\.html?$/i.test(out) ? 'html' : 'csv';
        return call('exportReliability', { format, selection, codeId: values.matrix && values.matrix !== 'all' ? values.matrix : null });
      }
      case 'stats': {
        const { segments, codes, documents } = await store.dataset();
        const coders: Record<string, number> = {};
        for (const segment of segments) coders[segment.coder] = (coders[segment.coder] ?? 0) + 1;
        const perCode = countByCode(segments);
        return {
          documents: documents.length,
          segments: segments.length,
          codes: codes.map((code) => ({ id: code.id, name: code.name, segments: perCode[code.id] ?? 0 })),
          coders,
        };
      }
      case 'export': {
        const { operation, input } = EXPORT_FORMATS[format!];
        return call(operation, input);
      }
      case 'import': {
        const imported = [];
        for (const file of files) {
          const coderFile = /\.coder\.json$/i.test(file);
          const operation = coderFile ? 'importCoderFile' : /\.(qdpx|qde)$/i.test(file) ? 'importProject' : 'importDocument';
          let bytes: Buffer;
          try {
            // Said as the app says it, before a text too large is read (and base64-encoded) at all.
            if (operation === 'importDocument' && (await stat(file)).size > MAX_IMPORT_BYTES) {
              imported.push({ file, error: `${basename(file)} is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB, the most that is imported.` });
              continue;
            }
            bytes = await readFile(file);
          } catch (error) {
            throw new CliError(EXIT.file, `${file} could not be read: ${(error as Error).message}`);
          }
          const input = coderFile ? { name: basename(file), content: bytes.toString('utf8') } : { name: basename(file), data: bytes.toString('base64') };
          const result = await dispatch(handlers, operation, input);
          imported.push(result.ok ? { file, ...(result.value as object) } : { file, error: result.error.message });
        }
        return imported;
      }
      default: {
        let content: string;
        try {
          content = await readFile(files[0], 'utf8');
        } catch (error) {
          throw new CliError(EXIT.file, `${files[0]} could not be read: ${(error as Error).message}`);
        }
        return call('importCodebookFile', { name: basename(files[0]), content });
      }
    }
  } finally {
    await store.close();
  }
}

/**
 * Makes a new project in `folder` (created if missing), empty or with the bundled texts, so that
 * a scripted pipeline can start from nothing; a folder that holds a project is never touched.
 */
async function init(folder: string, sample: boolean, coder: string | undefined): Promise<unknown> {
  if (coder !== undefined && !coder.trim()) throw new CliError(EXIT.usage, 'Give --coder a name.');
  if (coder !== undefined && coder.trim().length > CODER_NAME_MAX_CHARS) {
    throw new CliError(EXIT.usage, `A coder's name has at most ${CODER_NAME_MAX_CHARS} characters.`);
  }
  if (existsSync(join(folder, PROJECT_FILE))) {
    throw new CliError(EXIT.usage, `There is already a project in ${folder} (${PROJECT_FILE}); it was left as it is. Choose a folder without one.`);
  }
  let store: ProjectStore;
  try {
    store = await ProjectStore.open({
      folder,
      bundledDocuments: sample ? join(__dirname, '..', '..', 'documents') : null,
      coder: coder?.trim(),
      newProjectOnly: true,
    });
  } catch (error) {
    // Made meanwhile by another program, or open in one (its lock).
    if (error instanceof WorkbenchFailure) throw new CliError(EXIT.usage, error.message);
    throw new CliError(EXIT.file, `No project could be made in ${folder}: ${describeFileError(error)}.`);
  }
  try {
    const { file, documents, coder: coderName } = store;
    return { project: folder, file, coder: coderName, documents: documents.map(({ id, title, file: name }) => ({ id, title, file: name })) };
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).then(
  (output) => {
    if (output !== undefined) process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  },
  (error: unknown) => {
    process.stderr.write(`annotation-workbench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = error instanceof CliError ? error.exitCode : EXIT.file;
  },
);
