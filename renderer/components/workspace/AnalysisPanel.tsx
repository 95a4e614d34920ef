/**
 * The analysis panel: how many coded segments each code has, and in how many documents, counted
 * by the main process from the project's coded segments (only the coder's own in blind coding),
 * the way to the Analysis area's figures (a tab of the main area) and the button that opens the
 * corpus portrait.
 */
import { useEffect, useState } from 'react';
import type { SegmentCounts } from '../../../shared/views/segment-counts';
import { formatNumber, useT } from '../../i18n/i18n';
import { countSegments } from '../../services/segments';
import { openViewTab } from '../../services/workspace';
import { commandKeys } from '../../commands/registry';
import { selectBlind, selectCodes, useStore } from '../../store';

export function AnalysisPanel() {
  const t = useT();
  const codes = useStore(selectCodes);
  const blind = useStore(selectBlind);
  // Every action that changes segments changes the documents' counts, so a new documents array is
  // the one sign to count again (Undo's label changes with the same actions: it would fetch twice).
  const documents = useStore((state) => state.project?.documents);
  const [counts, setCounts] = useState<SegmentCounts | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let current = true;
    void countSegments().then((counted) => {
      if (!current) return;
      setFailed(!counted);
      if (counted) setCounts(counted);
    });
    return () => {
      current = false;
    };
  }, [blind, documents]);
  return (
    <section className="analysis-side" aria-labelledby="analysis-side-title">
      <h2 className="panel-title" id="analysis-side-title">
        {t('workspace.panels.analysis.title')}
      </h2>
      <button type="button" onClick={() => openViewTab('analysis')} title={t('workspace.panels.analysis.openTitle', { keys: commandKeys('view-analysis') })} data-action="analysis">
        {t('workspace.panels.analysis.open')}
      </button>
      <button type="button" onClick={() => openViewTab('portrait')} title={t('workspace.panels.analysis.portraitTitle')} data-action="portrait">
        {t('workspace.panels.analysis.portrait')}
      </button>
      {codes.length === 0 ? (
        <p className="empty">{t('workspace.panels.analysis.noCodes')}</p>
      ) : failed ? (
        <p className="empty" role="alert">
          {t('workspace.panels.analysis.failed')}
        </p>
      ) : counts === null ? (
        <p className="empty">{t('workspace.panels.analysis.loading')}</p>
      ) : (
        <div className="table-scroll">
          <table className="analysis-table">
            <caption>{t('workspace.panels.analysis.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('workspace.panels.analysis.code')}</th>
                <th scope="col">{t('workspace.panels.analysis.segments')}</th>
                <th scope="col">{t('workspace.panels.analysis.documents')}</th>
              </tr>
            </thead>
            <tbody>
              {codes.map((code) => (
                <tr key={code.id} className={`code-${code.id}`} data-code-id={code.id}>
                  <th scope="row">
                    <span className="swatch" aria-hidden="true" />
                    {code.name}
                  </th>
                  <td>{formatNumber(counts.perCode[code.id]?.segments ?? 0)}</td>
                  <td>{formatNumber(counts.perCode[code.id]?.documents ?? 0)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('workspace.panels.analysis.total')}</th>
                <td>{formatNumber(counts.segments)}</td>
                <td>{formatNumber(counts.documents)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
