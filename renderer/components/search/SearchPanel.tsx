/**
 * Search while coding: plain text or a regular expression, with case and whole-word options, in
 * the open document or across the corpus. Hits are counted and drawn in the text while the search
 * is open; a hit clicked is selected (a code key then codes it); all hits can be coded at once,
 * after a preview, as one action that one undo takes back.
 */
import { useEffect, useRef, useState } from 'react';
import { codePath } from '../../../shared/model/codebook';
import { jumpTo } from '../../services/documents';
import { codeAllHits, endSearch, runSearch, setSearch } from '../../services/search';
import { CodeOptions } from '../codebook/CodeOptions';
import { selectCodes, useStore } from '../../store';

const PREVIEW = 20;

export function SearchPanel(props: { onClose: () => void }) {
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
    <aside className="search-panel" role="search" aria-label="Search" onKeyDown={(event) => event.key === 'Escape' && props.onClose()}>
      <header className="codebook-header">
        <h2 className="panel-title">Search</h2>
        <button type="button" onClick={props.onClose} aria-label="Close the search">
          ×
        </button>
      </header>
      <input
        ref={input}
        type="search"
        className="search-input"
        value={query.pattern}
        placeholder={query.regex ? 'Regular expression…' : 'Words to find…'}
        aria-label="Search for"
        onChange={(event) => setSearch({ query: { ...query, pattern: event.target.value } })}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && hits.length) void jumpTo(hits[0].documentId, hits[0].start, hits[0].end);
        }}
      />
      <div className="search-options">
        {option('regex', '.*', 'Regular expression')}
        {option('caseSensitive', 'Aa', 'Match case')}
        {option('wholeWord', 'Whole words', 'Whole words only')}
        <select value={search.scope} onChange={(event) => setSearch({ scope: event.target.value as 'document' | 'corpus' })} aria-label="Where to search">
          <option value="document">This document</option>
          <option value="corpus">All documents</option>
        </select>
      </div>
      <p className="search-count" role="status" aria-live="polite">
        {search.error
          ? search.error
          : search.running
            ? 'Searching…'
            : result
              ? `${result.total} hit${result.total === 1 ? '' : 's'}${result.documents.length > 1 ? ` in ${result.documents.length} documents` : ''}`
              : query.pattern
                ? ''
                : search.scope === 'document' && !openId
                  ? 'Open a document, or search all documents.'
                  : 'Type to search.'}
      </p>
      {result && result.total > 0 && (
        <div className="code-hits">
          <select value={codeId} onChange={(event) => setCodeId(event.target.value)} aria-label="Code for all hits">
            <option value="">Code all hits as…</option>
            <CodeOptions codes={codes} />
          </select>
          <button type="button" disabled={!codeId} onClick={() => setPreviewing(true)} data-action="preview-code-hits">
            Preview…
          </button>
        </div>
      )}
      {previewing && result && codeId && (
        <div className="code-hits-preview" role="group" aria-label="Code all hits">
          <p>
            Code {result.total} passage{result.total === 1 ? '' : 's'} as “{codePath(codes, codeId)}”? One undo takes them all back.
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
          {hits.length > PREVIEW && <p>…and {hits.length - PREVIEW} more.</p>}
          <button
            type="button"
            data-action="code-all-hits"
            onClick={async () => {
              if (await codeAllHits(codeId)) setPreviewing(false);
            }}
          >
            Code {result.total} passage{result.total === 1 ? '' : 's'}
          </button>
          <button type="button" onClick={() => setPreviewing(false)}>
            Cancel
          </button>
        </div>
      )}
      <ol className="search-hits">
        {hits.slice(0, 500).map((hit) => (
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
      {hits.length > 500 && <p className="hint">The first 500 hits are listed; all {hits.length} are counted and coded.</p>}
    </aside>
  );
}
