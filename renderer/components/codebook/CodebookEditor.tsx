/**
 * The codebook editor: the codes as a tree (CodeTree) beside the details of the selected code
 * (CodeDetails); adding a code; exporting and importing the codebook. Escape anywhere in it closes
 * it (a text field keeps what was typed, as leaving it does).
 */
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { addCode, importCodebookFile } from '../../services/codebook';
import { exportCodebook } from '../../services/exports';
import { showMessage } from '../../services/page';
import { getState, selectCodes, useDraft, useStore } from '../../store';
import { CodeDetails } from './CodeDetails';
import { CodeOptions } from './CodeOptions';
import { CodeTree } from './CodeTree';

/** The codebook panel; `onClose` closes it. */
export function CodebookEditor(props: { onClose: () => void }) {
  const t = useT();
  const codes = useStore(selectCodes);
  const [name, setName] = useDraft('new-code-name');
  const [parentId, setParentId] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [editRequest, setEditRequest] = useState(0);
  const selected = codes.find((code) => code.id === selectedId) ?? codes[0] ?? null;
  const add = async () => {
    if (!name.trim()) return showMessage('info', t('codebook.add.needsName'));
    if (await addCode(name, parentId || null)) {
      // The new code is selected, so that its key and entry can be filled in at once.
      const added = selectCodes(getState()).findLast((code) => code.name === name.trim() && code.parentId === (parentId || null));
      if (added) setSelectedId(added.id);
      // Cleared only if not typed in again while it was saved: nothing typed is lost.
      setName((current) => (current === name ? '' : current));
    }
  };
  return (
    <aside className="codebook-editor" role="region" aria-label={t('codebook.label')} onKeyDown={(event) => event.key === 'Escape' && props.onClose()}>
      <header className="codebook-header">
        <h2 className="panel-title">{t('codebook.title', { count: codes.length })}</h2>
        <select
          value=""
          aria-label={t('codebook.export.label')}
          data-action="export-codebook"
          onChange={(event) => void exportCodebook(event.target.value as 'json' | 'qdc' | 'csv')}
        >
          <option value="">{t('codebook.export.option')}</option>
          <option value="json">{t('codebook.export.json')}</option>
          <option value="qdc">{t('codebook.export.qdc')}</option>
          <option value="csv">{t('codebook.export.csv')}</option>
        </select>
        <label className="file-button">
          {t('codebook.import.button')}
          <input
            type="file"
            accept=".json,.qdc,.csv,application/json,text/csv"
            aria-label={t('codebook.import.label')}
            data-action="import-codebook"
            onChange={async (event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) await importCodebookFile(file);
            }}
          />
        </label>
        <button type="button" onClick={props.onClose} aria-label={t('codebook.close')}>
          ×
        </button>
      </header>
      <form
        className="add-code"
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <input
          type="text"
          value={name}
          onChange={(event) => setName(event.target.value)}
          placeholder={t('codebook.add.namePlaceholder')}
          aria-label={t('codebook.add.nameLabel')}
        />
        <select value={parentId} onChange={(event) => setParentId(event.target.value)} aria-label={t('codebook.add.parentLabel')}>
          <option value="">{t('codebook.details.topLevel')}</option>
          <CodeOptions codes={codes} />
        </select>
        <button type="submit">{t('codebook.add.submit')}</button>
      </form>
      {selected === null ? (
        <p className="empty">{t('codebook.empty')}</p>
      ) : (
        <div className="codebook-body">
          <p className="hint">
            {t('codebook.tree.hint')}
          </p>
          <CodeTree codes={codes} selectedId={selected.id} onSelect={setSelectedId} onEdit={() => setEditRequest((n) => n + 1)} />
          <CodeDetails key={selected.id} code={selected} codes={codes} editRequest={editRequest} />
        </div>
      )}
    </aside>
  );
}
