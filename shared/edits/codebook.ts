/**
 * Codebook edits: adding, changing, moving, merging and deleting codes, and importing a codebook,
 * as actions (a label and before/after changes) over the current codes and segments. They check
 * what they are given and say in words what is wrong; the store applies, saves and undoes them.
 */
import { actionLabel } from './action-label';
import type { Change } from '../model/changes';
import { codeAndDescendants, codePath, COLOUR_PATTERN, REPEAT_KEY, type Code } from '../model/codebook';
import { WorkbenchFailure } from '../model/failure';
import type { CodebookState } from '../model/project';
import type { Edit } from '../model/changes';

/** The fields of a code that a researcher edits. */
export type CodeFields = Omit<Code, 'id'>;

function find(state: CodebookState, id: string): Code {
  const code = state.codes.find((c) => c.id === id);
  if (!code) throw new WorkbenchFailure('not-found', `There is no code ${id} in the codebook.`);
  return code;
}

/** Checks a code as it would be after an edit, against the rest of the codebook. */
function check(state: CodebookState, code: Code): void {
  const name = code.name.trim();
  if (!name) throw new WorkbenchFailure('invalid-input', 'A code needs a name.');
  if (!COLOUR_PATTERN.test(code.colour)) throw new WorkbenchFailure('invalid-input', `“${code.colour}” is not a colour (#rrggbb).`);
  const others = state.codes.filter((c) => c.id !== code.id);
  const sibling = others.find((c) => c.parentId === code.parentId && c.name.trim().toLowerCase() === name.toLowerCase());
  if (sibling) throw new WorkbenchFailure('conflict', `There is already a code “${codePath(state.codes, sibling.id)}”.`);
  if (code.key !== null) {
    if (code.key.length !== 1 || !/\S/.test(code.key)) throw new WorkbenchFailure('invalid-input', 'A key is one character.');
    if (code.key === REPEAT_KEY) {
      throw new WorkbenchFailure('invalid-input', `The key ${REPEAT_KEY} repeats the last code used; choose another.`);
    }
    const holder = others.find((c) => c.key === code.key);
    if (holder) throw new WorkbenchFailure('conflict', `The key ${code.key} already codes “${holder.name}”. Clear it there first.`);
  }
  if (code.parentId !== null) {
    find(state, code.parentId);
    if (codeAndDescendants(state.codes, code.id).has(code.parentId)) {
      throw new WorkbenchFailure('invalid-input', `“${code.name}” cannot sit under itself or under one of its own sub-codes.`);
    }
  }
}

/** The fields of a new code before the researcher fills them in. */
export function blankCodeFields(name: string, colour: string): CodeFields {
  return { name, colour, description: '', definition: '', whenToUse: '', whenNotToUse: '', example: '', key: null, parentId: null };
}

/** A new code at the end of the codebook (under `parentId`, if given). */
export function addCode(state: CodebookState, id: string, fields: CodeFields): Edit {
  if (state.codes.some((c) => c.id === id)) throw new WorkbenchFailure('conflict', `A code with id ${id} already exists.`);
  const code: Code = { ...fields, id, name: fields.name.trim() };
  check(state, code);
  return { label: actionLabel`Add code “${code.name}”`, changes: [{ kind: 'code', id, before: null, after: code }] };
}

/** Changes a code's fields: rename, recolour, describe, set or clear the key, move under another code. */
export function updateCode(state: CodebookState, id: string, patch: Partial<CodeFields>): Edit {
  const before = find(state, id);
  const after: Code = { ...before, ...patch, id, name: (patch.name ?? before.name).trim() };
  check(state, after);
  const what =
    after.name !== before.name
      ? actionLabel`Rename “${before.name}” to “${after.name}”`
      : after.parentId !== before.parentId
        ? after.parentId
          ? actionLabel`Move “${after.name}” under “${find(state, after.parentId).name}”`
          : actionLabel`Move “${after.name}” to the top level`
        : actionLabel`Edit code “${after.name}”`;
  return { label: what, changes: [{ kind: 'code', id, before, after }] };
}

/** Moves a code to a new place in the codebook's order. */
export function moveCode(state: CodebookState, id: string, toIndex: number): Edit {
  const code = find(state, id);
  const before = state.codes.map((c) => c.id);
  const after = before.filter((c) => c !== id);
  after.splice(Math.max(0, Math.min(toIndex, after.length)), 0, id);
  return { label: actionLabel`Reorder “${code.name}”`, changes: [{ kind: 'codeOrder', id: 'codebook', before, after }] };
}

/** How many segments carry a code, and how many codes sit directly under it (shown before a delete). */
export function codeUsage(state: CodebookState, id: string): { segments: number; subcodes: number } {
  return {
    segments: state.segments.filter((s) => s.codeId === id).length,
    subcodes: state.codes.filter((c) => c.parentId === id).length,
  };
}

/**
 * Moves every segment of `sourceId` to `targetId`; a segment that would then repeat one of the
 * target code on the same span is removed instead (the duplicates collapse).
 */
function moveSegments(state: CodebookState, sourceId: string, targetId: string, now: string): Change[] {
  const spans = new Set(
    state.segments.filter((s) => s.codeId === targetId).map((s) => `${s.documentId}:${s.start}:${s.end}`),
  );
  const changes: Change[] = [];
  for (const segment of state.segments) {
    if (segment.codeId !== sourceId) continue;
    const span = `${segment.documentId}:${segment.start}:${segment.end}`;
    if (spans.has(span)) {
      changes.push({ kind: 'segment', id: segment.id, before: segment, after: null });
    } else {
      spans.add(span);
      changes.push({ kind: 'segment', id: segment.id, before: segment, after: { ...segment, codeId: targetId, updatedAt: now } });
    }
  }
  return changes;
}

/**
 * Taking a code out of the codebook's order. It comes first in an action, so that undoing the
 * action (last change first) restores the order only once the code is back, in its old place.
 */
function withoutInOrder(state: CodebookState, id: string): Change {
  const before = state.codes.map((c) => c.id);
  return { kind: 'codeOrder', id: 'codebook', before, after: before.filter((c) => c !== id) };
}

/** The sub-codes of a code, moved under `parentId`. */
function reparentChildren(state: CodebookState, id: string, parentId: string | null): Change[] {
  return state.codes
    .filter((c) => c.parentId === id)
    .map((child) => ({ kind: 'code' as const, id: child.id, before: child, after: { ...child, parentId } }));
}

/** Merges `sourceId` into `targetId`: segments move (duplicates collapse), sub-codes follow, the source goes. */
export function mergeCodes(state: CodebookState, sourceId: string, targetId: string, now: string): Edit {
  const source = find(state, sourceId);
  const target = find(state, targetId);
  if (sourceId === targetId) throw new WorkbenchFailure('invalid-input', 'A code cannot be merged into itself.');
  if (codeAndDescendants(state.codes, sourceId).has(targetId)) {
    throw new WorkbenchFailure('invalid-input', `“${source.name}” cannot be merged into one of its own sub-codes.`);
  }
  return {
    label: actionLabel`Merge “${source.name}” into “${target.name}”`,
    changes: [
      withoutInOrder(state, sourceId),
      ...moveSegments(state, sourceId, targetId, now),
      ...reparentChildren(state, sourceId, targetId),
      { kind: 'code', id: sourceId, before: source, after: null },
    ],
  };
}

export type Disposal = { segments: 'remove' } | { segments: 'move'; to: string };

/**
 * Deletes a code. Its segments are removed or moved to another code, as the researcher chose;
 * its sub-codes move up to its own parent, so that nothing below it is lost.
 */
export function deleteCode(state: CodebookState, id: string, disposal: Disposal, now: string): Edit {
  const code = find(state, id);
  if (disposal.segments === 'move') {
    const merged = mergeCodes(state, id, disposal.to, now);
    const to = find(state, disposal.to);
    return { label: actionLabel`Delete code “${code.name}”, its segments moved to “${to.name}”`, changes: merged.changes };
  }
  const removed: Change[] = state.segments
    .filter((s) => s.codeId === id)
    .map((segment) => ({ kind: 'segment', id: segment.id, before: segment, after: null }));
  return {
    label: actionLabel`Delete code “${code.name}” and its ${removed.length} segment${removed.length === 1 ? '' : 's'}`,
    changes: [
      withoutInOrder(state, id),
      ...removed,
      ...reparentChildren(state, id, code.parentId),
      { kind: 'code', id, before: code, after: null },
    ],
  };
}

/**
 * Imports codes from a codebook file as one action: codes with a known id are updated, the others
 * added (parents before children). A key already used by another code is left off, and said.
 */
export function importCodebook(state: CodebookState, imported: readonly Code[]): Edit & { notes: string[] } {
  const notes: string[] = [];
  const changes: Change[] = [];
  const codes: Code[] = state.codes.map((c) => ({ ...c }));
  const current = (): CodebookState => ({ codes, segments: state.segments });
  const pending = [...imported];
  // Parents first: take, each round, the codes whose parent is already in the codebook.
  while (pending.length) {
    const ready = pending.filter((c) => c.parentId === null || codes.some((k) => k.id === c.parentId));
    if (!ready.length) {
      throw new WorkbenchFailure('invalid-input', `The codebook names parent codes it does not hold (${pending.map((c) => c.name).join(', ')}).`);
    }
    for (const incoming of ready) {
      pending.splice(pending.indexOf(incoming), 1);
      let code: Code = { ...incoming };
      const holder = code.key && codes.find((c) => c.key === code.key && c.id !== code.id);
      if (holder) {
        notes.push(`The key ${code.key} stays with “${holder.name}”; “${code.name}” was imported without a key.`);
        code = { ...code, key: null };
      }
      const before = codes.find((c) => c.id === code.id) ?? null;
      check(current(), code);
      changes.push({ kind: 'code', id: code.id, before, after: code });
      if (before) codes[codes.indexOf(before)] = code;
      else codes.push(code);
    }
  }
  return { label: actionLabel`Import a codebook of ${imported.length} code${imported.length === 1 ? '' : 's'}`, changes, notes };
}
