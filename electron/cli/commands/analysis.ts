/**
 * `analysis --kind K --out FILE.csv`: a figure of the Analysis area as a CSV table (standard
 * flavour: UTF-8 without BOM, `\n`; characters and offsets in code points), computed over the
 * segments the coder may see (blind coding hides the others'), filtered like the other commands
 * (--documents, --coders, and --where NAME=VALUE,.. for a variable's values). Prints a summary as
 * JSON: what was counted, and for a crosstab its test.
 */
import { analysisCorpus, type AnalysisFilter } from '../../../shared/analysis/analysis-corpus';
import {
  analysisCsvChunks,
  cooccurrencePairsTable,
  cooccurrenceTable,
  crosstabTable,
  documentFrequencyTable,
  frequencyTable,
  keywordTable,
  matrixTable,
  overlapTable,
  wordTable,
  type AnalysisTable,
} from '../../../shared/analysis/analysis-tables';
import { codeDocumentMatrix } from '../../../shared/analysis/code-document-matrix';
import { cooccurrence, overlapPassages, type Proximity } from '../../../shared/analysis/cooccurrence';
import { crosstab } from '../../../shared/analysis/crosstab';
import { frequencies } from '../../../shared/analysis/frequencies';
import { keywordsInContext, stopWordLanguage, wordFrequencies } from '../../../shared/analysis/word-frequencies';
import { fileFailure, writeFileDurably } from '../../project/atomic-write';
import { ANALYSIS_KINDS, CliError, EXIT } from '../arguments';
import type { CommandContext } from '../command-context';

type AnalysisKind = (typeof ANALYSIS_KINDS)[number];

const list = (value: string | undefined) => value?.split(',').map((item) => item.trim()).filter(Boolean) ?? null;

/** The filter from --documents, --coders and --where NAME=VALUE,VALUE. */
function filterOf(options: CommandContext['options']): AnalysisFilter {
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
  const corpus = analysisCorpus(await store.dataset(), store.viewer, filter);
  const counted = { documents: corpus.documents.length, segments: corpus.documents.reduce((n, d) => n + d.segments.length, 0), coders: corpus.coders, blind: store.viewer.blind };
  let table: AnalysisTable;
  let summary: Record<string, unknown> = {};
  switch (kind) {
    case 'frequencies':
    case 'documents': {
      const figures = frequencies(corpus, { withSubcodes, words: options['without-words'] !== true, variable: options.variable ? needVariable() : null });
      table = kind === 'frequencies' ? frequencyTable(figures) : documentFrequencyTable(figures);
      summary = { base: figures.base };
      break;
    }
    case 'cooccurrence':
    case 'pairs': {
      const matrix = cooccurrence(corpus, proximityOf(options));
      table = kind === 'cooccurrence' ? cooccurrenceTable(matrix) : cooccurrencePairsTable(matrix);
      summary = { proximity: matrix.proximity };
      break;
    }
    case 'matrix': {
      const measure = options.measure ?? 'segments';
      if (measure !== 'segments' && measure !== 'share') throw new CliError(EXIT.usage, `--measure is segments or share (not “${measure}”).`);
      table = matrixTable(codeDocumentMatrix(corpus, { measure, withSubcodes, variable: options.variable ? needVariable() : null }));
      break;
    }
    case 'crosstab': {
      const unit = options.unit ?? 'segments';
      if (unit !== 'segments' && unit !== 'documents') throw new CliError(EXIT.usage, `--unit is segments or documents (not “${unit}”).`);
      const result = crosstab(corpus, { variable: needVariable(), unit, withSubcodes, codeIds: list(options.codes)?.map((id) => needCode(id, 'codes')) ?? null });
      table = crosstabTable(result);
      const test = result.chiSquare;
      summary = {
        chiSquare: test && { statistic: test.statistic, df: test.df, p: test.p, cramersV: test.cramersV, n: test.n, expectedBelow5: test.expectedBelow5, warning: test.warning },
        fisher: result.fisher,
        dropped: result.dropped,
        note: result.note,
      };
      break;
    }
    case 'overlaps':
      table = overlapTable(overlapPassages(corpus, needCode(options.code, 'code'), needCode(options.with, 'with')));
      break;
    case 'words':
    case 'kwic': {
      const wordOptions = {
        codeId: options.code ? needCode(options.code, 'code') : null,
        withSubcodes,
        language: options.language ?? 'en',
        languageVariable: options['language-variable'] ? needVariable(options['language-variable']) : null,
        dropStopWords: options['keep-stop-words'] !== true,
      };
      if (kind === 'words' && wordOptions.dropStopWords && !stopWordLanguage(wordOptions.language)) {
        throw new CliError(EXIT.usage, `There is no stop-word list for the language “${wordOptions.language}”: give --language as an ISO code (en, de) or an English name (German), or --keep-stop-words.`);
      }
      if (kind === 'words') table = wordTable(wordFrequencies(corpus, wordOptions));
      else {
        if (!options.word) throw new CliError(EXIT.usage, '--kind kwic needs --word WORD.');
        const context = Number(options.context ?? 40);
        if (!Number.isInteger(context) || context < 0) throw new CliError(EXIT.usage, `--context takes a whole number of characters, not “${options.context}”.`);
        table = keywordTable(keywordsInContext(corpus, options.word, context, wordOptions));
      }
      break;
    }
  }
  try {
    await writeFileDurably(out!, analysisCsvChunks(table));
  } catch (error) {
    throw new CliError(EXIT.file, fileFailure(error, 'save-failed', `The table could not be written to ${out}`).message);
  }
  return { kind, file: out, rows: table.rows.length, counted, ...summary };
}
