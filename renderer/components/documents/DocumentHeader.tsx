/** The open document's title, with renaming, its memo, and removing it from the project. */
import { useRef, useState } from 'react';
import { shortTitle } from '../../../shared/text/short-text';
import { removeDocument, renameDocument, setDocumentMemo } from '../../services/documents';
import { useStore } from '../../store';
import { MemoField } from './MemoField';

/** The header of the open document; a document opened gets a fresh one (its memo closed, no renaming under way). */
export function DocumentHeader() {
  const documentId = useStore((state) => state.open?.document.id);
  return <OneDocumentHeader key={documentId} />;
}

function OneDocumentHeader() {
  const open = useStore((state) => state.open);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [showMemo, setShowMemo] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  // Enter and then leaving the field would send the same title twice.
  const renamingNow = useRef(false);
  if (!open) return null;
  const { document } = open;
  const count = open.segments.length;
  const rename = async () => {
    if (renaming === null || renamingNow.current) return;
    renamingNow.current = true;
    try {
      // A refused title (an empty one) stays in the field, with the reason in the message bar.
      if (renaming === document.title || (await renameDocument(document.id, renaming))) setRenaming(null);
    } finally {
      renamingNow.current = false;
    }
  };
  return (
    <header className="document-header">
      {renaming === null ? (
        <h1 className="document-heading" title={`${document.title}\n${document.file}`}>
          {document.title}
        </h1>
      ) : (
        <form
          className="rename-document"
          onSubmit={(event) => {
            event.preventDefault();
            void rename();
          }}
        >
          <input
            autoFocus
            value={renaming}
            aria-label="Document title"
            onChange={(event) => setRenaming(event.target.value)}
            // Leaving the field (or Escape) keeps the new title, as every field does.
            onBlur={() => void rename()}
          />
          <button type="submit">Rename</button>
        </form>
      )}
      <div className="document-actions">
        <button type="button" onClick={() => setRenaming(document.title)} data-action="rename-document">
          Rename
        </button>
        <button type="button" aria-expanded={showMemo} onClick={() => setShowMemo(!showMemo)} data-action="document-memo">
          Memo{document.memo ? ' •' : ''}
        </button>
        {confirmRemove ? (
          <span className="confirm-remove" role="group" aria-label="Remove the document">
            Remove this document and its {count} coded segment{count === 1 ? '' : 's'}? (Undo brings them back.)
            <button
              type="button"
              className="danger"
              data-action="remove-document-confirm"
              onClick={async () => {
                setConfirmRemove(false);
                await removeDocument(document.id);
              }}
            >
              Remove
            </button>
            <button type="button" onClick={() => setConfirmRemove(false)}>
              Keep
            </button>
          </span>
        ) : (
          <button type="button" className="danger" onClick={() => setConfirmRemove(true)} data-action="remove-document">
            Remove…
          </button>
        )}
      </div>
      <details className="document-details">
        <summary>Details</summary>
        <dl>
          <dt>Title</dt>
          <dd data-field="title">{document.title}</dd>
          <dt>File</dt>
          <dd>
            {document.file}
            {document.source ? ` (imported from ${document.source.name})` : ''}
          </dd>
          <dt>Length</dt>
          <dd>{document.codePointLength.toLocaleString()} characters</dd>
        </dl>
      </details>
      {showMemo && (
        <MemoField
          value={document.memo}
          label={`Memo on “${shortTitle(document.title)}”`}
          onSave={(memo) => setDocumentMemo(document.id, memo)}
        />
      )}
    </header>
  );
}
