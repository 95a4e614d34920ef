/**
 * Settling disagreements between coders. Reliability is a property of the coders' independent
 * work, so settling never changes it: each decision is recorded, and the agreed version goes to a
 * separate coder, the consensus, whose segments make the adjudicated dataset (exported like any
 * coder's). A decision is to accept one coder's version, to merge the versions (their extent,
 * with the code), or to mark the disagreement as discussed without a consensus segment. Deciding
 * again replaces the earlier decision and its consensus segment.
 */
import { actionLabel } from './action-label';
import type { Change } from '../model/changes';
import { WorkbenchFailure } from '../model/failure';
import { CONSENSUS_CODER, type Adjudication, type Decision } from '../model/adjudication';
import type { CodedSegment } from '../model/segments';
import { shortQuote } from '../text/short-text';

export interface SettleInput {
  disagreementId: string;
  documentId: string;
  codeId: string;
  decision: Decision;
  segmentIds: string[];
  acceptedSegmentId?: string;
  note?: string;
}

/** The changes that record a decision (and make or replace its consensus segment). */
export function settle(
  input: SettleInput,
  state: { segments: readonly CodedSegment[]; adjudications: readonly Adjudication[]; text: string; by: string; now: string; newId: () => string },
): { label: string; changes: Change[] } {
  const versions = input.segmentIds.map((id) => {
    const segment = state.segments.find((s) => s.id === id);
    if (!segment) throw new WorkbenchFailure('not-found', `The coded segment ${id} is no longer in the project.`);
    if (segment.documentId !== input.documentId) throw new WorkbenchFailure('invalid-input', `The segment ${id} is not in this document.`);
    return segment;
  });
  if (!versions.length) throw new WorkbenchFailure('invalid-input', 'A disagreement needs at least one coded segment.');
  const changes: Change[] = [];
  const previous = state.adjudications.find((a) => a.id === input.disagreementId) ?? null;
  const oldConsensus = previous?.consensusSegmentId ? state.segments.find((s) => s.id === previous.consensusSegmentId) ?? null : null;
  if (oldConsensus) changes.push({ kind: 'segment', id: oldConsensus.id, before: oldConsensus, after: null });

  let consensus: CodedSegment | null = null;
  let accepted: CodedSegment | null = null;
  if (input.decision !== 'discussed') {
    let start: number;
    let end: number;
    let codeId = input.codeId;
    if (input.decision === 'accept') {
      accepted = versions.find((s) => s.id === input.acceptedSegmentId) ?? null;
      if (!accepted) throw new WorkbenchFailure('invalid-input', 'Choose which of the versions to accept.');
      ({ start, end, codeId } = accepted);
    } else {
      start = Math.min(...versions.map((s) => s.start));
      end = Math.max(...versions.map((s) => s.end));
    }
    consensus = {
      id: state.newId(),
      documentId: input.documentId,
      codeId,
      start,
      end,
      quote: state.text.slice(start, end),
      coder: CONSENSUS_CODER,
      createdAt: state.now,
      updatedAt: state.now,
      memo: input.note?.trim() ?? '',
      // The consensus is the adjudicator's decision, whatever origin the versions had.
      origin: 'manual',
    };
    changes.push({ kind: 'segment', id: consensus.id, before: null, after: consensus });
  }
  const record: Adjudication = {
    id: input.disagreementId,
    documentId: input.documentId,
    codeId: input.codeId,
    decision: input.decision,
    segmentIds: versions.map((s) => s.id),
    acceptedSegmentId: accepted?.id ?? null,
    consensusSegmentId: consensus?.id ?? null,
    by: state.by,
    at: state.now,
    note: input.note?.trim() ?? '',
  };
  changes.push({ kind: 'adjudication', id: record.id, before: previous, after: record });
  const label =
    input.decision === 'accept'
      ? actionLabel`Accept ${accepted!.coder}'s version of “${shortQuote(accepted!.quote)}”`
      : input.decision === 'merge'
        ? actionLabel`Merge the versions of “${shortQuote(consensus!.quote)}”`
        : actionLabel`Mark the disagreement on “${shortQuote(state.text.slice(Math.min(...versions.map((s) => s.start)), Math.max(...versions.map((s) => s.end))))}” as discussed`;
  return { label, changes };
}
