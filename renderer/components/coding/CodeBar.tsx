/**
 * The codebook as buttons, in tree order: a click (or the code's key in the text) codes the
 * selected passage. The buttons form a toolbar with one tab stop, the arrow keys moving between
 * them; each is named by its code and key, never by its colour alone. A search field narrows the
 * codes by name; Enter there codes the selection with the first match and returns to the text.
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import { codePath, codeTree, REPEAT_KEY } from '../../../shared/model/codebook';
import { codeSelection, focusText } from '../../commands/coding';
import { useT } from '../../i18n/i18n';
import { setSnapWords } from '../../services/page';
import { selectCodes, useStore } from '../../store';

/** Where an arrow, Home or End key takes the focus among `count` buttons from `index` (wrapping round), or null. */
function toolbarStep(key: string, index: number, count: number): number | null {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return (index + 1) % count;
    case 'ArrowLeft':
    case 'ArrowUp':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

export function CodeBar() {
  const t = useT();
  const codes = useStore(selectCodes);
  const hasDocument = useStore((state) => state.open !== null);
  const [query, setQuery] = useState('');
  // The toolbar's one tab stop: the code last moved to (the first, until then).
  const [currentId, setCurrentId] = useState<string | null>(null);
  const toolbar = useRef<HTMLDivElement>(null);
  const snapWords = useStore((state) => state.snapWords);
  const needle = query.trim().toLowerCase();
  const shown = codeTree(codes).filter(({ code }) => !needle || codePath(codes, code.id).toLowerCase().includes(needle));
  const current = shown.some(({ code }) => code.id === currentId) ? currentId : (shown[0]?.code.id ?? null);
  const moveFocus = (event: KeyboardEvent) => {
    const index = shown.findIndex(({ code }) => code.id === current);
    const next = index < 0 ? null : toolbarStep(event.key, index, shown.length);
    if (next === null) return;
    event.preventDefault();
    const id = shown[next].code.id;
    setCurrentId(id);
    toolbar.current?.querySelector<HTMLElement>(`[data-code-id="${CSS.escape(id)}"]`)?.focus();
  };
  return (
    <div className="code-bar">
      <input
        type="search"
        className="code-search"
        placeholder={t('coding.codeBar.findPlaceholder')}
        aria-label={t('coding.codeBar.findLabel')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && shown.length && hasDocument) {
            event.preventDefault();
            codeSelection(shown[0].code.id);
            setQuery('');
            focusText();
          } else if (event.key === 'Escape') {
            setQuery('');
            focusText();
          }
        }}
      />
      <div className="code-buttons" role="toolbar" aria-label={t('coding.codeBar.label')} ref={toolbar} onKeyDown={moveFocus}>
        {shown.map(({ code, depth }) => (
          <button
            key={code.id}
            type="button"
            className={`code-button code-${code.id}`}
            // Kept focusable without a document (aria-disabled), so that the toolbar can be explored.
            aria-disabled={hasDocument ? undefined : 'true'}
            aria-label={code.key ? t('coding.codeBar.codeWithKey', { name: code.name, key: code.key }) : code.name}
            tabIndex={code.id === current ? 0 : -1}
            // Keep the focus (and so the selection) in the text while clicking.
            onMouseDown={(event) => event.preventDefault()}
            onFocus={() => setCurrentId(code.id)}
            onClick={() => hasDocument && codeSelection(code.id)}
            title={[codePath(codes, code.id), code.description, code.key ? t('coding.codeBar.keyTitle', { key: code.key }) : '']
              .filter(Boolean)
              .join('\n')}
            data-code-id={code.id}
            data-depth={depth}
          >
            {/* The key is drawn by CSS (from data-key), so that the visible words are the name's own; the key is in the name. */}
            {code.key && <kbd className="code-key" data-key={code.key} aria-hidden="true" />}
            <span className="swatch" aria-hidden="true" />
            {depth > 0 ? `${'›'.repeat(depth)} ` : ''}
            {code.name}
          </button>
        ))}
      </div>
      {needle && shown.length === 0 && <span className="hint">{t('coding.codeBar.noMatch', { query })}</span>}
      <label className="snap-words" title={t('coding.codeBar.wholeWordsTitle')}>
        <input type="checkbox" checked={snapWords} onChange={(event) => setSnapWords(event.target.checked)} />
        {t('coding.codeBar.wholeWords')}
      </label>
      <span className="hint">{t('coding.codeBar.hint', { repeatKey: REPEAT_KEY })}</span>
    </div>
  );
}
