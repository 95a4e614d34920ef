/** The project's documents, with the number of coded segments in each; choosing one opens it. */
import { useEffect, useRef } from 'react';
import { openDocument } from '../../services/documents';
import { dismissMessage, documentFocused } from '../../services/page';
import { useStore } from '../../store';
import { ImportButton, ImportProgress } from './ImportFiles';

export function DocumentList(props: { onOpen?: (documentId: string) => void }) {
  const project = useStore((state) => state.project);
  const focusDocument = useStore((state) => state.focusDocument);
  const list = useRef<HTMLUListElement>(null);
  // A document brought back takes the focus as soon as its entry is drawn.
  useEffect(() => {
    const entry = focusDocument && list.current?.querySelector<HTMLElement>(`[data-document-id="${CSS.escape(focusDocument)}"]`);
    if (!entry) return;
    entry.focus();
    documentFocused();
  }, [focusDocument, project?.documents]);
  const openId = useStore((state) => state.open?.document.id);
  const openCount = useStore((state) => state.open?.segments.length);
  const opening = useStore((state) => state.opening);
  if (!project) return null;
  if (project.documents.length === 0) {
    return (
      <nav aria-label="Documents">
        <ImportButton />
        <ImportProgress />
        <p className="empty">This project has no documents yet. Import texts, or drop files on the window.</p>
      </nav>
    );
  }
  return (
    <nav aria-label="Documents">
      <div className="documents-header">
        <h2 className="panel-title">Documents ({project.documents.length})</h2>
        <ImportButton />
      </div>
      <ImportProgress />
      <ul className="document-list" ref={list}>
        {project.documents.map((document) => {
          // The open document's own list is current; the counts of the others are the main process's (when blind, the coder's own).
          const count = document.id === openId ? openCount : document.segmentCount;
          return (
            <li key={document.id}>
              <button
                type="button"
                className="document-button"
                aria-current={document.id === openId ? 'true' : undefined}
                aria-busy={document.id === opening ? 'true' : undefined}
                onClick={() => {
                  // What the message bar said was about what was done before.
                  if (document.id !== openId) dismissMessage();
                  props.onOpen?.(document.id);
                  void openDocument(document.id);
                }}
                title={`${document.title}\n${document.file}`}
                data-document-id={document.id}
              >
                <span className="document-title">{document.title}</span>
                <span className="document-meta">
                  {document.id === opening ? 'Opening…' : `${count} coded · ${document.file}`}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
