/**
 * `import FILE...`: texts as documents, REFI-QDA projects, and other coders' files, each by its
 * kind; a file that cannot be imported is reported and the rest go on. `import-codebook FILE`
 * merges a codebook.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { dispatch } from '../../handlers/dispatch';
import { MAX_IMPORT_BYTES } from '../../services/document-import';
import { CliError, EXIT } from '../arguments';
import type { CommandContext } from '../command-context';

export async function importFiles({ files, handlers }: CommandContext): Promise<unknown> {
  const imported = [];
  for (const file of files) {
    const coderFile = /\.coder\.json$/i.test(file);
    const operation = coderFile ? 'importCoderFile' : /\.(qdpx|qde)$/i.test(file) ? 'importProject' : 'importDocument';
    let bytes: Buffer;
    try {
      // Said as the app says it, before a text too large is read (and base64-encoded) at all.
      if (operation === 'importDocument' && (await stat(file)).size > MAX_IMPORT_BYTES) {
        imported.push({ file, error: `${basename(file)} is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB, the most that is imported.` });
        continue;
      }
      bytes = await readFile(file);
    } catch (error) {
      throw new CliError(EXIT.file, `${file} could not be read: ${(error as Error).message}`);
    }
    const input = coderFile ? { name: basename(file), content: bytes.toString('utf8') } : { name: basename(file), data: bytes.toString('base64') };
    const result = await dispatch(handlers, operation, input);
    imported.push(result.ok ? { file, ...(result.value as object) } : { file, error: result.error.message });
  }
  return imported;
}

export async function importCodebook({ files, call }: CommandContext): Promise<unknown> {
  let content: string;
  try {
    content = await readFile(files[0]!, 'utf8');
  } catch (error) {
    throw new CliError(EXIT.file, `${files[0]} could not be read: ${(error as Error).message}`);
  }
  return call('importCodebookFile', { name: basename(files[0]!), content });
}
