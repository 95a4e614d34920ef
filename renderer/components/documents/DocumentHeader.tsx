/** The open document's title, with renaming, its memo, and removing it from the project. */
import { useRef, useState } from 'react';
import { shortTitle } from '../../../shared/text/short-text';
import { useT } from '../../i18n/i18n';
import { removeDocument, renameDocument, setDocumentMemo } from '../../services/documents';
import { useStore } from '../../store';
import { MemoField } from './MemoField';

/** The header of the open document; a document opened gets a fresh one (its memo closed, no renaming under way). */
export function DocumentHeader() {
  const documentId = useStore((state) => state.open?.document.id);
  return <OneDocumentHeader key={documentId} />;
}

function OneDocumentHeader() {
  const t = useT();
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
        <h1 className="document-heading" title={document.title} dir="auto">
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
            aria-label={t('documents.header.titleLabel')}
            onChange={(event) => setRenaming(event.target.value)}
            // Leaving the field (or Escape) keeps the new title, as every field does.
            onBlur={() => void rename()}
          />
          <button type="submit">{t('documents.header.rename')}</button>
        </form>
      )}
      <div className="document-actions">
        <button type="button" onClick={() => setRenaming(document.title)} data-action="rename-document">
          {t('documents.header.rename')}
        </button>
        <button type="button" aria-expanded={showMemo} onClick={() => setShowMemo(!showMemo)} data-action="document-memo">
          {document.memo ? t('documents.header.memoWritten') : t('documents.header.memo')}
        </button>
        {confirmRemove ? (
          <span className="confirm-remove" role="group" aria-label={t('documents.header.removeLabel')}>
            {t('documents.header.removeQuestion', { count })}
            <button
              type="button"
              className="danger"
              data-action="remove-document-confirm"
              onClick={async () => {
                setConfirmRemove(false);
                await removeDocument(document.id);
              }}
            >
              {t('documents.header.remove')}
            </button>
            <button type="button" onClick={() => setConfirmRemove(false)}>
              {t('documents.header.keep')}
            </button>
          </span>
        ) : (
          <button type="button" className="danger" onClick={() => setConfirmRemove(true)} data-action="remove-document">
            {t('documents.header.removeStart')}
          </button>
        )}
      </div>
      <details className="document-details">
        <summary>{t('documents.header.details')}</summary>
        <dl>
          <dt>{t('documents.header.title')}</dt>
          <dd data-field="title">{document.title}</dd>
          <dt>{t('documents.header.file')}</dt>
          <dd data-field="file">{document.file}</dd>
          {document.source && (
            <>
              <dt>{t('documents.header.importedFrom')}</dt>
              <dd data-field="source">{document.source.name}</dd>
            </>
          )}
          <dt>{t('documents.header.sha256')}</dt>
          <dd data-field="sha256" className="document-hash">
            {document.sha256}
          </dd>
          <dt>{t('documents.header.length')}</dt>
          <dd>{t('common.units.characters', { count: document.codePointLength })}</dd>
        </dl>
      </details>
      {showMemo && (
        <MemoField
          value={document.memo}
          label={t('documents.header.memoLabel', { title: shortTitle(document.title) })}
          onSave={(memo) => setDocumentMemo(document.id, memo)}
        />
      )}
    </header>
  );
}
