/**
 * The details of the code selected in the codebook tree, as a form: its name, colour, key, place
 * (up, down, under another code) and codebook entry (description, definition, when to use, when not
 * to use, an example); merging it into another code and deleting it. Each edit is one undoable
 * action; text fields are saved when they lose the focus, on Enter (one line) or on Escape.
 */
import { useEffect, useRef, useState } from 'react';
import type { Code } from '../../../shared/model/codebook';
import { useT } from '../../i18n/i18n';
import { codeUsage, deleteCode, mergeCodes, moveCode, updateCode } from '../../services/codebook';
import { CodeOptions } from './CodeOptions';

type EditableField = 'name' | 'description' | 'definition' | 'whenToUse' | 'whenNotToUse' | 'example';

/** A text field that saves its value when it loses the focus (or on Enter, for one line). */
function FieldEditor(props: { code: Code; field: EditableField; label: string; accessibleName: string; multiline?: boolean; inputRef?: React.Ref<HTMLInputElement> }) {
  const { code, field, label, accessibleName, multiline, inputRef } = props;
  const [draft, setDraft] = useState<string | null>(null);
  const value = draft ?? code[field];
  const save = async () => {
    if (draft === null || draft === code[field]) return setDraft(null);
    await updateCode(code.id, { [field]: draft });
    setDraft(null);
  };
  const common = {
    value,
    'aria-label': accessibleName,
    dir: 'auto',
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
          ref={inputRef}
          {...common}
          onKeyDown={(event) => {
            if (event.key === 'Enter') event.currentTarget.blur();
          }}
        />
      )}
    </label>
  );
}

function DeleteCode(props: { code: Code; codes: readonly Code[] }) {
  const { code, codes } = props;
  const t = useT();
  const [usage, setUsage] = useState<{ segments: number; subcodes: number } | null>(null);
  const [moveTo, setMoveTo] = useState('');
  const others = codes.filter((c) => c.id !== code.id);
  if (!usage) {
    return (
      <button
        type="button"
        className="danger"
        data-action="delete-code"
        onClick={async () => {
          const usage = await codeUsage(code.id);
          if (usage) setUsage(usage);
        }}
      >
        {t('codebook.delete.start')}
      </button>
    );
  }
  return (
    <div className="delete-code" role="group" aria-label={t('codebook.delete.label', { name: code.name })}>
      <p>
        {t('codebook.delete.usage', { count: usage.segments, name: code.name })}
        {usage.subcodes ? ` ${t('codebook.delete.subcodes', { count: usage.subcodes })}` : ''}
      </p>
      <button type="button" className="danger" data-action="delete-remove" onClick={() => void deleteCode(code.id, { segments: 'remove' })}>
        {usage.segments ? t('codebook.delete.removeWithSegments', { count: usage.segments }) : t('codebook.delete.remove')}
      </button>
      {usage.segments > 0 && others.length > 0 && (
        <span className="delete-move">
          <select value={moveTo} onChange={(event) => setMoveTo(event.target.value)} aria-label={t('codebook.delete.moveTo')}>
            <option value="">{t('codebook.delete.moveToOption')}</option>
            <CodeOptions codes={codes} except={code.id} />
          </select>
          <button
            type="button"
            disabled={!moveTo}
            data-action="delete-move"
            onClick={() => void deleteCode(code.id, { segments: 'move', to: moveTo })}
          >
            {t('codebook.delete.move')}
          </button>
        </span>
      )}
      <button type="button" onClick={() => setUsage(null)}>
        {t('codebook.delete.keep')}
      </button>
    </div>
  );
}

/** The form of one code; `editRequest` changes when the tree asks to edit it (Enter or F2), which focuses its name. */
export function CodeDetails(props: { code: Code; codes: readonly Code[]; editRequest: number }) {
  const { code, codes, editRequest } = props;
  const t = useT();
  const [mergeInto, setMergeInto] = useState('');
  const nameInput = useRef<HTMLInputElement>(null);
  // Only a new request focuses the name: the form is made again for each code the tree selects,
  // and a request made for an earlier code must not pull the focus out of the tree.
  const seenRequest = useRef(editRequest);
  useEffect(() => {
    if (editRequest === seenRequest.current) return;
    seenRequest.current = editRequest;
    nameInput.current?.focus();
  }, [editRequest]);
  const index = codes.indexOf(code);
  const update = (patch: Partial<Omit<Code, 'id'>>) => void updateCode(code.id, patch);
  const field = (field: EditableField, label: string, multiline = false) => (
    <FieldEditor code={code} field={field} label={label} accessibleName={t('codebook.details.fieldOf', { field: label, name: code.name })} multiline={multiline} />
  );
  return (
    <section className={`code-details code-${code.id}`} aria-label={t('codebook.details.label', { name: code.name })} data-code-id={code.id}>
      <div className="code-details-row">
        <FieldEditor
          code={code}
          field="name"
          label={t('codebook.details.name')}
          accessibleName={t('codebook.details.nameOf', { name: code.name })}
          inputRef={nameInput}
        />
        <label className="field field-colour">
          <span>{t('codebook.details.colour')}</span>
          <input
            type="color"
            value={code.colour.toLowerCase()}
            aria-label={t('codebook.details.colourOf', { name: code.name })}
            onChange={(event) => update({ colour: event.target.value.toUpperCase() })}
          />
        </label>
        <label className="field field-key">
          <span>{t('codebook.details.key')}</span>
          <input
            className="key-input"
            type="text"
            maxLength={1}
            value={code.key ?? ''}
            aria-label={t('codebook.details.keyOf', { name: code.name })}
            title={t('codebook.details.keyHint')}
            onChange={(event) => update({ key: event.target.value || null })}
          />
        </label>
      </div>
      <div className="code-details-row" role="group" aria-label={t('codebook.details.place')}>
        <button type="button" aria-label={t('codebook.details.moveUp', { name: code.name })} disabled={index <= 0} onClick={() => void moveCode(code.id, index - 1)}>
          ↑ {t('codebook.details.up')}
        </button>
        <button
          type="button"
          aria-label={t('codebook.details.moveDown', { name: code.name })}
          disabled={index === codes.length - 1}
          onClick={() => void moveCode(code.id, index + 1)}
        >
          ↓ {t('codebook.details.down')}
        </button>
        <label className="field field-parent">
          <span>{t('codebook.details.under')}</span>
          <select value={code.parentId ?? ''} onChange={(event) => update({ parentId: event.target.value || null })} aria-label={t('codebook.details.parentOf', { name: code.name })}>
            <option value="">{t('codebook.details.topLevel')}</option>
            <CodeOptions codes={codes} except={code.id} />
          </select>
        </label>
      </div>
      {field('description', t('codebook.details.description'))}
      {field('definition', t('codebook.details.definition'), true)}
      {field('whenToUse', t('codebook.details.whenToUse'), true)}
      {field('whenNotToUse', t('codebook.details.whenNotToUse'), true)}
      {field('example', t('codebook.details.example'), true)}
      <div className="code-actions">
        <select value={mergeInto} onChange={(event) => setMergeInto(event.target.value)} aria-label={t('codebook.details.mergeInto', { name: code.name })}>
          <option value="">{t('codebook.details.mergeIntoOption')}</option>
          <CodeOptions codes={codes} except={code.id} />
        </select>
        <button type="button" disabled={!mergeInto} data-action="merge" onClick={() => void mergeCodes(code.id, mergeInto)}>
          {t('codebook.details.merge')}
        </button>
        <DeleteCode key={code.id} code={code} codes={codes} />
      </div>
    </section>
  );
}
