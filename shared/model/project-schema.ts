/**
 * The project file: what is saved for a project, with a schema version, and the check that a
 * file read from disk really is one. A file that fails this check is never overwritten. Each
 * record's schema sits beside its type (codebook.ts, segments.ts, ...); this module joins them.
 */
import { adjudicationSchema } from './adjudication';
import { historySchema } from './changes';
import { codeSchema } from './codebook';
import { documentSchema } from './documents';
import { recordIdSchema, utcTimeSchema } from './fields';
import { CODER_NAME_MAX_CHARS, PROJECT_DESCRIPTION_MAX_CHARS, PROJECT_NAME_MAX_CHARS } from './limits';
import { segmentSchema } from './segments';
import { variableSchema } from './variables';
import { z } from './zod';

/** The version of the project file this program writes (older ones are migrated: project-migrations.ts). */
export const PROJECT_SCHEMA_VERSION = 2;

const isoTime = utcTimeSchema;
const id = recordIdSchema;

const projectFileSchema = z
  .object({
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
  });

export type ProjectFile = z.infer<typeof projectFileSchema>;

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
