/**
 * Search while coding: plain text or a regular expression, with case and whole-word options, in
 * the open document or across the corpus. Hits are counted and drawn in the text while the search
 * is open; a hit clicked is selected (a code key then codes it); all hits can be coded at once,
 * after a preview, as one action that one undo takes back. The hits are listed in a windowed list:
 * every one is reachable, and only those in view are in the page.
 */
import { useEffect, useRef, useState } from 'react';
import { codePath } from '../../../shared/model/codebook';
import type { ListedHit } from '../../../shared/views/corpus-search';
import { useT } from '../../i18n/i18n';
import { jumpTo } from '../../services/documents';
import { codeAllHits, endSearch, fetchHitsPage, runSearch, setSearch, showHitsInOpenDocument } from '../../services/search';
import { HITS_PAGE } from '../../store/search';
import type { RowWindow } from '../lists/list-window';
import { CodeOptions } from '../codebook/CodeOptions';
import { VirtualList } from '../lists/VirtualList';
import { selectCodes, useStore } from '../../store';

const PREVIEW = 20;
/** A hit row's height before the first row is measured (its CSS holds every row to its lines). */
const HIT_HEIGHT = 64;

export function SearchPanel(props: { onClose: () => void }) {
  const t = useT();
  const search = useStore((state) => state.search);
  const codes = useStore(selectCodes);
  const openId = useStore((state) => state.open?.document.id);
  const [codeId, setCodeId] = useState('');
  const [previewing, setPreviewing] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const { query, listing } = search;

  useEffect(() => {
    input.current?.focus();
    return endSearch; // closed: its hits leave the text
  }, []);
  // Search again as the query, the scope or the open document change: plain words at once (the
  // first hits come before the search has gone through every document), a regular expression
  // after a short pause (each one starts a worker).
  useEffect(() => {
    const timer = setTimeout(() => void runSearch(), query.regex ? 200 : 0);
    return () => clearTimeout(timer);
  }, [query.pattern, query.regex, query.caseSensitive, query.wholeWord, search.scope, search.scope === 'document' ? openId : null]);
  // Searching all documents, another document opened: its hits are drawn in its text.
  useEffect(() => {
    if (search.scope === 'corpus') void showHitsInOpenDocument();
  }, [openId]);

  const option = (name: 'regex' | 'caseSensitive' | 'wholeWord', label: string, title: string) => (
    <label className="search-option" title={title}>
      <input type="checkbox" checked={query[name]} onChange={(event) => setSearch({ query: { ...query, [name]: event.target.checked } })} />
      {label}
    </label>
  );
  const hitCount = listing?.total ?? 0;
  const hit = (index: number): ListedHit | undefined => listing?.pages.get(Math.floor(index / HITS_PAGE))?.[index % HITS_PAGE];
  const preview = (listing?.pages.get(0) ?? []).slice(0, PREVIEW);
  const onRowsShown = (rows: RowWindow) => {
    if (rows.end <= rows.first) return;
    for (let page = Math.floor(rows.first / HITS_PAGE); page <= Math.floor((rows.end - 1) / HITS_PAGE); page++) void fetchHitsPage(page);
  };
  return (
    <aside className="search-panel" role="search" aria-label={t('search.panel.label')} onKeyDown={(event) => event.key === 'Escape' && props.onClose()}>
      <header className="codebook-header">
        <h2 className="panel-title">{t('search.panel.title')}</h2>
        <button type="button" onClick={props.onClose} aria-label={t('search.panel.close')}>
          ×
        </button>
      </header>
      <input
        ref={input}
        type="search"
        className="search-input"
        value={query.pattern}
        placeholder={query.regex ? t('search.input.regexPlaceholder') : t('search.input.wordsPlaceholder')}
        aria-label={t('search.input.label')}
        onChange={(event) => setSearch({ query: { ...query, pattern: event.target.value } })}
        onKeyDown={(event) => {
          const first = hit(0);
          if (event.key === 'Enter' && first) void jumpTo(first.documentId, first.start, first.end);
        }}
      />
      <div className="search-options">
        {option('regex', '.*', t('search.option.regex'))}
        {/* "Aa" is the sign for case that search fields use in every language. */}
        {option('caseSensitive', 'Aa', t('search.option.matchCase'))}
        {option('wholeWord', t('search.option.wholeWords'), t('search.option.wholeWordsOnly'))}
        <select value={search.scope} onChange={(event) => setSearch({ scope: event.target.value as 'document' | 'corpus' })} aria-label={t('search.scope.label')}>
          <option value="document">{t('search.scope.document')}</option>
          <option value="corpus">{t('search.scope.corpus')}</option>
        </select>
      </div>
      <p className="search-count" role="status" aria-live="polite" data-counted={listing?.complete ? 'true' : undefined}>
        {search.error
          ? search.error
          : search.running
            ? t('search.count.running')
            : listing
              ? !listing.complete
                ? t('search.count.counting', { hits: t('search.count.hits', { count: listing.total }) })
                : listing.documentCount > 1
                  ? t('search.count.hitsInDocuments', { hits: t('search.count.hits', { count: listing.total }), count: listing.documentCount })
                  : t('search.count.hits', { count: listing.total })
              : query.pattern
                ? ''
                : search.scope === 'document' && !openId
                  ? t('search.count.openDocument')
                  : t('search.count.typeToSearch')}
      </p>
      {listing && listing.total > 0 && (
        <div className="code-hits">
          <select value={codeId} onChange={(event) => setCodeId(event.target.value)} aria-label={t('search.codeHits.label')}>
            <option value="">{t('search.codeHits.choose')}</option>
            <CodeOptions codes={codes} />
          </select>
          <button type="button" disabled={!codeId || !listing.complete} onClick={() => setPreviewing(true)} data-action="preview-code-hits">
            {t('search.codeHits.preview')}
          </button>
        </div>
      )}
      {previewing && listing && codeId && (
        <div className="code-hits-preview" role="group" aria-label={t('search.preview.label')}>
          <p>
            {t('search.preview.question', { count: listing.total, code: codePath(codes, codeId) })}
          </p>
          <ol>
            {preview.map((shown) => (
              <li key={`${shown.documentId}:${shown.start}`}>
                …{shown.before}
                <mark>{shown.match}</mark>
                {shown.after}…
              </li>
            ))}
          </ol>
          {hitCount > PREVIEW && <p>{t('search.preview.more', { count: hitCount - PREVIEW })}</p>}
          <button
            type="button"
            data-action="code-all-hits"
            disabled={!listing.complete}
            onClick={async () => {
              if (await codeAllHits(codeId)) setPreviewing(false);
            }}
          >
            {t('search.preview.submit', { count: listing.total })}
          </button>
          <button type="button" onClick={() => setPreviewing(false)}>
            {t('search.preview.cancel')}
          </button>
        </div>
      )}
      {hitCount > 0 && (
        <VirtualList
          as="ol"
          className="search-hits"
          aria-label={t('search.hits.label')}
          count={hitCount}
          rowHeight={HIT_HEIGHT}
          gap={3}
          rowKey={(index) => {
            const shown = hit(index);
            return shown ? `${shown.documentId}:${shown.start}` : `hit-${index}`;
          }}
          onRowsShown={onRowsShown}
          renderRow={(index) => {
            const shown = hit(index);
            if (!shown) {
              return (
                <div className="search-hit-placeholder" aria-busy="true">
                  {t('search.count.running')}
                </div>
              );
            }
            return (
              <button type="button" className="search-hit-row" onClick={() => void jumpTo(shown.documentId, shown.start, shown.end)}>
                {search.scope === 'corpus' && (
                  <span className="hit-document" title={shown.title}>
                    {shown.title}
                  </span>
                )}
                <span className="search-hit-context">
                  …{shown.before}
                  <mark>{shown.match}</mark>
                  {shown.after}…
                </span>
              </button>
            );
          }}
        />
      )}
    </aside>
  );
}
