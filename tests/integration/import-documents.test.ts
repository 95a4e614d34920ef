import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/handlers';
import { IMPORT_MAX_BYTES } from '../../shared/exchange/file-kinds';

const MAX_IMPORT_BYTES = IMPORT_MAX_BYTES.document;
import type { ImportOutcome } from '../../shared/ipc';
import { docxFile, pdfFile } from '../support/files';
import { openProject } from '../support/project';

async function importFile(handlers: Awaited<ReturnType<typeof openProject>>['handlers'], name: string, bytes: Uint8Array) {
  return dispatch(handlers, 'importDocument', { name, data: Buffer.from(bytes).toString('base64') });
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('importing documents', () => {
  it('reads each format and encoding into the text the researcher sees', async () => {
    const { store, handlers, folder } = await openProject();
    const cases: Array<[string, Uint8Array, string, string | null]> = [
      ['plain.txt', utf8('Plain text title\r\nwith CRLF and é.'), 'Plain text title\r\nwith CRLF and é.', 'UTF-8'],
      ['bom.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('After a BOM: ü')]), 'After a BOM: ü', 'UTF-8 (with BOM)'],
      ['utf16.txt', new Uint8Array([0xff, 0xfe, ...iconv.encode('UTF-16 text: ç ✓', 'utf-16le')]), 'UTF-16 text: ç ✓', 'UTF-16LE'],
      ['legacy.txt', new Uint8Array(iconv.encode('Caf\u00e9 \u201cquoted\u201d \u2013 na\u00efve r\u00e9sum\u00e9 from a Windows machine, with more words to go on.', 'windows-1252')), 'Caf\u00e9 \u201cquoted\u201d \u2013 na\u00efve r\u00e9sum\u00e9 from a Windows machine, with more words to go on.', 'windows-1252'],
      ['notes.md', utf8('# Heading\n\nSome *emphasis* and a [link](https://example.org).\n'), 'Heading\n\nSome emphasis and a link.', 'UTF-8'],
      ['page.html', utf8('<html><head><style>p{}</style><script>var x=1</script></head><body><h1>Title</h1><p>First <b>para</b>.</p><p>Second.</p></body></html>'), 'Title\n\nFirst para.\n\nSecond.', 'UTF-8'],
      ['report.docx', await docxFile(['Word title', 'Second paragraph.']), 'Word title\n\nSecond paragraph.', null],
      ['scan.pdf', await pdfFile(['PDF page one.', 'PDF page two.']), 'PDF page one.\n\nPDF page two.', null],
    ];
    for (const [name, bytes, expected, encoding] of cases) {
      const result = await importFile(handlers, name, bytes);
      expect(result, name).toMatchObject({ ok: true });
      const imported = (result as { value: ImportOutcome }).value;
      const document = imported.outcome!.documents[0].document!;
      const { text } = await store.openDocument(document.id);
      expect(text.trim(), name).toBe(expected);
      expect(document.source, name).toMatchObject({ name, encoding });
      // The stored file is the text in UTF-8; offsets count it.
      expect(await readFile(join(folder, 'documents', document.file), 'utf8')).toBe(text);
      if (encoding === 'windows-1252') expect(imported.notes[0]).toMatch(/legacy\.txt is not UTF-8; it was read as windows-1252/);
    }
    expect(store.overview().documents).toHaveLength(5 + cases.length);
  });

  it('reports a text already in the project instead of adding it twice', async () => {
    const { store, handlers } = await openProject();
    const bundled = await readFile(new URL('../../documents/001_b754461076061955.txt', import.meta.url));
    const result = await importFile(handlers, 'copy of 001.txt', bundled);
    expect(result).toMatchObject({ ok: true, value: { outcome: null, duplicateOf: { id: store.overview().documents[1].id } } });
    expect(store.overview().documents).toHaveLength(5);
  });

  it('refuses each bad file with its name and reason, and the rest of the batch still imports', async () => {
    const { store, handlers } = await openProject();
    const batch: Array<[string, Uint8Array]> = [
      ['empty.txt', new Uint8Array()],
      ['good one.txt', utf8('A good text between bad ones.')],
      ['binary.txt', new Uint8Array([0x41, 0x00, 0x42, 0x00, 0xff])],
      ['program.exe', utf8('MZ')],
      ['broken.docx', utf8('not a zip at all')],
      ['broken.pdf', utf8('%PDF-1.4 nothing more')],
      ['blank.html', utf8('<html><body>   </body></html>')],
      ['another good.md', utf8('Another *good* text.')],
    ];
    const messages: Record<string, string> = {};
    for (const [name, bytes] of batch) {
      const result = await importFile(handlers, name, bytes);
      if (!result.ok) messages[name] = result.error.message;
    }
    expect(messages).toEqual({
      'empty.txt': 'empty.txt is empty.',
      'binary.txt': 'binary.txt looks like a binary file, not text (it holds NUL bytes).',
      'program.exe': 'program.exe is not a kind of file that can be imported (.txt, .md, .html, .docx, .pdf).',
      'broken.docx': 'broken.docx is not a Word document that can be read (.docx).',
      'broken.pdf': 'broken.pdf is not a PDF that can be read.',
      'blank.html': 'blank.html holds no text.',
    });
    expect(store.overview().documents.map((d) => d.source?.name).filter(Boolean)).toEqual(['good one.txt', 'another good.md']);
  });

  it('refuses a file over the size limit', async () => {
    const { store } = await openProject();
    await expect(store.importDocument('huge.txt', new Uint8Array(MAX_IMPORT_BYTES + 1).fill(65))).rejects.toThrow(
      /huge\.txt is larger than 50 MB/,
    );
  });

  it('says a file of 60 MB is larger than 50 MB when the page sends it whole', async () => {
    const { store, handlers } = await openProject();
    const result = await importFile(handlers, 'sixty.txt', new Uint8Array(60 * 1024 * 1024).fill(65));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('the file is larger than 50 MB, the most that is imported') } });
    expect(store.overview().documents).toHaveLength(5);
  });

  it('keeps an import across a restart, and Undo takes it back', async () => {
    const project = await openProject();
    await importFile(project.handlers, 'kept.txt', utf8('Kept after a restart.'));
    const again = await openProject(project.folder);
    expect(again.store.overview().documents.at(-1)?.title).toBe('Kept after a restart.');
    await dispatch(again.handlers, 'undo', {});
    expect(again.store.overview().documents).toHaveLength(5);
  });
});
