/**
 * The project file: what is saved for a project, with a schema version, and the check that a
 * file read from disk really is one. A file that fails this check is never overwritten.
 */
import { fitActionLabel } from '../edits/action-label';
import {
  CODE_DESCRIPTION_MAX_CHARS,
  CODE_NAME_MAX_CHARS,
  CODEBOOK_ENTRY_MAX_CHARS,
  CODER_NAME_MAX_CHARS,
  FILE_NAME_MAX_CHARS,
  ID_MAX_CHARS,
  MEMO_MAX_CHARS,
  VARIABLE_CHOICE_MAX_CHARS,
  VARIABLE_CHOICES_MAX,
  VARIABLE_NAME_MAX_CHARS,
  VARIABLE_VALUE_MAX_CHARS,
} from './limits';
import { z } from './zod';
import type { Adjudication } from '../edits/adjudication';
import type { Action, Change, History } from '../edits/changes';
import type { Code } from './codebook';
import type { DocumentRecord } from './documents';
import type { VariableDefinition } from './variables';
import type { CodedSegment } from './segments';

export const PROJECT_SCHEMA_VERSION = 1;

const isoTime = z.iso.datetime({ offset: false });
const id = z.string().min(1).max(ID_MAX_CHARS);

const documentSchema = z.object({
  id,
  title: z.string(),
  file: z.string().min(1).max(255),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  byteLength: z.number().int().nonnegative(),
  length: z.number().int().nonnegative(),
  codePointLength: z.number().int().nonnegative(),
  addedAt: isoTime,
  memo: z.string().max(MEMO_MAX_CHARS).default(''),
  source: z
    .object({ name: z.string().max(FILE_NAME_MAX_CHARS), sha256: z.string().regex(/^[0-9a-f]{64}$/), format: z.string().max(20), encoding: z.string().max(100).nullable() })
    .nullable()
    .default(null),
  values: z.record(z.string(), z.union([z.string().max(VARIABLE_VALUE_MAX_CHARS), z.number(), z.null()])).default({}),
}) satisfies z.ZodType<DocumentRecord, unknown>;

export const variableSchema = z.object({
  name: z.string().min(1).max(VARIABLE_NAME_MAX_CHARS),
  type: z.enum(['text', 'number', 'date', 'choice']),
  choices: z.array(z.string().max(VARIABLE_CHOICE_MAX_CHARS)).max(VARIABLE_CHOICES_MAX).default([]),
}) satisfies z.ZodType<VariableDefinition, unknown>;

export const codeIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);

const codeSchema = z.object({
  id: codeIdSchema,
  name: z.string().min(1).max(CODE_NAME_MAX_CHARS),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  description: z.string().max(CODE_DESCRIPTION_MAX_CHARS),
  definition: z.string().max(CODEBOOK_ENTRY_MAX_CHARS).default(''),
  whenToUse: z.string().max(CODEBOOK_ENTRY_MAX_CHARS).default(''),
  whenNotToUse: z.string().max(CODEBOOK_ENTRY_MAX_CHARS).default(''),
  example: z.string().max(CODEBOOK_ENTRY_MAX_CHARS).default(''),
  key: z.string().length(1).nullable(),
  parentId: codeIdSchema.nullable().default(null),
}) satisfies z.ZodType<Code, unknown>;

export const segmentSchema = z
  .object({
    id,
    documentId: id,
    codeId: codeIdSchema,
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    quote: z.string(),
    coder: z.string(),
    createdAt: isoTime,
    updatedAt: isoTime,
    memo: z.string().max(MEMO_MAX_CHARS).default(''),
  })
  .refine((s) => s.end > s.start, { message: 'a segment must end after it starts' }) satisfies z.ZodType<CodedSegment, unknown>;

export const adjudicationSchema = z.object({
  id,
  documentId: id,
  codeId: codeIdSchema,
  decision: z.enum(['accept', 'merge', 'discussed']),
  segmentIds: z.array(id).max(1000),
  acceptedSegmentId: id.nullable(),
  consensusSegmentId: id.nullable(),
  by: z.string().max(CODER_NAME_MAX_CHARS),
  at: isoTime,
  note: z.string().max(MEMO_MAX_CHARS),
}) satisfies z.ZodType<Adjudication, unknown>;

const changeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('segment'), id, before: segmentSchema.nullable(), after: segmentSchema.nullable() }),
  z.object({ kind: z.literal('code'), id, before: codeSchema.nullable(), after: codeSchema.nullable() }),
  z.object({ kind: z.literal('document'), id, before: documentSchema.nullable(), after: documentSchema.nullable() }),
  z.object({ kind: z.literal('variables'), id: z.literal('variables'), before: z.array(variableSchema), after: z.array(variableSchema) }),
  z.object({ kind: z.literal('codeOrder'), id: z.literal('codebook'), before: z.array(codeIdSchema), after: z.array(codeIdSchema) }),
  z.object({ kind: z.literal('adjudication'), id, before: adjudicationSchema.nullable(), after: adjudicationSchema.nullable() }),
]) satisfies z.ZodType<Change, unknown>;

export const actionSchema = z.object({
  id,
  // Labels are made within the cap (action-label.ts); one saved by an older version is shortened, not refused.
  label: z.string().transform(fitActionLabel),
  at: isoTime,
  changes: z.array(changeSchema),
}) satisfies z.ZodType<Action, unknown>;

const historySchema = z.object({ done: z.array(actionSchema), undone: z.array(actionSchema) }) satisfies z.ZodType<History, unknown>;

export const projectFileSchema = z
  .object({
    schemaVersion: z.literal(PROJECT_SCHEMA_VERSION),
    projectId: id,
    name: z.string().min(1).max(200),
    createdAt: isoTime,
    coder: z.string().min(1).max(CODER_NAME_MAX_CHARS),
    /** False until the researcher has said who is coding (asked on first start). */
    coderConfirmed: z.boolean().default(false),
    /** Blind coding: while on, only the current coder's own work leaves the main process. */
    blind: z.boolean().default(false),
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
  })
  .superRefine((project, ctx) => {
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
    project.codes.forEach((code, i) => {
      if (code.parentId !== null && !codeIds.has(code.parentId)) {
        ctx.addIssue({ code: 'custom', path: ['codes', i], message: `unknown parent code ${code.parentId}` });
      }
      // Walking up from a code must reach the top without meeting it again.
      const seen = new Set([code.id]);
      for (let parent = code.parentId; parent; parent = project.codes.find((c) => c.id === parent)?.parentId ?? null) {
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
  });

export type ProjectFile = z.infer<typeof projectFileSchema>;

/** A codebook file as exported (shared/edits/codebook.ts codebookFile). */
export const codebookFileSchema = z.object({
  format: z.literal('annotation-workbench/codebook'),
  version: z.literal(1),
  codes: z.array(codeSchema.extend({ path: z.string().optional() })).max(10000),
});

export type ProjectFileCheck = { ok: true; project: ProjectFile } | { ok: false; reason: string };

/** Checks parsed JSON against the project schema; the reason names the first problems found. */
export function checkProjectFile(json: unknown): ProjectFileCheck {
  if (
    json &&
    typeof json === 'object' &&
    typeof (json as { schemaVersion?: unknown }).schemaVersion === 'number' &&
    (json as { schemaVersion: number }).schemaVersion > PROJECT_SCHEMA_VERSION
  ) {
    return {
      ok: false,
      reason: `it was written by a newer version of Annotation Workbench (schema ${
        (json as { schemaVersion: number }).schemaVersion
      }; this version reads ${PROJECT_SCHEMA_VERSION})`,
    };
  }
  const parsed = projectFileSchema.safeParse(json);
  if (parsed.success) return { ok: true, project: parsed.data };
  const problems = parsed.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  const more = parsed.error.issues.length > 3 ? ` (and ${parsed.error.issues.length - 3} more)` : '';
  return { ok: false, reason: `it is not a valid project file: ${problems.join('; ')}${more}` };
}
