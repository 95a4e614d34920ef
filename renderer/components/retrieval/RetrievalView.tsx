/**
 * The coded segments of the whole project, to compare them: filtered by code (with or without its
 * sub-codes), document, coder and words; each row shows the quote in its context and jumps to it;
 * the rows shown can be exported as CSV.
 */
import { useEffect, useMemo, useState } from 'react';
import { shortTitle } from '../../../shared/text/short-text';
import { filterSegments, NO_FILTER, type RetrievalFilter, type RetrievedSegment } from '../../../shared/views/retrieval';
import { formatNumber, useT } from '../../i18n/i18n';
import { jumpTo } from '../../services/documents';
import { exportCsv } from '../../services/exports';
import { listAllSegments } from '../../services/segments';
import { CodeOptions } from '../codebook/CodeOptions';
import { selectBlind, selectCodes, useStore } from '../../store';

const SHOWN = 500;
const NO_DOCUMENTS: never[] = [];

export function RetrievalView(props: { onJump: () => void }) {
  const t = useT();
  const codes = useStore(selectCodes);
  const documents = useStore((state) => state.project?.documents) ?? NO_DOCUMENTS;
  const exporting = useStore((state) => state.exporting);
  const variables = useStore((state) => state.project?.variables) ?? NO_DOCUMENTS;
  const [rows, setRows] = useState<RetrievedSegment[] | null>(null);
  const [filter, setFilter] = useState<RetrievalFilter>(NO_FILTER);

  // In blind coding the main process lists only the coder's own segments: asked again when it changes.
  const blind = useStore(selectBlind);
  useEffect(() => {
    void listAllSegments().then((segments) => {
      if (segments) setRows(segments);
    });
  }, [blind]);

  const shown = useMemo(() => (rows ? filterSegments(rows, filter, codes) : []), [rows, filter, codes]);
  const coders = useMemo(() => [...new Set((rows ?? []).map((r) => r.segment.coder))].sort(), [rows]);
  const set = (change: Partial<RetrievalFilter>) => setFilter((current) => ({ ...current, ...change }));

  const jump = async (row: RetrievedSegment) => {
    props.onJump();
    const { documentId, start, end } = row.segment;
    await jumpTo(documentId, start, end);
  };

  const exportShown = () => exportCsv('standard', shown.map((r) => r.segment.id));

  return (
    <section className="retrieval" aria-label={t('retrieval.view.label')}>
      <div className="retrieval-filters">
        <select value={filter.codeId ?? ''} onChange={(e) => set({ codeId: e.target.value || null })} aria-label={t('retrieval.filter.code')}>
          <option value="">{t('retrieval.filter.allCodes')}</option>
          <CodeOptions codes={codes} />
        </select>
        <label className="search-option">
          <input type="checkbox" checked={filter.withSubcodes} onChange={(e) => set({ withSubcodes: e.target.checked })} />
          {t('retrieval.filter.withSubcodes')}
        </label>
        <select value={filter.documentId ?? ''} onChange={(e) => set({ documentId: e.target.value || null })} aria-label={t('retrieval.filter.document')}>
          <option value="">{t('retrieval.filter.allDocuments')}</option>
          {documents.map((d) => (
            <option key={d.id} value={d.id} title={d.title}>
              {shortTitle(d.title, 60)}
            </option>
          ))}
        </select>
        <select value={filter.coder ?? ''} onChange={(e) => set({ coder: e.target.value || null })} aria-label={t('retrieval.filter.coder')}>
          <option value="">{t('retrieval.filter.allCoders')}</option>
          {coders.map((coder) => (
            <option key={coder} value={coder}>
              {coder}
            </option>
          ))}
        </select>
        {variables.length > 0 && (
          <select
            value={filter.variable ? `${filter.variable.name}\u0000${filter.variable.value}` : ''}
            onChange={(e) => {
              const [name, value] = e.target.value.split('\u0000');
              set({ variable: e.target.value ? { name, value } : null });
            }}
            aria-label={t('retrieval.filter.variable')}
          >
            <option value="">{t('retrieval.filter.anyVariableValue')}</option>
            {variables.map((variable) =>
              [...new Set(documents.map((d) => d.values[variable.name]).filter((v) => v !== undefined && v !== null).map(String))].sort().map((value) => (
                <option key={`${variable.name}:${value}`} value={`${variable.name}\u0000${value}`}>
                  {variable.name} = {value}
                </option>
              )),
            )}
          </select>
        )}
        <input type="search" value={filter.text} onChange={(e) => set({ text: e.target.value })} placeholder={t('retrieval.filter.wordsPlaceholder')} aria-label={t('retrieval.filter.words')} />
        <button type="button" onClick={() => void exportShown()} disabled={!shown.length || exporting} data-action="export-retrieval" aria-busy={exporting}>
          {exporting ? t('retrieval.export.running') : t('retrieval.export.shown', { count: shown.length })}
        </button>
      </div>
      {rows === null ? (
        <p className="progress" role="progressbar" aria-label={t('retrieval.loading.label')}>
          <span className="spinner" aria-hidden="true" /> {t('retrieval.loading.text')}
        </p>
      ) : shown.length === 0 ? (
        <p className="empty">{rows.length ? t('retrieval.empty.noMatch') : t('retrieval.empty.nothingCoded')}</p>
      ) : (
        <>
          <p className="retrieval-count" role="status">
            {t('retrieval.count', { shown: formatNumber(shown.length), count: rows.length })}
          </p>
          <ol className="retrieval-list">
            {shown.slice(0, SHOWN).map((row) => (
              <li key={row.segment.id}>
                <button type="button" className={`retrieval-row code-${row.segment.codeId}`} onClick={() => void jump(row)} data-segment-id={row.segment.id}>
                  <span className="retrieval-meta" title={`${row.codePath} · ${row.documentTitle} · ${row.segment.coder}`}>
                    <span className="swatch" aria-hidden="true" />
                    {row.codePath} · {row.documentTitle} · {row.segment.coder}
                  </span>
                  <span className="retrieval-quote">
                    …{row.before}
                    <mark>{row.segment.quote}</mark>
                    {row.after}…
                  </span>
                </button>
              </li>
            ))}
          </ol>
          {shown.length > SHOWN && <p className="hint">{t('retrieval.firstListed', { listed: formatNumber(SHOWN), count: shown.length })}</p>}
        </>
      )}
    </section>
  );
}
