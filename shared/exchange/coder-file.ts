/**
 * Coder files: how several coders bring their work together without a server. Each coder writes
 * a file that holds only their own coded segments, with the codebook they used and the documents
 * they coded (named by the SHA-256 of their text), for another coder's project to merge
 * (`coder-merge.ts`). This module owns the file format: its schema and reading, the file's name
 * in a shared folder, the codebook's version, and building the file from a project.
 */
import { CODE_ID_PATTERN, codePath, COLOUR_PATTERN, type Code } from '../model/codebook';
import { compareInTextOrder, SEGMENT_ORIGINS, type SegmentOrigin } from '../model/segments';
import {
  CODE_DESCRIPTION_MAX_CHARS,
  CODE_NAME_MAX_CHARS,
  CODEBOOK_ENTRY_MAX_CHARS,
  CODER_NAME_MAX_CHARS,
  ID_MAX_CHARS,
  MEMO_MAX_CHARS,
} from '../model/limits';
import { SHA256_PATTERN } from '../model/fields';
import type { CoderProject } from '../model/project';
import { z } from '../model/zod';
import { oneLine } from '../text/short-text';

/** The `format` of a coder file, and the version of the format this code writes and reads. */
export const CODER_FILE_FORMAT = 'annotation-workbench/coder-file';
export const CODER_FILE_VERSION = 1;
/** How a coder file's name ends; a shared folder is searched for these. */
export const CODER_FILE_SUFFIX = '.coder.json';
/** The largest coder file read, in characters (and in bytes on disk). */
export const CODER_FILE_MAX_CHARS = 200 * 1024 * 1024;

/** A code as written in a coder file: with its full path, so another codebook can find it. */
export interface CoderFileCode extends Code {
  path: string;
}

/** A coded segment in a coder file: its document by the hash of the text, its code by id and path. */
export interface CoderFileSegment {
  id: string;
  documentSha256: string;
  codeId: string;
  codePath: string;
  /** UTF-16 offsets into the exact text, as the project stores them. */
  start: number;
  end: number;
  quote: string;
  createdAt: string;
  updatedAt: string;
  memo: string;
  /** Coded by hand or accepted from a suggestion (a file written before suggestions has none: manual). */
  origin: SegmentOrigin;
}

/** One coder's work, for another coder's project to merge. */
export interface CoderFile {
  format: typeof CODER_FILE_FORMAT;
  version: typeof CODER_FILE_VERSION;
  coder: string;
  exportedAt: string;
  projectId: string;
  codebook: { codes: CoderFileCode[]; version: string };
  documents: Array<{ sha256: string; title: string; length: number }>;
  segments: CoderFileSegment[];
}

const isoTime = z.iso.datetime({ offset: false, error: 'must be a UTC time like 2026-01-31T12:00:00Z' });
const sha256 = z.string().regex(SHA256_PATTERN, { error: 'must be a SHA-256 in lowercase hex' });
const codeId = z.string().regex(CODE_ID_PATTERN, { error: 'must be a code id (lowercase letters, digits and hyphens)' });
const offset = z.number().int().nonnegative().max(2 ** 31);

const codeSchema = z.object({
  id: codeId,
  name: z.string().min(1).max(CODE_NAME_MAX_CHARS),
  colour: z.string().regex(COLOUR_PATTERN, { error: 'must be a colour like #0072B2' }),
  description: z.string().max(CODE_DESCRIPTION_MAX_CHARS),
  definition: z.string().max(CODEBOOK_ENTRY_MAX_CHARS),
  whenToUse: z.string().max(CODEBOOK_ENTRY_MAX_CHARS),
  whenNotToUse: z.string().max(CODEBOOK_ENTRY_MAX_CHARS),
  example: z.string().max(CODEBOOK_ENTRY_MAX_CHARS),
  key: z.string().length(1).nullable(),
  parentId: codeId.nullable(),
  path: z.string().max(20000),
});

const segmentSchema = z.object({
  id: z.string().min(1).max(ID_MAX_CHARS),
  documentSha256: sha256,
  codeId,
  codePath: z.string().max(20000),
  start: offset,
  end: offset,
  quote: z.string(),
  createdAt: isoTime,
  updatedAt: isoTime,
  memo: z.string().max(MEMO_MAX_CHARS),
  origin: z.enum(SEGMENT_ORIGINS).default('manual'),
});

/** The check of a coder file read from disk: its shape, and that its parts refer to each other. */
export const coderFileSchema = z
  .object({
    format: z.literal(CODER_FILE_FORMAT),
    version: z.literal(CODER_FILE_VERSION),
    coder: z.string().max(CODER_NAME_MAX_CHARS).refine((name) => name.trim() !== '', { error: 'names no coder' }),
    exportedAt: isoTime,
    projectId: z.string().min(1).max(ID_MAX_CHARS),
    codebook: z.object({ codes: z.array(codeSchema).max(10000), version: z.string().max(200) }),
    documents: z.array(z.object({ sha256, title: z.string().max(2000), length: offset })).max(100000),
    segments: z.array(segmentSchema).max(2_000_000),
  })
  .superRefine((file, ctx) => {
    const lengths = new Map(file.documents.map((d) => [d.sha256, d.length]));
    if (lengths.size !== file.documents.length) ctx.addIssue({ code: 'custom', path: ['documents'], message: 'two documents have the same text' });
    const codes = new Map(file.codebook.codes.map((c) => [c.id, c]));
    if (codes.size !== file.codebook.codes.length) ctx.addIssue({ code: 'custom', path: ['codebook', 'codes'], message: 'two codes share an id' });
    file.codebook.codes.forEach((code, i) => {
      const seen = new Set([code.id]);
      for (let parent = code.parentId; parent !== null; parent = codes.get(parent)?.parentId ?? null) {
        if (!codes.has(parent)) {
          ctx.addIssue({ code: 'custom', path: ['codebook', 'codes', i], message: `its parent code ${parent} is not in the codebook` });
          break;
        }
        if (seen.has(parent)) {
          ctx.addIssue({ code: 'custom', path: ['codebook', 'codes', i], message: `code ${code.id} sits under itself` });
          break;
        }
        seen.add(parent);
      }
    });
    const ids = new Set<string>();
    file.segments.forEach((segment, i) => {
      const path = ['segments', i];
      const length = lengths.get(segment.documentSha256);
      if (length === undefined) ctx.addIssue({ code: 'custom', path, message: `its document ${segment.documentSha256.slice(0, 12)}… is not among the file's documents` });
      else if (segment.end > length) ctx.addIssue({ code: 'custom', path, message: `it ends at ${segment.end}, beyond the end of its document (${length})` });
      if (segment.end <= segment.start) ctx.addIssue({ code: 'custom', path, message: 'it must end after it starts' });
      if (!codes.has(segment.codeId)) ctx.addIssue({ code: 'custom', path, message: `its code ${segment.codeId} is not in the file's codebook` });
      if (ids.has(segment.id)) ctx.addIssue({ code: 'custom', path, message: `the segment id ${segment.id} is used twice` });
      ids.add(segment.id);
    });
  });

/** Reads a coder file's text: the file, or in words why it is not one. */
export function readCoderFile(content: string): { ok: true; file: CoderFile } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, reason: `it is not JSON (${(error as Error).message})` };
  }
  const head = (json && typeof json === 'object' ? json : {}) as { format?: unknown; version?: unknown };
  if (head.format !== CODER_FILE_FORMAT) return { ok: false, reason: `it is not a coder file (it lacks "format": "${CODER_FILE_FORMAT}")` };
  if (typeof head.version === 'number' && head.version > CODER_FILE_VERSION) {
    return { ok: false, reason: `it was written by a newer version of Annotation Workbench (coder file version ${head.version}; this version reads ${CODER_FILE_VERSION})` };
  }
  const parsed = coderFileSchema.safeParse(json);
  if (parsed.success) return { ok: true, file: parsed.data };
  const problems = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  const more = parsed.error.issues.length > 3 ? ` (and ${parsed.error.issues.length - 3} more)` : '';
  return { ok: false, reason: `it is not a valid coder file: ${problems.join('; ')}${more}` };
}

/** A coder's name as the project keeps it: trimmed, inner runs of white space made one space. */
export function normalCoderName(name: string): string {
  return oneLine(name);
}

/** The name of a coder's file in a shared folder: `<coder-slug>.coder.json`. */
export function coderFileName(coder: string): string {
  const slug = normalCoderName(coder)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${slug || 'coder'}${CODER_FILE_SUFFIX}`;
}

/** A 64-bit fingerprint of a string (cyrb53's two lanes), as 16 hex digits. */
function fingerprint(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

/**
 * The version of a codebook: a fingerprint of every code's path, id, colour, key and entry, taken
 * in path order, so that two codebooks with the same codes have the same version whatever their order.
 */
export function codebookVersion(codes: readonly Code[]): string {
  const entries = codes
    .map((c) => [codePath(codes, c.id), c.id, c.colour.toUpperCase(), c.key, c.description, c.definition, c.whenToUse, c.whenNotToUse, c.example])
    .sort((a, b) => (a.join('\u0000') < b.join('\u0000') ? -1 : 1));
  return `cb1-${fingerprint(JSON.stringify(entries))}`;
}

/** The coder file of a project's current coder: their segments only, in document and text order. */
export function buildCoderFile(project: CoderProject & { projectId: string }, exportedAt: string): CoderFile {
  const paths = new Map(project.codes.map((code) => [code.id, codePath(project.codes, code.id)]));
  const documents = new Map(project.documents.map((d, i) => [d.id, { record: d, rank: i }]));
  const own = project.segments
    .filter((s) => s.coder === project.coder && documents.has(s.documentId))
    .sort((a, b) => documents.get(a.documentId)!.rank - documents.get(b.documentId)!.rank || compareInTextOrder(a, b));
  return {
    format: CODER_FILE_FORMAT,
    version: CODER_FILE_VERSION,
    coder: project.coder,
    exportedAt,
    projectId: project.projectId,
    // Fields in a fixed order, so that the same codebook always gives the same bytes.
    codebook: {
      codes: project.codes.map((c) => ({
        id: c.id,
        name: c.name,
        colour: c.colour,
        description: c.description,
        definition: c.definition,
        whenToUse: c.whenToUse,
        whenNotToUse: c.whenNotToUse,
        example: c.example,
        key: c.key,
        parentId: c.parentId,
        path: paths.get(c.id)!,
      })),
      version: codebookVersion(project.codes),
    },
    documents: project.documents.map((d) => ({ sha256: d.sha256, title: d.title, length: d.length })),
    segments: own.map((s) => ({
      id: s.id,
      documentSha256: documents.get(s.documentId)!.record.sha256,
      codeId: s.codeId,
      codePath: paths.get(s.codeId) ?? s.codeId,
      start: s.start,
      end: s.end,
      quote: s.quote,
      createdAt: s.createdAt,
      updatedAt: s.updatedAt,
      memo: s.memo,
      origin: s.origin,
    })),
  };
}

/** A coder file as written to disk: indented JSON, ending in a newline. */
export function coderFileJson(file: CoderFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
