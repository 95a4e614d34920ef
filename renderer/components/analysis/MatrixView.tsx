/**
 * The code × document matrix: documents as rows (grouped and sorted by a variable's values),
 * codes as columns, each cell the code's segments in the document or the share of the document's
 * characters they cover; a heatmap whose cell lists its passages (each jumps to the text).
 */
import * as Plot from '@observablehq/plot';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AnalysisFilter } from '../../../shared/analysis/analysis-corpus';
import type { AnalysisRequest } from '../../../shared/analysis/analysis-request';
import type { MatrixMeasure } from '../../../shared/analysis/code-document-matrix';
import { shortTitle } from '../../../shared/text/short-text';
import { formatNumber, useT } from '../../i18n/i18n';
import { codeSegmentsIn } from '../../services/analysis';
import { jumpTo } from '../../services/documents';
import { selectCodes, useStore } from '../../store';
import { FigureStatus } from './FigureStatus';
import { Heatmap, type HeatmapRow } from './Heatmap';
import { PassageList, type ListedPassage } from './PassageList';
import { PlotChart } from './PlotChart';
import { TableExport } from './TableExport';
import { useFigure } from './use-figure';
import { SubcodesToggle, VariableOptions } from './AnalysisOptions';

/** Rows drawn at most: a larger matrix is read whole from its export. */
export const MATRIX_ROWS_SHOWN = 300;

export function MatrixView(props: { filter: AnalysisFilter }) {
  const t = useT();
  const codes = useStore(selectCodes);
  const variables = useStore((state) => state.project?.variables) ?? [];
  const [measure, setMeasure] = useState<MatrixMeasure>('segments');
  const [withSubcodes, setWithSubcodes] = useState(false);
  const [variable, setVariable] = useState<string | null>(null);
  const [cell, setCell] = useState<{ row: string; column: number } | null>(null);
  const [passages, setPassages] = useState<{ list: ListedPassage[] | null; error: string | null } | null>(null);
  const request = useMemo((): AnalysisRequest & { figure: 'matrix' } => ({ figure: 'matrix', filter: props.filter, measure, withSubcodes, variable }), [props.filter, measure, withSubcodes, variable]);
  const { figure, slow, error } = useFigure(request);
  const matrix = figure?.matrix ?? null;
  const format = (value: number) => (measure === 'share' ? formatNumber(value, { style: 'percent', maximumFractionDigits: 1 }) : formatNumber(value));
  const rows = useMemo(
    (): HeatmapRow[] =>
      (matrix?.rows ?? []).slice(0, MATRIX_ROWS_SHOWN).map((row) => ({
        key: row.documentId,
        label: row.title,
        group: matrix!.variable ? (row.group === '' ? t('analysis.noValue') : row.group) : undefined,
        cells: row.cells,
      })),
    [matrix, t],
  );

  useEffect(() => {
    if (!cell || !matrix) return setPassages(null);
    const code = matrix.codes[cell.column];
    if (!code) return setPassages(null);
    let current = true;
    setPassages((shown) => shown ?? { list: null, error: null });
    void codeSegmentsIn(cell.row, code.codeId, withSubcodes, props.filter.coders).then((found) => {
      if (!current) return;
      if (typeof found === 'string') return setPassages({ list: [], error: found });
      setPassages({
        list: found.map((row) => ({
          key: row.segment.id,
          documentTitle: row.documentTitle,
          content: <mark>{row.segment.quote}</mark>,
          detail: row.codePath,
          jump: () => void jumpTo(row.segment.documentId, row.segment.start, row.segment.end),
        })),
        error: null,
      });
    });
    return () => {
      current = false;
    };
  }, [cell, matrix, withSubcodes, props.filter.coders]);

  const draw = useCallback(
    (width: number) => {
      const shown = (matrix?.rows ?? []).slice(0, 60);
      const data = shown.flatMap((row) => row.cells.map((value, c) => ({ document: row.documentId, code: matrix!.codes[c].path, value })));
      const titles = new Map(shown.map((row) => [row.documentId, shortTitle(row.title, 32)]));
      const max = Math.max(0, ...data.map((d) => d.value));
      return Plot.plot({
        width: Math.min(width, 200 + 70 * (matrix?.codes.length ?? 1)),
        height: 140 + 24 * shown.length,
        marginLeft: 200,
        marginBottom: 100,
        x: { domain: matrix?.codes.map((c) => c.path), label: null, tickRotate: -35 },
        y: { domain: shown.map((row) => row.documentId), label: null, tickFormat: (id: string) => titles.get(id) ?? id },
        color: { type: 'sqrt', scheme: 'blues', domain: [0, max || 1] },
        marks: [Plot.cell(data, { x: 'code', y: 'document', fill: 'value', inset: 0.5 }), Plot.text(data, { x: 'code', y: 'document', text: (d: { value: number }) => format(d.value), fill: (d: { value: number }) => (d.value > max / 2 ? 'white' : 'black') })],
      });
    },
    [matrix],
  );

  const column = cell && matrix ? matrix.codes[cell.column] : null;
  return (
    <section className="analysis-figure" aria-label={t('analysis.views.matrix')}>
      <div className="analysis-options">
        <label>
          {t('analysis.matrix.measure')}
          <select value={measure} onChange={(e) => setMeasure(e.target.value as MatrixMeasure)} data-option="measure">
            <option value="segments">{t('analysis.matrix.segments')}</option>
            <option value="share">{t('analysis.matrix.share')}</option>
          </select>
        </label>
        <SubcodesToggle checked={withSubcodes} onChange={setWithSubcodes} />
        <label>
          {t('analysis.matrix.groupBy')}
          <select value={variable ?? ''} onChange={(e) => setVariable(e.target.value || null)} data-option="group">
            <option value="">{t('analysis.matrix.noGroups')}</option>
            <VariableOptions variables={variables} />
          </select>
        </label>
        <TableExport request={request} />
      </div>
      <p className="analysis-note">{measure === 'share' ? t('analysis.matrix.howShare') : t('analysis.matrix.howSegments')}</p>
      <FigureStatus slow={slow} error={error} empty={!matrix ? null : codes.length === 0 ? t('analysis.empty.noCodes') : matrix.rows.length === 0 ? t('analysis.empty.filtered') : null} />
      {matrix && codes.length > 0 && matrix.rows.length > 0 && (
        <>
          <Heatmap
            label={t('analysis.matrix.heatmap')}
            corner={t('analysis.document')}
            columns={matrix.codes.map((code) => ({ key: code.codeId, label: code.path, codeId: code.codeId }))}
            rows={rows}
            format={format}
            cellName={(row, c) =>
              measure === 'share'
                ? t('analysis.matrix.cellShare', { document: row.label, code: matrix.codes[c].path, value: format(row.cells[c]) })
                : t('analysis.matrix.cellName', { document: row.label, code: matrix.codes[c].path, count: row.cells[c] })
            }
            selected={cell}
            onOpen={(row, c) => setCell({ row: row.key, column: c })}
          />
          {matrix.rows.length > MATRIX_ROWS_SHOWN && <p className="analysis-note">{t('analysis.firstRows', { shown: MATRIX_ROWS_SHOWN, count: matrix.rows.length })}</p>}
          {cell && column && passages && (
            <PassageList
              title={t('analysis.matrix.passagesTitle', { code: column.path, document: matrix.rows.find((r) => r.documentId === cell.row)?.title ?? '' })}
              passages={passages.list}
              error={passages.error}
              onClose={() => setCell(null)}
            />
          )}
          <PlotChart name="code-document-matrix" label={t('analysis.matrix.heatmap')} draw={draw} />
        </>
      )}
    </section>
  );
}
