/**
 * Tiny builders of the page's state for the renderer's store tests: a coded segment, a document,
 * a project overview and an action's outcome, each with plain defaults that a case overrides.
 */
import type { ActionOutcome } from '../../shared/ipc/outcomes';
import type { ProjectOverview } from '../../shared/views/project-overview';
import type { Code } from '../../shared/model/codebook';
import type { DocumentRecord } from '../../shared/model/documents';
import type { CodedSegment } from '../../shared/model/segments';

const WHEN = '2026-01-01T00:00:00.000Z';

/** A segment over [start, end) of `text` (its quote is cut from it). */
export function segmentOf(text: string, id: string, start: number, end: number, fields: Partial<CodedSegment> = {}): CodedSegment {
  return { id, documentId: 'doc', codeId: 'claim', start, end, quote: text.slice(start, end), coder: 'ana', createdAt: WHEN, updatedAt: WHEN, memo: '', origin: 'manual', ...fields };
}

export function documentRecord(id = 'doc', fields: Partial<DocumentRecord> = {}): DocumentRecord {
  return { id, title: id, file: `${id}.txt`, sha256: '0'.repeat(64), byteLength: 0, length: 0, codePointLength: 0, addedAt: WHEN, memo: '', source: null, values: {}, ...fields };
}

export function code(id: string, fields: Partial<Code> = {}): Code {
  return { id, name: id, colour: '#0072b2', description: '', definition: '', whenToUse: '', whenNotToUse: '', example: '', key: null, parentId: null, ...fields };
}

export function projectOverview(fields: Partial<ProjectOverview> = {}): ProjectOverview {
  return {
    name: 'study',
    folder: '/study',
    file: '/study/project.json',
    coder: 'ana',
    coderConfirmed: true,
    blind: false,
    coders: ['ana'],
    documents: [],
    codes: [code('claim'), code('source')],
    notices: [],
    history: { undo: null, redo: null },
    variables: [],
    ...fields,
  };
}

export function outcome(fields: Partial<ActionOutcome> = {}): ActionOutcome {
  return { label: 'Something', segments: [], codes: null, documents: [], history: { undo: 'Something', redo: null }, notes: [], ...fields };
}
