/** The further export formats from the page: each writes its file(s) and says where. */
import { readFile, readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { setUpWorkbench } from '../support/workbench';
import { exportFrom } from '../support/workspace';

const workbench = setUpWorkbench();

describe('more export formats in the browser', () => {
  it('writes the wide table, JSON Lines and a data package from the Export… dialog', async () => {
    const { page, problems } = await workbench.newPage();
    const exported = async (format: string) => {
      await exportFrom(page, format);
      await expect.poll(() => page.textContent('.message-bar')).toContain('Exported to');
      const message = (await page.textContent('.message-text'))!;
      await page.click('.message-bar button');
      return message.slice('Exported to '.length);
    };
    const wide = await exported('wide-csv');
    expect((await readFile(wide, 'utf8')).split('\n')[0]).toContain('factual_claim_n,factual_claim_chars,factual_claim_any');
    const jsonl = await exported('jsonl');
    expect((await readFile(jsonl, 'utf8')).trim().split('\n')).toHaveLength(5);
    const workbook = await exported('xlsx');
    expect((await readFile(workbook)).subarray(0, 2).toString()).toBe('PK'); // a zip, as XLSX files are
    const folder = await exported('datapackage');
    expect((await readdir(folder)).sort()).toEqual(['datapackage.json', 'documents-wide.csv', 'segments.csv']);
    expect(problems).toEqual([]);
    await page.close();
  });
});
