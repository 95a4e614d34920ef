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
import { useT } from '../../i18n/i18n';
import { showMessage } from '../../services/page';
import { useDraft, useStore } from '../../store';

const NONE: never[] = [];

/** Each type's name in the list of types, and in a column's heading. */
const TYPE_NAMES = {
  text: { option: 'variables.type.text', column: 'variables.column.text' },
  number: { option: 'variables.type.number', column: 'variables.column.number' },
  date: { option: 'variables.type.date', column: 'variables.column.date' },
  choice: { option: 'variables.type.choice', column: 'variables.column.choice' },
} as const satisfies Record<VariableType, { option: string; column: string }>;

function ValueCell(props: { document: DocumentSummary; variable: VariableDefinition }) {
  const t = useT();
  const { document, variable } = props;
  const saved = document.values[variable.name];
  const shown = saved === undefined || saved === null ? '' : String(saved);
  const [draft, setDraft] = useState<string | null>(null);
  const save = async (value: string) => {
    if (value !== shown) await setDocumentValue(document.id, variable.name, value === '' ? null : value);
    // Only now: until the value is saved (or refused), the cell shows what was typed.
    setDraft(null);
  };
  const label = t('variables.cell', { variable: variable.name, document: document.title });
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
  const t = useT();
  const documents = useStore((state) => state.project?.documents) ?? NONE;
  const variables = useStore((state) => state.project?.variables) ?? NONE;
  const [name, setName] = useDraft('new-variable-name');
  const [type, setType] = useState<VariableType>('text');
  const [choices, setChoices] = useDraft('new-variable-choices');
  const add = async () => {
    if (!name.trim()) return showMessage('info', t('variables.message.nameMissing'));
    const list = choices.split(',').map((c) => c.trim()).filter(Boolean);
    if (await defineVariable({ name, type, choices: list })) {
      // Cleared only if not typed in again while it was saved: nothing typed is lost.
      setName((current) => (current === name ? '' : current));
      setChoices((current) => (current === choices ? '' : current));
    }
  };
  return (
    <section className="variables" aria-label={t('variables.view.label')}>
      <form
        className="add-variable"
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <input value={name} onChange={(event) => setName(event.target.value)} placeholder={t('variables.add.namePlaceholder')} aria-label={t('variables.add.name')} />
        <select value={type} onChange={(event) => setType(event.target.value as VariableType)} aria-label={t('variables.add.type')}>
          {(Object.keys(TYPE_NAMES) as VariableType[]).map((name) => (
            <option key={name} value={name}>
              {t(TYPE_NAMES[name].option)}
            </option>
          ))}
        </select>
        {type === 'choice' && (
          <input value={choices} onChange={(event) => setChoices(event.target.value)} placeholder={t('variables.add.choicesPlaceholder')} aria-label={t('variables.add.choices')} />
        )}
        <button type="submit">{t('variables.add.submit')}</button>
      </form>
      {variables.length === 0 ? (
        <p className="empty">{t('variables.empty')}</p>
      ) : (
        <div className="variables-scroll">
          <table className="variables-table">
            <thead>
              <tr>
                <th scope="col">{t('variables.column.document')}</th>
                {variables.map((variable) => (
                  <th key={variable.name} scope="col">
                    {variable.name} <span className="variable-type">({t(TYPE_NAMES[variable.type].column)})</span>
                    <button
                      type="button"
                      className="remove-variable"
                      aria-label={t('variables.remove', { variable: variable.name })}
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
