/**
 * Code co-occurrence: a code × code heatmap of how often segments of two codes meet (overlap, lie
 * in a common paragraph, or within N characters), as counts of pairs or the normalised measure;
 * a cell lists the pairs of passages behind it. Below it, the AND query: the passages where
 * segments of code A and code B overlap. Every passage jumps to the text.
 */
import * as Plot from '@observablehq/plot';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AnalysisFilter } from '../../../shared/analysis/analysis-corpus';
import type { AnalysisRequest } from '../../../shared/analysis/analysis-request';
import { cellPairs, type Proximity } from '../../../shared/analysis/cooccurrence';
import { formatNumber, useT } from '../../i18n/i18n';
import { segmentsByIds } from '../../services/analysis';
import { jumpTo } from '../../services/documents';
import { selectCodes, useStore } from '../../store';
import { CodeOptions } from '../codebook/CodeOptions';
import { FigureStatus } from './FigureStatus';
import { Heatmap, type HeatmapRow } from './Heatmap';
import { PassageList, type ListedPassage } from './PassageList';
import { PlotChart } from './PlotChart';
import { TableExport } from './TableExport';
import { useFigure } from './use-figure';

type ProximityKind = 'overlap' | 'paragraph' | 'line' | 'distance';

function proximityOf(kind: ProximityKind, characters: number): Proximity {
  if (kind === 'overlap') return { kind: 'overlap' };
  if (kind === 'distance') return { kind: 'distance', characters };
  return { kind: 'paragraph', breaks: kind === 'line' ? 'line' : 'blank-line' };
}

export function CooccurrenceView(props: { filter: AnalysisFilter }) {
  const t = useT();
  const codes = useStore(selectCodes);
  const [kind, setKind] = useState<ProximityKind>('overlap');
  const [characters, setCharacters] = useState(100);
  const [normalised, setNormalised] = useState(false);
  const [cell, setCell] = useState<{ row: string; column: number; columnCode: string } | null>(null);
  const [pairs, setPairs] = useState<{ passages: ListedPassage[] | null; error: string | null } | null>(null);
  // The answer carries the pairs of the chosen cell alone (the others' would name every segment).
  const [row, columnCode] = [cell?.row, cell?.columnCode];
  const request = useMemo(
    (): AnalysisRequest & { figure: 'cooccurrence' } => ({
      figure: 'cooccurrence',
      filter: props.filter,
      proximity: proximityOf(kind, characters),
      ...(row !== undefined && columnCode !== undefined ? { pairsOf: { row, column: columnCode } } : {}),
    }),
    [props.filter, kind, characters, row, columnCode],
  );
  const { figure, slow, error } = useFigure(request);
  const matrix = figure?.cooccurrence ?? null;

  const rows = useMemo(
    (): HeatmapRow[] =>
      (matrix?.codes ?? []).map((code, i) => ({ key: code.codeId, label: code.path, codeId: code.codeId, cells: matrix!.cells[i].map((c, j) => (i === j ? NaN : normalised ? c.jaccard : c.pairs)) })),
    [matrix, normalised],
  );
  const format = (value: number) => (Number.isNaN(value) ? '—' : normalised ? formatNumber(value, { maximumFractionDigits: 2, minimumFractionDigits: 2 }) : formatNumber(value));
  const cellName = (row: HeatmapRow, column: number) => {
    const other = matrix!.codes[column];
    const i = rows.indexOf(row);
    if (i === column) return t('analysis.cooccurrence.diagonal', { code: row.label, count: matrix!.codes[i].segments });
    const c = matrix!.cells[i][column];
    return normalised
      ? t('analysis.cooccurrence.cellNormalised', { row: row.label, column: other.path, value: format(c.jaccard), count: c.pairs })
      : t('analysis.cooccurrence.cellName', { row: row.label, column: other.path, count: c.pairs });
  };

  // The pairs behind the chosen cell, read again when the figure changes (coding goes on).
  useEffect(() => {
    if (!cell || !matrix) return setPairs(null);
    const i = matrix.codes.findIndex((code) => code.codeId === cell.row);
    const j = matrix.codes.findIndex((code) => code.codeId === cell.columnCode);
    if (i < 0 || j < 0 || i === j) return setPairs(null);
    // Until the answer with this cell's pairs has come, the list waits.
    if (matrix.pairsOf?.row !== cell.row || matrix.pairsOf?.column !== cell.columnCode) return setPairs((shown) => shown ?? { passages: null, error: null });
    const ids = cellPairs(matrix, i, j);
    let current = true;
    setPairs((shown) => shown ?? { passages: null, error: null });
    void segmentsByIds(ids.flat(), [matrix.codes[i].codeId, matrix.codes[j].codeId]).then((found) => {
      if (!current) return;
      if (typeof found === 'string') return setPairs({ passages: [], error: found });
      const byId = new Map(found.map((row) => [row.segment.id, row]));
      const passages = ids.flatMap(([a, b], n): ListedPassage[] => {
        const first = byId.get(a);
        const second = byId.get(b);
        if (!first || !second) return [];
        return [first, second].map((row, side) => ({
          key: `${n}:${side}`,
          documentTitle: row.documentTitle,
          content: <mark>{row.segment.quote}</mark>,
          detail: side === 0 ? t('analysis.cooccurrence.pairFirst', { number: n + 1, code: row.codePath }) : t('analysis.cooccurrence.pairSecond', { number: n + 1, code: row.codePath }),
          jump: () => void jumpTo(row.segment.documentId, row.segment.start, row.segment.end),
        }));
      });
      setPairs({ passages, error: null });
    });
    return () => {
      current = false;
    };
  }, [cell, matrix, t]);

  const draw = useCallback(
    (width: number) => {
      const data = (matrix?.codes ?? []).flatMap((a, i) =>
        matrix!.codes.flatMap((b, j) => (i === j ? [] : [{ a: a.path, b: b.path, value: normalised ? matrix!.cells[i][j].jaccard : matrix!.cells[i][j].pairs }])),
      );
      const domain = (matrix?.codes ?? []).map((code) => code.path);
      return Plot.plot({
        width: Math.min(width, 140 + 60 * domain.length),
        height: 120 + 36 * domain.length,
        marginLeft: 140,
        marginBottom: 100,
        x: { domain, label: null, tickRotate: -35 },
        y: { domain, label: null },
        // From 0, so that a matrix of zeros stays pale rather than taking the scale's middle.
        color: { type: 'sqrt', scheme: 'blues', domain: [0, normalised ? 1 : Math.max(1, maxOf(data))], label: normalised ? t('analysis.cooccurrence.normalised') : t('analysis.cooccurrence.pairs'), legend: false },
        marks: [
          Plot.cell(data, { x: 'b', y: 'a', fill: 'value', inset: 0.5 }),
          Plot.text(data, { x: 'b', y: 'a', text: (d: { value: number }) => format(d.value), fill: (d: { value: number }) => (d.value > (normalised ? 1 : maxOf(data)) / 2 ? 'white' : 'black') }),
        ],
      });
    },
    [matrix, normalised, t],
  );

  return (
    <section className="analysis-figure" aria-label={t('analysis.views.cooccurrence')}>
      <div className="analysis-options">
        <label>
          {t('analysis.cooccurrence.proximity')}
          <select value={kind} onChange={(e) => setKind(e.target.value as ProximityKind)} data-option="proximity">
            <option value="overlap">{t('analysis.cooccurrence.overlap')}</option>
            <option value="paragraph">{t('analysis.cooccurrence.paragraph')}</option>
            <option value="line">{t('analysis.cooccurrence.line')}</option>
            <option value="distance">{t('analysis.cooccurrence.distance')}</option>
          </select>
        </label>
        {kind === 'distance' && (
          <label>
            {t('analysis.cooccurrence.characters')}
            <input type="number" min={0} max={1000000} value={characters} onChange={(e) => setCharacters(Math.max(0, Math.min(1000000, Math.round(Number(e.target.value) || 0))))} />
          </label>
        )}
        <label>
          {t('analysis.cooccurrence.measure')}
          <select value={normalised ? 'normalised' : 'pairs'} onChange={(e) => setNormalised(e.target.value === 'normalised')} data-option="measure">
            <option value="pairs">{t('analysis.cooccurrence.pairs')}</option>
            <option value="normalised">{t('analysis.cooccurrence.normalised')}</option>
          </select>
        </label>
        <TableExport request={request} label={t('analysis.cooccurrence.exportMatrix')} />
        <TableExport request={request} table="pairs" label={t('analysis.cooccurrence.exportPairs')} />
      </div>
      <p className="analysis-note">{normalised ? t('analysis.cooccurrence.howNormalised') : t('analysis.cooccurrence.howCounted')}</p>
      <FigureStatus slow={slow} error={error} empty={!matrix ? null : codes.length < 2 ? t('analysis.empty.twoCodes') : matrix.codes.every((code) => code.segments === 0) ? t('analysis.empty.noSegments') : null} />
      {matrix && codes.length >= 2 && matrix.codes.some((code) => code.segments > 0) && (
        <>
          <Heatmap
            label={t('analysis.cooccurrence.heatmap')}
            corner={t('analysis.code')}
            columns={matrix.codes.map((code) => ({ key: code.codeId, label: code.path, codeId: code.codeId }))}
            rows={rows}
            format={format}
            cellName={cellName}
            selected={cell}
            onOpen={(row, column) => setCell({ row: row.key, column, columnCode: matrix.codes[column].codeId })}
          />
          {cell && pairs && (
            <PassageList
              title={t('analysis.cooccurrence.pairsTitle', { row: matrix.codes.find((c) => c.codeId === cell.row)?.path ?? '', column: matrix.codes[cell.column]?.path ?? '' })}
              passages={pairs.passages}
              error={pairs.error}
              onClose={() => setCell(null)}
            />
          )}
          <PlotChart name="cooccurrence" label={t('analysis.cooccurrence.heatmap')} draw={draw} />
        </>
      )}
      <AndQuery filter={props.filter} />
    </section>
  );
}

function maxOf(data: ReadonlyArray<{ value: number }>): number {
  return data.reduce((max, d) => Math.max(max, d.value), 0);
}

/** The AND query: the passages where a segment of code A overlaps one of code B. */
function AndQuery(props: { filter: AnalysisFilter }) {
  const t = useT();
  const codes = useStore(selectCodes);
  const [first, setFirst] = useState<string>('');
  const [second, setSecond] = useState<string>('');
  const firstId = first || codes[0]?.id || '';
  const secondId = second || codes[1]?.id || codes[0]?.id || '';
  const request = useMemo(
    (): (AnalysisRequest & { figure: 'overlaps' }) | null => (firstId && secondId ? { figure: 'overlaps', filter: props.filter, firstCodeId: firstId, secondCodeId: secondId } : null),
    [props.filter, firstId, secondId],
  );
  const { figure, slow, error } = useFigure(request);
  const passages = useMemo(
    () =>
      figure?.overlaps.map(
        (passage, n): ListedPassage => ({
          key: String(n),
          documentTitle: passage.documentTitle,
          content: <mark>{passage.text}</mark>,
          // The overlap in the text's UTF-16 offsets, as the text view takes them.
          jump: () => void jumpTo(passage.documentId, Math.max(passage.first.start16, passage.second.start16), Math.min(passage.first.end16, passage.second.end16)),
        }),
      ) ?? null,
    [figure],
  );
  return (
    <section className="analysis-and" aria-labelledby="analysis-and-title">
      <h3 id="analysis-and-title">{t('analysis.and.title')}</h3>
      <div className="analysis-options">
        <label>
          {t('analysis.and.first')}
          <select value={firstId} onChange={(e) => setFirst(e.target.value)} data-option="and-first">
            <CodeOptions codes={codes} />
          </select>
        </label>
        <label>
          {t('analysis.and.second')}
          <select value={secondId} onChange={(e) => setSecond(e.target.value)} data-option="and-second">
            <CodeOptions codes={codes} />
          </select>
        </label>
        <TableExport request={request} label={t('analysis.and.export')} />
      </div>
      <FigureStatus slow={slow} error={error} empty={null} />
      {request && <PassageList title={t('analysis.and.passages', { count: passages?.length ?? 0 })} passages={passages} />}
    </section>
  );
}
