// The Export… dialog names every format of the export table and says what reads it, in every
// shipped language: a format added to the table without its words fails here.
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../shared/ipc/export-formats';
import { LANGUAGES, MESSAGES } from '../../renderer/i18n/languages';

describe('the Export… dialog\'s words', () => {
  for (const language of LANGUAGES) {
    it(`has a name and a line on what reads it for every format, in ${language}`, () => {
      const formats = MESSAGES[language].workspace.export.formats as Record<string, { label?: string; readers?: string }>;
      const missing = EXPORT_FORMATS.filter(({ id }) => !formats[id]?.label?.trim() || !formats[id]?.readers?.trim()).map(({ id }) => id);
      expect(missing).toEqual([]);
      expect(Object.keys(formats).sort()).toEqual(EXPORT_FORMATS.map(({ id }) => id).sort());
    });
  }
});
