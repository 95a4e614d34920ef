/**
 * Migrations of the project file: how a file written by an older version of the program becomes
 * one this version reads. One step per schema version, each a pure function over plain JSON (the
 * file as parsed, before the schema check), so a step never depends on today's types. The opening
 * code (electron/project/project-opening.ts) runs the steps, keeps the old file beside the new one
 * and tells the researcher; a file from a newer version is refused, never touched.
 */
import { PROJECT_SCHEMA_VERSION } from './project-schema';

/** A JSON object as parsed from a file. */
export type JsonObject = { [key: string]: unknown };

/** One step of the schema: from one version to the next. */
export interface MigrationStep {
  from: number;
  to: number;
  /** What the step changes, in words (the notice after a migration says it). */
  changes: string;
  /** The project file at `from` → the project file at `to`; the input is left as it is. */
  migrateProject(project: JsonObject): JsonObject;
  /** A journal line written by a program at `from` → the same line at `to`. */
  migrateJournalLine(line: unknown): unknown;
}

/** Every step, oldest first; the last one ends at PROJECT_SCHEMA_VERSION. */
export const PROJECT_MIGRATIONS: readonly MigrationStep[] = [
  {
    from: 1,
    to: 2,
    changes: "adds the project's description (empty until it is written)",
    migrateProject: (project) => ({
      ...project,
      schemaVersion: 2,
      // Programs between the two versions already wrote a description under version 1: it is kept.
      description: typeof project.description === 'string' ? project.description : '',
    }),
    // The journal's steps (actions on segments, codes, documents) did not change.
    migrateJournalLine: (line) => line,
  },
  {
    from: 2,
    to: 3,
    changes: 'keeps its undo history compactly (each action once, not a copy of every record before and after it)',
    migrateProject: (project) => ({ ...project, schemaVersion: 3, history: compactHistory(project.history) }),
    // The journal's steps still carry whole actions: a step done is replayed from them.
    migrateJournalLine: (line) => line,
  },
  {
    from: 3,
    to: 4,
    changes: 'keeps its segments as rows under one list of field names (a smaller file, read more quickly)',
    migrateProject: (project) => ({ ...project, schemaVersion: 4, segments: segmentsAsRows(project.segments) }),
    // Journal lines and the history keep whole records: an action holds few segments, or only ids.
    migrateJournalLine: (line) => line,
  },
  {
    from: 4,
    to: 5,
    changes: 'records how each segment was made (every segment so far was coded by hand, none accepted from a suggestion)',
    migrateProject: (project) => ({ ...project, schemaVersion: 5, segments: withManualOrigin(project.segments) }),
    // Journal lines and the history keep whole segment objects, which read an absent origin as manual.
    migrateJournalLine: (line) => line,
  },
];

/**
 * The segment rows of a version 4 file with the origin version 5 adds at the end of each: every
 * segment made before suggestions existed was coded by hand. A list of fields that already names
 * the origin is left as it is; anything that is not rows, or a row that is not a list, is left
 * for the check to refuse and name.
 */
function withManualOrigin(segments: unknown): unknown {
  if (!segments || typeof segments !== 'object' || Array.isArray(segments)) return segments;
  const { fields, rows } = segments as JsonObject;
  if (!Array.isArray(fields) || !Array.isArray(rows) || fields.includes('origin')) return segments;
  return {
    ...(segments as JsonObject),
    fields: [...fields, 'origin'],
    rows: rows.map((row: unknown) => (Array.isArray(row) ? [...row, 'manual'] : row)),
  };
}

/** The fields of a segment's row in a version 4 file, in order (as that version wrote them). */
const V4_SEGMENT_FIELDS = ['id', 'documentId', 'codeId', 'start', 'end', 'quote', 'coder', 'createdAt', 'updatedAt', 'memo'];

/**
 * The segments of a version 3 file (a list of objects) as version 4 keeps them: rows under one list
 * of field names. A segment without a memo gets the empty one version 3 read it with; a field
 * version 3 did not know is dropped, as its check dropped it. Anything that is not a segment
 * object is left in its row's place as it was, for the check to refuse and name; anything that
 * is not a list is left for the check too.
 */
function segmentsAsRows(segments: unknown): unknown {
  if (!Array.isArray(segments)) return segments;
  const rows = segments.map((segment: unknown) => {
    if (!segment || typeof segment !== 'object' || Array.isArray(segment)) return segment;
    const record = segment as JsonObject;
    return V4_SEGMENT_FIELDS.map((field) => (field === 'memo' && record.memo === undefined ? '' : record[field]));
  });
  return { fields: [...V4_SEGMENT_FIELDS], rows };
}

/**
 * The history of a version 2 file (whole actions) as version 3 keeps it: the actions that can be
 * undone with each change's `before` only, the ones undone with its `after` only. Anything that
 * is not a history is left for the schema check to refuse.
 */
function compactHistory(history: unknown): unknown {
  if (!history || typeof history !== 'object' || Array.isArray(history)) return history;
  const { done, undone } = history as JsonObject;
  const keep = (actions: unknown, side: 'before' | 'after'): unknown => {
    if (!Array.isArray(actions)) return actions;
    return actions.map((action: unknown) => {
      if (!action || typeof action !== 'object' || !Array.isArray((action as JsonObject).changes)) return action;
      const changes = ((action as JsonObject).changes as unknown[]).map((change) => {
        if (!change || typeof change !== 'object') return change;
        const { kind, id, [side]: state } = change as JsonObject;
        return { kind, id, [side]: state };
      });
      return { ...(action as JsonObject), changes };
    });
  };
  return { ...(history as JsonObject), done: keep(done, 'before'), undone: keep(undone, 'after') };
}

/** What opening must do with a project file, judged by its schema version. */
export type MigrationPlan =
  | { kind: 'current' }
  /** Written by an older version: these steps, in order, bring it to this version. */
  | { kind: 'older'; from: number; steps: readonly MigrationStep[] }
  /** Written by a newer version: refused, left untouched. */
  | { kind: 'newer'; version: number }
  /** No schema version this program knows of (not a project file, or a damaged one). */
  | { kind: 'unknown' };

/** The schema version a parsed file says it has, or null when it says none. */
export function schemaVersionOf(json: unknown): number | null {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return null;
  const version = (json as JsonObject).schemaVersion;
  return typeof version === 'number' && Number.isInteger(version) ? version : null;
}

/** Which steps a parsed project file needs, or why it cannot have any. */
export function migrationPlan(json: unknown, steps: readonly MigrationStep[] = PROJECT_MIGRATIONS): MigrationPlan {
  const version = schemaVersionOf(json);
  if (version === null) return { kind: 'unknown' };
  if (version === PROJECT_SCHEMA_VERSION) return { kind: 'current' };
  if (version > PROJECT_SCHEMA_VERSION) return { kind: 'newer', version };
  const chain: MigrationStep[] = [];
  for (let at = version; at < PROJECT_SCHEMA_VERSION; ) {
    const step = steps.find((s) => s.from === at);
    if (!step) return { kind: 'unknown' };
    chain.push(step);
    at = step.to;
  }
  return { kind: 'older', from: version, steps: chain };
}

/** Runs the steps over a parsed project file (the input is not changed). */
export function migrateProjectJson(project: JsonObject, steps: readonly MigrationStep[]): JsonObject {
  return steps.reduce((json, step) => step.migrateProject(json), project);
}

/** Runs the steps over one parsed journal line. */
export function migrateJournalLine(line: unknown, steps: readonly MigrationStep[]): unknown {
  return steps.reduce((json, step) => step.migrateJournalLine(json), line);
}

/** The sentence that refuses a file from a newer version (nothing is changed). */
export function newerVersionMessage(file: string, version: number): string {
  return (
    `${file} was written by a newer version of Annotation Workbench (schema ${version}; this version reads ${PROJECT_SCHEMA_VERSION}). ` +
    'Open it with that version, or install a newer version of Annotation Workbench; nothing in the project folder was changed.'
  );
}
