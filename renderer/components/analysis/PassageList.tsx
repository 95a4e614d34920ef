/**
 * The passages behind a figure's cell or a query: each a button that jumps to the passage in its
 * document (the text view selects it and scrolls it into view).
 */
import type { ReactNode } from 'react';
import { useT } from '../../i18n/i18n';

export interface ListedPassage {
  key: string;
  documentTitle: string;
  /** What is shown of the passage (its quote, or the words around a keyword). */
  content: ReactNode;
  /** A second line: the codes or coder, if any. */
  detail?: string;
  jump: () => void;
}

export function PassageList(props: { title: string; passages: readonly ListedPassage[] | null; error?: string | null; onClose?: () => void }) {
  const t = useT();
  return (
    <section className="analysis-passages" aria-label={props.title}>
      <div className="analysis-passages-head">
        <h3>{props.title}</h3>
        {props.onClose && (
          <button type="button" onClick={props.onClose} data-action="close-passages">
            {t('analysis.passages.close')}
          </button>
        )}
      </div>
      {props.error ? (
        <p className="empty" role="alert">
          {props.error}
        </p>
      ) : props.passages === null ? (
        <p className="empty">{t('analysis.loading')}</p>
      ) : props.passages.length === 0 ? (
        <p className="empty">{t('analysis.passages.none')}</p>
      ) : (
        <ol className="analysis-passage-list">
          {props.passages.map((passage) => (
            <li key={passage.key}>
              <button type="button" className="analysis-passage" onClick={passage.jump}>
                <span className="analysis-passage-document">{passage.documentTitle}</span>
                <span className="analysis-passage-text">{passage.content}</span>
                {passage.detail && <span className="analysis-passage-detail">{passage.detail}</span>}
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
