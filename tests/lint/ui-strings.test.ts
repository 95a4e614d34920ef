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

/**
 * Files whose words are still being moved into the message files on other branches. This set
 * MUST BE EMPTY once those branches are merged; it may only shrink (a test below fails when a
 * file in it no longer has strings, so that it is taken out).
 */
const PENDING = new Set<string>([
  'renderer/App.tsx',
  'renderer/components/codebook/CodebookEditor.tsx',
  'renderer/components/coders/CoderDialog.tsx',
  'renderer/components/coders/CoderExchange.tsx',
  'renderer/components/coding/CodeBar.tsx',
  'renderer/components/coding/SegmentPanel.tsx',
  'renderer/components/coding/SegmentPopover.tsx',
  'renderer/components/documents/DocumentHeader.tsx',
  'renderer/components/documents/DocumentList.tsx',
  'renderer/components/documents/ImportFiles.tsx',
  'renderer/components/documents/MemoField.tsx',
  'renderer/components/header/AppHeader.tsx',
  'renderer/components/header/BlindToggle.tsx',
  'renderer/components/header/ExportButtons.tsx',
  'renderer/components/header/HistoryButtons.tsx',
  'renderer/components/layout/MainArea.tsx',
  'renderer/text-view/handles-plugin.ts',
  'renderer/text-view/mount.ts',
]);

/**
 * English keys that only the files in PENDING will use (they came with the message files). Like
 * PENDING, this set MUST BE EMPTY after the merge and may only shrink.
 */
const PENDING_KEYS = new Set<string>(['common.app.name', 'common.units.characters', 'common.units.segments']);

const root = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');

function rendererFiles(folder = join(root, 'renderer')): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return rendererFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [relative(root, path)] : [];
  });
}

type Messages = { [key: string]: string | Messages };
const flatten = (messages: Messages, prefix = ''): string[] =>
  Object.entries(messages).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : flatten(value, `${prefix}${key}.`)));
const englishKeys = new Set(flatten(MESSAGES.en as Messages).map(pluralBase));

let renderer: Map<string, FileStrings>;
beforeAll(() => {
  renderer = readUiStrings(Object.fromEntries(rendererFiles().map((file) => [file, readFileSync(join(root, file), 'utf8')])));
});

describe('the interface’s words', () => {
  it('every UI string in renderer/ is in the message files (but for the files still pending)', () => {
    const found = [...renderer.values()].flatMap((strings) => strings.found).filter((item) => !PENDING.has(item.file));
    expect(groupByFile(found)).toEqual({});
  });

  it('every file still pending has strings left to move (the set only shrinks)', () => {
    const done = [...PENDING].filter((file) => !renderer.get(file)?.found.length);
    expect(done, 'take these out of PENDING').toEqual([]);
  });

  it('every message key a file names exists in English (keys listed where they are built, too)', () => {
    expect(keyProblems(renderer, englishKeys, PENDING_KEYS).unknown).toEqual([]);
  });

  it('every English message key is used by a file (a key nobody names is reported)', () => {
    expect(keyProblems(renderer, englishKeys, PENDING_KEYS).unused).toEqual([]);
  });

  it('every key still pending is still unused (the set only shrinks)', () => {
    const named = new Set([...renderer.values()].flatMap((strings) => strings.literals));
    expect([...PENDING_KEYS].filter((key) => named.has(key) || !englishKeys.has(key)), 'take these out of PENDING_KEYS').toEqual([]);
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

  it('takes a sentence for two words with a capital first or punctuation last', () => {
    expect(readsLikeSentence('Compute agreement')).toBe(true);
    expect(readsLikeSentence('not coded yet.')).toBe(true);
    expect(readsLikeSentence('with sub-codes')).toBe(false);
    expect(readsLikeSentence('Coders')).toBe(false);
    expect(readsLikeSentence('input, textarea, select')).toBe(false);
    expect(readsLikeSentence('reliability-choice-tools')).toBe(false);
  });
});
