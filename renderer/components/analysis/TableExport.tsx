/** The buttons that export a figure's table as CSV or as an Excel workbook (the main process computes it again from the same request). */
import type { AnalysisRequest } from '../../../shared/analysis/analysis-request';
import { useT } from '../../i18n/i18n';
import { exportAnalysisTable } from '../../services/analysis';
import { useStore } from '../../store';

/** `label` names what is exported, shown before the buttons (several tables of one view stay told apart). */
export function TableExport(props: { request: AnalysisRequest | null; table?: 'main' | 'pairs' | 'documents'; label?: string }) {
  const t = useT();
  const exporting = useStore((state) => state.exporting);
  const { request, table } = props;
  const label = props.label ?? t('analysis.export.table');
  return (
    <div className="analysis-actions" role="group" aria-label={label}>
      <span className="analysis-actions-label" aria-hidden="true">
        {label}
      </span>
      <button type="button" disabled={!request || exporting} onClick={() => request && void exportAnalysisTable(request, 'csv', table)} data-action="table-csv">
        {t('analysis.export.csv')}
      </button>
      <button type="button" disabled={!request || exporting} onClick={() => request && void exportAnalysisTable(request, 'xlsx', table)} data-action="table-xlsx">
        {t('analysis.export.xlsx')}
      </button>
    </div>
  );
}
