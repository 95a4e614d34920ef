/**
 * The project store: one project folder on disk (project.json kept by lowdb, the journal of
 * actions since it was last written, and the documents' exact bytes in documents/), and every
 * action a researcher takes on it, with undo and redo. Each action is applied in memory at once
 * and resolves once it is durable on disk. A project file that cannot be read is moved aside
 * under a dated name, never overwritten, and the researcher is told.
 */
import { createHash, randomUUID } from 'node:crypto';
import { lstat, mkdir, readdir, readFile, rename } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { basename, extname, join } from 'node:path';
import { Low } from 'lowdb';
import type { DocumentSummary, ProjectOverview } from '../../shared/api';
import { actionLabel, fitActionLabel } from '../../shared/action-label';
import { settle, type Adjudication, type SettleInput } from '../../shared/adjudication';
import { shownTo, type Viewer } from '../../shared/blind-coding';
import { DEFAULT_CODES } from '../../shared/codebook';
import type { DatasetInput } from '../../shared/csv-export';
import { documentIdFor, documentTitle, shortTitle, type DocumentRecord } from '../../shared/documents';
import { CodePointIndex } from '../../shared/offsets';
import { applyChanges, recordDone, type Action, type Change } from '../../shared/changes';
import type { CodebookState, Edit } from '../../shared/codebook-edits';
import {
  actionSchema,
  checkProjectFile,
  PROJECT_SCHEMA_VERSION,
  type ProjectFile,
} from '../../shared/project-schema';
import { WorkbenchFailure } from '../../shared/result';
import { quoteMatches, type CodedSegment } from '../../shared/segments';
import { describeFileError, syncFolder, writeFileDurably } from './atomic-write';
import { extractText } from '../services/document-import';
import { DurableJsonFile, UnreadableFileError } from './durable-json-file';
import { Journal, readJournal } from './journal';
import { lockProject, type ProjectLock } from './project-lock';
import {
  journalRecord,
  projectSerializer,
  replayAll,
  replayDamagedJournal,
  type JournalRecord,
  type JournalStep,
} from './project-persistence';
import { decodeUtf8Exact } from './text-decoding';
import type { VariableDefinition, VariableValue } from '../../shared/variables';
import {
  codePassage,
  codePassages,
  defineVariable,
  findDocument,
  findSegment,
  moveBounds,
  recode,
  removeDocument,
  removeSegment,
  removeVariable,
  requireCode,
  setDocumentValue,
  updateDocument,
  writeSegmentMemo,
  type ProjectState,
} from '../../shared/project-edits';

export const PROJECT_FILE = 'project.json';
export const JOURNAL_FILE = 'project.journal';
export const DOCUMENTS_FOLDER = 'documents';
/** Journal records after which the project file is rewritten and the journal emptied. */
const COMPACT_AFTER = 2000;

export interface ProjectStoreOptions {
  /** The project folder; made if missing. */
  folder: string;
  /** Where the bundled texts are, copied into a new project; null for a new project without documents. */
  bundledDocuments: string | null;
  /** Only make a new project: a folder that already holds a project file is refused ('conflict'). */
  newProjectOnly?: boolean;
  /** Clock, a test seam. */
  now?: () => Date;
  /** Coder name for a new project, taken as confirmed; without it, the login name, which the page asks to confirm. */
  coder?: string;
  /** Milliseconds between attempts to save again after a failed save. */
  retryDelayMs?: number;
}

/** A timestamp safe in file names: 2026-11-23T16-36-07Z. */
function fileStamp(date: Date): string {
  return date.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** True when something (a file, a link, anything) has this name. */
async function pathTaken(path: string): Promise<boolean> {
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

export class ProjectStore {
  private readonly texts = new Map<string, string>();
  private saveError: string | null = null;
  private retryTimer: NodeJS.Timeout | null = null;

  private constructor(
    readonly folder: string,
    private readonly db: Low<ProjectFile>,
    private readonly adapter: DurableJsonFile<ProjectFile>,
    private readonly journal: Journal<JournalRecord>,
    private readonly now: () => Date,
    private readonly notices: string[],
    private readonly retryDelayMs: number,
    private readonly lock: ProjectLock,
  ) {}

  get file(): string {
    return this.adapter.file;
  }

  /** The project's stable id (it seeds the GUIDs of exports). */
  get projectId(): string {
    return this.data.projectId;
  }

  private get data(): ProjectFile {
    return this.db.data;
  }

  /** Opens the project in `folder`, creating it from the bundled documents on first start. */
  static async open(options: ProjectStoreOptions): Promise<ProjectStore> {
    await mkdir(join(options.folder, DOCUMENTS_FOLDER), { recursive: true });
    // Another program on the same project is refused before anything is read or written.
    const lock = await lockProject(options.folder, (options.now ?? (() => new Date()))());
    try {
      return await ProjectStore.openLocked(options, lock);
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  private static async openLocked(options: ProjectStoreOptions, lock: ProjectLock): Promise<ProjectStore> {
    const now = options.now ?? (() => new Date());
    const folder = options.folder;
    await mkdir(join(folder, DOCUMENTS_FOLDER), { recursive: true });
    const adapter = new DurableJsonFile<ProjectFile>(
      join(folder, PROJECT_FILE),
      (json) => {
        const checked = checkProjectFile(json);
        return checked.ok ? { ok: true, value: checked.project } : checked;
      },
      projectSerializer(),
    );
    const notices: string[] = [];
    if (options.newProjectOnly && (await pathTaken(adapter.file))) {
      throw new WorkbenchFailure('conflict', `There is already a project in ${folder} (${adapter.file}); it was left as it is. Choose a folder without one.`);
    }
    let existing: ProjectFile | null = null;
    try {
      existing = await adapter.read();
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error;
      const keptAs = join(folder, `project.unreadable-${fileStamp(now())}.json`);
      await rename(adapter.file, keptAs);
      await syncFolder(folder);
      notices.push(
        `The project file ${adapter.file} could not be read: ${error.reason}. ` +
          `It was kept unchanged as ${keptAs}, and a new project was started from the bundled documents.`,
      );
    }
    const db = new Low<ProjectFile>(adapter, existing as ProjectFile);
    const journal = new Journal<JournalRecord>(join(folder, JOURNAL_FILE));
    const store = new ProjectStore(folder, db, adapter, journal, now, notices, options.retryDelayMs ?? 5000, lock);
    if (!existing) {
      db.data = await store.createProject(options.bundledDocuments, options.coder ?? defaultCoder(), options.coder !== undefined);
      // A journal left beside a damaged or missing project file belongs to that one, not to this.
      await journal.create();
      await journal.compact(() => db.write());
      return store;
    }
    const contents = await readJournal(journal.file, journalRecord);
    if (contents.damagedLines.length) {
      const keptAs = join(folder, `project.journal.unreadable-${fileStamp(now())}`);
      await writeFileDurably(keptAs, await readFile(journal.file));
      const replayed = replayDamagedJournal(db.data, contents);
      db.data = replayed.project;
      notices.push(`Some recent changes could not be read back: ${replayed.problem(journal.file)}. The journal was kept as ${keptAs}.`);
    } else {
      replayAll(db.data, contents.records);
    }
    await journal.create();
    if (contents.records.length || contents.damagedLines.length) await journal.compact(() => db.write());
    return store;
  }

  /** Copies the bundled texts (if any) into the project, byte for byte, and describes them. */
  private async createProject(bundled: string | null, coder: string, coderConfirmed: boolean): Promise<ProjectFile> {
    const created = this.now().toISOString();
    const files = bundled === null ? [] : (await readdir(bundled)).filter((name) => name.endsWith('.txt')).sort();
    const documents: DocumentRecord[] = [];
    for (const file of files) {
      const bytes = await readFile(join(bundled!, file));
      const text = decodeUtf8Exact(bytes);
      // Written like every other file of the project: never through a link planted under its name.
      await writeFileDurably(join(this.folder, DOCUMENTS_FOLDER, file), bytes);
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
      this.texts.set(documentIdFor(hash), text);
    }
    await syncFolder(join(this.folder, DOCUMENTS_FOLDER));
    return {
      schemaVersion: PROJECT_SCHEMA_VERSION,
      projectId: randomUUID(),
      name: 'Default project',
      createdAt: created,
      coder,
      coderConfirmed,
      blind: false,
      documents,
      codes: DEFAULT_CODES.map((code) => ({ ...code })),
      segments: [],
      variables: [],
      adjudications: [],
      history: { done: [], undone: [] },
      journalSeq: 0,
    };
  }

  /** Who is coding, and whether blind coding hides the other coders' work from them. */
  get viewer(): Viewer {
    return { coder: this.data.coder, blind: this.data.blind };
  }

  /** The project as the renderer lists it (in blind coding, counting only the coder's own segments). */
  overview(): ProjectOverview {
    const counts = new Map<string, number>();
    const byCoder = new Map<string, Record<string, number>>();
    for (const segment of shownTo(this.viewer, this.data.segments)) {
      counts.set(segment.documentId, (counts.get(segment.documentId) ?? 0) + 1);
      const coders = byCoder.get(segment.documentId) ?? {};
      coders[segment.coder] = (coders[segment.coder] ?? 0) + 1;
      byCoder.set(segment.documentId, coders);
    }
    const documents: DocumentSummary[] = this.documentsInOrder().map((document) => ({
      ...document,
      segmentCount: counts.get(document.id) ?? 0,
      segmentsByCoder: byCoder.get(document.id) ?? {},
    }));
    const notices = [...this.notices];
    if (this.saveError) notices.push(this.saveError);
    return {
      name: this.data.name,
      folder: this.folder,
      file: this.file,
      coder: this.data.coder,
      coderConfirmed: this.data.coderConfirmed,
      blind: this.data.blind,
      coders: [...new Set([this.data.coder, ...this.data.segments.map((s) => s.coder)])].sort((a, b) => a.localeCompare(b)),
      documents,
      codes: this.data.codes,
      notices,
      history: this.historyLabels(),
      variables: this.data.variables,
    };
  }

  /** Documents in the order they came into the project (then by file name), wherever undo put them. */
  private documentsInOrder(): DocumentRecord[] {
    return [...this.data.documents].sort((a, b) => a.addedAt.localeCompare(b.addedAt) || a.file.localeCompare(b.file));
  }

  /** The exact text of a document, read once and checked against its SHA-256. */
  async text(documentId: string): Promise<string> {
    const cached = this.texts.get(documentId);
    if (cached !== undefined) return cached;
    const document = findDocument(this.state, documentId);
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
    this.texts.set(documentId, text);
    return text;
  }

  /** A document's record, exact text and coded segments. */
  async openDocument(documentId: string): Promise<{ document: DocumentRecord; text: string; segments: CodedSegment[] }> {
    const document = findDocument(this.state, documentId);
    const text = await this.text(documentId);
    const segments = this.data.segments.filter((segment) => segment.documentId === documentId);
    // A segment whose quote is no longer the text at its offsets is reported, never moved.
    const misplaced = segments.filter((segment) => !quoteMatches(text, segment));
    const notice =
      misplaced.length &&
      `${misplaced.length === 1 ? '1 coded segment' : `${misplaced.length} coded segments`} in “${shortTitle(document.title)}” ` +
        `no longer ${misplaced.length === 1 ? 'matches' : 'match'} the text ` +
        `they quote (${misplaced.slice(0, 3).map((s) => s.id).join(', ')}${misplaced.length > 3 ? ', …' : ''}); ` +
        'they are shown where their offsets point. Check that the document file is the one that was coded.';
    if (notice && !this.notices.includes(notice)) this.notices.push(notice);
    return { document, text, segments };
  }

  /** The project as the pure edits (shared/project-edits.ts) read it. */
  private get state(): ProjectState {
    return this.data;
  }

  /** Codes a passage; resolves once the segment is on disk. */
  async addSegment(input: { id: string; documentId: string; codeId: string; start: number; end: number }): Promise<CodedSegment> {
    const text = await this.text(input.documentId);
    const edit = codePassage(this.state, input, text, this.now().toISOString());
    await this.perform(edit.label, edit.changes);
    return edit.segment;
  }

  /** Gives a segment another code; resolves once the change is on disk. */
  async setSegmentCode(input: { segmentId: string; codeId: string }): Promise<CodedSegment> {
    const edit = recode(this.state, input, this.now().toISOString());
    if (!edit) return findSegment(this.state, input.segmentId);
    await this.perform(edit.label, edit.changes);
    return edit.segment;
  }

  /** Removes a segment; resolves once the removal is on disk. */
  async removeSegment(input: { segmentId: string }): Promise<{ segmentId: string }> {
    await this.applyEdit(removeSegment(this.state, input));
    return { segmentId: input.segmentId };
  }

  /** Everything an export needs: documents with their texts, the codebook, the segments. */
  async dataset(): Promise<DatasetInput> {
    const documents = [];
    for (const record of this.documentsInOrder()) documents.push({ record, text: await this.text(record.id) });
    return { documents, codes: this.data.codes, segments: this.data.segments, variables: this.data.variables };
  }

  /** Applies an action, makes it undoable, and resolves once it is on disk. */
  private async perform(label: string, changes: Change[]): Promise<Action> {
    const action: Action = { id: randomUUID(), label: fitActionLabel(label), at: this.now().toISOString(), changes };
    // The journal and the project file are read back through this schema: an action it would
    // refuse on the next start is refused now, before anything changes.
    const checked = actionSchema.safeParse(action);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      const change = issue.path[0] === 'changes' ? changes[issue.path[1] as number] : undefined;
      const field = issue.path.filter((part) => typeof part === 'string' && part !== 'changes' && part !== 'before' && part !== 'after').join('.');
      throw new WorkbenchFailure(
        'invalid-input',
        `This change cannot be saved: ${change ? `the ${change.kind}'s ` : ''}${field || 'input'} does not fit (${issue.message}). Nothing was changed.`,
      );
    }
    applyChanges(this.data, changes, 'forward');
    recordDone(this.data.history, action);
    await this.commit({ op: 'do', action });
    return action;
  }

  /** Undoes the last action; null when there is none. Resolves once the undo is on disk. */
  async undo(): Promise<Action | null> {
    const action = this.data.history.done.pop();
    if (!action) return null;
    applyChanges(this.data, action.changes, 'backward');
    this.data.history.undone.push(action);
    await this.commit({ op: 'undo' });
    return action;
  }

  /** Redoes the last undone action; null when there is none. */
  async redo(): Promise<Action | null> {
    const action = this.data.history.undone.pop();
    if (!action) return null;
    applyChanges(this.data, action.changes, 'forward');
    this.data.history.done.push(action);
    await this.commit({ op: 'redo' });
    return action;
  }

  /**
   * Codes many passages at once (all hits of a search, say) as one action, so that one undo takes
   * them all back. A passage that already carries the code is left as it is.
   */
  async codeSpans(input: { codeId: string; spans: Array<{ documentId: string; start: number; end: number }>; label: string }): Promise<Action> {
    const texts = new Map<string, string>();
    for (const { documentId } of input.spans) if (!texts.has(documentId)) texts.set(documentId, await this.text(documentId));
    return this.applyEdit(codePassages(this.state, input, texts, this.now().toISOString(), randomUUID));
  }

  /** Moves a segment's start and end; its quote follows. */
  async setSegmentBounds(input: { segmentId: string; start: number; end: number }): Promise<Action> {
    const text = await this.text(findSegment(this.state, input.segmentId).documentId);
    return this.applyEdit(moveBounds(this.state, input, text, this.now().toISOString()));
  }

  /** Writes (or clears, with '') the memo of a segment. */
  async setSegmentMemo(input: { segmentId: string; memo: string }): Promise<Action> {
    return this.applyEdit(writeSegmentMemo(this.state, input, this.now().toISOString()));
  }

  /** Renames a document or writes its memo. */
  async updateDocument(input: { documentId: string; title?: string; memo?: string }): Promise<Action> {
    return this.applyEdit(updateDocument(this.state, input));
  }

  /**
   * Removes a document and its coded segments from the project, as one action that Undo takes
   * back (its text file stays in the project folder until then).
   */
  async removeDocument(input: { documentId: string }): Promise<Action> {
    return this.applyEdit(removeDocument(this.state, input));
  }

  /**
   * Imports a file as a new document (one undoable action). Its text is stored as UTF-8 in the
   * documents folder; a text the project already holds is reported, not added twice.
   */
  async importDocument(name: string, bytes: Uint8Array): Promise<{ action: Action | null; duplicateOf: DocumentRecord | null; notes: string[] }> {
    const extracted = await extractText(name, bytes);
    const existing = this.documentHolding(extracted.text);
    if (existing) return { action: null, duplicateOf: existing, notes: extracted.notes };
    const document = await this.storeDocumentText(name, extracted.text, {
      name,
      sha256: sha256(bytes),
      format: extracted.format,
      encoding: extracted.encoding,
    });
    const action = await this.perform(actionLabel`Import “${name}”`, [{ kind: 'document', id: document.id, before: null, after: document }]);
    return { action, duplicateOf: null, notes: extracted.notes };
  }

  /** The document of the project that holds exactly this text, if any. */
  documentHolding(text: string): DocumentRecord | null {
    const id = documentIdFor(sha256(Buffer.from(text, 'utf8')));
    return this.data.documents.find((d) => d.id === id) ?? null;
  }

  /**
   * Stores a text as UTF-8 in the documents folder (durably) and returns the record of a new
   * document for it, not yet part of the project: an action that adds it does that.
   */
  async storeDocumentText(name: string, text: string, source: DocumentRecord['source'], title?: string): Promise<DocumentRecord> {
    const document = this.newDocumentRecord(name, text, source, title);
    await this.saveDocumentText(document, text);
    return document;
  }

  /** The record a new document for this text would have (nothing is written yet). */
  newDocumentRecord(name: string, text: string, source: DocumentRecord['source'], title?: string): DocumentRecord {
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
      addedAt: this.now().toISOString(),
      memo: '',
      source,
      values: {},
    };
  }

  /** Writes a new document's text into the documents folder, durably, before an action adds it. */
  async saveDocumentText(document: DocumentRecord, text: string): Promise<void> {
    const path = join(this.folder, DOCUMENTS_FOLDER, document.file);
    try {
      await writeFileDurably(path, Buffer.from(text, 'utf8'));
    } catch (error) {
      throw new WorkbenchFailure('save-failed', `Could not store “${shortTitle(document.title)}” in the project (${path}): ${describeFileError(error)}.`);
    }
    this.texts.set(document.id, text);
  }

  /** Adds a document variable (a column of the variables table and of the CSV export). */
  async defineVariable(input: VariableDefinition): Promise<Action> {
    return this.applyEdit(defineVariable(this.state, input));
  }

  /** Removes a variable and every document's value of it, as one action. */
  async removeVariable(input: { name: string }): Promise<Action> {
    return this.applyEdit(removeVariable(this.state, input));
  }

  /** Sets (or, with null, clears) a document's value of a variable, checked against its type. */
  async setDocumentValue(input: { documentId: string; name: string; value: VariableValue }): Promise<Action> {
    return this.applyEdit(setDocumentValue(this.state, input));
  }

  /** The decisions taken on disagreements between coders. */
  get adjudications(): readonly Adjudication[] {
    return this.data.adjudications;
  }

  /** Records a decision on a disagreement (and its consensus segment) as one action. */
  async settleDisagreement(input: SettleInput): Promise<Action> {
    requireCode(this.state, input.codeId);
    const text = await this.text(input.documentId);
    const { label, changes } = settle(input, {
      segments: this.data.segments,
      adjudications: this.data.adjudications,
      text,
      by: this.data.coder,
      now: this.now().toISOString(),
      newId: randomUUID,
    });
    return this.perform(label, changes);
  }

  /** The codes and segments, for the codebook edits to work on. */
  codebookState(): CodebookState {
    return { codes: this.data.codes, segments: this.data.segments };
  }

  /** Applies a codebook edit (made by shared/codebook-edits.ts) as one undoable action. */
  async applyEdit(edit: Edit): Promise<Action> {
    return this.perform(edit.label, edit.changes);
  }

  /** Labels of the action that Undo and Redo would take back or do again. */
  historyLabels(): { undo: string | null; redo: string | null } {
    const { done, undone } = this.data.history;
    return { undo: done.at(-1)?.label ?? null, redo: undone.at(-1)?.label ?? null };
  }

  /**
   * Makes a step durable by appending it to the journal. On failure the step stays in memory,
   * the error is reported to the caller and in the overview, and the whole project is saved
   * again until that succeeds.
   */
  private async commit(step: JournalStep): Promise<void> {
    this.data.journalSeq += 1;
    // After a failed append the journal may miss a step (or end in half a line): until the whole
    // project has been saved again, steps are saved that way too, so the journal never has a gap.
    if (this.saveError) {
      await this.saveAll();
      if (this.saveError) throw new WorkbenchFailure('save-failed', this.saveError);
      return;
    }
    try {
      await this.journal.append([{ ...step, seq: this.data.journalSeq }]);
    } catch (error) {
      this.failedSave(error);
    }
    if (this.journal.length >= COMPACT_AFTER) this.saveAll().catch(() => undefined);
  }

  /** Writes the whole project file and empties the journal; this also recovers a failed save. */
  private async saveAll(): Promise<void> {
    try {
      await this.journal.compact(() => this.db.write());
      this.saveError = null;
    } catch (error) {
      this.failedSave(error);
    }
  }

  private failedSave(error: unknown): never {
    this.saveError =
      `Could not save ${this.file}: ${describeFileError(error)}. ` +
      'Your changes are kept in memory and saving is tried again every few seconds; do not close the app until they are saved.';
    this.scheduleRetry();
    throw new WorkbenchFailure('save-failed', this.saveError);
  }

  private scheduleRetry(): void {
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.saveAll().catch(() => undefined);
    }, this.retryDelayMs);
    this.retryTimer.unref?.();
  }

  /** True while a change is not yet on disk because saving failed. */
  get unsaved(): boolean {
    return this.saveError !== null;
  }

  /** Tries to save again now (after the researcher freed disk space, say). */
  async retrySave(): Promise<void> {
    await this.saveAll();
  }

  /**
   * Sets the name recorded on the segments this user makes from now on (segments already made
   * keep theirs). A setting, not an action: it is saved at once and not undone.
   */
  async setCoder(name: string): Promise<string> {
    const coder = name.trim().replace(/\s+/g, ' ');
    if (!coder) throw new WorkbenchFailure('invalid-input', 'A coder needs a name.');
    this.data.coder = coder;
    this.data.coderConfirmed = true;
    await this.saveAll();
    return coder;
  }

  /**
   * Turns blind coding on or off. A setting, not an action: it is saved at once and not undone,
   * and it holds (across restarts) until it is turned off.
   */
  async setBlind(blind: boolean): Promise<boolean> {
    this.data.blind = blind;
    await this.saveAll();
    return blind;
  }

  /** Saves the whole project (emptying the journal) and stops retrying. */
  async close(): Promise<void> {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    await this.journal.settled();
    if (this.journal.length > 0 || this.saveError) await this.saveAll().catch(() => undefined);
    await this.adapter.settled();
    await this.lock.release();
  }
}
