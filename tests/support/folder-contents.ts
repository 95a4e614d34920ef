/** A folder's files as names and bytes, to show that something left a folder exactly as it was. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Every file below `folder` (relative name → its bytes in base64), folders as names ending in '/'. */
export async function folderContents(folder: string): Promise<Record<string, string>> {
  const contents: Record<string, string> = {};
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    const name = path.slice(folder.length + 1);
    contents[entry.isDirectory() ? `${name}/` : name] = entry.isDirectory() ? '' : (await readFile(path)).toString('base64');
  }
  return contents;
}
