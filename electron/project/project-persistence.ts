/**
 * How a project is kept on disk between full saves: the numbered steps of the journal (an action
 * done, undone or redone, a suggestion rejected), how a line is read back and applied (a damaged line skipped, the
 * valid ones after it kept), and the JSON of the project file, made in chunks as it is written.
 */
import { checkProjectState, type ProjectFile } from '../../shared/model/project-schema';
import { SEGMENT_FIELDS, segmentRowsJson } from '../../shared/model/segment-rows';
import { actionSchema } from '../../shared/model/changes';
import { rejectedSuggestionSchema, sameRejection, type RejectedSuggestion } from '../../shared/model/suggestion-settings';
import { applyChanges, recordDone, redoLast, undoLast } from '../../shared/edits/changes';
import { type Action } from '../../shared/model/changes';
import type { JournalContents } from './journal';

/**
 * A step the store takes: an action done, or the last one undone, or redone; or a suggestion
 * rejected (not an action: it is never undone, but it is saved as cheaply as one).
 */
export type JournalStep = { op: 'do'; action: Action } | { op: 'undo' } | { op: 'redo' } | { op: 'reject'; rejection: RejectedSuggestion };
/** A line of the journal: a step and its number. */
export type JournalRecord = JournalStep & { seq: number };

/** A journal line as a record, or null when it is not one. */
export function journalRecord(json: unknown): JournalRecord | null {
  const value = json as { seq?: unknown; op?: unknown; action?: unknown; rejection?: unknown } | null;
  if (typeof value?.seq !== 'number' || !Number.isInteger(value.seq)) return null;
  if (value.op === 'undo' || value.op === 'redo') return { seq: value.seq, op: value.op };
  if (value.op === 'reject') {
    const rejection = rejectedSuggestionSchema.safeParse(value.rejection);
    return rejection.success ? { seq: value.seq, op: 'reject', rejection: rejection.data } : null;
  }
  if (value.op !== 'do') return null;
  const parsed = actionSchema.safeParse(value.action);
  return parsed.success ? { seq: value.seq, op: 'do', action: parsed.data } : null;
}

/** Applies one journal record to the project: the same step the store took when it was written. */
export function replay(project: ProjectFile, record: JournalRecord): void {
  if (record.op === 'do') {
    applyChanges(project, record.action.changes, 'forward');
    recordDone(project.history, record.action);
  } else if (record.op === 'undo') {
    undoLast(project);
  } else if (record.op === 'reject') {
    rememberRejection(project.rejectedSuggestions, record.rejection);
  } else {
    redoLast(project);
  }
  project.journalSeq = record.seq;
}

/** Adds a rejection to the list unless the same code on the same passage is there; true when it was added. */
export function rememberRejection(list: RejectedSuggestion[], rejection: RejectedSuggestion): boolean {
  if (list.some((kept) => sameRejection(kept, rejection))) return false;
  list.push({ documentId: rejection.documentId, codeId: rejection.codeId, start: rejection.start, end: rejection.end });
  return true;
}

/**
 * Replays journal records onto the project. Records up to journalSeq are already in the project
 * file (it was rewritten, and the journal not yet emptied, when the app stopped).
 */
export function replayAll(project: ProjectFile, records: readonly JournalRecord[]): void {
  for (const record of records) if (record.seq > project.journalSeq) replay(project, record);
}

/**
 * Replays a journal with damaged lines: every record that could be read, the ones after a damaged
 * line included, since each was acknowledged as saved. Should the result not be a valid project
 * (a later change built on the lost one), only the records before the first damaged line are
 * replayed. Says, in words, which lines were left out and what was kept.
 */
export function replayDamagedJournal(
  project: ProjectFile,
  contents: JournalContents<JournalRecord>,
): { project: ProjectFile; problem: (file: string) => string } {
  const { records, damagedLines, readBeforeDamage } = contents;
  const lines = damagedLines.length === 1 ? `line ${damagedLines[0]}` : `lines ${damagedLines.join(', ')}`;
  const after = records.length - readBeforeDamage;
  const untouched = structuredClone(project);
  replayAll(project, records);
  if (checkProjectState(project).ok) {
    return {
      project,
      problem: (file) =>
        `${lines} of ${file} could not be read and ${damagedLines.length === 1 ? 'was' : 'were'} left out; ` +
        (after === 0
          ? 'no change came after it'
          : `the ${after === 1 ? 'change' : `${after} changes`} after ${damagedLines.length === 1 ? 'it' : 'them'} ${after === 1 ? 'was' : 'were'} kept`),
    };
  }
  replayAll(untouched, records.slice(0, readBeforeDamage));
  return {
    project: untouched,
    problem: (file) =>
      `${lines} of ${file} could not be read; the ${after === 1 ? 'change' : `${after} changes`} after line ${damagedLines[0]} ` +
      `${after === 1 ? 'builds' : 'build'} on it and could not be applied without it`,
  };
}

/** Segments put into JSON at a time while the project file is written (a few milliseconds' work). */
const SEGMENTS_PER_CHUNK = 2000;

/**
 * JSON of a project, in chunks made as they are written: the segments go a few thousand at a
 * time, as rows under one list of field names (shared/model/segment-rows.ts), so that rewriting
 * the file of a large project never holds up the steps made meanwhile for long, and no second
 * copy of every segment's JSON is kept in memory. The chunks are of the project as it is when
 * this is called: the fields beside the segments are put into JSON at once, and the list of
 * segments taken then is never changed afterwards (a change makes a new list of new segment
 * objects, shared/model/segment-table.ts), so later steps do not reach the file.
 */
export function projectChunks(project: ProjectFile): Iterable<string> {
  const { segments, ...rest } = project;
  const head = `${JSON.stringify(rest).slice(0, -1)},"segments":{"fields":${JSON.stringify(SEGMENT_FIELDS)},"rows":[`;
  return (function* () {
    yield asciiJson(head);
    for (let i = 0; i < segments.length; i += SEGMENTS_PER_CHUNK) {
      const json = asciiJson(segmentRowsJson(segments.slice(i, i + SEGMENTS_PER_CHUNK)));
      yield i === 0 ? json : `,${json}`;
    }
    yield ']}}';
  })();
}

/**
 * JSON text with every character past ASCII written as its escape (\u00e9 for é, a pair of them for
 * an emoji), as Python's json module writes by default: the same JSON, and the file is ASCII.
 * A file with a single character past ASCII decodes to a string of two bytes per character; an
 * ASCII file to one of one byte, which decodes in less than half the time (a project of 100,000
 * segments opens ~0.25 s sooner) and takes half the memory while it is parsed. A text of mostly
 * non-Latin letters makes a larger file this way (6 bytes for a letter of 2 or 3).
 */
export function asciiJson(json: string): string {
  return json.replace(NON_ASCII, escapeCharacter);
}

const NON_ASCII = /[\u0080-\uffff]/g;

function escapeCharacter(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
