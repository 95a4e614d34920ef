// The folder (and archive) name made from a project's name: the same rule in the page, which
// prefills it, and in the main process, which makes it again from what it is sent.
import { describe, expect, it } from 'vitest';
import { folderNameFor } from '../../shared/text/folder-name';

describe('a folder name made from a project name', () => {
  it('keeps letters of every script, spaces and punctuation that names may hold', () => {
    expect(folderNameFor('Média study: 2026/27')).toBe('Média study 2026 27');
    expect(folderNameFor('Карабах — Qarabağ')).toBe('Карабах — Qarabağ');
  });

  it('leaves out slashes, control and reserved characters, leading dots and trailing dots or spaces', () => {
    expect(folderNameFor('../../etc')).toBe('etc');
    expect(folderNameFor('a\\b\u0000c\nd<e>f|g?h*i"j')).toBe('a b c d e f g h i j');
    expect(folderNameFor('study. . ')).toBe('study');
  });

  it('is at most 80 characters, one form of each letter (NFC), and never empty', () => {
    expect(folderNameFor('x'.repeat(200))).toHaveLength(80);
    expect(folderNameFor('e\u0301')).toBe('\u00e9');
    expect(folderNameFor('///')).toBe('Project');
    expect(folderNameFor('..', '')).toBe('');
  });
});
