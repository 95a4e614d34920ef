/**
 * Search while coding: plain text or a regular expression, with case and whole-word options, in
 * the open document or across the corpus. Hits are counted and drawn in the text while the search
 * is open; a hit clicked is selected (a code key then codes it); all hits can be coded at once,
 * after a preview, as one action that one undo takes back.
 */
import { useEffect, useRef, useState } from 'react';
import { codePath } from '../../../shared/model/codebook';
import { formatNumber, useT } from '../../i18n/i18n';
import { jumpTo } from '../../services/documents';
import { codeAllHits, endSearch, runSearch, setSearch } from '../../services/search';
import { CodeOptions } from '../codebook/CodeOptions';
import { selectCodes, useStore } from '../../store';

const PREVIEW = 20;
/** How many hits are listed (all are counted and coded). */
const LISTED = 500;

export function SearchPanel(props: { onClose: () => void }) {
  const t = useT();
  const search = useStore((state) => state.search);
  const codes = useStore(selectCodes);
  const openId = useStore((state) => state.open?.document.id);
  const [codeId, setCodeId] = useState('');
  const [previewing, setPreviewing] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const { query, result } = search;

  useEffect(() => {
    input.current?.focus();
    return endSearch; // closed: its hits leave the text
  }, []);
  // Search again as the query, the scope or the open document change (a short pause first).
  useEffect(() => {
    const timer = setTimeout(() => void runSearch(), 200);
    return () => clearTimeout(timer);
  }, [query.pattern, query.regex, query.caseSensitive, query.wholeWord, search.scope, search.scope === 'document' ? openId : null]);

  const option = (name: 'regex' | 'caseSensitive' | 'wholeWord', label: string, title: string) => (
    <label className="search-option" title={title}>
      <input type="checkbox" checked={query[name]} onChange={(event) => setSearch({ query: { ...query, [name]: event.target.checked } })} />
      {label}
    </label>
  );
  const hits = result?.documents.flatMap((d) => d.hits.map((hit) => ({ ...hit, documentId: d.documentId, title: d.title }))) ?? [];
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
          if (event.key === 'Enter' && hits.length) void jumpTo(hits[0].documentId, hits[0].start, hits[0].end);
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
      <p className="search-count" role="status" aria-live="polite">
        {search.error
          ? search.error
          : search.running
            ? t('search.count.running')
            : result
              ? result.documents.length > 1
                ? t('search.count.hitsInDocuments', { hits: t('search.count.hits', { count: result.total }), count: result.documents.length })
                : t('search.count.hits', { count: result.total })
              : query.pattern
                ? ''
                : search.scope === 'document' && !openId
                  ? t('search.count.openDocument')
                  : t('search.count.typeToSearch')}
      </p>
      {result && result.total > 0 && (
        <div className="code-hits">
          <select value={codeId} onChange={(event) => setCodeId(event.target.value)} aria-label={t('search.codeHits.label')}>
            <option value="">{t('search.codeHits.choose')}</option>
            <CodeOptions codes={codes} />
          </select>
          <button type="button" disabled={!codeId} onClick={() => setPreviewing(true)} data-action="preview-code-hits">
            {t('search.codeHits.preview')}
          </button>
        </div>
      )}
      {previewing && result && codeId && (
        <div className="code-hits-preview" role="group" aria-label={t('search.preview.label')}>
          <p>
            {t('search.preview.question', { count: result.total, code: codePath(codes, codeId) })}
          </p>
          <ol>
            {hits.slice(0, PREVIEW).map((hit) => (
              <li key={`${hit.documentId}:${hit.start}`}>
                …{hit.before}
                <mark>{hit.match}</mark>
                {hit.after}…
              </li>
            ))}
          </ol>
          {hits.length > PREVIEW && <p>{t('search.preview.more', { count: hits.length - PREVIEW })}</p>}
          <button
            type="button"
            data-action="code-all-hits"
            onClick={async () => {
              if (await codeAllHits(codeId)) setPreviewing(false);
            }}
          >
            {t('search.preview.submit', { count: result.total })}
          </button>
          <button type="button" onClick={() => setPreviewing(false)}>
            {t('search.preview.cancel')}
          </button>
        </div>
      )}
      <ol className="search-hits">
        {hits.slice(0, LISTED).map((hit) => (
          <li key={`${hit.documentId}:${hit.start}`}>
            <button type="button" className="search-hit-row" onClick={() => void jumpTo(hit.documentId, hit.start, hit.end)}>
              {search.scope === 'corpus' && <span className="hit-document" title={hit.title}>{hit.title}</span>}
              <span>
                …{hit.before}
                <mark>{hit.match}</mark>
                {hit.after}…
              </span>
            </button>
          </li>
        ))}
      </ol>
      {hits.length > LISTED && <p className="hint">{t('search.firstListed', { listed: formatNumber(LISTED), count: hits.length })}</p>}
    </aside>
  );
}
