/**
 * The codebook as buttons, in tree order: a click (or the code's key in the text) codes the
 * selected passage. A search field narrows the codes by name; Enter there codes the selection
 * with the first match and returns to the text.
 */
import { useState } from 'react';
import { codePath, codeTree, REPEAT_KEY } from '../../../shared/model/codebook';
import { codeSelection, focusText } from '../../commands/coding';
import { setSnapWords } from '../../services/page';
import { selectCodes, useStore } from '../../store';

export function CodeBar() {
  const codes = useStore(selectCodes);
  const hasDocument = useStore((state) => state.open !== null);
  const [query, setQuery] = useState('');
  const snapWords = useStore((state) => state.snapWords);
  const needle = query.trim().toLowerCase();
  const shown = codeTree(codes).filter(({ code }) => !needle || codePath(codes, code.id).toLowerCase().includes(needle));
  return (
    <div className="code-bar" role="toolbar" aria-label="Codes">
      <input
        type="search"
        className="code-search"
        placeholder="Find a code…"
        aria-label="Find a code by name"
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
      {shown.map(({ code, depth }) => (
        <button
          key={code.id}
          type="button"
          className={`code-button code-${code.id}`}
          disabled={!hasDocument}
          // Keep the focus (and so the selection) in the text while clicking.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => codeSelection(code.id)}
          title={`${codePath(codes, code.id)}${code.description ? `\n${code.description}` : ''}${code.key ? `\nKey: ${code.key}` : ''}`}
          data-code-id={code.id}
          data-depth={depth}
        >
          {code.key && <kbd>{code.key}</kbd>}
          <span className="swatch" aria-hidden="true" />
          {depth > 0 ? `${'›'.repeat(depth)} ` : ''}
          {code.name}
        </button>
      ))}
      {needle && shown.length === 0 && <span className="hint">No code matches “{query}”.</span>}
      <label className="snap-words" title="New segments start and end on whole words">
        <input type="checkbox" checked={snapWords} onChange={(event) => setSnapWords(event.target.checked)} />
        Whole words
      </label>
      <span className="hint">
        Select a passage, then press a code's key or click it; {REPEAT_KEY} repeats the last code. Enter on a highlight
        shows its codes.
      </span>
    </div>
  );
}
