/** Export CSV, for Excel, and the other dataset formats. */
import { exportCsv, exportDataset, type DatasetFormat } from '../../services/exports';
import { useStore } from '../../store';

export function ExportButtons() {
  const exporting = useStore((state) => state.exporting);
  return (
    <div className="export-buttons">
      <button
        type="button"
        onClick={() => void exportCsv('standard')}
        disabled={exporting}
        aria-busy={exporting}
        title="CSV for R, Python, SPSS (Ctrl/Cmd+E)"
        data-action="export-csv"
      >
        {exporting ? <span className="spinner" aria-hidden="true" /> : null}
        {exporting ? 'Exporting…' : 'Export CSV'}
      </button>
      <button
        type="button"
        onClick={() => void exportCsv('excel')}
        disabled={exporting}
        title="CSV for opening in Excel: BOM, CRLF, formula-safe cells (Ctrl/Cmd+Shift+E)"
        data-action="export-csv-excel"
      >
        Export for Excel
      </button>
      <select
        value=""
        disabled={exporting}
        aria-label="More export formats"
        data-action="more-exports"
        onChange={(event) => void exportDataset(event.target.value as DatasetFormat)}
      >
        <option value="">More formats…</option>
        <option value="wide-csv">Wide table, a row per document (CSV)</option>
        <option value="xlsx">Excel workbook: segments, documents, codebook (XLSX)</option>
        <option value="jsonl">Spans for training a classifier (JSONL, doccano)</option>
        <option value="datapackage">Data package: CSVs and datapackage.json</option>
        <option value="qdpx">REFI-QDA project for MAXQDA, ATLAS.ti, NVivo, QualCoder (QDPX)</option>
      </select>
    </div>
  );
}
