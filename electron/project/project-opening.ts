/**
 * Opening a project folder: taking its lock, reading project.json and replaying the journal of
 * steps since it was last written, or making a new project from the bundled texts. A project file
 * from an older version is migrated (shared/model/project-migrations.ts), its old file kept beside
 * it; one from a newer version is refused and left untouched. A project file that cannot be read
 * is moved aside under a dated name, never overwritten, and a journal with a damaged line is kept
 * beside it; either way the researcher is told in a notice.
 */
import { randomUUID } from 'node:crypto';
import { lstat, mkdir, open, readdir, readFile, rename } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { basename, join } from 'node:path';
import { Low } from 'lowdb';
import { DEFAULT_CODES } from '../../shared/model/codebook';
import { indexSegments } from '../../shared/model/segment-table';
import { documentIdFor, type DocumentRecord } from '../../shared/model/documents';
import { documentTitle } from '../../shared/text/short-text';
import { CodePointIndex } from '../../shared/text/offsets';
import { checkProjectFile, PROJECT_SCHEMA_VERSION, type ProjectFile } from '../../shared/model/project-schema';
import { WorkbenchFailure } from '../../shared/model/failure';
import {
  migrateJournalLine,
  migrateProjectJson,
  migrationPlan,
  newerVersionMessage,
  type JsonObject,
  type MigrationStep,
} from '../../shared/model/project-migrations';
import { syncFolder, writeFileDurably } from './atomic-write';
import { DOCUMENTS_FOLDER, DocumentTexts, sha256 } from './document-texts';
import { DurableJsonFile } from './durable-json-file';
import { Journal, readJournal } from './journal';
import { lockProject, type ProjectLock } from './project-lock';
import { journalRecord, projectChunks, replayAll, replayDamagedJournal, type JournalRecord } from './project-persistence';
import { decodeUtf8Exact, notUtf8Reason } from './text-decoding';
import { DEFAULT_SUGGESTION_SETTINGS } from '../../shared/model/suggestion-settings';

export const PROJECT_FILE = 'project.json';
export const JOURNAL_FILE = 'project.journal';

export interface ProjectStoreOptions {
  /** The project folder; made if missing. */
  folder: string;
  /** Where the bundled texts are, copied into a new project; null for a new project without documents. */
  bundledDocuments: string | null;
  /** Only make a new project: a folder that already holds a project file is refused ('conflict'). */
  newProjectOnly?: boolean;
  /** Only open a project that is there: a folder without a project file is refused ('not-found'), nothing is made in it. */
  existingOnly?: boolean;
  /** The name of a new project ('Default project' when not given). */
  name?: string;
  /** Clock, a test seam. */
  now?: () => Date;
  /** Coder name for a new project, taken as confirmed; without it, the login name, which the page asks to confirm. */
  coder?: string;
  /** Milliseconds between attempts to save again after a failed save. */
  retryDelayMs?: number;
  /** Journal records after which the project file is rewritten (a test seam; by the project's size otherwise). */
  compactAfter?: number;
  /** Journal bytes after which the project file is rewritten (a test seam; the larger of 64 MiB and the project file's size otherwise). */
  compactAfterBytes?: number;
}

/** An open project folder: its data in memory, the files that keep it, and what to tell. */
export interface OpenedProject {
  db: Low<ProjectFile>;
  adapter: DurableJsonFile<ProjectFile>;
  journal: Journal<JournalRecord>;
  texts: DocumentTexts;
  lock: ProjectLock;
  /** Things the researcher must be told (a damaged file kept aside, ...). */
  notices: string[];
  /** The notice of a migration from an older version (also in `notices`): told, but nothing was lost. */
  migrationNotice: string | null;
}

/** A timestamp safe in file names: 2026-11-23T16-36-07Z. */
function fileStamp(date: Date): string {
  return date.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
}

/** True when something (a file, a link, anything) has this name. */
export async function pathTaken(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

function defaultCoder(): string {
  try {
    return userInfo().username || 'coder';
  } catch {
    return 'coder';
  }
}

/** Opens the project in `options.folder`, creating it from the bundled documents on first start. */
export async function openProject(options: ProjectStoreOptions): Promise<OpenedProject> {
  if (options.existingOnly && !(await pathTaken(join(options.folder, PROJECT_FILE)))) {
    throw new WorkbenchFailure('not-found', `There is no Annotation Workbench project in ${options.folder} (no ${PROJECT_FILE} in it).`);
  }
  // Only the folder itself: its documents/ is made once the project file is known to be readable.
  await mkdir(options.folder, { recursive: true });
  // Another program on the same project is refused before anything is read or written.
  const now = options.now ?? (() => new Date());
  const lock = await lockProject(options.folder, now());
  try {
    return await openLocked(options, now, lock);
  } catch (error) {
    await lock.release();
    throw error;
  }
}

async function openLocked(options: ProjectStoreOptions, now: () => Date, lock: ProjectLock): Promise<OpenedProject> {
  const folder = options.folder;
  const adapter = new DurableJsonFile<ProjectFile>(
    join(folder, PROJECT_FILE),
    (json) => {
      const checked = checkProjectFile(json);
      return checked.ok ? { ok: true, value: checked.project } : checked;
    },
    projectChunks,
  );
  const notices: string[] = [];
  if (options.newProjectOnly && (await pathTaken(adapter.file))) {
    throw new WorkbenchFailure('conflict', `There is already a project in ${folder} (${adapter.file}); it was left as it is. Choose a folder without one.`);
  }
  // A file from a newer version throws here, before anything in the folder is made or changed.
  const read = await readProjectFile(adapter.file);
  // Opening is asked for a project that is there: a file it cannot read is not set aside for a
  // new project, since this folder may be something else's (or a project of another program).
  if (read.kind === 'unreadable' && options.existingOnly) {
    throw new WorkbenchFailure('project-unreadable', `${adapter.file} is not an Annotation Workbench project that can be read: ${read.reason}. The folder was left as it is.`);
  }
  await mkdir(join(folder, DOCUMENTS_FOLDER), { recursive: true });
  let existing: ProjectFile | null = null;
  if (read.kind === 'unreadable') {
    const keptAs = join(folder, `project.unreadable-${fileStamp(now())}.json`);
    await rename(adapter.file, keptAs);
    await syncFolder(folder);
    notices.push(
      `The project file ${adapter.file} could not be read: ${read.reason}. ` +
        `It was kept unchanged as ${keptAs}, and a new project was started from the bundled documents.`,
    );
  } else if (read.kind === 'read') {
    existing = read.project;
    // The journal's steps find their segments through an index (shared/model/segment-table.ts).
    indexSegments(existing);
  }
  const db = new Low<ProjectFile>(adapter, existing as ProjectFile);
  const journal = new Journal<JournalRecord>(join(folder, JOURNAL_FILE));
  const texts = new DocumentTexts(folder);
  const opened: OpenedProject = { db, adapter, journal, texts, lock, notices, migrationNotice: null };
  if (!existing) {
    db.data = await createProject(folder, texts, now().toISOString(), options.bundledDocuments, options.coder ?? defaultCoder(), options.coder !== undefined, options.name ?? 'Default project');
    // A journal left beside a damaged or missing project file belongs to that one, not to this.
    await journal.create();
    await journal.compact(() => db.write());
    return opened;
  }
  const migration = read.kind === 'read' ? read.migration : null;
  // Lines written by the older version are brought to this version's shape before they are checked.
  const steps = migration?.steps ?? [];
  const contents = await readJournal(journal.file, (json) => journalRecord(migrateJournalLine(json, steps)));
  if (contents.damagedLines.length) {
    const keptAs = join(folder, `project.journal.unreadable-${fileStamp(now())}`);
    await writeFileDurably(keptAs, await readFile(journal.file));
    const replayed = replayDamagedJournal(db.data, contents);
    db.data = replayed.project;
    notices.push(`Some recent changes could not be read back: ${replayed.problem(journal.file)}. The journal was kept as ${keptAs}.`);
  } else {
    replayAll(db.data, contents.records);
  }
  if (migration) {
    opened.migrationNotice = await keepOlderVersion(folder, adapter.file, journal.file, migration, now());
    notices.push(opened.migrationNotice);
  }
  await journal.create();
  // The migrated project is written only after the old file is kept: a crash between leaves both.
  if (contents.records.length || contents.damagedLines.length || migration) await journal.compact(() => db.write());
  return opened;
}

/** A project file as read: none, a project (migrated from an older version, or not), or unreadable. */
type ReadProject =
  | { kind: 'missing' }
  | { kind: 'read'; project: ProjectFile; migration: { from: number; steps: readonly MigrationStep[]; original: Buffer } | null }
  | { kind: 'unreadable'; reason: string };

/**
 * The bytes of a file, read into one buffer of its size in as few reads as the system allows
 * (a project file of 40 MB is not read in 512 KiB pieces, each a round trip through the thread
 * pool that a busy machine makes wait).
 */
async function readWhole(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const bytes = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const { bytesRead } = await handle.read(bytes, read, size - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    // The file is never written in place (a save renames a new file over it): its size holds.
    return read === size ? bytes : bytes.subarray(0, read);
  } finally {
    await handle.close();
  }
}

/**
 * Reads the project file, running the migration steps on a file from an older version before the
 * schema check. A file from a newer version is refused with a 'project-unreadable' failure, and
 * nothing is written.
 */
async function readProjectFile(file: string): Promise<ReadProject> {
  let bytes: Buffer;
  try {
    bytes = await readWhole(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') return { kind: 'unreadable', reason: 'it is a folder, not a file' };
    throw error;
  }
  let text: string;
  try {
    // Strictly: bytes that are not UTF-8 would come back as U+FFFD, and the next save would write
    // the replacement over what was there (a memo, a code's name) for good.
    text = decodeUtf8Exact(bytes);
  } catch {
    return { kind: 'unreadable', reason: notUtf8Reason(bytes) };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { kind: 'unreadable', reason: `it is not valid JSON (${(error as Error).message})` };
  }
  const plan = migrationPlan(json);
  if (plan.kind === 'newer') throw new WorkbenchFailure('project-unreadable', newerVersionMessage(file, plan.version));
  const migrated = plan.kind === 'older' ? migrateProjectJson(json as JsonObject, plan.steps) : json;
  const checked = checkProjectFile(migrated);
  if (!checked.ok) return { kind: 'unreadable', reason: checked.reason };
  return {
    kind: 'read',
    project: checked.project,
    migration: plan.kind === 'older' ? { from: plan.from, steps: plan.steps, original: bytes } : null,
  };
}

/**
 * Keeps the project file of an older version (and its journal, when it holds lines) beside the
 * project, durably and under names never used before; returns the notice that says so.
 */
async function keepOlderVersion(
  folder: string,
  projectFile: string,
  journalFile: string,
  migration: { from: number; steps: readonly MigrationStep[]; original: Buffer },
  at: Date,
): Promise<string> {
  const stamp = `v${migration.from}-${fileStamp(at)}`;
  const keptProject = await keepExclusively(folder, `project.${stamp}`, '.json', migration.original);
  let journalBytes: Buffer | null = null;
  try {
    journalBytes = await readFile(journalFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const keptJournal = journalBytes?.length ? await keepExclusively(folder, `project.journal.${stamp}`, '', journalBytes) : null;
  const changes = migration.steps.map((step) => `schema ${step.to} ${step.changes}`).join('; ');
  return (
    `This project was written by an older version of Annotation Workbench (schema ${migration.from}) and was brought up to date ` +
    `(${changes}). The file as it was is kept as ${keptProject}${keptJournal ? `, its journal as ${keptJournal}` : ''}; ` +
    `${basename(projectFile)} is now read by this version only.`
  );
}

/** Writes `bytes` under `<base><ext>` (or `<base>-2<ext>`, ...) in `folder`, never over an existing file; returns the path. */
async function keepExclusively(folder: string, base: string, ext: string, bytes: Buffer): Promise<string> {
  for (let n = 1; ; n++) {
    const path = join(folder, `${base}${n === 1 ? '' : `-${n}`}${ext}`);
    let handle;
    try {
      handle = await open(path, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw error;
    }
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await syncFolder(folder);
    return path;
  }
}

/** Copies the bundled texts (if any) into the project, byte for byte, and describes them. */
async function createProject(
  folder: string,
  texts: DocumentTexts,
  created: string,
  bundled: string | null,
  coder: string,
  coderConfirmed: boolean,
  name: string,
): Promise<ProjectFile> {
  const files = bundled === null ? [] : (await readdir(bundled)).filter((name) => name.endsWith('.txt')).sort();
  const documents: DocumentRecord[] = [];
  for (const file of files) {
    const bytes = await readFile(join(bundled!, file));
    const text = decodeUtf8Exact(bytes);
    // Written like every other file of the project: never through a link planted under its name.
    await writeFileDurably(join(folder, DOCUMENTS_FOLDER, file), bytes);
    const hash = sha256(bytes);
    documents.push({
      id: documentIdFor(hash),
      title: documentTitle(text, basename(file, '.txt')),
      file,
      sha256: hash,
      byteLength: bytes.length,
      length: text.length,
      codePointLength: new CodePointIndex(text).codePointLength,
      addedAt: created,
      memo: '',
      source: null,
      values: {},
    });
    texts.remember(documentIdFor(hash), text);
  }
  await syncFolder(join(folder, DOCUMENTS_FOLDER));
  return {
    schemaVersion: PROJECT_SCHEMA_VERSION,
    projectId: randomUUID(),
    name,
    description: '',
    createdAt: created,
    coder,
    coderConfirmed,
    blind: false,
    suggestions: { ...DEFAULT_SUGGESTION_SETTINGS },
    rejectedSuggestions: [],
    documents,
    codes: DEFAULT_CODES.map((code) => ({ ...code })),
    segments: [],
    variables: [],
    adjudications: [],
    history: { done: [], undone: [] },
    journalSeq: 0,
  };
}
