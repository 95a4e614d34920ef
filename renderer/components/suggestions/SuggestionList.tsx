/**
 * The corpus's top suggestions, a page at a time: "likely *call to action*: 0.83", the document's
 * name and the sentence. Keyboard first (suggestion-keys.ts): a accepts, r rejects, s skips, the
 * arrow keys move, Enter shows the passage in its text; each suggestion has buttons for the mouse
 * too. After a decision the list updates and the next suggestion has the focus.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { codePath } from '../../../shared/model/codebook';
import type { ListedSuggestion } from '../../../shared/ipc/suggestions';
import { formatNumber, useT } from '../../i18n/i18n';
import { jumpTo } from '../../services/documents';
import { acceptSuggestion, focusSuggestion, rejectSuggestion, showSuggestionPage } from '../../services/suggestions';
import { selectCodes, useStore } from '../../store';
import { SUGGESTIONS_PAGE } from '../../store/suggestions';
import { formatProbability } from '../../text-view/suggestion-title';
import { focusAfter, suggestionKeyAction, type SuggestionKeyAction } from './suggestion-keys';

const itemId = (index: number) => `suggestion-${index}`;

export function SuggestionList() {
  const t = useT();
  const { listing, focused, status, settings } = useStore((state) => state.suggestions);
  const codes = useStore(selectCodes);
  const list = useRef<HTMLOListElement>(null);
  // Whether the focus belongs in the list (a key or a click there): it then follows `focused`.
  const keepFocus = useRef(false);

  useEffect(() => {
    if (!keepFocus.current || !list.current) return;
    // The focus is elsewhere now (the text, another panel): a list that updates does not take it.
    const active = document.activeElement;
    if (active && active !== document.body && !list.current.contains(active)) {
      keepFocus.current = false;
      return;
    }
    const item = list.current.querySelector<HTMLElement>(`#${itemId(focused)}`);
    if (item && document.activeElement !== item) item.focus();
    // Nothing left to focus: the list itself keeps it, so that its empty state is read.
    else if (!item) list.current.focus();
  }, [focused, listing]);

  if (!listing) return null;
  const { suggestions, total, offset } = listing;
  const decide = (action: 'accept' | 'reject' | 'skip', index: number) => {
    const suggestion = suggestions[index];
    if (!suggestion) return;
    keepFocus.current = true;
    if (action === 'accept') void acceptSuggestion(suggestion);
    else if (action === 'reject') void rejectSuggestion(suggestion);
    else if (index === suggestions.length - 1 && offset + suggestions.length < total) void showSuggestionPage(offset + SUGGESTIONS_PAGE);
    else focusSuggestion(focusAfter('skip', index, suggestions.length));
  };
  const open = (suggestion: ListedSuggestion) => {
    keepFocus.current = false;
    void jumpTo(suggestion.documentId, suggestion.start, suggestion.end);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    // Keys on a button are the button's (Enter and Space press it).
    if ((event.target as HTMLElement).closest('button')) return;
    const action: SuggestionKeyAction | null = suggestionKeyAction(event);
    if (!action || !suggestions.length) return;
    event.preventDefault();
    if (action === 'accept' || action === 'reject' || action === 'skip') return decide(action, focused);
    if (action === 'open') return open(suggestions[focused]!);
    keepFocus.current = true;
    focusSuggestion(focusAfter(action, focused, suggestions.length));
  };

  const threshold = formatProbability(settings?.threshold ?? 0.5);
  if (total === 0) {
    return (
      <p className="empty suggestions-empty" data-testid="suggestions-empty">
        {status?.state === 'ready' || (status?.state === 'training' && status.trainedAt)
          ? t('suggestions.list.none', { threshold })
          : status?.state === 'too-few'
            ? t('suggestions.list.tooFew')
            : status?.state === 'failed'
              ? t('suggestions.list.failed')
              : t('suggestions.list.notYet')}
      </p>
    );
  }
  return (
    <div className="suggestions-listing">
      <p className="suggestions-count" aria-live="polite">
        {t('suggestions.list.count', { count: total, first: formatNumber(offset + 1), last: formatNumber(offset + suggestions.length) })}
      </p>
      <p className="hint" id="suggestions-keys">
        {t('suggestions.list.keys')}
      </p>
      <ol
        ref={list}
        className="suggestions-list"
        aria-label={t('suggestions.list.label')}
        aria-describedby="suggestions-keys"
        tabIndex={suggestions.length ? -1 : 0}
        onKeyDown={onKeyDown}
        data-total={total}
      >
        {suggestions.map((suggestion, index) => {
          const code = codePath(codes, suggestion.codeId);
          const probability = formatProbability(suggestion.probability);
          return (
            <li
              key={`${suggestion.documentId}:${suggestion.start}:${suggestion.codeId}`}
              id={itemId(index)}
              className={`suggestion code-${suggestion.codeId}`}
              tabIndex={index === focused ? 0 : -1}
              aria-current={index === focused ? 'true' : undefined}
              aria-label={t('suggestions.item.label', { code, probability, document: suggestion.documentName, quote: suggestion.quote })}
              onFocus={() => index !== focused && focusSuggestion(index)}
              onMouseDown={() => (keepFocus.current = true)}
              data-document-id={suggestion.documentId}
              data-code-id={suggestion.codeId}
              data-start={suggestion.start}
              data-end={suggestion.end}
            >
              <span className="suggestion-likely">
                <span className="swatch" aria-hidden="true" />
                {t('suggestions.item.likelyBefore')}
                <em>{code}</em>
                {t('suggestions.item.likelyAfter', { probability })}
              </span>
              <span className="suggestion-document" title={suggestion.documentName}>
                {suggestion.documentName}
              </span>
              <q className="suggestion-quote">{suggestion.quote}</q>
              <span className="suggestion-actions">
                <button type="button" tabIndex={-1} onClick={() => decide('accept', index)} title={t('suggestions.item.acceptTitle')} data-action="accept-suggestion">
                  {t('suggestions.item.accept')}
                </button>
                <button type="button" tabIndex={-1} onClick={() => decide('reject', index)} title={t('suggestions.item.rejectTitle')} data-action="reject-suggestion">
                  {t('suggestions.item.reject')}
                </button>
                <button type="button" tabIndex={-1} onClick={() => decide('skip', index)} title={t('suggestions.item.skipTitle')} data-action="skip-suggestion">
                  {t('suggestions.item.skip')}
                </button>
                <button type="button" tabIndex={-1} onClick={() => open(suggestion)} title={t('suggestions.item.showTitle')} data-action="show-suggestion">
                  {t('suggestions.item.show')}
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      {total > SUGGESTIONS_PAGE && (
        <div className="suggestions-pages">
          <button type="button" disabled={offset === 0} onClick={() => void showSuggestionPage(offset - SUGGESTIONS_PAGE)} data-action="suggestions-previous-page">
            {t('suggestions.list.previousPage')}
          </button>
          <button type="button" disabled={offset + suggestions.length >= total} onClick={() => void showSuggestionPage(offset + SUGGESTIONS_PAGE)} data-action="suggestions-next-page">
            {t('suggestions.list.nextPage')}
          </button>
        </div>
      )}
    </div>
  );
}
