/**
 * The analysis panel: how many coded segments each code has, and in how many documents, counted
 * from the project's coded segments (only the coder's own in blind coding). Later analysis views
 * join it here.
 */
import { useEffect, useMemo, useState } from 'react';
import type { RetrievedSegment } from '../../../shared/views/retrieval';
import { formatNumber, useT } from '../../i18n/i18n';
import { listAllSegments } from '../../services/segments';
import { selectBlind, selectCodes, useStore } from '../../store';

/** Segments and distinct documents per code id. */
function countPerCode(rows: readonly RetrievedSegment[]): Map<string, { segments: number; documents: Set<string> }> {
  const counts = new Map<string, { segments: number; documents: Set<string> }>();
  for (const { segment } of rows) {
    const count = counts.get(segment.codeId) ?? { segments: 0, documents: new Set<string>() };
    count.segments += 1;
    count.documents.add(segment.documentId);
    counts.set(segment.codeId, count);
  }
  return counts;
}

export function AnalysisPanel() {
  const t = useT();
  const codes = useStore(selectCodes);
  const blind = useStore(selectBlind);
  // Every action that changes segments changes the documents' counts, so a new documents array is
  // the one sign to count again (Undo's label changes with the same actions: it would fetch twice).
  const documents = useStore((state) => state.project?.documents);
  const [rows, setRows] = useState<RetrievedSegment[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let current = true;
    void listAllSegments().then((segments) => {
      if (!current) return;
      setFailed(!segments);
      if (segments) setRows(segments);
    });
    return () => {
      current = false;
    };
  }, [blind, documents]);
  const counts = useMemo(() => countPerCode(rows ?? []), [rows]);
  const allDocuments = useMemo(() => new Set((rows ?? []).map((row) => row.segment.documentId)), [rows]);
  return (
    <section className="analysis-side" aria-labelledby="analysis-side-title">
      <h2 className="panel-title" id="analysis-side-title">
        {t('workspace.panels.analysis.title')}
      </h2>
      {codes.length === 0 ? (
        <p className="empty">{t('workspace.panels.analysis.noCodes')}</p>
      ) : failed ? (
        <p className="empty" role="alert">
          {t('workspace.panels.analysis.failed')}
        </p>
      ) : rows === null ? (
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
                  <td>{formatNumber(counts.get(code.id)?.segments ?? 0)}</td>
                  <td>{formatNumber(counts.get(code.id)?.documents.size ?? 0)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('workspace.panels.analysis.total')}</th>
                <td>{formatNumber(rows.length)}</td>
                <td>{formatNumber(allDocuments.size)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
