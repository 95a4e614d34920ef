/**
 * The coded segments of the whole project, to compare them: filtered by code (with or without its
 * sub-codes), document, coder and words; each row shows the quote in its context and jumps to it;
 * the rows shown can be exported as CSV. The main process filters and sends the rows a page at a
 * time, as the list scrolls to them: every one of 100,000 rows can be reached, and only the rows
 * in view are in the page.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Code } from '../../../shared/model/codebook';
import type { VariableDefinition } from '../../../shared/model/variables';
import { shortTitle } from '../../../shared/text/short-text';
import type { DocumentSummary } from '../../../shared/views/project-overview';
import { NO_FILTER, type RetrievalFilter, type RetrievedSegment } from '../../../shared/views/retrieval';
import { formatNumber, useT } from '../../i18n/i18n';
import { jumpTo } from '../../services/documents';
import { exportCsv } from '../../services/exports';
import { retrievedSegmentIds, retrieveSegments } from '../../services/segments';
import { CodeOptions } from '../codebook/CodeOptions';
import { pagesOf, type RowWindow } from '../lists/list-window';
import { VirtualList } from '../lists/VirtualList';
import { selectBlind, selectCodes, useStore } from '../../store';

/** Rows asked of the main process at once. */
const PAGE = 100;
/** A row's height before the first row is measured (the CSS holds every row to three lines of quote). */
const ROW_HEIGHT = 96;
const NO_DOCUMENTS: never[] = [];

/** What the main process answered for the current filter: the counts and the pages fetched so far. */
interface Answer {
  /** The fetch these pages belong to: the first page of a newer one starts the pages afresh. */
  generation: number;
  total: number;
  matched: number;
  coders: string[];
  pages: ReadonlyMap<number, RetrievedSegment[]>;
}

/** The filters over the list (drawn again only when what they show changes, not as the list scrolls or fills). */
const RetrievalFilters = memo(function RetrievalFilters(props: {
  filter: RetrievalFilter;
  onChange: (change: Partial<RetrievalFilter>) => void;
  codes: readonly Code[];
  documents: readonly DocumentSummary[];
  variables: readonly VariableDefinition[];
  coders: readonly string[];
  matched: number;
  exporting: boolean;
  onExport: () => void;
}) {
  const t = useT();
  const { filter, onChange: set, documents, variables } = props;
  const variableValues = useMemo(
    () =>
      variables.map((variable) => ({
        name: variable.name,
        values: [...new Set(documents.map((d) => d.values[variable.name]).filter((v) => v !== undefined && v !== null).map(String))].sort(),
      })),
    [variables, documents],
  );
  // A project's thousands of documents are put in their chooser when it is first used (focused
  // or pressed), not every time the view opens: laying out 5,000 options takes longer than the rest.
  const [documentsListed, listDocuments] = useState(false);
  const documentOptions = useMemo(
    () =>
      documents
        .filter((d) => documentsListed || d.id === filter.documentId)
        .map((d) => (
          <option key={d.id} value={d.id} title={d.title}>
            {shortTitle(d.title, 60)}
          </option>
        )),
    [documents, documentsListed, filter.documentId],
  );
  return (
    <div className="retrieval-filters">
      <select value={filter.codeId ?? ''} onChange={(e) => set({ codeId: e.target.value || null })} aria-label={t('retrieval.filter.code')}>
        <option value="">{t('retrieval.filter.allCodes')}</option>
        <CodeOptions codes={props.codes} />
      </select>
      <label className="search-option">
        <input type="checkbox" checked={filter.withSubcodes} onChange={(e) => set({ withSubcodes: e.target.checked })} />
        {t('retrieval.filter.withSubcodes')}
      </label>
      <select
        value={filter.documentId ?? ''}
        onChange={(e) => set({ documentId: e.target.value || null })}
        onFocus={() => listDocuments(true)}
        onMouseDown={() => listDocuments(true)}
        aria-label={t('retrieval.filter.document')}
      >
        <option value="">{t('retrieval.filter.allDocuments')}</option>
        {documentOptions}
      </select>
      <select value={filter.coder ?? ''} onChange={(e) => set({ coder: e.target.value || null })} aria-label={t('retrieval.filter.coder')}>
        <option value="">{t('retrieval.filter.allCoders')}</option>
        {props.coders.map((coder) => (
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
          {variableValues.map(({ name, values }) =>
            values.map((value) => (
              <option key={`${name}:${value}`} value={`${name}\u0000${value}`}>
                {name} = {value}
              </option>
            )),
          )}
        </select>
      )}
      <input type="search" value={filter.text} onChange={(e) => set({ text: e.target.value })} placeholder={t('retrieval.filter.wordsPlaceholder')} aria-label={t('retrieval.filter.words')} />
      <button type="button" onClick={props.onExport} disabled={!props.matched || props.exporting} data-action="export-retrieval" aria-busy={props.exporting}>
        {props.exporting ? t('retrieval.export.running') : t('retrieval.export.shown', { count: props.matched })}
      </button>
    </div>
  );
});

/** One row: the code, document and coder, then the quote in its context; a click jumps to it. */
function RetrievalRow(props: { row: RetrievedSegment; onJump: (row: RetrievedSegment) => void }) {
  const { row } = props;
  return (
    <button type="button" className={`retrieval-row code-${row.segment.codeId}`} onClick={() => props.onJump(row)} data-segment-id={row.segment.id}>
      <span className="retrieval-meta" title={`${row.codePath} · ${row.documentTitle} · ${row.segment.coder}`}>
        <span className="swatch" aria-hidden="true" />
        {row.codePath} · {row.documentTitle} · {row.segment.coder}
      </span>
      <span className="retrieval-quote" title={row.segment.quote}>
        …{row.before}
        <mark>{row.segment.quote}</mark>
        {row.after}…
      </span>
    </button>
  );
}

export function RetrievalView(props: { onJump: () => void }) {
  const t = useT();
  const codes = useStore(selectCodes);
  const documents = useStore((state) => state.project?.documents) ?? NO_DOCUMENTS;
  const exporting = useStore((state) => state.exporting);
  const variables = useStore((state) => state.project?.variables) ?? NO_DOCUMENTS;
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [filter, setFilter] = useState<RetrievalFilter>(NO_FILTER);
  // Which filter the pages being fetched belong to: an answer for an older one is dropped.
  const asked = useRef({ filter, generation: 0, pages: new Set<number>() });
  // The rows the list shows: after a reset their pages are fetched again, since the list only
  // says which rows it shows when that changes.
  const shown = useRef<RowWindow>({ first: 0, end: 0 });

  const fetchPage = useCallback(async (page: number) => {
    const request = asked.current;
    if (request.pages.has(page)) return;
    request.pages.add(page);
    const found = await retrieveSegments(request.filter, page * PAGE, PAGE);
    if (asked.current !== request) return;
    if (!found) {
      request.pages.delete(page);
      return;
    }
    setAnswer((current) => {
      // The first answer of a new fetch replaces every page of the last one (their rows may have
      // changed); later answers of the same fetch add to it.
      const pages = new Map(current && current.generation === request.generation ? current.pages : []);
      pages.set(page, found.rows);
      return { generation: request.generation, total: found.total, matched: found.matched, coders: found.coders, pages };
    });
  }, []);

  // The pages in view again whenever the filter changes; in blind coding the main process lists
  // only the coder's own segments, so also when blind coding or the coder changes; and after any
  // action that changes segments (coding, undo, coding all hits: each gives new documents'
  // counts) or codes (moved or renamed: the rows' paths and order).
  const blind = useStore(selectBlind);
  const coder = useStore((state) => state.project?.coder);
  useEffect(() => {
    asked.current = { filter, generation: asked.current.generation + 1, pages: new Set() };
    void fetchPage(0);
    for (const page of pagesOf(shown.current, PAGE)) void fetchPage(page);
  }, [filter, blind, coder, documents, codes, fetchPage]);

  const onRowsShown = useCallback(
    (rows: RowWindow) => {
      shown.current = rows;
      for (const page of pagesOf(rows, PAGE)) void fetchPage(page);
    },
    [fetchPage],
  );

  const set = useCallback((change: Partial<RetrievalFilter>) => setFilter((current) => ({ ...current, ...change })), []);

  const jump = useCallback(
    async (row: RetrievedSegment) => {
      props.onJump();
      const { documentId, start, end } = row.segment;
      await jumpTo(documentId, start, end);
    },
    [props.onJump],
  );

  const exportShown = useCallback(async () => {
    const ids = await retrievedSegmentIds(filter);
    if (ids) await exportCsv('standard', ids);
  }, [filter]);

  const rowAt = (index: number) => answer?.pages.get(Math.floor(index / PAGE))?.[index % PAGE];

  return (
    <section className="retrieval" aria-label={t('retrieval.view.label')}>
      <RetrievalFilters
        filter={filter}
        onChange={set}
        codes={codes}
        documents={documents}
        variables={variables}
        coders={answer?.coders ?? NO_DOCUMENTS}
        matched={answer?.matched ?? 0}
        exporting={exporting}
        onExport={() => void exportShown()}
      />
      {answer === null ? (
        <p className="progress" role="progressbar" aria-label={t('retrieval.loading.label')}>
          <span className="spinner" aria-hidden="true" /> {t('retrieval.loading.text')}
        </p>
      ) : answer.matched === 0 ? (
        <p className="empty">{answer.total ? t('retrieval.empty.noMatch') : t('retrieval.empty.nothingCoded')}</p>
      ) : (
        <>
          <p className="retrieval-count" role="status">
            {t('retrieval.count', { shown: formatNumber(answer.matched), count: answer.total })}
          </p>
          <VirtualList
            as="ol"
            className="retrieval-list"
            aria-label={t('retrieval.view.label')}
            count={answer.matched}
            rowHeight={ROW_HEIGHT}
            gap={4}
            rowKey={(index) => rowAt(index)?.segment.id ?? `row-${index}`}
            renderRow={(index) => {
              const row = rowAt(index);
              return row ? (
                <RetrievalRow row={row} onJump={(chosen) => void jump(chosen)} />
              ) : (
                <div className="retrieval-placeholder" aria-busy="true">
                  {t('retrieval.loading.text')}
                </div>
              );
            }}
            onRowsShown={onRowsShown}
          />
        </>
      )}
    </section>
  );
}
