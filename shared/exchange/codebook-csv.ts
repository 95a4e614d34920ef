/**
 * A codebook as a CSV table, written and read: one row per code, its place in the hierarchy as a
 * path of names (`parent / child`, as in the dataset's `code_path` column), its colour, key and
 * codebook entry. Researchers often keep a codebook in a spreadsheet; reading one accepts the
 * usual variations (a `code` or `name` column instead of `code_path`, a `parent` column, `color`,
 * spaces or capitals in the headers, a BOM) and says clearly what it cannot use.
 */
import { csvFormatRow, csvParse } from 'd3-dsv';
import { codePath, codeTree, type Code } from '../model/codebook';
import type { IncomingCode } from './codebook-merge';
import { WorkbenchFailure } from '../model/failure';

export const CODEBOOK_CSV_COLUMNS = ['code_path', 'name', 'colour', 'key', 'description', 'definition', 'when_to_use', 'when_not_to_use', 'example'] as const;

/** The codebook as CSV (UTF-8, `\n` line ends), parents before their sub-codes. */
export function codebookCsv(codes: readonly Code[]): string {
  const rows = codeTree(codes).map(({ code }) => [
    codePath(codes, code.id),
    code.name,
    code.colour,
    code.key ?? '',
    code.description,
    code.definition,
    code.whenToUse,
    code.whenNotToUse,
    code.example,
  ]);
  return [CODEBOOK_CSV_COLUMNS, ...rows].map((row) => csvFormatRow([...row])).join('\n') + '\n';
}

const header = (name: string) => name.trim().toLowerCase().replace(/[\s-]+/g, '_');
const ALIASES: Record<string, string> = { color: 'colour', code: 'name', path: 'code_path', shortcut: 'key', memo: 'description' };
const PATH_SEPARATOR = /\s+\/\s+|\s*>\s*|::/;

/** Reads a codebook CSV into incoming codes (nested by path or parent). */
export function readCodebookCsv(text: string): IncomingCode[] {
  const rows = csvParse(text.replace(/^\uFEFF/, ''));
  const columns = new Map(rows.columns.map((column) => [ALIASES[header(column)] ?? header(column), column]));
  if (!columns.has('name') && !columns.has('code_path')) {
    throw new WorkbenchFailure(
      'invalid-input',
      `The codebook table needs a column “name” (or “code” or “code_path”); its columns are ${rows.columns.map((c) => `“${c}”`).join(', ') || 'none'}.`,
    );
  }
  const cell = (row: Record<string, string | undefined>, name: string) => {
    const column = columns.get(name);
    return column ? (row[column] ?? '').trim() : '';
  };
  const roots: IncomingCode[] = [];
  const byPath = new Map<string, IncomingCode>();
  const problems: string[] = [];
  const node = (path: string[], rowNumber: number): IncomingCode => {
    const key = path.map((p) => p.toLowerCase()).join('\u0000');
    let found = byPath.get(key);
    if (!found) {
      found = { ref: `row-${rowNumber}-${path.join('/')}`, name: path.at(-1)!, colour: null, description: '', definition: '', whenToUse: '', whenNotToUse: '', example: '', key: null, children: [] };
      byPath.set(key, found);
      if (path.length === 1) roots.push(found);
      else node(path.slice(0, -1), rowNumber).children.push(found);
    }
    return found;
  };
  rows.forEach((row, i) => {
    const rowNumber = i + 2;
    const given = cell(row, 'code_path');
    const name = cell(row, 'name');
    const parent = cell(row, 'parent');
    let path = given ? given.split(PATH_SEPARATOR).map((p) => p.trim()).filter(Boolean) : [];
    if (!path.length && name) path = [...(parent ? parent.split(PATH_SEPARATOR).map((p) => p.trim()).filter(Boolean) : []), name];
    if (!path.length) {
      if (Object.values(row).some((v) => v?.trim())) problems.push(`row ${rowNumber} has no code name`);
      return;
    }
    const code = node(path, rowNumber);
    const colour = cell(row, 'colour');
    if (colour) {
      if (/^#?[0-9a-f]{6}$/i.test(colour)) code.colour = `#${colour.replace('#', '').toUpperCase()}`;
      else problems.push(`row ${rowNumber}: “${colour}” is not a colour (#rrggbb)`);
    }
    const key = cell(row, 'key');
    if (key) {
      if ([...key].length === 1) code.key = key;
      else problems.push(`row ${rowNumber}: a key is one character, not “${key}”`);
    }
    code.description = cell(row, 'description');
    code.definition = cell(row, 'definition');
    code.whenToUse = cell(row, 'when_to_use');
    code.whenNotToUse = cell(row, 'when_not_to_use');
    code.example = cell(row, 'example');
  });
  if (problems.length) throw new WorkbenchFailure('invalid-input', `The codebook table cannot be read as it is: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}.`);
  if (!roots.length) throw new WorkbenchFailure('invalid-input', 'The codebook table holds no codes.');
  return roots;
}
