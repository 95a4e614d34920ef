/**
 * Every word of the interface is in the message files: no text between JSX tags, read attribute,
 * message or sentence in renderer/ is written out in English, every message key a file names
 * exists in English, and every English key is used somewhere.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../renderer/i18n/languages';
import { groupByFile, keyProblems, pluralBase, readUiStrings, readsLikeSentence, type FileStrings } from './ui-strings';

const root = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');

function sourceFiles(layer: string, folder = join(root, layer)): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(layer, path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [relative(root, path)] : [];
  });
}

type Messages = { [key: string]: string | Messages };
const flatten = (messages: Messages, prefix = ''): string[] =>
  Object.entries(messages).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : flatten(value, `${prefix}${key}.`)));
const englishKeys = new Set(flatten(MESSAGES.en as Messages).map(pluralBase));

let renderer: Map<string, FileStrings>;
/** The literals of shared/, where the lists some keys are built from live (the export formats' ids). */
let sharedLiterals: Set<string>;
beforeAll(() => {
  const read = (files: string[]) => readUiStrings(Object.fromEntries(files.map((file) => [file, readFileSync(join(root, file), 'utf8')])));
  renderer = read(sourceFiles('renderer'));
  sharedLiterals = new Set([...read(sourceFiles('shared')).values()].flatMap((strings) => strings.literals));
});

describe('the interface’s words', () => {
  it('every UI string in renderer/ is in the message files', () => {
    const found = [...renderer.values()].flatMap((strings) => strings.found);
    expect(groupByFile(found)).toEqual({});
  });

  it('every message key a file names exists in English (keys listed where they are built, too)', () => {
    expect(keyProblems(renderer, englishKeys, new Set(), sharedLiterals).unknown).toEqual([]);
  });

  it('every English message key is used by a file (a key nobody names is reported)', () => {
    expect(keyProblems(renderer, englishKeys, new Set(), sharedLiterals).unused).toEqual([]);
  });
});

describe('the detector of UI strings', () => {
  const found = (source: string, name = 'probe.tsx') => readUiStrings({ [name]: source }).get(name)!;
  const texts = (source: string) => found(source).found.map((item) => `${item.kind}: ${item.text}`);

  it('finds text between tags, read attributes, messages and sentences, with their lines', () => {
    const source = [
      "import { showMessage } from './page';",
      'export function Probe(props: { filterLabel: string }) {',
      '  showMessage("info", "Saved");',
      "  window.confirm('Remove it?');",
      '  const note = `Exported ${3} coded segments`;',
      '  const hint = "All documents";',
      '  return (',
      '    <div title="Details" aria-label={props.filterLabel ? `Filter the ${props.filterLabel}` : "Filter"}>',
      '      Coded segments',
      '      <input placeholder="Words…" alt="Logo" />',
      '      <Checkboxes filterLabel="Filter the codes" legend="Codes" />',
      '      {note}{hint}',
      '    </div>',
      '  );',
      '}',
    ].join('\n');
    expect(found(source).found.map(({ line, kind, text }) => `${line} ${kind}: ${text}`)).toEqual([
      '3 message: Saved',
      '4 message: Remove it?',
      '5 sentence: Exported {} coded segments',
      '6 sentence: All documents',
      '8 attribute: Details',
      '8 attribute: Filter the {}',
      '8 attribute: Filter',
      '9 jsx-text: Coded segments',
      '10 attribute: Words…',
      '10 attribute: Logo',
      '11 attribute: Filter the codes',
      '11 attribute: Codes',
    ]);
  });

  it('leaves out keys, imports, class names, selectors, data attributes, object keys, types, developer messages and the allowed words', () => {
    const source = [
      "import { t } from '../i18n/i18n';",
      "import type { X } from 'Some Module Name.';",
      "type Scope = 'This document' | 'All documents';",
      'const names = { "Object key here.": 1 };',
      'export function Probe() {',
      "  console.warn('Something went wrong here.');",
      "  if (names) throw new Error('The page cannot run this export.');",
      "  document.querySelector('Main Area, .panel');",
      "  const language = { en: 'English', de: 'Deutsch' };",
      '  return (',
      "    <p className=\"Big Title\" data-action=\"Do It Now\" role=\"status\" key=\"A b\" data-testid=\"Some id.\" title={t('search.panel.title')}>",
      "      {t('agreement.view.label')} × … → · — {1 + 2} %",
      '      <option value="Not read aloud">{language.en}</option>',
      '    </p>',
      '  );',
      '}',
    ].join('\n');
    expect(texts(source)).toEqual([]);
  });

  it('finds strings written as children of an element, lower case and unpunctuated too', () => {
    const source = [
      'export const P = (p: { n: number }) => (',
      "  <p>{p.n === 1 ? 'segment' : 'segments'}{'saving'}<>{`${p.n} coded`}</>{' · '}</p>",
      ');',
    ].join('\n');
    expect(texts(source)).toEqual(['jsx-text: segment', 'jsx-text: segments', 'jsx-text: saving', 'jsx-text: {} coded']);
  });

  it('collects string literals, so that keys named in lists count as used', () => {
    const strings = found("const TYPE_NAMES = { text: 'variables.type.text' } as const;\nexport const x = TYPE_NAMES;", 'list.ts');
    expect(strings.literals).toContain('variables.type.text');
  });

  it('reports a key listed in a table that English lacks, and an English key no file names', () => {
    const files = readUiStrings({
      'formats.ts': "export const NAMES = { csv: 'services.export.csv', xlsx: 'services.export.xlsx' } as const;",
      'view.tsx': "export const V = () => <p>{t('search.panel.title')}</p>;",
    });
    const english = new Set(['services.export.csv', 'search.panel.title', 'search.panel.close']);
    expect(keyProblems(files, english)).toEqual({ unknown: ['formats.ts: services.export.xlsx'], unused: ['search.panel.close'] });
    expect(keyProblems(files, english, new Set(['search.panel.close'])).unused).toEqual([]);
  });

  it('counts a key built from a template as named when each gap is a literal of the list it is built from', () => {
    const files = readUiStrings({
      'registry.ts': "export const COMMANDS = [{ label: 'labels.undo' }, { label: 'labels.redo' }];",
      'sheet.tsx': 'export const S = (p: { label: string; format: string }) => <p>{t(`commands.${p.label}`)}{t(`workspace.formats.${p.format}.label`)}</p>;',
    });
    const english = new Set(['commands.labels.undo', 'commands.labels.redo', 'commands.labels.gone', 'workspace.formats.csv.label', 'workspace.formats.tsv.label']);
    // 'labels.gone' is in no list; the format ids come from shared/'s literals.
    expect(keyProblems(files, english, new Set(), new Set(['csv'])).unused).toEqual(['commands.labels.gone', 'workspace.formats.tsv.label']);
  });

  it('takes a sentence for two words with a capital first or punctuation last', () => {
    expect(readsLikeSentence('Compute agreement')).toBe(true);
    expect(readsLikeSentence('not coded yet.')).toBe(true);
    expect(readsLikeSentence('with sub-codes')).toBe(false);
    expect(readsLikeSentence('Coders')).toBe(false);
    expect(readsLikeSentence('input, textarea, select')).toBe(false);
    expect(readsLikeSentence('reliability-choice-tools')).toBe(false);
    expect(readsLikeSentence("Georgia, 'Noto Serif', 'Noto Naskh Arabic', serif")).toBe(false);
    expect(readsLikeSentence('M6 3h8l4 4v14H6z M14 3v4h4')).toBe(false);
  });
});
