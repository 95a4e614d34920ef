/**
 * The Agreement view's choices (coders, documents, codes, overlap, bootstrap), its last report and
 * the disagreement being looked at. Kept in the store so that they survive going to another view
 * and back; the view only draws them.
 */
import type { Adjudication } from '../../shared/model/adjudication';
import type { ReliabilityOptions } from '../../shared/stats/character-data';
import type { ReliabilityReport } from '../../shared/stats/reliability-report';
import { MIN_DOCUMENT_CLUSTERS } from '../../shared/stats/stretch-bootstrap';
import { memoise } from './store';

/** A report as the main process sends it, with the decisions taken on its disagreements. */
export type AgreementReport = ReliabilityReport & { adjudications: Adjudication[] };

export interface AgreementState {
  /** The coders ticked. */
  coders: string[];
  /** The coders the view has seen: one that comes in later is ticked too. */
  knownCoders: string[];
  /** Compare on every document instead of those every chosen coder has coded. */
  allDocuments: boolean;
  documentIds: string[];
  /** The documents last offered by default: a change of them (a coder ticked, say) ticks them again. */
  defaultDocumentIds: string[] | null;
  /** The codes ticked; null until the view first shows (then every code). */
  codeIds: string[] | null;
  /** Least overlap, in percent, for two segments to agree. */
  minOverlap: number;
  withIntervals: boolean;
  /** Resample whole documents (offered from `MIN_DOCUMENT_CLUSTERS` documents) rather than coded stretches. */
  byDocument: boolean;
  samples: number;
  seed: number;
  report: AgreementReport | null;
  computing: boolean;
  /** The disagreement whose versions are shown. */
  selected: string | null;
}

export interface AgreementSlice {
  agreement: AgreementState;
}

export const agreementInitial: AgreementSlice = {
  agreement: {
    coders: [],
    knownCoders: [],
    allDocuments: false,
    documentIds: [],
    defaultDocumentIds: null,
    codeIds: null,
    minOverlap: 90,
    withIntervals: false,
    byDocument: false,
    samples: 1000,
    seed: 1,
    report: null,
    computing: false,
    selected: null,
  },
};

/**
 * The bootstrap the view's choices ask for on `documentCount` documents: none without intervals;
 * whole documents only when ticked and there are at least `MIN_DOCUMENT_CLUSTERS` of them (the
 * view offers the choice only then), coded stretches otherwise.
 */
export function bootstrapChoice(
  { withIntervals, byDocument, samples, seed }: Pick<AgreementState, 'withIntervals' | 'byDocument' | 'samples' | 'seed'>,
  documentCount: number,
): ReliabilityOptions['bootstrap'] {
  if (!withIntervals) return undefined;
  return byDocument && documentCount >= MIN_DOCUMENT_CLUSTERS ? { samples, seed, unit: 'document' } : { samples, seed };
}

/** The view's state changed by `patch`. */
export function withAgreement(state: AgreementSlice, patch: Partial<AgreementState>): Partial<AgreementSlice> {
  return { agreement: { ...state.agreement, ...patch } };
}

const sameList = (a: readonly string[] | null, b: readonly string[]) => !!a && a.length === b.length && a.every((id, i) => id === b[i]);

/** The project's coders now: those not seen before are ticked (nothing changes when none is new). */
export function withCodersKnown(state: AgreementSlice, coders: readonly string[]): Partial<AgreementSlice> {
  const { agreement } = state;
  const known = new Set(agreement.knownCoders);
  const fresh = coders.filter((coder) => !known.has(coder));
  if (!fresh.length) return {};
  return withAgreement(state, { coders: [...new Set([...agreement.coders, ...fresh])], knownCoders: [...known, ...fresh] });
}

/** The documents offered by default now: when they changed, they are the ones ticked. */
export function withDefaultDocuments(state: AgreementSlice, defaults: readonly string[]): Partial<AgreementSlice> {
  if (sameList(state.agreement.defaultDocumentIds, defaults)) return {};
  return withAgreement(state, { documentIds: [...defaults], defaultDocumentIds: [...defaults] });
}

/** The codes ticked at the view's first showing: all of them. */
export function withCodesKnown(state: AgreementSlice, codeIds: readonly string[]): Partial<AgreementSlice> {
  return state.agreement.codeIds === null ? withAgreement(state, { codeIds: [...codeIds] }) : {};
}

/** How many disagreements of the report have no decision yet. */
export const selectOpenDisagreements = memoise(
  (s: AgreementSlice) => [s.agreement.report] as const,
  (report): number => (report ? report.disagreements.filter((d) => !report.adjudications.some((a) => a.id === d.id)).length : 0),
);
