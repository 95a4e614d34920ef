/**
 * The document variables as a table: a row per document, a column per variable. Cells take the
 * variable's type (a number, a date, one of a list, or text) and are saved when they lose the
 * focus (or on Escape); a value that does not fit is refused with a message and the cell shows
 * what is saved.
 */
import { useState } from 'react';
import type { DocumentSummary } from '../../../shared/views/project-overview';
import type { VariableDefinition, VariableType } from '../../../shared/model/variables';
import { defineVariable, removeVariable, setDocumentValue } from '../../services/documents';
import { showMessage } from '../../services/page';
import { useDraft, useStore } from '../../store';

const NONE: never[] = [];

function ValueCell(props: { document: DocumentSummary; variable: VariableDefinition }) {
  const { document, variable } = props;
  const saved = document.values[variable.name];
  const shown = saved === undefined || saved === null ? '' : String(saved);
  const [draft, setDraft] = useState<string | null>(null);
  const save = async (value: string) => {
    if (value !== shown) await setDocumentValue(document.id, variable.name, value === '' ? null : value);
    // Only now: until the value is saved (or refused), the cell shows what was typed.
    setDraft(null);
  };
  const label = `${variable.name} of ${document.title}`;
  if (variable.type === 'choice') {
    return (
      <select value={shown} aria-label={label} onChange={(event) => void save(event.target.value)}>
        <option value="">—</option>
        {variable.choices.map((choice) => (
          <option key={choice} value={choice}>
            {choice}
          </option>
        ))}
      </select>
    );
  }
  return (
    <input
      type={variable.type === 'date' ? 'date' : 'text'}
      inputMode={variable.type === 'number' ? 'decimal' : undefined}
      value={draft ?? shown}
      aria-label={label}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={(event) => void save(event.target.value.trim())}
      onKeyDown={(event) => {
        if (event.key === 'Enter') event.currentTarget.blur();
      }}
    />
  );
}

export function VariablesTable() {
  const documents = useStore((state) => state.project?.documents) ?? NONE;
  const variables = useStore((state) => state.project?.variables) ?? NONE;
  const [name, setName] = useDraft('new-variable-name');
  const [type, setType] = useState<VariableType>('text');
  const [choices, setChoices] = useDraft('new-variable-choices');
  const add = async () => {
    if (!name.trim()) return showMessage('info', 'Give the variable a name.');
    const list = choices.split(',').map((c) => c.trim()).filter(Boolean);
    if (await defineVariable({ name, type, choices: list })) {
      // Cleared only if not typed in again while it was saved: nothing typed is lost.
      setName((current) => (current === name ? '' : current));
      setChoices((current) => (current === choices ? '' : current));
    }
  };
  return (
    <section className="variables" aria-label="Document variables">
      <form
        className="add-variable"
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <input value={name} onChange={(event) => setName(event.target.value)} placeholder="New variable (e.g. source)" aria-label="New variable name" />
        <select value={type} onChange={(event) => setType(event.target.value as VariableType)} aria-label="Type of the new variable">
          <option value="text">Text</option>
          <option value="number">Number</option>
          <option value="date">Date</option>
          <option value="choice">One of a list</option>
        </select>
        {type === 'choice' && (
          <input value={choices} onChange={(event) => setChoices(event.target.value)} placeholder="Values, separated by commas" aria-label="Values of the list" />
        )}
        <button type="submit">Add variable</button>
      </form>
      {variables.length === 0 ? (
        <p className="empty">No variables yet. Add one (source, date, stance, language…) to describe each document; each becomes a column of the CSV export.</p>
      ) : (
        <div className="variables-scroll">
          <table className="variables-table">
            <thead>
              <tr>
                <th scope="col">Document</th>
                {variables.map((variable) => (
                  <th key={variable.name} scope="col">
                    {variable.name} <span className="variable-type">({variable.type === 'choice' ? 'list' : variable.type})</span>
                    <button
                      type="button"
                      className="remove-variable"
                      aria-label={`Remove the variable ${variable.name}`}
                      onClick={() => void removeVariable(variable.name)}
                    >
                      ×
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {documents.map((document) => (
                <tr key={document.id}>
                  <th scope="row" title={document.file}>
                    {document.title}
                  </th>
                  {variables.map((variable) => (
                    <td key={variable.name}>
                      <ValueCell document={document} variable={variable} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
