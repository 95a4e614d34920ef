/**
 * Project archives (`.awbproj`): one file holding a project folder's project file and texts, with
 * a manifest of SHA-256 sums, to hand a project to a colleague, move it, or keep it as a backup.
 *
 * An archive is a zip of `manifest.json`, `project.json` (as the store holds it: whole, the
 * journal folded in) and every text of `documents/`; never the lock, the journal, the backups or
 * the exports. Reading one trusts nothing in it: it is unpacked within the limits of
 * zip-archive.ts, every name must be a plain relative one, the manifest must list exactly the
 * parts there are with their right sizes and sums, and the project file must be a valid project
 * whose texts are all there. Only then is anything written, and a restore writes into a temporary
 * folder that is renamed into place, so a refused archive leaves nothing behind.
 */
import { lstat, mkdir, mkdtemp, readdir, readFile, rename, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { strToU8, Zip, ZipDeflate } from 'fflate';
import { checkProjectFile, type ProjectFile } from '../../shared/model/project-schema';
import type { SegmentRows } from '../../shared/model/segment-rows';
import { migrateProjectJson, migrationPlan, newerVersionMessage, type JsonObject } from '../../shared/model/project-migrations';
import { WorkbenchFailure } from '../../shared/model/failure';
import { z } from '../../shared/model/zod';
import { fileFailure, syncFolder, truncateDurably, writeFileDurably } from '../project/atomic-write';
import { DOCUMENTS_FOLDER, sha256 } from '../project/document-texts';
import { JOURNAL_FILE, pathTaken, PROJECT_FILE } from '../project/project-opening';
import { lockProject } from '../project/project-lock';
import type { ProjectStore } from '../project/project-store';
import { decodeUtf8Exact } from '../project/text-decoding';
import { appVersion } from './app-version';
import { ARCHIVE_LIMITS, ArchiveTooLarge, DamagedArchive, MAX_ARCHIVE_BYTES, sizeInWords, ZipArchive, type ArchiveLimits } from './zip-archive';

/** The part of an archive that lists every other part with its size and SHA-256. */
export const MANIFEST_FILE = 'manifest.json';
/** The format name a project archive's manifest carries. */
export const ARCHIVE_FORMAT = 'annotation-workbench-project';
/** The version of the archive format this program writes and reads. */
export const ARCHIVE_FORMAT_VERSION = 1;

const manifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  formatVersion: z.number().int().positive(),
  appVersion: z.string(),
  createdAt: z.string(),
  projectId: z.string(),
  name: z.string(),
  counts: z.object({ documents: z.number().int().nonnegative(), segments: z.number().int().nonnegative(), codes: z.number().int().nonnegative() }),
  files: z.array(z.object({ path: z.string(), bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
});

/** What an archive says about itself and each of its parts. */
export type ArchiveManifest = z.infer<typeof manifestSchema>;

/** An archive that passed every check: its manifest, its project, and its parts by path. */
export interface CheckedArchive {
  manifest: ArchiveManifest;
  project: ProjectFile;
  /** `project.json` and `documents/<name>`, as they were archived. */
  files: Map<string, Uint8Array>;
}

/** The temporary files atomic-write.ts makes beside a file while writing it: never a text of the project. */
const TEMPORARY_FILE = /^\..+\.[0-9a-f]{16}\.tmp$/;

/**
 * The archive of the open project, as bytes: its project file as it is now, its texts and the
 * manifest. Refused ('invalid-input') when it would hold more than an archive may be read with
 * (`limits`, those of zip-archive.ts unless a test narrows them): it could never be restored.
 */
export async function projectArchive(store: ProjectStore, now: Date = new Date(), limits: ArchiveLimits = ARCHIVE_LIMITS): Promise<Uint8Array> {
  const projectBytes = store.projectFileNow();
  const files = new Map<string, Uint8Array>([[PROJECT_FILE, projectBytes]]);
  for (const [name, bytes] of await projectTexts(store.folder)) files.set(`${DOCUMENTS_FOLDER}/${name}`, bytes);
  // The file as written (its segments as rows, shared/model/segment-rows.ts).
  const project = JSON.parse(decodeUtf8Exact(projectBytes)) as Omit<ProjectFile, 'segments'> & { segments: SegmentRows };
  // An archive that could not be restored is refused now, while the researcher can still mend the folder.
  const missing = missingText(project, files);
  if (missing) throw new WorkbenchFailure('project-unreadable', `The project could not be archived: ${missing}.`);
  const manifest: ArchiveManifest = {
    format: ARCHIVE_FORMAT,
    formatVersion: ARCHIVE_FORMAT_VERSION,
    appVersion: appVersion(),
    createdAt: now.toISOString(),
    projectId: project.projectId,
    name: project.name,
    counts: { documents: project.documents.length, segments: project.segments.rows.length, codes: project.codes.length },
    files: [...files].map(([path, bytes]) => ({ path, bytes: bytes.length, sha256: sha256(bytes) })),
  };
  const parts: Array<readonly [string, Uint8Array]> = [[MANIFEST_FILE, strToU8(`${JSON.stringify(manifest, null, 2)}\n`)], ...files];
  refuseBeyondLimits(parts, limits);
  return zipParts(parts, now);
}

/** A size in MiB with one decimal, rounded up (so that a size just over a limit never reads as equal to it). */
function inMegabytes(bytes: number): string {
  return `${(Math.ceil((bytes / 1024 / 1024) * 10) / 10).toFixed(1)} MiB`;
}

/** Refuses parts that, once archived, would be beyond what reading an archive accepts. */
function refuseBeyondLimits(parts: ReadonlyArray<readonly [string, Uint8Array]>, limits: ArchiveLimits): void {
  const tooLarge = (reason: string): never => {
    throw new WorkbenchFailure('invalid-input', `The project could not be archived: ${reason}, and such an archive could not be restored.`);
  };
  let total = 0;
  for (const [path, bytes] of parts) {
    if (bytes.length > limits.partBytes) tooLarge(`“${path}” holds ${inMegabytes(bytes.length)}, more than the ${sizeInWords(limits.partBytes)} one part of an archive may hold`);
    total += bytes.length;
  }
  if (total > limits.archiveBytes) tooLarge(`its files hold ${inMegabytes(total)} together, more than the ${sizeInWords(limits.archiveBytes)} an archive may hold`);
}

/** Bytes deflated at a time before the event loop gets a turn: coding goes on while a large project is packed. */
const PACK_SLICE_BYTES = 1024 * 1024;

/** Zips the parts in order, in slices, giving the event loop a turn between them (a backup runs beside coding). */
async function zipParts(parts: ReadonlyArray<readonly [string, Uint8Array]>, mtime: Date): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else chunks.push(chunk);
  });
  for (const [path, bytes] of parts) {
    const part = new ZipDeflate(path, { level: 6 });
    part.mtime = mtime;
    zip.add(part);
    let at = 0;
    do {
      const next = Math.min(at + PACK_SLICE_BYTES, bytes.length);
      part.push(bytes.subarray(at, next), next === bytes.length);
      at = next;
      await new Promise((resolve) => setImmediate(resolve));
    } while (at < bytes.length);
  }
  zip.end();
  if (failure) throw failure;
  const whole = new Uint8Array(chunks.reduce((size, chunk) => size + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.length;
  }
  return whole;
}

/** The regular files of a project's documents folder (links, folders and half-written files left out). */
async function projectTexts(folder: string): Promise<Map<string, Uint8Array>> {
  const texts = new Map<string, Uint8Array>();
  let entries;
  try {
    entries = await readdir(join(folder, DOCUMENTS_FOLDER), { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return texts;
    throw error;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (!entry.isFile() || TEMPORARY_FILE.test(entry.name) || !safePartName(`${DOCUMENTS_FOLDER}/${entry.name}`)) continue;
    texts.set(entry.name, await readFile(join(folder, DOCUMENTS_FOLDER, entry.name)));
  }
  return texts;
}

/** Why a document of the project has no text among the files (missing, or not the one it was added with); null when all are there. */
function missingText(project: Pick<ProjectFile, 'documents'>, files: ReadonlyMap<string, Uint8Array>): string | null {
  for (const document of project.documents) {
    const path = `${DOCUMENTS_FOLDER}/${document.file}`;
    const bytes = files.get(path);
    if (!bytes) return `the text of “${document.title}” (${path}) is missing`;
    if (sha256(bytes) !== document.sha256) return `the text of “${document.title}” (${path}) is not the one it was added with`;
  }
  return null;
}

/**
 * True for a part name that stays inside the folder it is unpacked into, on every system: relative,
 * with forward slashes only, no `.` or `..` step, no drive letter or colon, no control character.
 */
export function safePartName(path: string): boolean {
  if (path === '' || path.startsWith('/') || /[\\:\u0000-\u001f\u007f]/.test(path)) return false;
  return path.split('/').every((step) => step !== '' && step !== '.' && step !== '..');
}

/** A part that belongs in a project archive: the project file, or a text directly in documents/. */
function projectPart(path: string): boolean {
  return path === PROJECT_FILE || (path.startsWith(`${DOCUMENTS_FOLDER}/`) && path.split('/').length === 2);
}

/**
 * Reads a project archive and checks all of it: the names of its parts, its manifest against the
 * parts (every part listed, every listed part there, every size and sum right, no name twice),
 * and the project file with its texts. Throws a WorkbenchFailure that says what is wrong, naming
 * the part; nothing is written.
 */
export async function readProjectArchive(archiveFile: string): Promise<CheckedArchive> {
  const name = basename(archiveFile);
  const refuse = (reason: string): never => {
    throw new WorkbenchFailure('project-unreadable', `${name} was refused: ${reason}.`);
  };
  let bytes: Uint8Array;
  try {
    const info = await lstat(archiveFile);
    if (!info.isFile()) refuse('it is not a file');
    if (info.size > MAX_ARCHIVE_BYTES) refuse('it is larger than an archive may be');
    bytes = await readFile(archiveFile);
  } catch (error) {
    throw fileFailure(error, 'not-found', `Could not read ${archiveFile}`);
  }
  let archive: ZipArchive;
  try {
    archive = ZipArchive.open(name, bytes);
  } catch (error) {
    if (error instanceof DamagedArchive) refuse(`it is not a project archive that can be read (${error.message})`);
    throw error;
  }
  for (const path of archive.paths) if (!safePartName(path)) refuse(`its part “${path}” has a name that could lead outside the project folder`);
  const [twice] = archive.duplicatePaths;
  if (twice !== undefined) refuse(`it holds “${twice}” twice`);
  if (!archive.paths.includes(MANIFEST_FILE)) refuse(`it has no ${MANIFEST_FILE}; it is not an Annotation Workbench project archive`);

  const manifest = readManifest(archive, refuse);
  const listed = new Set<string>();
  for (const entry of manifest.files) {
    if (!safePartName(entry.path)) refuse(`its manifest lists “${entry.path}”, a name that could lead outside the project folder`);
    if (!projectPart(entry.path)) refuse(`its manifest lists “${entry.path}”, which is not part of a project`);
    if (listed.has(entry.path)) refuse(`its manifest lists “${entry.path}” twice`);
    listed.add(entry.path);
  }
  for (const path of archive.paths) if (path !== MANIFEST_FILE && !listed.has(path)) refuse(`it holds “${path}”, which its manifest does not list`);
  if (!listed.has(PROJECT_FILE)) refuse(`it holds no ${PROJECT_FILE}`);

  const files = new Map<string, Uint8Array>();
  for (const entry of manifest.files) {
    if (!archive.paths.includes(entry.path)) refuse(`its manifest lists “${entry.path}”, which it does not hold`);
    let part: Uint8Array;
    try {
      part = archive.read(entry.path);
    } catch (error) {
      if (error instanceof ArchiveTooLarge) throw error;
      if (error instanceof DamagedArchive) refuse(`its part “${entry.path}” cannot be read (${error.message})`);
      throw error;
    }
    if (part.length !== entry.bytes) refuse(`“${entry.path}” has ${part.length} bytes where its manifest says ${entry.bytes}; it is not the file that was archived`);
    if (sha256(part) !== entry.sha256) refuse(`the SHA-256 of “${entry.path}” does not match its manifest; it is not the file that was archived`);
    files.set(entry.path, part);
  }

  let json: unknown;
  try {
    json = JSON.parse(decodeUtf8Exact(files.get(PROJECT_FILE)!));
  } catch (error) {
    refuse(`its ${PROJECT_FILE} is not valid JSON (${(error as Error).message})`);
  }
  // An archive of an older version is restored as it was written: opening it migrates it (and
  // keeps the old file). Here it is checked as it will be once migrated; a newer one is refused.
  const plan = migrationPlan(json);
  if (plan.kind === 'newer') refuse(newerVersionMessage(`its ${PROJECT_FILE}`, plan.version));
  const checked = checkProjectFile(plan.kind === 'older' ? migrateProjectJson(json as JsonObject, plan.steps) : json);
  if (!checked.ok) refuse(`its ${PROJECT_FILE} is not a valid project: ${checked.reason}`);
  const project = (checked as { ok: true; project: ProjectFile }).project;
  if (project.projectId !== manifest.projectId) refuse(`its manifest names another project than its ${PROJECT_FILE}`);
  const missing = missingText(project, files);
  if (missing) refuse(missing);
  return { manifest, project, files };
}

/** The manifest of an archive, checked against its schema. */
function readManifest(archive: ZipArchive, refuse: (reason: string) => never): ArchiveManifest {
  let json: unknown;
  try {
    json = JSON.parse(decodeUtf8Exact(archive.read(MANIFEST_FILE)));
  } catch (error) {
    if (error instanceof ArchiveTooLarge) throw error;
    refuse(`its ${MANIFEST_FILE} cannot be read (${(error as Error).message})`);
  }
  const format = (json as { format?: unknown; formatVersion?: unknown } | null) ?? {};
  if (format.format === ARCHIVE_FORMAT && typeof format.formatVersion === 'number' && format.formatVersion > ARCHIVE_FORMAT_VERSION) {
    refuse(`it was written by a newer version of Annotation Workbench (archive format ${format.formatVersion}; this version reads ${ARCHIVE_FORMAT_VERSION})`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) refuse(`its ${MANIFEST_FILE} is not the manifest of an Annotation Workbench project archive`);
  return parsed.data!;
}

/** The manifest of an archive alone (the list of backups shows its counts), without unpacking the texts. */
export async function archiveManifest(archiveFile: string): Promise<ArchiveManifest> {
  const archive = ZipArchive.open(basename(archiveFile), await readFile(archiveFile));
  return readManifest(archive, (reason) => {
    throw new WorkbenchFailure('project-unreadable', `${basename(archiveFile)}: ${reason}.`);
  });
}

/**
 * Restores an archive into `folder`, a new folder (missing or empty), after checking every sum;
 * nothing is left in the folder when a check fails.
 */
export async function restoreArchive(archiveFile: string, folder: string): Promise<void> {
  const checked = await readProjectArchive(archiveFile);
  const isNew = !(await pathTaken(folder)) || ((await lstat(folder)).isDirectory() && (await readdir(folder)).length === 0);
  if (!isNew) throw new WorkbenchFailure('conflict', `${folder} is not empty; an archive is restored only into a new folder.`);
  const parent = dirname(folder);
  let temporary: string | null = null;
  try {
    await mkdir(parent, { recursive: true });
    temporary = await mkdtemp(join(parent, `.${basename(folder)}.restoring-`));
    await mkdir(join(temporary, DOCUMENTS_FOLDER));
    for (const [path, bytes] of checked.files) await writeFileDurably(join(temporary, ...path.split('/')), bytes);
    // The finished folder takes the name at once; an empty folder made for it gives way first.
    if (await pathTaken(folder)) await rmdir(folder);
    await rename(temporary, folder);
    temporary = null;
    await syncFolder(parent);
  } catch (error) {
    throw fileFailure(error, 'save-failed', `Could not restore ${basename(archiveFile)} into ${folder}`);
  } finally {
    if (temporary) await rm(temporary, { recursive: true, force: true }).catch(() => undefined);
  }
}

/**
 * Replaces the project in `folder` (closed) by the archive's: its project file and texts, each
 * written atomically; the journal is emptied (before the project file is replaced, so that no
 * step of the project before is replayed onto the restored one); texts not in the archive are
 * left alone. Used to restore a backup; given the archive already read and checked
 * (readProjectArchive), nothing is read from the file again.
 */
export async function replaceFromArchive(archiveFile: string, folder: string, checkedBefore?: CheckedArchive): Promise<void> {
  const checked = checkedBefore ?? (await readProjectArchive(archiveFile));
  const lock = await lockProject(folder, new Date());
  try {
    await mkdir(join(folder, DOCUMENTS_FOLDER), { recursive: true });
    for (const [path, bytes] of checked.files) {
      if (path === PROJECT_FILE) continue;
      const target = join(folder, ...path.split('/'));
      if (await sameBytes(target, bytes)) continue;
      await writeFileDurably(target, bytes);
    }
    await truncateDurably(join(folder, JOURNAL_FILE));
    await writeFileDurably(join(folder, PROJECT_FILE), checked.files.get(PROJECT_FILE)!);
  } catch (error) {
    throw fileFailure(error, 'save-failed', `Could not restore ${basename(archiveFile)} into ${folder}`);
  } finally {
    await lock.release();
  }
}

/** True when `file` is a regular file holding exactly these bytes. */
async function sameBytes(file: string, bytes: Uint8Array): Promise<boolean> {
  try {
    const info = await lstat(file);
    return info.isFile() && info.size === bytes.length && sha256(await readFile(file)) === sha256(bytes);
  } catch {
    return false;
  }
}
