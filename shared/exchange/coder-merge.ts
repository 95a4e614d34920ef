/**
 * Merging another coder's file (`coder-file.ts`) into a project, planned as the changes of one
 * undoable action with a report in words. The project's copy of that coder's segments comes to
 * mirror the file; nothing is matched by guessing: documents by the hash of their text, codes by
 * id and then by path, segments by id. A segment whose quote is not the text at its offsets here
 * is reported and left out, never shifted. Merging the same file twice changes nothing, and two
 * coders who merge each other's files end with the same segments.
 */
import type { Change } from '../model/changes';
import { shortTitle } from '../text/short-text';
import { codePath, REPEAT_KEY, type Code } from '../model/codebook';
import { normalCoderName, type CoderFile, type CoderFileCode } from './coder-file';
import { type CoderProject } from '../model/project';
import { WorkbenchFailure } from '../model/failure';
import { type CodedSegment } from '../model/segments';
import { shortQuote } from '../text/short-text';

/** A project to merge into: the project, and the exact text of each document, by document id. */
export interface CoderMergeTarget extends CoderProject {
  texts: ReadonlyMap<string, string>;
}

/** How many segments and codes a merge adds, changes, removes, keeps as they are here, or leaves out. */
export interface CoderMergeCounts {
  added: number;
  updated: number;
  removed: number;
  /** Segments of the file's coder changed here after the file's version: kept as they are here. */
  keptHere: number;
  /** Segments of the file that were not merged (quote or id problems, or a document not here). */
  leftOut: number;
  codesAdded: number;
}

/** A planned merge: the changes of one action, a report in words (its summary first), and the counts. */
export interface CoderMergePlan {
  changes: Change[];
  report: string[];
  counts: CoderMergeCounts;
}

const ENTRY_FIELDS = ['description', 'definition', 'whenToUse', 'whenNotToUse', 'example'] as const;

/** The codes with each parent before its sub-codes (a code whose parent is missing counts as top level). */
function parentsFirst<T extends { id: string; parentId: string | null }>(codes: readonly T[]): T[] {
  const ids = new Set(codes.map((c) => c.id));
  const children = new Map<string | null, T[]>();
  for (const code of codes) {
    const parent = code.parentId !== null && ids.has(code.parentId) ? code.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), code]);
  }
  const ordered: T[] = [];
  const visit = (parent: string | null) => {
    for (const code of children.get(parent) ?? []) {
      ordered.push(code);
      visit(code.id);
    }
  };
  visit(null);
  return ordered;
}

/**
 * The file's codes in the project's codebook: a code with an id the codebook holds is that code
 * (as it is here); another is found by its path (names compared case aside), which fills the
 * codebook entries it has empty, or else added under its parent, with its id from `newCodeId`.
 */
function mergeFileCodes(
  fileCodes: readonly CoderFileCode[],
  codes: readonly Code[],
  newCodeId: (ref: string, taken: ReadonlySet<string>) => string,
): { changes: Change[]; codeIds: Map<string, string>; added: number; notes: string[] } {
  const current = codes.map((c) => ({ ...c }));
  const taken = new Set(current.map((c) => c.id));
  const codeIds = new Map<string, string>();
  const changes: Change[] = [];
  const notes: string[] = [];
  let added = 0;
  for (const code of parentsFirst(fileCodes)) {
    const known = current.find((c) => c.id === code.id);
    if (known) {
      codeIds.set(code.id, known.id);
      const here = codePath(current, known.id);
      if (here.toLowerCase() !== code.path.toLowerCase()) notes.push(`The code “${here}” is “${code.path}” in the file; it stays as it is here.`);
      continue;
    }
    const parentId = code.parentId === null ? null : (codeIds.get(code.parentId) ?? null);
    const name = normalCoderName(code.name);
    const match = current.find((c) => c.parentId === parentId && c.name.trim().toLowerCase() === name.toLowerCase());
    if (match) {
      codeIds.set(code.id, match.id);
      const filled: Code = { ...match };
      for (const field of ENTRY_FIELDS) if (code[field].trim() && !match[field].trim()) filled[field] = code[field];
      if (ENTRY_FIELDS.some((field) => filled[field] !== match[field])) {
        changes.push({ kind: 'code', id: match.id, before: match, after: filled });
        current[current.indexOf(match)] = filled;
      }
      continue;
    }
    const id = newCodeId(code.id, taken);
    taken.add(id);
    const keyHolder = code.key === null ? null : code.key === REPEAT_KEY ? 'the repeat key' : current.find((c) => c.key === code.key)?.name;
    if (keyHolder) notes.push(`The key ${code.key} stays with “${keyHolder}”; “${code.path}” was added without a key.`);
    const { path: _path, ...fields } = code;
    const created: Code = { ...fields, id, name, parentId, key: keyHolder ? null : code.key };
    current.push(created);
    changes.push({ kind: 'code', id, before: null, after: created });
    codeIds.set(code.id, id);
    added++;
  }
  return { changes, codeIds, added, notes };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function sameSegment(a: CodedSegment, b: CodedSegment): boolean {
  return (
    a.documentId === b.documentId &&
    a.codeId === b.codeId &&
    a.start === b.start &&
    a.end === b.end &&
    a.quote === b.quote &&
    a.coder === b.coder &&
    a.createdAt === b.createdAt &&
    a.updatedAt === b.updatedAt &&
    a.memo === b.memo &&
    a.origin === b.origin
  );
}

/**
 * Plans the merge of another coder's file into a project, as changes for one action. The
 * project's segments of the file's coder come to mirror the file: missing ones are added with
 * their ids, ones the file has changed more recently are updated, and ones the file no longer
 * holds (on documents the file lists) are removed, unless they were changed here after the file
 * was written. Segments of every other coder are never touched, and every segment merged is the
 * file's coder's. Codes the project lacks are added. Throws when the file is by the project's
 * own coder: a coder's own work is never replaced by a file. `newCodeId` makes the id of an added
 * code from its id in the file (keeping that id when it is free lets two projects agree on it).
 */
export function planCoderMerge(
  file: CoderFile,
  project: CoderMergeTarget,
  options: { now: string; newCodeId: (ref: string, taken: ReadonlySet<string>) => string },
): CoderMergePlan {
  const coder = normalCoderName(file.coder);
  if (coder === normalCoderName(project.coder)) {
    throw new WorkbenchFailure(
      'conflict',
      `This coder file holds the coding of “${coder}”, who is the coder of this project: a coder's own work is never replaced by a file. ` +
        'Merge files of other coders only (or, if this project belongs to someone else, set its coder to their name first).',
    );
  }
  const report: string[] = [];
  const counts: CoderMergeCounts = { added: 0, updated: 0, removed: 0, keptHere: 0, leftOut: 0, codesAdded: 0 };
  if (Date.parse(file.exportedAt) > Date.parse(options.now) + 10 * 60_000) {
    report.push(`The file says it was written at ${file.exportedAt}, later than this computer's clock (${options.now}): if the clocks differ, which change is newer may be misjudged.`);
  }

  const codes = mergeFileCodes(file.codebook.codes, project.codes, options.newCodeId);
  const changes: Change[] = [...codes.changes];
  counts.codesAdded = codes.added;
  const notes = [...codes.notes];

  const documentsByHash = new Map(project.documents.map((d) => [d.sha256, d]));
  const listed = new Set<string>();
  for (const d of file.documents) {
    const here = documentsByHash.get(d.sha256);
    if (here) listed.add(here.id);
  }
  const missing = new Map<string, number>();
  const inFile = new Set(file.segments.map((s) => s.id));
  const segmentsHere = new Map(project.segments.map((s) => [s.id, s]));
  const segmentChanges: Change[] = [];
  for (const s of file.segments) {
    const document = documentsByHash.get(s.documentSha256);
    if (!document) {
      missing.set(s.documentSha256, (missing.get(s.documentSha256) ?? 0) + 1);
      counts.leftOut++;
      continue;
    }
    const label = `“${shortQuote(s.quote)}” (${s.id}) in “${shortTitle(document.title)}”`;
    const text = project.texts.get(document.id);
    if (text === undefined || text.slice(s.start, s.end) !== s.quote) {
      notes.push(`${label} was left out: the text at ${s.start}–${s.end} here is not its quote.`);
      counts.leftOut++;
      continue;
    }
    const codeId = codes.codeIds.get(s.codeId);
    const here = segmentsHere.get(s.id);
    if (!codeId || (here && normalCoderName(here.coder) !== coder)) {
      notes.push(`${label} was left out: ${codeId ? `its id is already taken by a segment of “${here!.coder}” here` : `its code ${s.codePath} is not in the file's codebook`}.`);
      counts.leftOut++;
      continue;
    }
    const incoming: CodedSegment = {
      id: s.id,
      documentId: document.id,
      codeId,
      start: s.start,
      end: s.end,
      quote: s.quote,
      coder: here?.coder ?? coder,
      createdAt: s.createdAt,
      updatedAt: s.updatedAt,
      memo: s.memo,
      origin: s.origin,
    };
    if (!here) {
      segmentChanges.push({ kind: 'segment', id: s.id, before: null, after: incoming });
      counts.added++;
    } else if (sameSegment(here, incoming)) {
      continue;
    } else if (Date.parse(incoming.updatedAt) > Date.parse(here.updatedAt)) {
      segmentChanges.push({ kind: 'segment', id: s.id, before: here, after: incoming });
      counts.updated++;
    } else {
      notes.push(`${label} was changed here after ${coder}'s last change to it: it stays as it is here.`);
      counts.keptHere++;
    }
  }
  // What the coder deleted: their segments here, on documents the file lists, that it no longer holds.
  const written = Date.parse(file.exportedAt);
  for (const s of project.segments) {
    if (normalCoderName(s.coder) !== coder || !listed.has(s.documentId) || inFile.has(s.id)) continue;
    if (Date.parse(s.updatedAt) > written) {
      notes.push(`“${shortQuote(s.quote)}” (${s.id}), not in the file, was changed here after the file was written: it stays.`);
      counts.keptHere++;
      continue;
    }
    segmentChanges.push({ kind: 'segment', id: s.id, before: s, after: null });
    counts.removed++;
  }
  changes.push(...segmentChanges);

  for (const d of file.documents) {
    const n = missing.get(d.sha256);
    if (n) report.push(`“${shortTitle(d.title)}” differs from every document here, or is missing: its ${plural(n, 'segment')} by ${coder} ${n === 1 ? 'was' : 'were'} not merged.`);
  }
  report.push(...notes);
  if (!changes.length) {
    report.unshift(`Nothing new from ${coder}: this project already holds their coding as the file has it.`);
  } else {
    const parts = [
      counts.added && plural(counts.added, 'new segment'),
      counts.updated && `${counts.updated} changed`,
      counts.removed && `${counts.removed} removed (deleted by ${coder})`,
      counts.codesAdded && plural(counts.codesAdded, 'new code'),
    ].filter(Boolean);
    report.unshift(`Merged the coding of ${coder}: ${parts.length ? parts.join(', ') : 'codebook entries filled in'}.`);
  }
  return { changes, report, counts };
}
