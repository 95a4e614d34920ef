import { useEffect, useState } from 'react';
import type { ReliabilityDisagreement } from '../../../shared/stats/report-disagreements';
import type { AgreementReport as Report } from '../../store/agreement';
import type { Adjudication } from '../../../shared/model/adjudication';
import { settleDisagreement } from '../../services/agreement';
import { setBlind } from '../../services/coders';
import { documentText, jumpTo } from '../../services/documents';
import { t, useT } from '../../i18n/i18n';
import { getState, selectBlind } from '../../store';

/** How a disagreement was settled, in words ('Open' while it is not). */
export function decisionText(adjudication: Adjudication | undefined, report: Report): string {
  if (!adjudication) return t('agreement.decision.open');
  if (adjudication.decision === 'discussed') return t('agreement.decision.discussed', { by: adjudication.by });
  if (adjudication.decision === 'merge') return t('agreement.decision.merged', { by: adjudication.by });
  const version = report.disagreements.flatMap((d) => d.versions).find((v) => v.segmentId === adjudication.acceptedSegmentId);
  return version
    ? t('agreement.decision.accepted', { coder: version.coder, by: adjudication.by })
    : t('agreement.decision.acceptedUnknown', { by: adjudication.by });
}

/** The coders' versions of one disagreement side by side, each in its context, with the decisions. */
export function DisagreementDetail(props: { disagreement: ReliabilityDisagreement; codeLabel: string; onSettled: () => Promise<void>; onJump: () => void }) {
  const t = useT();
  const { disagreement } = props;
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void documentText(disagreement.documentId).then((text) => {
      if (live && text !== null) setText(text);
    });
    return () => {
      live = false;
    };
  }, [disagreement.documentId]);
  const segmentIds = disagreement.versions.flatMap((v) => (v.segmentId ? [v.segmentId] : []));
  const decide = async (decision: 'accept' | 'merge' | 'discussed', acceptedSegmentId?: string) => {
    const done = await settleDisagreement({
      disagreementId: disagreement.id,
      documentId: disagreement.documentId,
      codeId: disagreement.codeId,
      decision,
      segmentIds,
      acceptedSegmentId,
    });
    if (done) await props.onSettled();
  };
  const from = Math.max(0, disagreement.start - 80);
  const to = disagreement.end + 80;
  return (
    <section className="disagreement-detail" aria-label={t('agreement.detail.label')}>
      <h3 className="panel-title">{props.codeLabel}</h3>
      <div className="versions">
        {disagreement.versions.map((version) => (
          <div className="version" key={version.coder} data-coder={version.coder}>
            <h4>{version.coder}</h4>
            {text === null ? (
              <p className="empty">{t('agreement.detail.loading')}</p>
            ) : version.segmentId === null || version.start === null || version.end === null ? (
              <p className="version-text">
                <em>{t('agreement.detail.notCoded')}</em> {text.slice(from, to)}
              </p>
            ) : (
              <p className="version-text">
                {from > 0 ? '…' : ''}
                {text.slice(from, version.start)}
                <mark>{text.slice(version.start, version.end)}</mark>
                {text.slice(version.end, to)}
                {to < text.length ? '…' : ''}
              </p>
            )}
            {version.segmentId && (
              <button type="button" onClick={() => void decide('accept', version.segmentId!)} data-action="accept-version">
                {t('agreement.detail.accept', { coder: version.coder })}
              </button>
            )}
          </div>
        ))}
      </div>
      <div className="disagreement-actions">
        {segmentIds.length > 1 && (
          <button type="button" onClick={() => void decide('merge')} data-action="merge-versions">
            {t('agreement.detail.merge')}
          </button>
        )}
        <button type="button" onClick={() => void decide('discussed')} data-action="mark-discussed">
          {t('agreement.detail.discussed')}
        </button>
        <button
          type="button"
          data-action="show-in-text"
          onClick={async () => {
            if (selectBlind(getState())) await setBlind(false);
            props.onJump();
            await jumpTo(disagreement.documentId, disagreement.start, disagreement.end);
          }}
        >
          {t('agreement.detail.showInText')}
        </button>
      </div>
    </section>
  );
}
