/** The codebook as buttons: a click (or the code's key in the text) codes the selected passage. */
import { selectCodes, useStore } from '../store';
import { codeSelection } from '../text-view/TextView';

export function CodeBar() {
  const codes = useStore(selectCodes);
  const hasDocument = useStore((state) => state.open !== null);
  return (
    <div className="code-bar" role="toolbar" aria-label="Codes">
      {codes.map((code) => (
        <button
          key={code.id}
          type="button"
          className={`code-button code-${code.id}`}
          disabled={!hasDocument}
          // Keep the focus (and so the selection) in the text while clicking.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => codeSelection(code.id)}
          title={`${code.description}${code.key ? `\nKey: ${code.key}` : ''}`}
          data-code-id={code.id}
        >
          {code.key && <kbd>{code.key}</kbd>}
          <span className="swatch" aria-hidden="true" />
          {code.name}
        </button>
      ))}
      <span className="hint">Select a passage, then press a code's key or click it. Enter on a highlight shows its codes.</span>
    </div>
  );
}
