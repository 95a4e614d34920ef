/**
 * `analysis --kind K --out FILE.csv`: a figure of the Analysis area as a CSV table (standard
 * flavour: UTF-8 without BOM, `\n`; characters and offsets in code points), or with --out
 * FILE.xlsx as an Excel workbook (the table, and a sheet "About" saying what it counts), computed over the
 * segments the coder may see (blind coding hides the others'), filtered like the other commands
 * (--documents, --coders, and --where NAME=VALUE,.. for a variable's values). Prints a summary as
 * JSON: what was counted, and for a crosstab its test.
 */
import { analysisCorpus, type AnalysisFilter } from '../../../shared/analysis/analysis-corpus';
import { analysisFigure, type AnalysisRequest } from '../../../shared/analysis/analysis-request';
import { analysisCsvChunks, figureTable, type AnalysisTableChoice } from '../../../shared/analysis/analysis-tables';
import type { Proximity } from '../../../shared/analysis/cooccurrence';
import { stopWordLanguage } from '../../../shared/analysis/word-frequencies';
import { tableAbout } from '../../handlers/analysis-exports';
import { analysisWorkbookBytes } from '../../services/analysis-workbook';
import { fileFailure, writeFileDurably } from '../../project/atomic-write';
import { ANALYSIS_KINDS, CliError, EXIT } from '../arguments';
import type { CommandContext } from '../command-context';

type AnalysisKind = (typeof ANALYSIS_KINDS)[number];

const list = (value: string | undefined) => value?.split(',').map((item) => item.trim()).filter(Boolean) ?? null;

/** The filter from --documents, --coders and --where NAME=VALUE,VALUE. */
export function filterOf(options: CommandContext['options']): AnalysisFilter {
  let variable: AnalysisFilter['variable'] = null;
  if (options.where !== undefined) {
    const at = options.where.indexOf('=');
    if (at < 1) throw new CliError(EXIT.usage, `--where takes NAME=VALUE (values separated by commas; nothing after = for no value), not “${options.where}”.`);
    variable = { name: options.where.slice(0, at), values: options.where.slice(at + 1).split(',').map((v) => v.trim()) };
  }
  return { documentIds: list(options.documents), coders: list(options.coders), variable };
}

function proximityOf(options: CommandContext['options']): Proximity {
  const kind = options.proximity ?? 'overlap';
  if (kind === 'overlap') return { kind };
  if (kind === 'paragraph' || kind === 'line') return { kind: 'paragraph', breaks: kind === 'line' ? 'line' : 'blank-line' };
  if (kind === 'distance') {
    const characters = Number(options.distance);
    if (!Number.isInteger(characters) || characters < 0) throw new CliError(EXIT.usage, `--distance takes a whole number of characters, not “${options.distance ?? ''}”.`);
    return { kind, characters };
  }
  throw new CliError(EXIT.usage, `--proximity is one of overlap, paragraph, line, distance (not “${kind}”).`);
}

export async function analysis({ store, options, out }: CommandContext): Promise<unknown> {
  const kind = options.kind as AnalysisKind;
  const { variables, codes } = store.state;
  const needVariable = (name = options.variable): string => {
    if (!name) throw new CliError(EXIT.usage, `--kind ${kind} needs --variable NAME (one of: ${variables.map((v) => v.name).join(', ') || 'the project has no variables'}).`);
    if (!variables.some((v) => v.name === name)) throw new CliError(EXIT.usage, `There is no variable “${name}” (variables: ${variables.map((v) => v.name).join(', ') || 'none'}).`);
    return name;
  };
  const needCode = (value: string | undefined, option: string): string => {
    if (!value) throw new CliError(EXIT.usage, `--kind ${kind} needs --${option} CODE_ID.`);
    if (!codes.some((c) => c.id === value)) throw new CliError(EXIT.usage, `There is no code “${value}” (codes: ${codes.map((c) => c.id).join(', ')}).`);
    return value;
  };
  const withSubcodes = options.subcodes === true;
  const filter = filterOf(options);
  if (filter.variable && !variables.some((v) => v.name === filter.variable!.name)) throw new CliError(EXIT.usage, `There is no variable “${filter.variable.name}”.`);
  let request: AnalysisRequest;
  let choice: AnalysisTableChoice = 'main';
  switch (kind) {
    case 'frequencies':
    case 'documents':
      request = { figure: 'frequencies', filter, withSubcodes, words: options['without-words'] !== true, variable: options.variable ? needVariable() : null };
      if (kind === 'documents') choice = 'documents';
      break;
    case 'cooccurrence':
    case 'pairs':
      request = { figure: 'cooccurrence', filter, proximity: proximityOf(options), withSubcodes };
      if (kind === 'pairs') choice = 'pairs';
      break;
    case 'matrix': {
      const measure = options.measure ?? 'segments';
      if (measure !== 'segments' && measure !== 'share') throw new CliError(EXIT.usage, `--measure is segments or share (not “${measure}”).`);
      request = { figure: 'matrix', filter, measure, withSubcodes, variable: options.variable ? needVariable() : null };
      break;
    }
    case 'crosstab': {
      const unit = options.unit ?? 'segments';
      if (unit !== 'segments' && unit !== 'documents') throw new CliError(EXIT.usage, `--unit is segments or documents (not “${unit}”).`);
      request = { figure: 'crosstab', filter, variable: needVariable(), unit, withSubcodes, codeIds: list(options.codes)?.map((id) => needCode(id, 'codes')) ?? null };
      break;
    }
    case 'overlaps':
      request = { figure: 'overlaps', filter, firstCodeId: needCode(options.code, 'code'), secondCodeId: needCode(options.with, 'with') };
      break;
    case 'words':
    case 'kwic': {
      const codeId = options.code ? needCode(options.code, 'code') : null;
      if (kind === 'words') {
        const language = options.language ?? 'en';
        const dropStopWords = options['keep-stop-words'] !== true;
        if (dropStopWords && !stopWordLanguage(language)) {
          throw new CliError(EXIT.usage, `There is no stop-word list for the language “${language}”: give --language as an ISO code (en, de) or an English name (German), or --keep-stop-words.`);
        }
        const languageVariable = options['language-variable'] ? needVariable(options['language-variable']) : null;
        request = { figure: 'words', filter, codeId, withSubcodes, language, languageVariable, dropStopWords };
      } else {
        if (!options.word) throw new CliError(EXIT.usage, '--kind kwic needs --word WORD.');
        const context = Number(options.context ?? 40);
        if (!Number.isInteger(context) || context < 0) throw new CliError(EXIT.usage, `--context takes a whole number of characters, not “${options.context}”.`);
        request = { figure: 'kwic', filter, word: options.word, context, codeId, withSubcodes };
      }
      break;
    }
  }
  const corpus = analysisCorpus(await store.dataset(), store.viewer, filter);
  const counted = { documents: corpus.documents.length, segments: corpus.documents.reduce((n, d) => n + d.segments.length, 0), coders: corpus.coders, blind: store.viewer.blind };
  const figure = analysisFigure(corpus, request);
  const table = figureTable(figure, choice);
  let summary: Record<string, unknown> = {};
  if (figure.figure === 'frequencies') summary = { base: figure.frequencies.base };
  if (figure.figure === 'cooccurrence') summary = { proximity: figure.cooccurrence.proximity };
  if (figure.figure === 'crosstab') {
    const result = figure.crosstab;
    const test = result.chiSquare;
    summary = {
      chiSquare: test && { statistic: test.statistic, df: test.df, p: test.p, cramersV: test.cramersV, n: test.n, expectedBelow5: test.expectedBelow5, warning: test.warning },
      fisher: result.fisher,
      dropped: result.dropped,
      note: result.note,
    };
  }
  // A name ending in .xlsx gets a workbook (the table and a sheet saying what it counts); any other, CSV.
  const workbook = out!.toLowerCase().endsWith('.xlsx');
  try {
    const content = workbook ? await analysisWorkbookBytes(table, tableAbout({ store }, request, figure, table, counted, new Date().toISOString())) : analysisCsvChunks(table);
    await writeFileDurably(out!, content);
  } catch (error) {
    throw new CliError(EXIT.file, fileFailure(error, 'save-failed', `The table could not be written to ${out}`).message);
  }
  return { kind, file: out, format: workbook ? 'xlsx' : 'csv', rows: table.rows.length, counted, ...summary };
}
