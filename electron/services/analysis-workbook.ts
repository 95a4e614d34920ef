/**
 * A table of the Analysis area as an Excel workbook (through ExcelJS): one sheet named for the
 * figure, with a header row and numbers as numbers, and a sheet "About" that says what the table
 * counts (the filter, the options, the date, and that offsets and characters are code points).
 * Text stays text, exactly as in the dataset workbook (`xlsx-export.ts`).
 */
import ExcelJS from 'exceljs';
import type { NamedAnalysisTable } from '../../shared/analysis/analysis-tables';
import type { DescriptionLine } from '../../shared/analysis/analysis-description';
import { cellText } from '../../shared/exports/xlsx-text';
import { withCarriageReturns } from './xlsx-export';

/** The characters a sheet's name may not hold, and its longest length (Excel's rules). */
const SHEET_NAME_FORBIDDEN = /[:\\/?*[\]]/g;
const SHEET_NAME_MAX = 31;

/** A cell of a numeric column: its number, or its text when it is empty or not a finite number. */
function numberCell(cell: string): number | string {
  if (cell === '') return '';
  const value = Number(cell);
  return Number.isFinite(value) ? value : cellText(cell);
}

/** The workbook's bytes: the table on its sheet, then "About" with a line per description line. */
export async function analysisWorkbookBytes(table: NamedAnalysisTable, about: readonly DescriptionLine[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Annotation Workbench';
  const name = table.name.replace(SHEET_NAME_FORBIDDEN, '-').slice(0, SHEET_NAME_MAX);
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(table.columns.map(cellText)).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map((cell, i) => (table.numeric[i] ? numberCell(cell) : cellText(cell))));
  sheet.columns.forEach((column, i) => {
    column.width = Math.min(60, Math.max(10, (table.columns[i]?.length ?? 0) + 2));
  });
  const aboutSheet = workbook.addWorksheet(name === 'About' ? 'About this table' : 'About');
  aboutSheet.addRow(['what', 'setting']).font = { bold: true };
  for (const [label, value] of about) aboutSheet.addRow([cellText(label), cellText(value)]);
  aboutSheet.getColumn(1).width = 36;
  aboutSheet.getColumn(2).width = 90;
  return withCarriageReturns(new Uint8Array(await workbook.xlsx.writeBuffer()));
}
