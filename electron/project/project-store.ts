/**
 * The project store: one open project folder (see project-opening.ts) in memory, the edits a
 * researcher makes to it as undoable actions, and cheap readers of its state. Each action is
 * applied in memory at once and resolves once it is durable on disk (save-loop.ts); the texts
 * live in documents/ (document-texts.ts).
 */
import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import type { Low } from 'lowdb';
import type { ProjectOverview } from '../../shared/ipc/project';
import { actionLabel } from '../../shared/edits/action-label';
import { fitActionLabel } from '../../shared/model/changes';
import type { Adjudication } from '../../shared/model/adjudication';
import type { Viewer } from '../../shared/views/blind-coding';
import { applyChanges, recordDone, redoLast, undoLast } from '../../shared/edits/changes';
import { type Action, type Change } from '../../shared/model/changes';
import type { CodebookState } from '../../shared/model/project';
import type { Edit } from '../../shared/model/changes';
import type { DatasetInput } from '../../shared/model/project';
import type { DocumentRecord } from '../../shared/model/documents';
import { codePassage, recode, removeSegment } from '../../shared/edits/segments';
import { findDocument, findSegment } from '../../shared/edits/find';
import { indexSegments, segmentsOfDocument } from '../../shared/model/segment-table';
import { type ProjectState } from '../../shared/model/project';
import type { ProjectFile } from '../../shared/model/project-schema';
import { WorkbenchFailure } from '../../shared/model/failure';
import { rejectedSuggestionSchema, suggestionSettingsSchema, type RejectedSuggestion, type SuggestionSettings } from '../../shared/model/suggestion-settings';
import type { CodedSegment, SegmentOrigin } from '../../shared/model/segments';
import { misplacedSegmentsNotice } from '../../shared/views/misplaced-segments';
import { documentsInOrder, historyLabels, projectCoders, projectOverview } from '../../shared/views/project-overview';
import { extractText } from '../services/document-import';
import type { DurableJsonFile } from './durable-json-file';
import { documentIdOfText, fileNameOf, newDocumentRecord, sha256, type DocumentTexts } from './document-texts';
import { openProject, type ProjectStoreOptions } from './project-opening';
import type { ProjectLock } from './project-lock';
import { refuseUnsavable } from './savable-action';
import { COMPACT_AFTER, COMPACT_AFTER_BYTES, SaveLoop } from './save-loop';
import type { Journal } from './journal';
import { rememberRejection, type JournalRecord, type JournalStep } from './project-persistence';

export { PROJECT_FILE, JOURNAL_FILE, type ProjectStoreOptions } from './project-opening';
export { DOCUMENTS_FOLDER } from './document-texts';

/**
 * Journal records after which the project file is rewritten: at least COMPACT_AFTER, and more as
 * the project grows, so that rewriting it costs each step about as much at every size.
 */
function compactAfter(segments: number): number {
  return Math.max(COMPACT_AFTER, Math.ceil(segments / 10));
}

export class ProjectStore {
  private readonly saving: SaveLoop;
  /** Changes (actions, undo, redo, settings) since the project was opened. */
  private changes = 0;
  /** Notices of the services around the project (a backup that failed), by topic. */
  private readonly serviceNotices = new Map<string, string>();
  /** Closed: its lock is given back, so nothing may be written into the folder any more. */
  private closed = false;
  /** Called after each action, undo and redo is applied (a service around the project that keeps work derived from it). */
  private readonly changeListeners = new Set<() => void>();
  /** Called once when the project is closed (a service around the project ends its threads). */
  private readonly closeListeners = new Set<() => void>();

  private constructor(
    readonly folder: string,
    private readonly db: Low<ProjectFile>,
    private readonly adapter: DurableJsonFile<ProjectFile>,
    journal: Journal<JournalRecord>,
    private readonly texts: DocumentTexts,
    private readonly now: () => Date,
    private readonly openingNotices: string[],
    retryDelayMs: number,
    private readonly lock: ProjectLock,
    /** The notice of a migration from an older version when this opening made one (also in `notices`). */
    readonly migrationNotice: string | null = null,
    /** Journal records after which the project file is rewritten, when fixed (by a test). */
    fixedCompactAfter?: number,
    /** Journal bytes after which the project file is rewritten, when fixed (by a test). */
    fixedCompactAfterBytes?: number,
    /** The size of the project file when it was opened. */
    projectFileBytes = 0,
  ) {
    // Segments are found, added and removed through an index, never by scanning them all.
    const segments = indexSegments(db.data);
    const writeProject = async (): Promise<void> => {
      await db.write();
      projectFileBytes = (await stat(adapter.file)).size;
    };
    this.saving = new SaveLoop(
      adapter.file,
      journal,
      writeProject,
      retryDelayMs,
      () => fixedCompactAfter ?? compactAfter(segments.size),
      // As many bytes as the project file: the rewrite then costs about as much as the journal did.
      () => fixedCompactAfterBytes ?? Math.max(COMPACT_AFTER_BYTES, projectFileBytes),
    );
  }

  /** Opens the project in `folder`, creating it from the bundled documents on first start. */
  static async open(options: ProjectStoreOptions): Promise<ProjectStore> {
    const { db, adapter, journal, texts, lock, notices, migrationNotice } = await openProject(options);
    return new ProjectStore(options.folder, db, adapter, journal, texts, options.now ?? (() => new Date()), notices, options.retryDelayMs ?? 5000, lock, migrationNotice, options.compactAfter, options.compactAfterBytes, (await stat(adapter.file)).size);
  }

  private get data(): ProjectFile {
    return this.db.data;
  }

  // Cheap readers: each reads one field (overview() reads the counts the segment index keeps).

  get file(): string {
    return this.adapter.file;
  }

  /** The project's stable id (it seeds the GUIDs of exports). */
  get projectId(): string {
    return this.data.projectId;
  }

  /** The project's name. */
  get name(): string {
    return this.data.name;
  }

  /** The project's description. */
  get description(): string {
    return this.data.description;
  }

  /**
   * Sets the project's name and description. A setting, not an action: saved at once, not undone.
   */
  async setDetails(name: string, description: string): Promise<{ name: string; description: string }> {
    const trimmed = name.trim().replace(/\s+/g, ' ');
    this.refuseIfClosed();
    if (!trimmed) throw new WorkbenchFailure('invalid-input', 'A project needs a name.');
    this.data.name = trimmed;
    this.data.description = description;
    this.changes += 1;
    await this.saving.saveAll();
    return { name: trimmed, description };
  }

  /** The name recorded on the segments this user makes. */
  get coder(): string {
    return this.data.coder;
  }

  /** Everyone who has coded in this project (and the current coder), by name. */
  get coders(): string[] {
    return projectCoders(this.data);
  }

  /** The documents, in the order they came into the project. */
  get documents(): DocumentRecord[] {
    return documentsInOrder(this.data.documents);
  }

  /** Who is coding, and whether blind coding hides the other coders' work from them. */
  get viewer(): Viewer {
    return { coder: this.data.coder, blind: this.data.blind };
  }

  /** The project as the pure edits (shared/project-edits.ts) read it; change it only through `edit`. */
  get state(): ProjectState {
    return this.data;
  }

  /** The codes and segments, for the codebook edits to work on. */
  codebookState(): CodebookState {
    return { codes: this.data.codes, segments: this.data.segments };
  }

  /** The decisions taken on disagreements between coders. */
  get adjudications(): readonly Adjudication[] {
    return this.data.adjudications;
  }

  /** Labels of the action that Undo and Redo would take back or do again. */
  historyLabels(): { undo: string | null; redo: string | null } {
    return historyLabels(this.data.history);
  }

  /** What the researcher must be told: what opening found, and a save that has not succeeded yet. */
  get notices(): string[] {
    const notices = [...this.openingNotices, ...this.serviceNotices.values()];
    if (this.saving.error) notices.push(this.saving.error);
    return notices;
  }

  /** Sets (or, with null, clears) what a service around the project has to tell, under its topic. */
  tell(topic: string, notice: string | null): void {
    if (notice === null) this.serviceNotices.delete(topic);
    else this.serviceNotices.set(topic, notice);
  }

  /** How many changes were made since the project was opened: a backup is due only when it has moved. */
  get changeCount(): number {
    return this.changes;
  }

  /**
   * The project file as it is now, journal folded in: the bytes a full save would write, made in
   * memory. Nothing is written, so that a copy (an archive, a backup) never makes the project's own
   * saving fail on a disk with room for the journal but not for the whole file.
   */
  projectFileNow(): Uint8Array {
    return Buffer.from(this.adapter.serialized(this.data), 'utf8');
  }

  /** The project as the renderer lists it (in blind coding, counting only the coder's own segments). */
  overview(): ProjectOverview {
    return projectOverview(this.data, { folder: this.folder, file: this.file, notices: this.notices });
  }

  /** The exact text of a document, read once and checked against its SHA-256. */
  async text(documentId: string): Promise<string> {
    return this.texts.text(findDocument(this.state, documentId));
  }

  /** A document's record, exact text and coded segments. */
  async openDocument(documentId: string): Promise<{ document: DocumentRecord; text: string; segments: CodedSegment[] }> {
    const document = findDocument(this.state, documentId);
    const text = await this.text(documentId);
    const segments = segmentsOfDocument(this.data, documentId);
    // A segment whose quote is no longer the text at its offsets is reported, never moved.
    const notice = misplacedSegmentsNotice(document.title, text, segments);
    if (notice && !this.openingNotices.includes(notice)) this.openingNotices.push(notice);
    return { document, text, segments };
  }

  /** Everything an export needs: documents with their texts, the codebook, the segments. */
  async dataset(): Promise<DatasetInput> {
    const documents = [];
    for (const record of this.documents) documents.push({ record, text: await this.text(record.id) });
    return { documents, codes: this.data.codes, segments: this.data.segments, variables: this.data.variables };
  }

  /** Codes a passage (by hand, or accepted from a suggestion); resolves once the segment is on disk. */
  async addSegment(input: { id: string; documentId: string; codeId: string; start: number; end: number; origin?: SegmentOrigin }): Promise<CodedSegment> {
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

  /**
   * Imports a file as a new document (one undoable action). Its text is stored as UTF-8 in the
   * documents folder; a text the project already holds is reported, not added twice.
   */
  async importDocument(given: string, bytes: Uint8Array): Promise<{ action: Action | null; duplicateOf: DocumentRecord | null; notes: string[] }> {
    // A name given with its folders would put a place into the project: only the file's name is kept.
    const name = fileNameOf(given);
    const extracted = await extractText(name, bytes);
    // The record carries the text's hash (and so its id): a text already held is found by it, hashed once.
    const document = this.newDocumentRecord(name, extracted.text, { name, sha256: sha256(bytes), format: extracted.format, encoding: extracted.encoding });
    const existing = this.data.documents.find((d) => d.id === document.id);
    if (existing) return { action: null, duplicateOf: existing, notes: extracted.notes };
    await this.saveDocumentText(document, extracted.text);
    const action = await this.perform(actionLabel`Import “${name}”`, [{ kind: 'document', id: document.id, before: null, after: document }]);
    return { action, duplicateOf: null, notes: extracted.notes };
  }

  /** The document of the project that holds exactly this text, if any. */
  documentHolding(text: string): DocumentRecord | null {
    const id = documentIdOfText(text);
    return this.data.documents.find((d) => d.id === id) ?? null;
  }

  /** The record a new document for this text would have (nothing is written yet). */
  newDocumentRecord(name: string, text: string, source: DocumentRecord['source'], title?: string): DocumentRecord {
    return newDocumentRecord(name, text, source, this.now().toISOString(), title);
  }

  /** Writes a new document's text into the documents folder, durably, before an action adds it. */
  async saveDocumentText(document: DocumentRecord, text: string): Promise<void> {
    this.refuseIfClosed();
    await this.texts.save(document, text);
  }

  /**
   * Makes an edit of the project as it is now, at the store's clock's time, and applies it as one
   * undoable action (the edits are pure: shared/project-edits.ts, shared/codebook-edits.ts).
   */
  async edit(make: (state: ProjectState, at: string) => Edit): Promise<Action> {
    return this.applyEdit(make(this.state, this.now().toISOString()));
  }

  /** Applies an edit (made by shared/codebook-edits.ts, say) as one undoable action. */
  async applyEdit(edit: Edit): Promise<Action> {
    return this.perform(edit.label, edit.changes);
  }

  /** Applies an action, makes it undoable, and resolves once it is on disk. */
  private async perform(label: string, changes: Change[]): Promise<Action> {
    this.refuseIfClosed();
    const action: Action = { id: randomUUID(), label: fitActionLabel(label), at: this.now().toISOString(), changes };
    refuseUnsavable(action);
    applyChanges(this.data, changes, 'forward');
    recordDone(this.data.history, action);
    await this.commit({ op: 'do', action });
    return action;
  }

  /** Undoes the last action; null when there is none. Resolves once the undo is on disk. */
  async undo(): Promise<Action | null> {
    this.refuseIfClosed();
    const action = undoLast(this.data);
    if (!action) return null;
    await this.commit({ op: 'undo' });
    return action;
  }

  /** Redoes the last undone action; null when there is none. */
  async redo(): Promise<Action | null> {
    this.refuseIfClosed();
    const action = redoLast(this.data);
    if (!action) return null;
    await this.commit({ op: 'redo' });
    return action;
  }

  /** Numbers a step and makes it durable (see save-loop.ts). */
  private async commit(step: JournalStep): Promise<void> {
    this.refuseIfClosed();
    this.data.journalSeq += 1;
    this.changes += 1;
    const saved = this.saving.commit({ ...step, seq: this.data.journalSeq });
    // The change is in memory now: whatever is derived from it may start over while it is saved.
    this.notifyChanged();
    await saved;
  }

  /** True while a change is not yet on disk because saving failed. */
  get unsaved(): boolean {
    return this.saving.error !== null;
  }

  /** Tries to save again now (after the researcher freed disk space, say). */
  async retrySave(): Promise<void> {
    this.refuseIfClosed();
    await this.saving.saveAll();
  }

  /**
   * Sets the name recorded on the segments this user makes from now on (segments already made
   * keep theirs). A setting, not an action: it is saved at once and not undone.
   */
  async setCoder(name: string): Promise<string> {
    const coder = name.trim().replace(/\s+/g, ' ');
    this.refuseIfClosed();
    if (!coder) throw new WorkbenchFailure('invalid-input', 'A coder needs a name.');
    this.data.coder = coder;
    this.data.coderConfirmed = true;
    this.changes += 1;
    await this.saving.saveAll();
    return coder;
  }

  /**
   * Turns blind coding on or off. A setting, not an action: it is saved at once and not undone,
   * and it holds (across restarts) until it is turned off.
   */
  async setBlind(blind: boolean): Promise<boolean> {
    this.refuseIfClosed();
    this.data.blind = blind;
    this.changes += 1;
    await this.saving.saveAll();
    return blind;
  }

  /** The project's settings of suggestions (off unless the researcher turned them on). */
  get suggestionSettings(): SuggestionSettings {
    return { ...this.data.suggestions };
  }

  /**
   * Changes the settings of suggestions. A setting, not an action: it is saved at once and not
   * undone, and it holds across restarts.
   */
  async setSuggestionSettings(change: Partial<SuggestionSettings>): Promise<SuggestionSettings> {
    this.refuseIfClosed();
    const settings = { ...this.data.suggestions, ...change };
    const checked = suggestionSettingsSchema.safeParse(settings);
    if (!checked.success) throw new WorkbenchFailure('invalid-input', `These settings of suggestions cannot be kept: ${checked.error.issues[0]?.message ?? 'they are not valid'}.`);
    this.data.suggestions = checked.data;
    this.changes += 1;
    await this.saving.saveAll();
    return { ...checked.data };
  }

  /** The suggestions the researcher rejected, in the order they were rejected. */
  get rejectedSuggestions(): readonly RejectedSuggestion[] {
    return this.data.rejectedSuggestions;
  }

  /**
   * Remembers a rejected suggestion (once: the same code on the same passage again changes
   * nothing); resolves with how many the project keeps, once it is on disk. Like a setting it is
   * not undone (the model is not to suggest it again), but it is saved as a step of the journal,
   * as an action is: a run of rejections in a large project costs a short append each, not a
   * rewrite of the whole project file.
   */
  async rejectSuggestion(rejection: RejectedSuggestion): Promise<number> {
    this.refuseIfClosed();
    const checked = rejectedSuggestionSchema.safeParse(rejection);
    if (!checked.success) throw new WorkbenchFailure('invalid-input', `This rejection cannot be kept: ${checked.error.issues[0]?.message ?? 'it is not valid'}. Nothing was changed.`);
    const list = this.data.rejectedSuggestions;
    if (rememberRejection(list, checked.data)) await this.commit({ op: 'reject', rejection: checked.data });
    return list.length;
  }

  /** Calls `listener` after every action, undo and redo (and each rejected suggestion); returns how to stop. */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Calls `listener` once when the project is closed; returns how to stop. */
  onClose(listener: () => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  private notifyChanged(): void {
    // A listener's failure is its own: it never undoes or fails the change that was made.
    for (const listener of this.changeListeners) {
      try {
        listener();
      } catch {
        // ignored on purpose (see above)
      }
    }
  }

  /** Refuses a change after close ('no-project'): the folder is no longer this program's to write. */
  private refuseIfClosed(): void {
    if (this.closed) throw new WorkbenchFailure('no-project', `The project in ${this.folder} is closed; open it again to change it.`);
  }

  /** Saves the whole project (emptying the journal) and stops retrying; every change after it is refused. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const listener of this.closeListeners) {
      try {
        listener();
      } catch {
        // A service that fails to stop does not keep the project from being saved and closed.
      }
    }
    this.closeListeners.clear();
    this.changeListeners.clear();
    await this.saving.stop();
    await this.adapter.settled();
    await this.lock.release();
  }
}
