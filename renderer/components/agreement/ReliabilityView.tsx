/**
 * Agreement between coders: choose coders, documents and codes; read every measure per code and
 * overall; export the report and the units × coders matrix; walk through the disagreements, each
 * opened with the coders' versions side by side, and settle them (accept one, merge, or mark as
 * discussed). Settling goes to the consensus coder, so the figures stay those of the independent
 * coding; the list shows each disagreement's decision. The choices and the report live in the
 * store (store/agreement.ts), so they are there again after a visit to another view.
 */
import { useEffect, useMemo } from 'react';
import { CONSENSUS_CODER } from '../../../shared/model/adjudication';
import { codePath } from '../../../shared/model/codebook';
import { documentsCodedByAll } from '../../../shared/stats/compared-documents';
import { MIN_DOCUMENT_CLUSTERS } from '../../../shared/stats/stretch-bootstrap';
import { agreementSelection, chooseAgreement, computeAgreement, forgetAgreementReport, knowCodes, knowCoders, offerDocuments } from '../../services/agreement';
import { setBlind } from '../../services/coders';
import { exportReliability } from '../../services/exports';
import { formatNumber, useT } from '../../i18n/i18n';
import { showMessage } from '../../services/page';
import { selectBlind, selectCodes, useStore } from '../../store';
import { selectOpenDisagreements } from '../../store/agreement';
import { CoderExchange } from '../coders/CoderExchange';
import { Checkboxes } from './Checkboxes';
import { decisionText, DisagreementDetail } from './DisagreementDetail';
import { ReportTable } from './ReportTable';

const NONE: string[] = [];

export function ReliabilityView(props: { onJump: () => void }) {
  const t = useT();
  const project = useStore((state) => state.project)!;
  const blind = useStore(selectBlind);
  const codes = useStore(selectCodes);
  const coders = useMemo(() => project.coders.filter((c) => c !== CONSENSUS_CODER), [project.coders]);
  const agreement = useStore((state) => state.agreement);
  const { coders: chosenCoders, allDocuments, documentIds, minOverlap, withIntervals, byDocument, samples, seed, report, computing, selected } = agreement;
  const codeIds = agreement.codeIds ?? NONE;
  // A coder whose work has just come in is compared too; at the first showing, every code is.
  useEffect(() => knowCoders(coders), [coders.join('\u0000')]);
  useEffect(() => knowCodes(codes.map((c) => c.id)), []);
  // By default the documents every chosen coder has coded (see shared/stats/compared-documents.ts).
  const sharedIds = useMemo(() => documentsCodedByAll(project.documents, chosenCoders), [project.documents, chosenCoders]);
  const defaultIds = allDocuments ? project.documents.map((d) => d.id) : sharedIds;
  useEffect(() => offerDocuments(defaultIds), [defaultIds.join('\u0000')]);

  const compute = async (chosenDocuments = documentIds) => {
    if (chosenCoders.length < 2) return showMessage('info', t('agreement.message.chooseTwoCoders'));
    if (!chosenDocuments.length && !allDocuments && !sharedIds.length) return showMessage('info', t('agreement.message.noSharedDocument'));
    if (!chosenDocuments.length || !codeIds.length) return showMessage('info', t('agreement.message.chooseDocumentAndCode'));
    await computeAgreement(chosenDocuments);
  };

  const titles = new Map(project.documents.map((d) => [d.id, d.title]));
  const codeLabel = (id: string) => codePath(codes, id) || id;
  const open = useStore(selectOpenDisagreements);
  const current = report?.disagreements.find((d) => d.id === selected) ?? null;

  if (blind) {
    return (
      <section className="reliability" aria-label={t('agreement.view.label')}>
        <p className="blind-closed" role="status">
          {t('agreement.blind.closed')}{' '}
          <button type="button" onClick={() => void setBlind(false)} data-action="blind-off">
            {t('agreement.blind.turnOff')}
          </button>
        </p>
        <CoderExchange onMerged={forgetAgreementReport} />
      </section>
    );
  }

  return (
    <section className="reliability" aria-label={t('agreement.view.label')}>
      <form
        className="reliability-selection"
        onSubmit={(event) => {
          event.preventDefault();
          void compute();
        }}
      >
        <Checkboxes
          choice="coders"
          legend={t('agreement.choice.coders')}
          filterLabel={t('agreement.choice.filterCoders')}
          items={coders.map((c) => ({ id: c, label: c }))}
          chosen={chosenCoders}
          onChange={(chosen) => chooseAgreement({ coders: chosen })}
        />
        <Checkboxes
          choice="documents"
          legend={t('agreement.choice.documents')}
          filterLabel={t('agreement.choice.filterDocuments')}
          items={project.documents.map((d) => ({ id: d.id, label: d.title }))}
          chosen={documentIds}
          onChange={(chosen) => chooseAgreement({ documentIds: chosen })}
        />
        <Checkboxes
          choice="codes"
          legend={t('agreement.choice.codes')}
          filterLabel={t('agreement.choice.filterCodes')}
          items={codes.map((c) => ({ id: c.id, label: codeLabel(c.id) }))}
          chosen={codeIds}
          onChange={(chosen) => chooseAgreement({ codeIds: chosen })}
        />
        <div className="reliability-options">
          {/* The inputs sit inside the sentence: each language says what comes before and after them. */}
          <label>
            {t('agreement.options.overlapBefore')}{' '}
            <input type="number" min={1} max={100} value={minOverlap} onChange={(e) => chooseAgreement({ minOverlap: Number(e.target.value) || 1 })} aria-label={t('agreement.options.overlapLabel')} />
            {t('agreement.options.overlapAfter')}
          </label>
          <label>
            <input type="checkbox" checked={withIntervals} onChange={(e) => chooseAgreement({ withIntervals: e.target.checked })} data-action="bootstrap" />{' '}
            {t('agreement.options.intervals')} {t('agreement.options.samplesBefore')}{' '}
            <input type="number" min={100} max={20000} step={100} value={samples} onChange={(e) => chooseAgreement({ samples: Number(e.target.value) || 1000 })} aria-label={t('agreement.options.samplesLabel')} />{' '}
            {t('agreement.options.seedBefore')}{' '}
            <input type="number" min={0} value={seed} onChange={(e) => chooseAgreement({ seed: Number(e.target.value) || 0 })} aria-label={t('agreement.options.seedLabel')} />)
          </label>
          {/* Whole documents as clusters: offered only where there are enough of them to resample. */}
          {withIntervals && documentIds.length >= MIN_DOCUMENT_CLUSTERS && (
            <label>
              <input type="checkbox" checked={byDocument} onChange={(e) => chooseAgreement({ byDocument: e.target.checked })} data-action="bootstrap-by-document" />{' '}
              {t('agreement.options.byDocument')}
            </label>
          )}
          <button type="submit" disabled={computing} aria-busy={computing} data-action="compute-agreement">
            {computing ? t('agreement.compute.running') : report ? t('agreement.compute.again') : t('agreement.compute.first')}
          </button>
        </div>
      </form>
      <CoderExchange onMerged={forgetAgreementReport} />
      {coders.length < 2 && (
        <p className="empty">{t('agreement.oneCoder')}</p>
      )}
      {report && (
        <>
          <p className="reliability-summary" role="status">
            {[
              t('agreement.summary.coders', { count: report.coders.length, names: report.coders.join(', ') }),
              t('agreement.summary.documents', { count: report.documents }),
              t('agreement.summary.units', { count: report.units }),
              ...(report.bootstrap ? [t('agreement.summary.bootstrap', { count: report.bootstrap.clusters, samples: formatNumber(report.bootstrap.samples), seed: report.bootstrap.seed })] : []),
            ].join(' · ')}
          </p>
          <p className="reliability-scope" data-scope={allDocuments ? 'all' : 'shared'}>
            {allDocuments
              ? t('agreement.scope.all', { count: project.documents.length })
              : t('agreement.scope.shared', { count: sharedIds.length, total: formatNumber(project.documents.length) })}
            {report.documentIds.join('\u0000') !== defaultIds.join('\u0000') && ` ${t('agreement.scope.byHand', { count: report.documents })}`}{' '}
            <label>
              <input
                type="checkbox"
                checked={allDocuments}
                data-action="all-documents"
                onChange={(event) => {
                  chooseAgreement({ allDocuments: event.target.checked });
                  void compute(event.target.checked ? project.documents.map((d) => d.id) : sharedIds);
                }}
              />{' '}
              {t('agreement.scope.compareAll')}
            </label>
          </p>
          <ReportTable report={report} />
          <details className="reliability-measures">
            <summary>{t('agreement.measures.summary')}</summary>
            <dl>
              {report.measures.map((m) => (
                <div key={m.key}>
                  <dt>{m.name}</dt>
                  <dd>
                    {m.definition} <cite>{m.reference}</cite>
                  </dd>
                </div>
              ))}
            </dl>
            {report.notes.map((note, i) => (
              <p key={i}>{note}</p>
            ))}
          </details>
          <div className="reliability-exports">
            <button type="button" onClick={() => void exportReliability({ format: 'csv', selection: agreementSelection() })} data-action="export-reliability-csv">
              {t('agreement.export.reportCsv')}
            </button>
            <button type="button" onClick={() => void exportReliability({ format: 'html', selection: agreementSelection() })} data-action="export-reliability-html">
              {t('agreement.export.reportHtml')}
            </button>
            <button type="button" onClick={() => void exportReliability({ format: 'matrix', selection: agreementSelection(), codeId: null })} data-action="export-reliability-matrix">
              {t('agreement.export.matrix')}
            </button>
          </div>
          <h3 className="panel-title">
            {t('agreement.disagreements.title', { open: formatNumber(open), total: formatNumber(report.disagreements.length) })}
          </h3>
          {report.disagreements.length === 0 ? (
            <p className="empty">{t('agreement.disagreements.none')}</p>
          ) : (
            <ol className="disagreement-list">
              {report.disagreements.map((d) => (
                <li key={d.id}>
                  <button type="button" aria-pressed={selected === d.id} onClick={() => chooseAgreement({ selected: d.id })} data-disagreement-id={d.id}>
                    <span className="disagreement-where" title={`${titles.get(d.documentId)} · ${codeLabel(d.codeId)}`}>
                      {titles.get(d.documentId)} · {codeLabel(d.codeId)}
                    </span>
                    <span className="disagreement-coders">{d.versions.map((v) => `${v.coder}: ${v.segmentId ? t('agreement.disagreements.coded') : '—'}`).join(' · ')}</span>
                    <span className="disagreement-status">{decisionText(report.adjudications.find((a) => a.id === d.id), report)}</span>
                  </button>
                </li>
              ))}
            </ol>
          )}
          {current && <DisagreementDetail disagreement={current} codeLabel={codeLabel(current.codeId)} onSettled={compute} onJump={props.onJump} />}
        </>
      )}
    </section>
  );
}
