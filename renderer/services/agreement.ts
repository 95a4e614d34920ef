/**
 * Agreement between coders: computing the report for the view's choices (as a job that can be
 * cancelled) and settling a disagreement, after which the report is computed again.
 */
import type { OperationInput } from '../../shared/ipc';
import { getState, update } from '../store';
import { bootstrapChoice, withAgreement, withCodersKnown, withCodesKnown, withDefaultDocuments, type AgreementState } from '../store/agreement';
import { api } from './api-client';
import { runAction } from './history';
import { followJob } from './jobs';
import { t } from '../i18n/i18n';
import { showMessage } from './page';

export type AgreementSelection = OperationInput<'reliabilityReport'>;

/** The selection the view's choices make, with `documentIds` for the documents. */
export function agreementSelection(documentIds = getState().agreement.documentIds): AgreementSelection {
  const { agreement } = getState();
  const { coders, codeIds, minOverlap } = agreement;
  return { coders, documentIds, codeIds: codeIds ?? [], minOverlap, bootstrap: bootstrapChoice(agreement, documentIds.length) };
}

/** Computes the report for the view's choices (on `documentIds`) and keeps it in the store. */
export async function computeAgreement(documentIds = getState().agreement.documentIds): Promise<void> {
  update((current) => withAgreement(current, { computing: true }));
  const result = await followJob(t('services.job.agreement'), (jobId) => api.reliabilityReport({ ...agreementSelection(documentIds), jobId }));
  update((current) => withAgreement(current, result.ok ? { computing: false, report: result.value } : { computing: false }));
  if (result.ok) return;
  if (result.error.code === 'cancelled') showMessage('info', t('services.agreement.cancelled'));
  else showMessage('error', result.error.message);
}

/** Settles a disagreement (for the consensus coder); true when it was. */
export function settleDisagreement(input: OperationInput<'settleDisagreement'>): Promise<boolean> {
  return runAction(api.settleDisagreement(input));
}

/** Forgets the report (another coder's work came in: its figures are out of date). */
export function forgetAgreementReport(): void {
  update((current) => withAgreement(current, { report: null }));
}

/** Changes the view's choices (or the disagreement looked at). */
export function chooseAgreement(patch: Partial<Omit<AgreementState, 'report' | 'computing'>>): void {
  update((current) => withAgreement(current, patch));
}

/** The project's coders now: a coder whose work has just come in is ticked too. */
export function knowCoders(coders: readonly string[]): void {
  update((current) => withCodersKnown(current, coders));
}

/** The codebook at the view's first showing: every code is ticked. */
export function knowCodes(codeIds: readonly string[]): void {
  update((current) => withCodesKnown(current, codeIds));
}

/** The documents offered by default now (those every chosen coder has coded, or all). */
export function offerDocuments(documentIds: readonly string[]): void {
  update((current) => withDefaultDocuments(current, documentIds));
}
