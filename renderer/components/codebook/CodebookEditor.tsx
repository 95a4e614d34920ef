/**
 * The codebook editor: every code in tree order, with its name, colour, key, place and codebook
 * entry (description, definition, when to use, when not to use, an example); adding, moving,
 * merging and deleting codes; exporting and importing the codebook as JSON. Each edit is one
 * undoable action; text fields are saved when they lose the focus, on Enter or on Escape.
 */
import { useState, type ReactNode } from 'react';
import { codeTree, type Code } from '../../../shared/model/codebook';
import { addCode, codeUsage, deleteCode, importCodebookFile, mergeCodes, moveCode, updateCode } from '../../services/codebook';
import { exportCodebook } from '../../services/exports';
import { showMessage } from '../../services/page';
import { CodeOptions } from './CodeOptions';
import { selectCodes, useDraft, useStore } from '../../store';

type EditableField = 'name' | 'description' | 'definition' | 'whenToUse' | 'whenNotToUse' | 'example';

/** A text field that saves its value when it loses the focus (or on Enter, for one line). */
function FieldEditor(props: { code: Code; field: EditableField; label: string; multiline?: boolean }) {
  const { code, field, label, multiline } = props;
  const [draft, setDraft] = useState<string | null>(null);
  const value = draft ?? code[field];
  const save = async () => {
    if (draft === null || draft === code[field]) return setDraft(null);
    await updateCode(code.id, { [field]: draft });
    setDraft(null);
  };
  const common = {
    value,
    'aria-label': `${label} of ${code.name}`,
    onChange: (event: { target: { value: string } }) => setDraft(event.target.value),
    onBlur: () => void save(),
  };
  return (
    <label className={`field field-${field}`}>
      <span>{label}</span>
      {multiline ? (
        <textarea rows={2} {...common} />
      ) : (
        <input
          type="text"
          {...common}
          onKeyDown={(event) => {
            if (event.key === 'Enter') event.currentTarget.blur();
          }}
        />
      )}
    </label>
  );
}

function DeleteCode(props: { code: Code; codes: readonly Code[]; onDone: () => void }) {
  const { code, codes, onDone } = props;
  const [usage, setUsage] = useState<{ segments: number; subcodes: number } | null>(null);
  const [moveTo, setMoveTo] = useState('');
  const others = codes.filter((c) => c.id !== code.id);
  if (!usage) {
    return (
      <button
        type="button"
        className="danger"
        onClick={async () => {
          const usage = await codeUsage(code.id);
          if (usage) setUsage(usage);
        }}
      >
        Delete…
      </button>
    );
  }
  return (
    <div className="delete-code" role="group" aria-label={`Delete ${code.name}`}>
      <p>
        “{code.name}” codes {usage.segments} segment{usage.segments === 1 ? '' : 's'}
        {usage.subcodes ? ` and has ${usage.subcodes} sub-code${usage.subcodes === 1 ? '' : 's'}, which move up a level` : ''}.
      </p>
      <button
        type="button"
        className="danger"
        data-action="delete-remove"
        onClick={async () => {
          if (await deleteCode(code.id, { segments: 'remove' })) onDone();
        }}
      >
        Delete it{usage.segments ? ` and its ${usage.segments} segment${usage.segments === 1 ? '' : 's'}` : ''}
      </button>
      {usage.segments > 0 && others.length > 0 && (
        <span className="delete-move">
          <select value={moveTo} onChange={(event) => setMoveTo(event.target.value)} aria-label="Move its segments to">
            <option value="">Move its segments to…</option>
            <CodeOptions codes={codes} except={code.id} />
          </select>
          <button
            type="button"
            disabled={!moveTo}
            data-action="delete-move"
            onClick={async () => {
              if (await deleteCode(code.id, { segments: 'move', to: moveTo })) onDone();
            }}
          >
            Delete and move
          </button>
        </span>
      )}
      <button type="button" onClick={() => setUsage(null)}>
        Keep it
      </button>
    </div>
  );
}

function CodeEntry(props: { code: Code; depth: number; index: number; codes: readonly Code[] }) {
  const { code, depth, index, codes } = props;
  const [open, setOpen] = useState(false);
  const [mergeInto, setMergeInto] = useState('');
  const update = (patch: Partial<Omit<Code, 'id'>>) => void updateCode(code.id, patch);
  let details: ReactNode = null;
  if (open) {
    details = (
      <div className="code-details">
        <FieldEditor code={code} field="description" label="Description" />
        <FieldEditor code={code} field="definition" label="Definition" multiline />
        <FieldEditor code={code} field="whenToUse" label="When to use" multiline />
        <FieldEditor code={code} field="whenNotToUse" label="When not to use" multiline />
        <FieldEditor code={code} field="example" label="Example" multiline />
        <label className="field">
          <span>Under</span>
          <select value={code.parentId ?? ''} onChange={(event) => update({ parentId: event.target.value || null })} aria-label={`Parent of ${code.name}`}>
            <option value="">(top level)</option>
            <CodeOptions codes={codes} except={code.id} />
          </select>
        </label>
        <div className="code-actions">
          <select value={mergeInto} onChange={(event) => setMergeInto(event.target.value)} aria-label={`Merge ${code.name} into`}>
            <option value="">Merge into…</option>
            <CodeOptions codes={codes} except={code.id} />
          </select>
          <button
            type="button"
            disabled={!mergeInto}
            data-action="merge"
            onClick={() => void mergeCodes(code.id, mergeInto)}
          >
            Merge
          </button>
          <DeleteCode code={code} codes={codes} onDone={() => setOpen(false)} />
        </div>
      </div>
    );
  }
  return (
    <li className={`codebook-entry code-${code.id}`} data-code-id={code.id} style={{ marginLeft: depth * 18 }}>
      <div className="codebook-row">
        <input
          type="color"
          value={code.colour.toLowerCase()}
          aria-label={`Colour of ${code.name}`}
          onChange={(event) => update({ colour: event.target.value.toUpperCase() })}
        />
        <FieldEditor code={code} field="name" label="Name" />
        <input
          className="key-input"
          type="text"
          maxLength={1}
          value={code.key ?? ''}
          aria-label={`Key of ${code.name}`}
          title="The key that codes a selection with this code"
          onChange={(event) => update({ key: event.target.value || null })}
        />
        <button type="button" aria-label={`Move ${code.name} up`} disabled={index === 0} onClick={() => void moveCode(code.id, index - 1)}>
          ↑
        </button>
        <button
          type="button"
          aria-label={`Move ${code.name} down`}
          disabled={index === codes.length - 1}
          onClick={() => void moveCode(code.id, index + 1)}
        >
          ↓
        </button>
        <button type="button" aria-expanded={open} onClick={() => setOpen(!open)} aria-label={`Details of ${code.name}`}>
          {open ? 'Less' : 'More'}
        </button>
      </div>
      {details}
    </li>
  );
}

export function CodebookEditor(props: { onClose: () => void }) {
  const codes = useStore(selectCodes);
  const [name, setName] = useDraft('new-code-name');
  const [parentId, setParentId] = useState('');
  const add = async () => {
    if (!name.trim()) return showMessage('info', 'Give the new code a name.');
    // Cleared only if not typed in again while it was saved: nothing typed is lost.
    if (await addCode(name, parentId || null)) setName((current) => (current === name ? '' : current));
  };
  return (
    <aside className="codebook-editor" role="dialog" aria-label="Codebook" onKeyDown={(event) => event.key === 'Escape' && props.onClose()}>
      <header className="codebook-header">
        <h2 className="panel-title">Codebook ({codes.length} codes)</h2>
        <select
          value=""
          aria-label="Export the codebook"
          data-action="export-codebook"
          onChange={(event) => void exportCodebook(event.target.value as 'json' | 'qdc' | 'csv')}
        >
          <option value="">Export…</option>
          <option value="json">Codebook file (JSON)</option>
          <option value="qdc">REFI-QDA codebook (QDC)</option>
          <option value="csv">Table (CSV)</option>
        </select>
        <label className="file-button">
          Import…
          <input
            type="file"
            accept=".json,.qdc,.csv,application/json,text/csv"
            data-action="import-codebook"
            onChange={async (event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) await importCodebookFile(file);
            }}
          />
        </label>
        <button type="button" onClick={props.onClose} aria-label="Close the codebook">
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
        <input type="text" value={name} onChange={(event) => setName(event.target.value)} placeholder="New code name" aria-label="New code name" />
        <select value={parentId} onChange={(event) => setParentId(event.target.value)} aria-label="Parent of the new code">
          <option value="">(top level)</option>
          <CodeOptions codes={codes} />
        </select>
        <button type="submit">Add code</button>
      </form>
      {codes.length === 0 ? (
        <p className="empty">The codebook is empty. Add a code above, or import a codebook.</p>
      ) : (
        <ul className="codebook-list">
          {codeTree(codes).map(({ code, depth }) => (
            <CodeEntry key={code.id} code={code} depth={depth} index={codes.indexOf(code)} codes={codes} />
          ))}
        </ul>
      )}
    </aside>
  );
}
