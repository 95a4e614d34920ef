/**
 * The one table of export formats: every format the contract can write has one entry, the menu's
 * export items are the table's, and each entry's request is one the contract accepts.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate } from '../../electron/app/menu';
import { checkCall, HELP } from '../../electron/cli/arguments';
import { commandNames, type CommandName } from '../../shared/ipc/commands';
import { operations } from '../../shared/ipc';
import { EXPORT_FORMATS, exportFormatNamed, exportFormatOf, suggestedFileName } from '../../shared/ipc/export-formats';

describe('the table of export formats', () => {
  it('holds each format the contract writes once, with a request the contract accepts', () => {
    const datasetFormats = operations.exportDataset.input.shape.format.options;
    const codebookFormats = operations.exportCodebook.input.shape.format.unwrap().options;
    const requests = [
      ...datasetFormats.map((format) => ['exportDataset', { format }] as const),
      ...codebookFormats.map((format) => ['exportCodebook', { format }] as const),
      ['exportCsv', { flavour: 'standard' }] as const,
      ['exportCsv', { flavour: 'excel' }] as const,
      ['exportCoderFile', {}] as const,
    ];
    for (const [operation, input] of requests) expect(exportFormatOf(operation, input).request.operation).toBe(operation);
    expect(EXPORT_FORMATS).toHaveLength(requests.length);
    for (const { request } of EXPORT_FORMATS) {
      expect(operations[request.operation].input.safeParse(request.input).success, JSON.stringify(request)).toBe(true);
    }
    expect(new Set(EXPORT_FORMATS.map((format) => format.id)).size).toBe(EXPORT_FORMATS.length);
    expect(new Set(EXPORT_FORMATS.map((format) => format.cli.name)).size).toBe(EXPORT_FORMATS.length);
  });

  it('names each format for the command line and suggests a file with the day in it', () => {
    expect(exportFormatNamed('wide')?.id).toBe('wide-csv');
    expect(exportFormatNamed('xml')).toBeUndefined();
    expect(suggestedFileName(exportFormatOf('exportDataset', { format: 'xlsx' }), '2026-11-30')).toBe('coded-dataset-2026-11-30.xlsx');
    expect(suggestedFileName(exportFormatOf('exportDataset', { format: 'datapackage' }), '2026-11-30')).toBe('coded-dataset-2026-11-30');
    expect(suggestedFileName(exportFormatOf('exportCodebook', { format: 'qdc' }), '2026-11-30')).toBe('codebook-2026-11-30.qdc');
  });

  const PROJECT_ITEMS = ['New Project…', 'Open Project…', 'Close Project', 'Project Details…', 'Save a Copy as Archive…', 'Restore from Backup…'];

  it('gives the File menu Export… (the dialog of every format), Analysis Report…, then one item per format with a menu command, each sending its command', () => {
    const sent: CommandName[] = [];
    const file = menuTemplate(false, (command) => sent.push(command)).find((item) => item.label === '&File')!;
    const [exportDialog, analysisReport, ...items] = (file.submenu as MenuItemConstructorOptions[]).filter((item) => item.click && item.label !== 'Close Tab' && !PROJECT_ITEMS.includes(String(item.label)));
    expect(exportDialog.label).toBe('Export…');
    expect(exportDialog.accelerator).toBe('CmdOrCtrl+Shift+X');
    (exportDialog.click as () => void)();
    expect(sent.splice(0)).toEqual(['export-dialog']);
    expect(analysisReport.label).toBe('Analysis Report…');
    (analysisReport.click as () => void)();
    expect(sent.splice(0)).toEqual(['analysis-report']);
    const withMenu = EXPORT_FORMATS.flatMap(({ menu }) => (menu ? [menu] : []));
    expect(items.map((item) => item.label)).toEqual(withMenu.map((menu) => menu.label));
    for (const item of items) (item.click as () => void)();
    expect(sent).toEqual(withMenu.map((menu) => menu.command));
    for (const command of sent) expect(commandNames).toContain(command);
    expect(items.find((item) => item.label === 'Export Coded Segments as CSV…')?.accelerator).toBe('CmdOrCtrl+E');
    expect(items.find((item) => item.label === 'Export for Excel (CSV)…')?.accelerator).toBe('CmdOrCtrl+Shift+E');
  });

  it('gives the File menu Close Tab on CmdOrCtrl+W, and the window its close on CmdOrCtrl+Shift+W, on every platform', () => {
    for (const isMac of [false, true]) {
      const sent: CommandName[] = [];
      const menu = menuTemplate(isMac, (command) => sent.push(command));
      const items = menu.flatMap((item) => (Array.isArray(item.submenu) ? item.submenu : []));
      const closeTab = items.find((item) => item.label === 'Close Tab')!;
      expect(closeTab.accelerator).toBe('CmdOrCtrl+W');
      (closeTab.click as () => void)();
      expect(sent).toEqual(['close-tab']);
      expect(commandNames).toContain('close-tab');
      expect(items.filter((item) => item.role === 'close').map((item) => item.accelerator)).toEqual(['CmdOrCtrl+Shift+W']);
      expect(items.filter((item) => item.accelerator === 'CmdOrCtrl+W')).toEqual([closeTab]);
    }
  });

  it("lists every format in the command line's help, and takes each as --format", () => {
    for (const { cli } of EXPORT_FORMATS) {
      expect(HELP).toContain(`${cli.name.padEnd(8)}  ${cli.help}\n`);
      expect(() => checkCall('export', { format: cli.name, out: 'out' }, [])).not.toThrow();
    }
    expect(() => checkCall('export', { format: 'xml', out: 'out' }, [])).toThrow(
      `Give --format as one of ${EXPORT_FORMATS.map(({ cli }) => cli.name).join(', ')} (not “xml”).`,
    );
  });
});
