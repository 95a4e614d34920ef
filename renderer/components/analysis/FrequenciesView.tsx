/**
 * Frequencies: per code (sub-codes summed or apart) its segments, the documents that have it, and
 * the characters and words it covers with their shares; or per document; or per coder, or per
 * value of a document variable (segments of each code in each group). A sortable table and a bar
 * chart in the codes' colours.
 */
import * as Plot from '@observablehq/plot';
import { useCallback, useMemo, useState } from 'react';
import type { AnalysisFilter } from '../../../shared/analysis/analysis-corpus';
import type { AnalysisRequest } from '../../../shared/analysis/analysis-request';
import type { CodeFrequency, DocumentFrequency } from '../../../shared/analysis/frequencies';
import { formatNumber, useT } from '../../i18n/i18n';
import { selectCodes, useStore } from '../../store';
import { FigureStatus } from './FigureStatus';
import { useFigure } from './use-figure';
import { countTicks } from './chart-files';
import { PlotChart } from './PlotChart';
import { SortHeader } from './SortHeader';
import { TableExport } from './TableExport';
import { nextSort, sortRows, type TableSort } from './table-sort';
import { CodeRowHeading, SubcodesToggle, VariableOptions } from './AnalysisOptions';

type Split = 'code' | 'document' | 'coder' | 'value';
type CodeColumn = 'name' | 'segments' | 'documents' | 'documentShare' | 'characters' | 'characterShare' | 'words' | 'wordShare';
type DocumentColumn = 'title' | 'segments' | 'codes' | 'characters' | 'codedCharacters' | 'codedShare';

const percent = (share: number | null) => (share === null ? '–' : formatNumber(share, { style: 'percent', maximumFractionDigits: 1 }));
const number = (value: number | null) => (value === null ? '–' : formatNumber(value));

export function FrequenciesView(props: { filter: AnalysisFilter }) {
  const t = useT();
  const codes = useStore(selectCodes);
  const variables = useStore((state) => state.project?.variables) ?? [];
  const [withSubcodes, setWithSubcodes] = useState(false);
  const [split, setSplit] = useState<Split>('code');
  const [variable, setVariable] = useState<string | null>(null);
  const [codeSort, setCodeSort] = useState<TableSort<CodeColumn> | null>(null);
  const [documentSort, setDocumentSort] = useState<TableSort<DocumentColumn> | null>(null);
  const splitVariable = split === 'value' ? (variable ?? variables[0]?.name ?? null) : null;
  const request = useMemo(
    (): AnalysisRequest & { figure: 'frequencies' } => ({ figure: 'frequencies', filter: props.filter, withSubcodes, words: true, variable: splitVariable }),
    [props.filter, withSubcodes, splitVariable],
  );
  const { figure, slow, error } = useFigure(request);
  const frequencies = figure?.frequencies ?? null;
  const colourOf = useMemo(() => new Map(codes.map((code) => [code.id, code.colour])), [codes]);

  const codeRows = useMemo(() => (frequencies && codeSort ? sortRows(frequencies.codes, (row) => (codeSort.key === 'name' ? row.path : row[codeSort.key]), codeSort.direction) : (frequencies?.codes ?? [])), [frequencies, codeSort]);
  const documentRows = useMemo(
    () => (frequencies && documentSort ? sortRows(frequencies.byDocument, (row) => row[documentSort.key], documentSort.direction) : (frequencies?.byDocument ?? [])),
    [frequencies, documentSort],
  );
  const groups = useMemo(() => {
    if (!frequencies) return [];
    if (split === 'coder') return frequencies.byCoder.map((group) => ({ name: group.coder, codes: group.codes }));
    if (split === 'value') return (frequencies.byValue ?? []).map((group) => ({ name: group.value === '' ? t('analysis.noValue') : group.value, codes: group.codes }));
    return [];
  }, [frequencies, split, t]);

  const drawCodes = useCallback(
    (width: number) =>
      Plot.plot({
        width,
        marginLeft: 160,
        height: 40 + 22 * codeRows.length,
        x: { label: t('analysis.frequencies.segments'), grid: true, ticks: countTicks(Math.max(1, ...codeRows.map((row) => row.segments))) },
        y: { label: null, domain: codeRows.map((row) => row.path) },
        color: { type: 'identity' },
        marks: [Plot.barX(codeRows, { x: 'segments', y: 'path', fill: (row: CodeFrequency) => colourOf.get(row.codeId) ?? 'currentColor' }), Plot.ruleX([0])],
      }),
    [codeRows, colourOf, t],
  );
  const drawGroups = useCallback((width: number) => {
    const data = groups.flatMap((group) => group.codes.map((row) => ({ group: group.name, path: row.path, codeId: row.codeId, segments: row.segments })));
    return Plot.plot({
      width,
      marginLeft: 160,
      x: { label: t('analysis.frequencies.segments'), grid: true, ticks: countTicks(Math.max(1, ...data.map((row) => row.segments))) },
      y: { label: null, domain: frequencies?.codes.map((row) => row.path) },
      fy: { label: null },
      color: { type: 'identity' },
      marks: [Plot.barX(data, { x: 'segments', y: 'path', fy: 'group', fill: (row: { codeId: string }) => colourOf.get(row.codeId) ?? 'currentColor' }), Plot.ruleX([0])],
    });
  }, [groups, frequencies, colourOf, t]);
  const drawDocuments = useCallback(
    (width: number) => {
      const shown = documentRows.slice(0, 40);
      return Plot.plot({
        width,
        marginLeft: 180,
        height: 40 + 20 * shown.length,
        x: { label: t('analysis.frequencies.codedShare'), grid: true, percent: true },
        y: { label: null, domain: shown.map((row) => row.title) },
        marks: [Plot.barX(shown, { x: 'codedShare', y: 'title', fill: 'var(--accent)' }), Plot.ruleX([0])],
      });
    },
    [documentRows, t],
  );

  const sortCodes = (column: CodeColumn) => setCodeSort((current) => nextSort(current, column, column === 'name'));
  const sortDocuments = (column: DocumentColumn) => setDocumentSort((current) => nextSort(current, column, column === 'title'));

  return (
    <section className="analysis-figure" aria-label={t('analysis.views.frequencies')}>
      <div className="analysis-options">
        <SubcodesToggle checked={withSubcodes} onChange={setWithSubcodes} />
        <label>
          {t('analysis.frequencies.per')}
          <select value={split} onChange={(e) => setSplit(e.target.value as Split)} data-option="split">
            <option value="code">{t('analysis.frequencies.perCode')}</option>
            <option value="document">{t('analysis.frequencies.perDocument')}</option>
            <option value="coder">{t('analysis.frequencies.perCoder')}</option>
            <option value="value" disabled={variables.length === 0}>
              {t('analysis.frequencies.perValue')}
            </option>
          </select>
        </label>
        {split === 'value' && (
          <label>
            {t('analysis.variable')}
            <select value={splitVariable ?? ''} onChange={(e) => setVariable(e.target.value)}>
              <VariableOptions variables={variables} />
            </select>
          </label>
        )}
        <TableExport request={request} table={split === 'document' ? 'documents' : 'main'} />
      </div>
      <FigureStatus slow={slow} error={error} empty={!frequencies ? null : codes.length === 0 ? t('analysis.empty.noCodes') : frequencies.base.documents === 0 ? t('analysis.empty.filtered') : null} />
      {frequencies && codes.length > 0 && frequencies.base.documents > 0 && (
        <>
          {frequencies.codes.every((row) => row.segments === 0) && <p className="empty">{t('analysis.empty.noSegments')}</p>}
          {split === 'code' && (
            <>
              <div className="table-scroll">
                <table className="analysis-table frequencies-table">
                  <caption>{t('analysis.frequencies.caption', { count: frequencies.base.documents })}</caption>
                  <thead>
                    <tr>
                      <SortHeader column="name" sort={codeSort} onSort={sortCodes}>
                        {t('analysis.code')}
                      </SortHeader>
                      <SortHeader column="segments" sort={codeSort} onSort={sortCodes} numeric>
                        {t('analysis.frequencies.segments')}
                      </SortHeader>
                      <SortHeader column="documents" sort={codeSort} onSort={sortCodes} numeric>
                        {t('analysis.frequencies.documents')}
                      </SortHeader>
                      <SortHeader column="documentShare" sort={codeSort} onSort={sortCodes} numeric>
                        {t('analysis.frequencies.documentShare')}
                      </SortHeader>
                      <SortHeader column="characters" sort={codeSort} onSort={sortCodes} numeric>
                        {t('analysis.frequencies.characters')}
                      </SortHeader>
                      <SortHeader column="characterShare" sort={codeSort} onSort={sortCodes} numeric>
                        {t('analysis.frequencies.characterShare')}
                      </SortHeader>
                      <SortHeader column="words" sort={codeSort} onSort={sortCodes} numeric>
                        {t('analysis.frequencies.words')}
                      </SortHeader>
                      <SortHeader column="wordShare" sort={codeSort} onSort={sortCodes} numeric>
                        {t('analysis.frequencies.wordShare')}
                      </SortHeader>
                    </tr>
                  </thead>
                  <tbody>
                    {codeRows.map((row) => (
                      <tr key={row.codeId} className={`code-${row.codeId}`} data-code-id={row.codeId}>
                        <th scope="row" title={row.path}>
                          <span className="swatch" aria-hidden="true" />
                          <span className="code-depth" data-depth={withSubcodes ? 0 : row.depth}>
                            {row.path}
                          </span>
                        </th>
                        <td className="numeric">{number(row.segments)}</td>
                        <td className="numeric">{number(row.documents)}</td>
                        <td className="numeric">{percent(row.documentShare)}</td>
                        <td className="numeric">{number(row.characters)}</td>
                        <td className="numeric">{percent(row.characterShare)}</td>
                        <td className="numeric">{number(row.words)}</td>
                        <td className="numeric">{percent(row.wordShare)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <PlotChart name="frequencies" label={t('analysis.frequencies.chart')} draw={drawCodes} />
            </>
          )}
          {split === 'document' && (
            <>
              <div className="table-scroll">
                <table className="analysis-table documents-table">
                  <caption>{t('analysis.frequencies.documentCaption')}</caption>
                  <thead>
                    <tr>
                      <SortHeader column="title" sort={documentSort} onSort={sortDocuments}>
                        {t('analysis.document')}
                      </SortHeader>
                      <SortHeader column="segments" sort={documentSort} onSort={sortDocuments} numeric>
                        {t('analysis.frequencies.segments')}
                      </SortHeader>
                      <SortHeader column="codes" sort={documentSort} onSort={sortDocuments} numeric>
                        {t('analysis.frequencies.codes')}
                      </SortHeader>
                      <SortHeader column="characters" sort={documentSort} onSort={sortDocuments} numeric>
                        {t('analysis.frequencies.characters')}
                      </SortHeader>
                      <SortHeader column="codedCharacters" sort={documentSort} onSort={sortDocuments} numeric>
                        {t('analysis.frequencies.codedCharacters')}
                      </SortHeader>
                      <SortHeader column="codedShare" sort={documentSort} onSort={sortDocuments} numeric>
                        {t('analysis.frequencies.codedShare')}
                      </SortHeader>
                    </tr>
                  </thead>
                  <tbody>
                    {documentRows.slice(0, 500).map((row: DocumentFrequency) => (
                      <tr key={row.documentId}>
                        <th scope="row">{row.title}</th>
                        <td className="numeric">{number(row.segments)}</td>
                        <td className="numeric">{number(row.codes)}</td>
                        <td className="numeric">{number(row.characters)}</td>
                        <td className="numeric">{number(row.codedCharacters)}</td>
                        <td className="numeric">{percent(row.codedShare)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {documentRows.length > 500 && <p className="analysis-note">{t('analysis.firstRows', { shown: 500, count: documentRows.length })}</p>}
              <PlotChart name="frequencies-per-document" label={t('analysis.frequencies.documentChart')} draw={drawDocuments} />
            </>
          )}
          {(split === 'coder' || split === 'value') && (
            <>
              <div className="table-scroll">
                <table className="analysis-table groups-table">
                  <caption>{split === 'coder' ? t('analysis.frequencies.coderCaption') : t('analysis.frequencies.valueCaption', { variable: splitVariable })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('analysis.code')}</th>
                      {groups.map((group) => (
                        <th scope="col" key={group.name} className="numeric">
                          {group.name}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {frequencies.codes.map((row, i) => (
                      <tr key={row.codeId} className={`code-${row.codeId}`} data-code-id={row.codeId}>
                        <CodeRowHeading path={row.path} />
                        {groups.map((group) => (
                          <td key={group.name} className="numeric">
                            {number(group.codes[i]?.segments ?? 0)}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <PlotChart name={split === 'coder' ? 'frequencies-per-coder' : 'frequencies-per-value'} label={t('analysis.frequencies.groupChart')} draw={drawGroups} />
            </>
          )}
        </>
      )}
    </section>
  );
}
