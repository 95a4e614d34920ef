/**
 * `import FILE...`: texts as documents, REFI-QDA projects, and other coders' files, each by its
 * kind; a file that cannot be imported is reported and the rest go on. `import-codebook FILE`
 * merges a codebook.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { importedFileKind, tooLargeToImport } from '../../../shared/exchange/file-kinds';
import { dispatch } from '../../handlers/dispatch';
import { CliError, EXIT } from '../arguments';
import type { CommandContext } from '../command-context';

/** A file named on the command line could not be read: exit code 3, saying which and why. */
function unreadable(file: string, error: unknown): CliError {
  return new CliError(EXIT.file, `${file} could not be read: ${(error as Error).message}`);
}

/** The bytes of a file named on the command line. */
async function readInput(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    throw unreadable(file, error);
  }
}

export async function importFiles({ files, handlers }: CommandContext): Promise<unknown> {
  const imported = [];
  for (const file of files) {
    const kind = importedFileKind(file);
    const coderFile = kind === 'coder-file';
    const operation = coderFile ? 'importCoderFile' : kind === 'project' ? 'importProject' : 'importDocument';
    try {
      // Said as the app says it, before a text too large is read (and base64-encoded) at all.
      const tooLarge = kind === 'coder-file' ? null : tooLargeToImport(basename(file), (await stat(file)).size, kind);
      if (tooLarge) {
        imported.push({ file, error: tooLarge });
        continue;
      }
    } catch (error) {
      throw unreadable(file, error);
    }
    const bytes = await readInput(file);
    const input = coderFile ? { name: basename(file), content: bytes.toString('utf8') } : { name: basename(file), data: bytes.toString('base64') };
    const result = await dispatch(handlers, operation, input);
    imported.push(result.ok ? { file, ...(result.value as object) } : { file, error: result.error.message });
  }
  return imported;
}

export async function importCodebook({ files, call }: CommandContext): Promise<unknown> {
  const content = (await readInput(files[0]!)).toString('utf8');
  return call('importCodebookFile', { name: basename(files[0]!), content });
}
