/**
 * The documents' texts in the project's documents/ folder: each read once, checked against the
 * SHA-256 it was added with (a changed file would move every coded segment off its words), and
 * new texts written durably as UTF-8 before an action adds their document.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { documentIdFor, type DocumentRecord } from '../../shared/model/documents';
import { documentTitle, shortTitle } from '../../shared/text/short-text';
import { CodePointIndex } from '../../shared/text/offsets';
import { WorkbenchFailure } from '../../shared/model/failure';
import { describeFileError, writeFileDurably } from './atomic-write';
import { decodeUtf8Exact } from './text-decoding';

/** The folder of a project that holds its documents' texts. */
export const DOCUMENTS_FOLDER = 'documents';

/** The SHA-256 of some bytes, in hex. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The texts of one project's documents, cached once read. */
export class DocumentTexts {
  private readonly texts = new Map<string, string>();

  constructor(
    /** The project folder. */
    private readonly folder: string,
  ) {}

  /** Remembers a text already known to be the document's (one just copied in, say). */
  remember(documentId: string, text: string): void {
    this.texts.set(documentId, text);
  }

  /** The exact text of a document, read once and checked against its SHA-256. */
  async text(document: DocumentRecord): Promise<string> {
    const cached = this.texts.get(document.id);
    if (cached !== undefined) return cached;
    const path = join(this.folder, DOCUMENTS_FOLDER, document.file);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      throw new WorkbenchFailure('not-found', `The text of “${shortTitle(document.title)}” (${path}) could not be read: ${describeFileError(error)}.`);
    }
    if (sha256(bytes) !== document.sha256) {
      throw new WorkbenchFailure(
        'project-unreadable',
        `The text file ${path} has changed since it was added to the project; its coded segments would no longer point at the right words. Restore the original file.`,
      );
    }
    const text = decodeUtf8Exact(bytes);
    this.texts.set(document.id, text);
    return text;
  }

  /** Writes a new document's text into the documents folder, durably, before an action adds it. */
  async save(document: DocumentRecord, text: string): Promise<void> {
    const path = join(this.folder, DOCUMENTS_FOLDER, document.file);
    try {
      await writeFileDurably(path, Buffer.from(text, 'utf8'));
    } catch (error) {
      throw new WorkbenchFailure('save-failed', `Could not store “${shortTitle(document.title)}” in the project (${path}): ${describeFileError(error)}.`);
    }
    this.texts.set(document.id, text);
  }
}

/**
 * A file's own name, without the folders it may have been given with (`C:\Users\ana\a.txt` →
 * `a.txt`): what a project records of an imported file, so that nothing in it names a place.
 */
export function fileNameOf(name: string): string {
  return name.split(/[\\/]/).filter(Boolean).pop() ?? name;
}

/** The record a new document for this text would have (nothing is written yet). */
export function newDocumentRecord(name: string, text: string, source: DocumentRecord['source'], addedAt: string, title?: string): DocumentRecord {
  const stored = Buffer.from(text, 'utf8');
  const hash = sha256(stored);
  // Cut in code points, so that an astral letter is never halved.
  const stem = Array.from(basename(name, extname(name)).replace(/[^\p{L}\p{N}._-]+/gu, '-')).slice(0, 80).join('') || 'document';
  return {
    id: documentIdFor(hash),
    title: Array.from(title?.trim() ?? '').slice(0, 500).join('') || documentTitle(text, basename(name, extname(name))),
    file: `${stem}-${hash.slice(0, 8)}.txt`,
    sha256: hash,
    byteLength: stored.length,
    length: text.length,
    codePointLength: new CodePointIndex(text).codePointLength,
    addedAt,
    memo: '',
    source,
    values: {},
  };
}

/** The id a document holding exactly this text has (or would have). */
export function documentIdOfText(text: string): string {
  return documentIdFor(sha256(Buffer.from(text, 'utf8')));
}
