/**
 * The coded dataset as an Excel workbook (through ExcelJS): a sheet of segments (as the CSV), a
 * sheet with a row per document (the wide table) and the codebook. Text stays text: a cell that
 * begins with "=" is a string in the file, never a formula; and a cell reads back exactly as it
 * was written, carriage returns included (`xlsx-text.ts`).
 */
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { codePath } from '../../shared/model/codebook';
import { segmentColumns, segmentRecords } from '../../shared/exports/csv-export';
import { type DatasetInput } from '../../shared/model/project';
import { wideColumns, wideRecords } from '../../shared/exports/dataset-exports';
import { cellText, keepCarriageReturns } from '../../shared/exports/xlsx-text';

/** Columns whose cells are whole numbers. */
const NUMERIC = /^(start|end|characters|suggested_segments|.*_(n|chars|any))$/;

function addSheet(workbook: ExcelJS.Workbook, name: string, columns: string[], records: Iterable<string[]>): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(columns.map(cellText)).font = { bold: true };
  const numeric = columns.map((column) => NUMERIC.test(column));
  for (const cells of records) sheet.addRow(cells.map((cell, i) => (numeric[i] && cell !== '' ? Number(cell) : cellText(cell))));
  sheet.columns.forEach((column, i) => {
    column.width = Math.min(60, Math.max(10, columns[i].length + 2));
  });
}

/** The workbook's bytes. */
export async function workbookBytes(input: DatasetInput): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Annotation Workbench';
  addSheet(workbook, 'Segments', segmentColumns(input.variables), segmentRecords(input));
  addSheet(workbook, 'Documents', wideColumns(input).columns, wideRecords(input));
  const codebookColumns = ['code_id', 'code_path', 'name', 'colour', 'key', 'parent_id', 'description', 'definition', 'when_to_use', 'when_not_to_use', 'example'];
  addSheet(
    workbook,
    'Codebook',
    codebookColumns,
    input.codes.map((code) => [
      code.id,
      codePath(input.codes, code.id),
      code.name,
      code.colour,
      code.key ?? '',
      code.parentId ?? '',
      code.description,
      code.definition,
      code.whenToUse,
      code.whenNotToUse,
      code.example,
    ]),
  );
  return withCarriageReturns(new Uint8Array(await workbook.xlsx.writeBuffer()));
}

/** The workbook with the CRs of its cell texts written so that XML readers keep them. */
export function withCarriageReturns(workbook: Uint8Array): Uint8Array {
  const parts = unzipSync(workbook);
  // Cell text lives in the shared strings, or in a sheet's inline strings.
  const textParts = Object.keys(parts).filter((name) => name === 'xl/sharedStrings.xml' || /^xl\/worksheets\/[^/]+\.xml$/.test(name));
  let changed = false;
  for (const name of textParts) {
    const xml = strFromU8(parts[name]);
    const kept = keepCarriageReturns(xml);
    if (kept !== xml) {
      parts[name] = strToU8(kept);
      changed = true;
    }
  }
  return changed ? zipSync(parts, { level: 6 }) : workbook;
}
