import { describe, expect, it } from 'vitest';
import { importedFileKind } from '../../shared/exchange/file-kinds';

describe('the kind of an imported file, by its name', () => {
  it("takes a name ending in .coder.json for another coder's file, in any case", () => {
    expect(importedFileKind('anna.coder.json')).toBe('coder-file');
    expect(importedFileKind('Ben Müller.CODER.JSON')).toBe('coder-file');
  });

  it('takes .qdpx and .qde for a project of another program', () => {
    expect(importedFileKind('study.qdpx')).toBe('project');
    expect(importedFileKind('STUDY.QDE')).toBe('project');
  });

  it('takes everything else for a text, which the document import reads or refuses', () => {
    for (const name of ['speech.txt', 'notes.md', 'page.html', 'report.docx', 'paper.pdf', 'codebook.json', 'study.qdpx.txt', 'qdpx', 'coder.json']) {
      expect(importedFileKind(name), name).toBe('document');
    }
  });
});
