/**
 * The project's documents by title, each with its number of coded segments and the values of the
 * variables the researcher chose as columns; a filter narrows the list by title and shown values.
 * Choosing a document opens it. The list is windowed (5,000 documents draw as quickly as 5): only
 * the rows in view are in the page, and the arrow keys, Home and End move through all of them.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { VariableDefinition } from '../../../shared/model/variables';
import type { DocumentSummary } from '../../../shared/views/project-overview';
import { formatNumber, useT } from '../../i18n/i18n';
import { openDocument, openDocumentAhead } from '../../services/documents';
import { dismissMessage, documentFocused } from '../../services/page';
import { useStore } from '../../store';
import { VirtualList, type VirtualListHandle } from '../lists/VirtualList';
import { useDocumentColumns } from './document-columns';
import { ImportButton, ImportProgress } from './ImportFiles';

/** A row's height before the first row is measured (its CSS keeps each row to its lines). */
const ROW_HEIGHT = 52;

/** A document's value of a variable, as the list shows it ('' when it has none). */
function shownValue(document: DocumentSummary, variable: string): string {
  const value = document.values[variable];
  if (value === null || value === undefined) return '';
  return typeof value === 'number' ? formatNumber(value) : value;
}

/** The "Columns…" menu: one checkbox per document variable. */
function ColumnsMenu(props: { variables: readonly VariableDefinition[]; shown: readonly string[]; onChoose: (variable: string, shown: boolean) => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menuId = useId();
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <div className="document-columns">
      <button
        type="button"
        ref={button}
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen(!open)}
        data-action="document-columns"
      >
        {t('documents.list.columns')}
      </button>
      {open && (
        <fieldset
          id={menuId}
          className="document-columns-menu"
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              close();
            }
          }}
        >
          <legend>{t('documents.list.columnsLegend')}</legend>
          {props.variables.length === 0 ? (
            <p className="empty">{t('documents.list.noVariables')}</p>
          ) : (
            props.variables.map((variable) => (
              <label key={variable.name}>
                <input
                  type="checkbox"
                  checked={props.shown.includes(variable.name)}
                  onChange={(event) => props.onChoose(variable.name, event.target.checked)}
                  data-variable={variable.name}
                />
                {variable.name}
              </label>
            ))
          )}
          <button type="button" onClick={close}>
            {t('documents.list.done')}
          </button>
        </fieldset>
      )}
    </div>
  );
}

export function DocumentList(props: { onOpen?: (documentId: string) => void }) {
  const t = useT();
  const project = useStore((state) => state.project);
  const focusDocument = useStore((state) => state.focusDocument);
  const list = useRef<VirtualListHandle>(null);
  const [filter, setFilter] = useState('');
  const [chosenColumns, chooseColumn] = useDocumentColumns(project?.folder ?? '');
  // Only variables the project still has (a renamed or removed one drops out of the columns).
  const variables = project?.variables;
  const columns = useMemo(() => (variables ?? []).map((variable) => variable.name).filter((name) => chosenColumns.includes(name)), [variables, chosenColumns]);
  const needle = filter.trim().toLocaleLowerCase();
  const documents = project?.documents;
  const shown = useMemo(
    () =>
      !documents || !needle
        ? (documents ?? [])
        : documents.filter((document) =>
            [document.title, ...columns.map((column) => shownValue(document, column))].some((text) => text.toLocaleLowerCase().includes(needle)),
          ),
    [documents, needle, columns],
  );
  // A document brought back takes the focus as soon as its entry is drawn (scrolled to, if need be).
  useEffect(() => {
    const index = focusDocument ? shown.findIndex((document) => document.id === focusDocument) : -1;
    if (index < 0 || !list.current) return;
    list.current.focusRow(index);
    documentFocused();
  }, [focusDocument, shown]);
  const openId = useStore((state) => state.open?.document.id);
  const openCount = useStore((state) => state.open?.segments.length);
  const opening = useStore((state) => state.opening);
  if (!project) return null;
  if (project.documents.length === 0) {
    return (
      <nav aria-label={t('documents.list.label')} className="document-panel">
        <ImportButton />
        <ImportProgress />
        <p className="empty">{t('documents.list.empty')}</p>
      </nav>
    );
  }
  const row = (index: number) => {
    const document = shown[index]!;
    // The open document's own list is current; the counts of the others are the main process's (when blind, the coder's own).
    const count = (document.id === openId ? openCount : document.segmentCount) ?? 0;
    return (
      <button
        type="button"
        className="document-button"
        aria-current={document.id === openId ? 'true' : undefined}
        aria-busy={document.id === opening ? 'true' : undefined}
        // The text is asked for as the pointer goes down: the click that opens it comes later.
        onPointerDown={(event) => {
          if (event.button === 0 && document.id !== openId) openDocumentAhead(document.id);
        }}
        onClick={() => {
          // What the message bar said was about what was done before.
          if (document.id !== openId) dismissMessage();
          props.onOpen?.(document.id);
          void openDocument(document.id);
        }}
        title={document.title}
        data-document-id={document.id}
      >
        <span className="document-title" dir="auto">
          {document.title}
        </span>
        <span className="document-meta">
          {document.id === opening ? t('documents.list.opening') : t('documents.list.coded', { count })}
        </span>
        {columns.length > 0 && (
          <span className="document-values">
            {columns.map((column) => (
              <span key={column} className="document-value" data-variable={column}>
                <span className="document-value-name">{column}</span>{' '}
                <span className="document-value-text" dir="auto">
                  {shownValue(document, column) || t('documents.list.noValue')}
                </span>
              </span>
            ))}
          </span>
        )}
      </button>
    );
  };
  return (
    <nav aria-label={t('documents.list.label')} className="document-panel">
      <div className="documents-header">
        <h2 className="panel-title">{t('documents.list.title', { count: project.documents.length })}</h2>
        <ImportButton />
      </div>
      <div className="documents-tools">
        <input
          type="search"
          className="document-filter"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          placeholder={t('documents.list.filterPlaceholder')}
          aria-label={t('documents.list.filterLabel')}
          data-action="filter-documents"
        />
        <ColumnsMenu variables={project.variables} shown={columns} onChoose={chooseColumn} />
      </div>
      <ImportProgress />
      {needle && shown.length === 0 && <p className="empty">{t('documents.list.noMatch', { filter: filter.trim() })}</p>}
      <VirtualList
        handle={list}
        className="document-list"
        count={shown.length}
        rowHeight={ROW_HEIGHT}
        gap={4}
        rowKey={(index) => shown[index]!.id}
        renderRow={row}
      />
    </nav>
  );
}
