/**
 * Coders bringing their work together without a server: writing the current coder's file,
 * merging another coder's file as one undoable action, and syncing through a shared folder
 * (Dropbox, Syncthing, a git checkout) where each coder keeps their own `<coder>.coder.json`.
 * Syncing writes only the current coder's file and never deletes anything.
 */
import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { actionLabel } from '../../shared/edits/action-label';
import { applyChanges } from '../../shared/edits/changes';
import { type Action, type Change } from '../../shared/model/changes';
import type { Code } from '../../shared/model/codebook';
import { buildCoderFile, CODER_FILE_MAX_CHARS, CODER_FILE_SUFFIX, coderFileJson, coderFileName, normalCoderName, readCoderFile, type CoderFile } from '../../shared/exchange/coder-file';
import { planCoderMerge, type CoderMergeTarget } from '../../shared/exchange/coder-merge';
import type { DocumentRecord } from '../../shared/model/documents';
import { WorkbenchFailure } from '../../shared/model/failure';
import type { CodedSegment } from '../../shared/model/segments';
import { describeFileError, fileFailure, writeFileDurably } from '../project/atomic-write';
import type { ProjectStore } from '../project/project-store';
import { readRegularFile } from '../project/regular-file';
import { importedCodeId } from '../../shared/model/code-ids';

/** What merging did: the action (null when nothing changed) and the report, in words. */
export interface CoderImport {
  action: Action | null;
  report: string[];
}

/** The id of a code brought in from a coder file: its id there when free, or one made from it. */
function newCodeId(ref: string, taken: ReadonlySet<string>): string {
  return importedCodeId(ref, createHash('sha1').update(ref).digest('hex'), taken, true);
}

/** The current coder's file: their segments, the codebook and the documents of the project. */
export function coderFileFor(store: ProjectStore, now: Date): CoderFile {
  const { coder, documents } = store;
  const { codes, segments } = store.codebookState();
  return buildCoderFile({ coder, codes, documents, segments, projectId: store.projectId }, now.toISOString());
}

/** The project as a merge works on it: a copy, with the texts of the documents the files name. */
async function mergeTarget(
  store: ProjectStore,
  files: readonly CoderFile[],
): Promise<CoderMergeTarget & { codes: Code[]; documents: DocumentRecord[]; segments: CodedSegment[] }> {
  const { coder, documents } = store;
  const { codes, segments } = store.codebookState();
  const wanted = new Set(files.flatMap((file) => file.documents.map((d) => d.sha256)));
  const texts = new Map<string, string>();
  for (const document of documents) if (wanted.has(document.sha256)) texts.set(document.id, await store.text(document.id));
  return { coder, codes: [...codes], documents: [...documents], segments: [...segments], texts };
}

/** Reads a coder file's text, or throws saying, by name, why it cannot be merged. */
function parsed(name: string, content: string): CoderFile {
  const read = readCoderFile(content);
  if (!read.ok) throw new WorkbenchFailure('invalid-input', `${name} cannot be merged: ${read.reason}.`);
  return read.file;
}

/** Merges another coder's file into the project as one undoable action. */
export async function importCoderFile(store: ProjectStore, name: string, content: string, now: Date): Promise<CoderImport> {
  const file = parsed(name, content);
  const plan = planCoderMerge(file, await mergeTarget(store, [file]), { now: now.toISOString(), newCodeId });
  if (!plan.changes.length) return { action: null, report: plan.report };
  const action = await store.applyEdit({ label: actionLabel`Merge the coding of ${normalCoderName(file.coder)} (${name})`, changes: plan.changes });
  return { action, report: plan.report };
}

/**
 * Syncs the project with a shared folder: writes the current coder's file there (atomically, as
 * `<coder>.coder.json`), then merges every other coder's file found there, all as one undoable
 * action. A file that cannot be read is reported by name and changes nothing; of several files
 * by one coder (a sync program's conflict copies), the one written last is merged.
 */
export async function syncSharedFolder(store: ProjectStore, folder: string, now: Date): Promise<CoderImport> {
  try {
    if (!(await stat(folder)).isDirectory()) throw new WorkbenchFailure('invalid-input', `${folder} is not a folder.`);
  } catch (error) {
    throw fileFailure(error, 'not-found', `The shared folder ${folder} cannot be opened`);
  }
  const report: string[] = [];
  const own = coderFileFor(store, now);
  const ownName = coderFileName(own.coder);
  const ownFileThere = await writeOwnFile(folder, ownName, own, report);

  let names: string[];
  try {
    names = (await readdir(folder)).filter((n) => n.toLowerCase().endsWith(CODER_FILE_SUFFIX) && !n.startsWith('.')).sort();
  } catch (error) {
    throw new WorkbenchFailure('not-found', `The shared folder ${folder} cannot be read: ${describeFileError(error)}.`);
  }
  // The latest file of each other coder.
  const latest = new Map<string, { name: string; file: CoderFile }>();
  for (const name of names) {
    if (name === ownName && ownFileThere) continue;
    let content: string;
    try {
      content = await readRegularFile(join(folder, name), CODER_FILE_MAX_CHARS);
    } catch (error) {
      report.push(`${name} could not be read: ${describeFileError(error)}; nothing was merged from it.`);
      continue;
    }
    const read = readCoderFile(content);
    if (!read.ok) {
      report.push(`${name} was not merged: ${read.reason}.`);
      continue;
    }
    const coder = normalCoderName(read.file.coder);
    if (coder === normalCoderName(own.coder)) {
      report.push(`${name} is also by ${coder}, the coder of this project: it was not merged (a coder's own work is never replaced by a file).`);
      continue;
    }
    const earlier = latest.get(coder);
    if (earlier && Date.parse(earlier.file.exportedAt) >= Date.parse(read.file.exportedAt)) {
      report.push(`${name} is a file of ${coder} written no later than ${earlier.name}: it was not merged.`);
      continue;
    }
    if (earlier) report.push(`${earlier.name} is an older file of ${coder} than ${name}: it was not merged.`);
    latest.set(coder, { name, file: read.file });
  }

  // Each file is planned against the project as the files before it left it, and all go in as one action.
  const files = [...latest.values()];
  const working = await mergeTarget(store, files.map(({ file }) => file));
  const changes: Change[] = [];
  const merged: string[] = [];
  for (const { name, file } of files) {
    const plan = planCoderMerge(file, working, { now: now.toISOString(), newCodeId });
    report.push(...plan.report.map((line, i) => (i === 0 ? `${name}: ${line}` : `  ${line}`)));
    if (!plan.changes.length) continue;
    applyChanges(working, plan.changes, 'forward');
    changes.push(...plan.changes);
    merged.push(normalCoderName(file.coder));
  }
  if (!files.length) report.push(`No other coder's file is in ${folder} yet.`);
  if (!changes.length) return { action: null, report };
  const action = await store.applyEdit({ label: actionLabel`Merge the coding of ${merged.join(', ')} from the shared folder`, changes });
  return { action, report };
}

/**
 * Writes the current coder's file into the shared folder as `name`, unless that name holds
 * another coder's file or this coder's file from another project (neither is ever overwritten),
 * or the file there already says the same (so a sync program has nothing new to carry). False
 * when the name holds another coder's file, which is then merged like the rest.
 */
async function writeOwnFile(folder: string, name: string, own: CoderFile, report: string[]): Promise<boolean> {
  const path = join(folder, name);
  let content: string | null = null;
  try {
    content = await readRegularFile(path, CODER_FILE_MAX_CHARS);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      report.push(`${name} is there but could not be read (${describeFileError(error)}): your file was not written.`);
      return true;
    }
  }
  if (content !== null) {
    const read = readCoderFile(content);
    if (!read.ok) {
      report.push(`${name} is there but ${read.reason}: it was left as it is, and your file was not written.`);
      return true;
    }
    const existing = read.file;
    if (normalCoderName(existing.coder) !== normalCoderName(own.coder)) {
      report.push(`${name} holds the coding of ${existing.coder}, whose name gives the same file name as yours: it was left as it is, and your file was not written.`);
      return false;
    }
    if (existing.projectId !== own.projectId) {
      report.push(`${name} holds your coding from another project (${existing.projectId}): it was left as it is, and your file was not written.`);
      return true;
    }
    if (content === coderFileJson({ ...own, exportedAt: existing.exportedAt })) {
      report.push(`Your file ${name} is up to date (${plural(own.segments.length, 'segment')}).`);
      return true;
    }
  }
  try {
    await writeFileDurably(path, coderFileJson(own));
  } catch (error) {
    throw new WorkbenchFailure('save-failed', `Could not write your coder file ${path}: ${describeFileError(error)}.`);
  }
  report.push(`Wrote your file ${name} (${plural(own.segments.length, 'segment')}).`);
  return true;
}

const plural = (n: number, one: string) => `${n} ${n === 1 ? one : `${one}s`}`;
