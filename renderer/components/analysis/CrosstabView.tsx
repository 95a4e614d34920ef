/**
 * Group comparison: codes by a variable's values, counting segments or documents, as counts or
 * row or column percentages, with Pearson's χ² test (df, p, Cramér's V), the warning when expected
 * counts are small, and Fisher's exact test for a 2 × 2 table. A grouped bar chart of the same
 * table (one group of bars per value, one bar per code in its colour, as counts or the percentages
 * shown), saved as SVG or PNG like the other charts.
 */
import * as Plot from '@observablehq/plot';
import { useCallback, useMemo, useState } from 'react';
import type { AnalysisFilter } from '../../../shared/analysis/analysis-corpus';
import type { AnalysisRequest } from '../../../shared/analysis/analysis-request';
import type { CrosstabUnit } from '../../../shared/analysis/crosstab';
import { formatNumber, useT } from '../../i18n/i18n';
import { selectCodes, useStore } from '../../store';
import { countTicks } from './chart-files';
import { FigureStatus } from './FigureStatus';
import { PlotChart } from './PlotChart';
import { TableExport } from './TableExport';
import { useFigure } from './use-figure';
import { CodeRowHeading, SubcodesToggle, VariableOptions } from './AnalysisOptions';

type Shown = 'counts' | 'row' | 'column';

const pValue = (p: number) => (p < 0.0001 ? '< 0.0001' : formatNumber(p, { maximumSignificantDigits: 3 }));

export function CrosstabView(props: { filter: AnalysisFilter }) {
  const t = useT();
  const codes = useStore(selectCodes);
  const variables = useStore((state) => state.project?.variables) ?? [];
  const [chosen, setVariable] = useState<string | null>(null);
  const [unit, setUnit] = useState<CrosstabUnit>('segments');
  const [shown, setShown] = useState<Shown>('counts');
  const [withSubcodes, setWithSubcodes] = useState(false);
  const variable = chosen ?? variables[0]?.name ?? null;
  const request = useMemo(
    (): (AnalysisRequest & { figure: 'crosstab' }) | null => (variable ? { figure: 'crosstab', filter: props.filter, variable, unit, withSubcodes, codeIds: null } : null),
    [props.filter, variable, unit, withSubcodes],
  );
  const { figure, slow, error } = useFigure(request);
  const table = figure?.crosstab ?? null;
  const cell = (r: number, c: number) =>
    shown === 'counts'
      ? formatNumber(table!.counts[r][c])
      : formatNumber((shown === 'row' ? table!.rowShares : table!.columnShares)[r][c], { style: 'percent', maximumFractionDigits: 1 });
  const valueName = useCallback((value: string) => (value === '' ? t('analysis.noValue') : value), [t]);
  const colourOf = useMemo(() => new Map(codes.map((code) => [code.id, code.colour])), [codes]);
  const drawChart = useCallback(
    (width: number) => {
      const bars = table!.values.flatMap((value, c) =>
        table!.codes.map((code, r) => ({
          value: valueName(value),
          path: code.path,
          codeId: code.codeId,
          amount: shown === 'counts' ? table!.counts[r][c] : (shown === 'row' ? table!.rowShares : table!.columnShares)[r][c],
        })),
      );
      const largest = Math.max(1, ...bars.map((bar) => bar.amount));
      return Plot.plot({
        width,
        marginLeft: 160,
        marginRight: 110,
        height: 40 + bars.length * 18 + table!.values.length * 12,
        x: {
          label: shown === 'counts' ? t(`analysis.crosstab.${table!.unit}`) : t(shown === 'row' ? 'analysis.crosstab.rowPercent' : 'analysis.crosstab.columnPercent'),
          grid: true,
          ...(shown === 'counts' ? { ticks: countTicks(largest) } : { percent: true }),
        },
        y: { label: null, domain: table!.codes.map((code) => code.path) },
        fy: { label: null, domain: table!.values.map(valueName) },
        color: { type: 'identity' },
        marks: [
          Plot.barX(bars, { x: 'amount', y: 'path', fy: 'value', fill: (bar: { codeId: string }) => colourOf.get(bar.codeId) ?? 'currentColor' }),
          Plot.ruleX([0]),
        ],
      });
    },
    [table, shown, valueName, colourOf, t],
  );

  if (variables.length === 0) return <p className="empty">{t('analysis.empty.noVariables')}</p>;
  return (
    <section className="analysis-figure" aria-label={t('analysis.views.crosstab')}>
      <div className="analysis-options">
        <label>
          {t('analysis.variable')}
          <select value={variable ?? ''} onChange={(e) => setVariable(e.target.value)} data-option="variable">
            <VariableOptions variables={variables} />
          </select>
        </label>
        <label>
          {t('analysis.crosstab.unit')}
          <select value={unit} onChange={(e) => setUnit(e.target.value as CrosstabUnit)} data-option="unit">
            <option value="segments">{t('analysis.crosstab.segments')}</option>
            <option value="documents">{t('analysis.crosstab.documents')}</option>
          </select>
        </label>
        <label>
          {t('analysis.crosstab.shown')}
          <select value={shown} onChange={(e) => setShown(e.target.value as Shown)} data-option="shown">
            <option value="counts">{t('analysis.crosstab.counts')}</option>
            <option value="row">{t('analysis.crosstab.rowPercent')}</option>
            <option value="column">{t('analysis.crosstab.columnPercent')}</option>
          </select>
        </label>
        <SubcodesToggle checked={withSubcodes} onChange={setWithSubcodes} />
        <TableExport request={request} />
      </div>
      <FigureStatus slow={slow} error={error} empty={!table ? null : codes.length === 0 ? t('analysis.empty.noCodes') : table.total === 0 ? t('analysis.empty.noSegments') : null} />
      {table && table.total > 0 && (
        <>
          <div className="table-scroll">
            <table className="analysis-table crosstab-table">
              <caption>{t('analysis.crosstab.caption', { variable: table.variable })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('analysis.code')}</th>
                  {table.values.map((value) => (
                    <th scope="col" className="numeric" key={value}>
                      {valueName(value)}
                    </th>
                  ))}
                  <th scope="col" className="numeric">
                    {t('analysis.crosstab.total')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {table.codes.map((code, r) => (
                  <tr key={code.codeId} className={`code-${code.codeId}`} data-code-id={code.codeId}>
                    <CodeRowHeading path={code.path} />
                    {table.values.map((value, c) => (
                      <td className="numeric" key={value}>
                        {cell(r, c)}
                      </td>
                    ))}
                    <td className="numeric">{formatNumber(table.rowTotals[r])}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('analysis.crosstab.total')}</th>
                  {table.columnTotals.map((total, c) => (
                    <td className="numeric" key={table.values[c]}>
                      {formatNumber(total)}
                    </td>
                  ))}
                  <td className="numeric">{formatNumber(table.total)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
          <dl className="analysis-tests">
            {table.chiSquare ? (
              <>
                <dt>{t('analysis.crosstab.chiSquare')}</dt>
                <dd data-figure="chi-square">{formatNumber(table.chiSquare.statistic, { maximumFractionDigits: 3 })}</dd>
                <dt>{t('analysis.crosstab.df')}</dt>
                <dd data-figure="df">{formatNumber(table.chiSquare.df)}</dd>
                <dt>{t('analysis.crosstab.p')}</dt>
                <dd data-figure="p">{pValue(table.chiSquare.p)}</dd>
                <dt>{t('analysis.crosstab.cramersV')}</dt>
                <dd data-figure="cramers-v">{formatNumber(table.chiSquare.cramersV, { maximumFractionDigits: 3 })}</dd>
              </>
            ) : (
              <dd className="analysis-note">{t('analysis.crosstab.noTest')}</dd>
            )}
            {table.fisher && (
              <>
                <dt>{t('analysis.crosstab.fisher')}</dt>
                <dd data-figure="fisher-p">{pValue(table.fisher.p)}</dd>
              </>
            )}
          </dl>
          {table.chiSquare?.warning && (
            <p className="analysis-warning" role="note">
              {t('analysis.crosstab.smallExpected', { count: table.chiSquare.expectedBelow5, share: formatNumber(table.chiSquare.expectedBelow5Share, { style: 'percent', maximumFractionDigits: 0 }) })}
              {table.fisher ? ` ${t('analysis.crosstab.useFisher')}` : ''}
            </p>
          )}
          {table.note && <p className="analysis-note">{table.note}</p>}
          <PlotChart name="crosstab" label={t('analysis.crosstab.chart', { variable: table.variable })} draw={drawChart} />
        </>
      )}
    </section>
  );
}
