/**
 * The project file: what is saved for a project, with a schema version, and the check that a
 * file read from disk really is one. A file that fails this check is never overwritten. Each
 * record's schema sits beside its type (codebook.ts, segments.ts, ...); this module joins them.
 *
 * The file keeps the segments as rows under one list of field names (segment-rows.ts, since
 * schema 4); in memory each segment is an object, and the project's other records are as the file
 * holds them. A project may hold 100,000 segments: they are checked by hand as each row becomes
 * its object (segment-rows.ts, segment-check.ts), which is many times quicker than the schema; a
 * file that check does not pass whole is checked again by the schema, so that a bad file is
 * described in the schema's own words, naming the row of a bad segment.
 */
import { adjudicationSchema } from './adjudication';
import { doneActionSchema, fitActionLabel, historySchema, undoneActionSchema, type History } from './changes';
import { codeSchema } from './codebook';
import { documentSchema, type DocumentRecord } from './documents';
import { recordIdSchema, SHA256_PATTERN, utcTimeSchema } from './fields';
import { CODER_NAME_MAX_CHARS, MEMO_MAX_CHARS, PROJECT_DESCRIPTION_MAX_CHARS, PROJECT_NAME_MAX_CHARS, VARIABLE_VALUE_MAX_CHARS } from './limits';
import { segmentSchema, type CodedSegment } from './segments';
import { DEFAULT_SUGGESTION_SETTINGS, rejectedSuggestionSchema, suggestionSettingsSchema } from './suggestion-settings';
import { checkedSegment, fieldCount, isId, isTime } from './segment-check';
import { checkedRow, hasWrittenFields, rowsAsObjects } from './segment-rows';
import { indexSegments, SegmentTable } from './segment-table';
import { variableSchema } from './variables';
import { z } from './zod';

/** The version of the project file this program writes (older ones are migrated: project-migrations.ts). */
export const PROJECT_SCHEMA_VERSION = 5;

const isoTime = utcTimeSchema;
const id = recordIdSchema;

const projectFields = {
    schemaVersion: z.literal(PROJECT_SCHEMA_VERSION),
    projectId: id,
    name: z.string().min(1).max(PROJECT_NAME_MAX_CHARS),
    /** What the study is, in the researcher's words (the start screen and the report show it). */
    description: z.string().max(PROJECT_DESCRIPTION_MAX_CHARS).default(''),
    createdAt: isoTime,
    coder: z.string().min(1).max(CODER_NAME_MAX_CHARS),
    /** False until the researcher has said who is coding (asked on first start). */
    coderConfirmed: z.boolean().default(false),
    /** Blind coding: while on, only the current coder's own work leaves the main process. */
    blind: z.boolean().default(false),
    /** Suggestions learnt from the project's own coding: off until the researcher turns them on. */
    suggestions: suggestionSettingsSchema.default(DEFAULT_SUGGESTION_SETTINGS),
    /** The suggestions the researcher rejected (never suggested again; negatives when the model learns). */
    rejectedSuggestions: z.array(rejectedSuggestionSchema).default([]),
    documents: z.array(documentSchema),
    codes: z.array(codeSchema),
    segments: z.array(segmentSchema),
    /** The document variables, in the order of their columns. */
    variables: z.array(variableSchema).default([]),
    /** Decisions on disagreements between coders (shared/edits/adjudication.ts). */
    adjudications: z.array(adjudicationSchema).default([]),
    /** Undo and redo, kept across restarts. */
    history: historySchema.default({ done: [], undone: [] }),
    /** The number of the last journal record folded into this file. */
    journalSeq: z.number().int().nonnegative().default(0),
};

/** Where one record points at another that is not there, or two records share an id. */
type Issue = { code: 'custom'; path: Array<string | number>; message: string };

/** The checks across records: segments and codes point at records that exist, ids are unique. */
function crossChecks(project: { documents: readonly { id: string }[]; codes: readonly { id: string; parentId: string | null }[]; segments: readonly CodedSegment[] }, ctx: { addIssue(issue: Issue): void }): void {
  const documentIds = new Set(project.documents.map((d) => d.id));
  const codeIds = new Set(project.codes.map((c) => c.id));
  const segmentIds = new Set<string>();
  project.segments.forEach((segment, i) => {
    const path = ['segments', i];
    if (!documentIds.has(segment.documentId)) {
      ctx.addIssue({ code: 'custom', path, message: `unknown document ${segment.documentId}` });
    }
    if (!codeIds.has(segment.codeId)) {
      ctx.addIssue({ code: 'custom', path, message: `unknown code ${segment.codeId}` });
    }
    if (segmentIds.has(segment.id)) {
      ctx.addIssue({ code: 'custom', path, message: `duplicate segment id ${segment.id}` });
    }
    segmentIds.add(segment.id);
  });
  const parentOf = new Map(project.codes.map((code) => [code.id, code.parentId]));
  project.codes.forEach((code, i) => {
    if (code.parentId !== null && !codeIds.has(code.parentId)) {
      ctx.addIssue({ code: 'custom', path: ['codes', i], message: `unknown parent code ${code.parentId}` });
    }
    // Walking up from a code must reach the top without meeting it again.
    const seen = new Set([code.id]);
    for (let parent = code.parentId; parent; parent = parentOf.get(parent) ?? null) {
      if (seen.has(parent)) {
        ctx.addIssue({ code: 'custom', path: ['codes', i], message: `code ${code.id} sits under itself` });
        break;
      }
      seen.add(parent);
    }
  });
  if (codeIds.size !== project.codes.length) {
    ctx.addIssue({ code: 'custom', path: ['codes'], message: 'two codes share an id' });
  }
  if (documentIds.size !== project.documents.length) {
    ctx.addIssue({ code: 'custom', path: ['documents'], message: 'two documents share an id' });
  }
}

const projectFileSchema = z.object(projectFields).superRefine((project, ctx) => crossChecks(project, { addIssue: (issue) => ctx.addIssue(issue) }));

/**
 * Every field but the segments and the history, which are checked by hand (checkedRow,
 * checkedSegment, quickHistory): the segments are taken as they are, not copied.
 */
const projectShellSchema = z.object({ ...projectFields, documents: z.array(z.unknown()), segments: z.unknown(), history: z.unknown().optional() });

function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

/** True for the values of a document's variables as documentSchema takes them (none, or each a short text, a number or null). */
function areVariableValues(values: unknown): boolean {
  if (!isPlainObject(values)) return false;
  for (const name in values) {
    if (!Object.hasOwn(values, name)) return false;
    const value = values[name];
    if (!(value === null || typeof value === 'number' || (typeof value === 'string' && value.length <= VARIABLE_VALUE_MAX_CHARS))) return false;
  }
  return true;
}

/**
 * A document record exactly as documentSchema takes it (its missing memo, source and values filled
 * in as the schema fills them, in place), checked by hand for the 5,000 documents of a large
 * corpus; null when in doubt (an imported document's source among them): the schema then decides.
 */
function checkedDocument(value: unknown): DocumentRecord | null {
  if (!isPlainObject(value)) return null;
  const d = value;
  if (!isId(d.id) || typeof d.title !== 'string' || typeof d.file !== 'string' || d.file.length < 1 || d.file.length > 255) return null;
  if (typeof d.sha256 !== 'string' || !SHA256_PATTERN.test(d.sha256)) return null;
  if (!isCount(d.byteLength) || !isCount(d.length) || !isCount(d.codePointLength) || !isTime(d.addedAt)) return null;
  if (d.memo !== undefined && (typeof d.memo !== 'string' || d.memo.length > MEMO_MAX_CHARS)) return null;
  if (d.source !== undefined && d.source !== null) return null;
  if (d.values !== undefined && !areVariableValues(d.values)) return null;
  const optional = (d.memo === undefined ? 0 : 1) + (d.source === undefined ? 0 : 1) + (d.values === undefined ? 0 : 1);
  if (fieldCount(d) !== 8 + optional) return null;
  d.memo ??= '';
  d.source ??= null;
  d.values ??= {};
  return d as unknown as DocumentRecord;
}

/** The documents of a project, each checked by hand or, when in doubt, by its schema; null when any does not pass. */
function quickDocuments(values: readonly unknown[]): DocumentRecord[] | null {
  const documents = new Array<DocumentRecord>(values.length);
  for (let i = 0; i < values.length; i++) {
    const quick = checkedDocument(values[i]);
    if (quick) documents[i] = quick;
    else {
      const parsed = documentSchema.safeParse(values[i]);
      if (!parsed.success) return null;
      documents[i] = parsed.data;
    }
  }
  return documents;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/**
 * An action of the history, checked quickly when it changes only segments (an action of "code
 * all hits" holds 100,000 of them), through its schema otherwise; null when it does not pass.
 */
function quickAction(value: unknown, side: 'before' | 'after'): unknown {
  if (!isPlainObject(value) || !isId(value.id) || typeof value.label !== 'string' || !isTime(value.at) || !Array.isArray(value.changes)) return null;
  const onlySegments =
    fieldCount(value) === 4 &&
    value.changes.every(
      (change) =>
        isPlainObject(change) &&
        change.kind === 'segment' &&
        isId(change.id) &&
        fieldCount(change) === 3 &&
        (change[side] === null || (change[side] !== undefined && checkedSegment(change[side]) !== null)),
    );
  if (onlySegments) return { ...value, label: fitActionLabel(value.label) };
  const parsed = (side === 'before' ? doneActionSchema : undoneActionSchema).safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The history, checked action by action (quickAction); null when any does not pass. */
function quickHistory(value: unknown): History | null {
  if (value === undefined) return { done: [], undone: [] };
  if (!isPlainObject(value) || !Array.isArray(value.done) || !Array.isArray(value.undone)) return null;
  const done = value.done.map((action) => quickAction(action, 'before'));
  const undone = value.undone.map((action) => quickAction(action, 'after'));
  if (done.includes(null) || undone.includes(null)) return null;
  return { done, undone } as History;
}

export type ProjectFile = z.infer<typeof projectFileSchema>;

export type ProjectFileCheck = { ok: true; project: ProjectFile } | { ok: false; reason: string };

/** The refusal of a file from a newer version, or null. */
function newerVersion(json: unknown): ProjectFileCheck | null {
  const version = isPlainObject(json) ? json.schemaVersion : undefined;
  if (typeof version !== 'number' || version <= PROJECT_SCHEMA_VERSION) return null;
  return { ok: false, reason: `it was written by a newer version of Annotation Workbench (schema ${version}; this version reads ${PROJECT_SCHEMA_VERSION})` };
}

/** The refusal that names the first problems found. */
function refusal(problems: readonly string[]): ProjectFileCheck {
  const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : '';
  return { ok: false, reason: `it is not a valid project file: ${problems.slice(0, 3).join('; ')}${more}` };
}

/**
 * The schema's verdict on a project whose segments are objects; `rowsInFile` says that they were
 * rows of the file, so that a problem with one is named by its row (segments.rows.5.start).
 */
function schemaCheck(project: unknown, rowsInFile: boolean): ProjectFileCheck {
  const parsed = projectFileSchema.safeParse(project);
  if (parsed.success) return { ok: true, project: parsed.data };
  return refusal(
    parsed.error.issues.map((issue) => {
      const path = rowsInFile && issue.path[0] === 'segments' && typeof issue.path[1] === 'number' ? ['segments', 'rows', ...issue.path.slice(1)] : issue.path;
      return `${path.join('.') || '(top level)'}: ${issue.message}`;
    }),
  );
}

/**
 * Checks a project file as parsed from disk (its segments as rows); the reason names the first
 * problems found. The project comes with its segments indexed (segment-table.ts).
 */
export function checkProjectFile(json: unknown): ProjectFileCheck {
  const newer = newerVersion(json);
  if (newer) return newer;
  const quick = quickCheck(json, 'rows');
  if (quick) return { ok: true, project: quick };
  if (!isPlainObject(json)) return schemaCheck(json, true);
  const segments = rowsAsObjects(json.segments);
  if (!segments.ok) return refusal(segments.problems);
  return schemaCheck({ ...json, segments: segments.segments }, true);
}

/**
 * Checks a project held in memory (its segments as objects), as the journal's steps left it: the
 * same rules as checkProjectFile.
 */
export function checkProjectState(project: unknown): ProjectFileCheck {
  const newer = newerVersion(project);
  if (newer) return newer;
  const quick = quickCheck(project, 'objects');
  return quick ? { ok: true, project: quick } : schemaCheck(project, false);
}

/**
 * The check of a sound project, made quickly: the schema on everything but the segments, the
 * segments by hand (rows of a file made into objects, or objects checked in place), then the
 * checks across records. Null when anything is amiss (or merely unusual): the full schema then
 * decides, and names the problem. The project comes with its segments indexed (segment-table.ts),
 * the index having found any two of one id.
 */
function quickCheck(json: unknown, form: 'rows' | 'objects'): ProjectFile | null {
  if (!isPlainObject(json)) return null;
  const shell = projectShellSchema.safeParse(json);
  if (!shell.success) return null;
  const documents = quickDocuments(shell.data.documents);
  if (!documents) return null;
  const documentIds = new Set(documents.map((d) => d.id));
  const codeIds = new Set(shell.data.codes.map((c) => c.id));
  let segments: CodedSegment[];
  if (form === 'rows') {
    // Each row becomes its segment's object, checked as it is made: no object is parsed from the
    // file and then copied or checked again.
    const stored = json.segments;
    if (!isPlainObject(stored) || fieldCount(stored) !== 2 || !hasWrittenFields(stored.fields) || !Array.isArray(stored.rows)) return null;
    const rows = stored.rows as unknown[];
    segments = new Array<CodedSegment>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const segment = checkedRow(rows[i], codeIds);
      if (!segment || !documentIds.has(segment.documentId) || !codeIds.has(segment.codeId)) return null;
      segments[i] = segment;
    }
  } else {
    if (!Array.isArray(json.segments)) return null;
    // Each segment checked in place: no copy of it, nor of the list, is made.
    segments = json.segments as CodedSegment[];
    for (const value of segments) {
      const segment = checkedSegment(value);
      if (!segment || !documentIds.has(segment.documentId) || !codeIds.has(segment.codeId)) return null;
    }
  }
  const history = quickHistory(shell.data.history);
  if (!history) return null;
  // The index the store keeps anyway (segment-table.ts) finds two segments of one id.
  const table = new SegmentTable(segments);
  if (table.size !== segments.length) return null;
  let sound = true;
  crossChecks({ ...shell.data, documents, segments: [] }, { addIssue: () => (sound = false) });
  if (!sound) return null;
  const project = { ...shell.data, documents, segments, history };
  indexSegments(project, table);
  return project;
}
