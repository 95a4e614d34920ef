/** Export CSV, for Excel, and the other dataset formats. */
import { DATASET_FORMATS, exportCsv, exportFormat } from '../../services/exports';
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
        onChange={(event) => {
          const format = DATASET_FORMATS.find((candidate) => candidate.id === event.target.value);
          if (format) void exportFormat(format);
        }}
      >
        <option value="">More formats…</option>
        {DATASET_FORMATS.map((format) => (
          <option key={format.id} value={format.id} title={`Read by ${format.readBy}`}>
            {format.label}
          </option>
        ))}
      </select>
    </div>
  );
}
