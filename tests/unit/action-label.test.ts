import { describe, expect, it } from 'vitest';
import { actionLabel, LABEL_PIECE_MAX_CHARS, shortenForLabel } from '../../shared/edits/action-label';
import { fitActionLabel } from '../../shared/model/changes';
import { ACTION_LABEL_MAX_CHARS, DOCUMENT_TITLE_MAX_CHARS, VARIABLE_VALUE_MAX_CHARS } from '../../shared/model/limits';
import { setDocumentValue } from '../../shared/edits/variables';
import { updateDocument } from '../../shared/edits/documents';
import { type ProjectState } from '../../shared/model/project';
import { actionSchema } from '../../shared/model/changes';
import { documentRecord } from '../support/builders';

const document = documentRecord('doc-1', 'x', { title: 'T', file: 'a.txt' });

describe('action labels', () => {
  it('shortens each quoted piece of user text and keeps the words of the template whole', () => {
    const long = 'word '.repeat(200);
    const label = actionLabel`Rename “${long}” to “${'short'}”`;
    expect(label).toBe(`Rename “${'word '.repeat(16).slice(0, LABEL_PIECE_MAX_CHARS - 1)}…” to “short”`);
  });

  it('never cuts an astral character in half', () => {
    const emoji = '😀'.repeat(100);
    const piece = shortenForLabel(emoji);
    expect(Array.from(piece)).toHaveLength(LABEL_PIECE_MAX_CHARS);
    expect(piece).toBe(`${'😀'.repeat(LABEL_PIECE_MAX_CHARS - 1)}…`);
    const fitted = fitActionLabel(`a${'😀'.repeat(400)}`);
    expect(fitted.length).toBeLessThanOrEqual(ACTION_LABEL_MAX_CHARS);
    expect(fitted).not.toMatch(/[\uD800-\uDBFF]…$/);
  });

  it('keeps every label within the cap the project schema loads, whatever the text at its limits', () => {
    const title = '𝒜'.repeat(DOCUMENT_TITLE_MAX_CHARS / 2);
    const state: ProjectState = {
      codes: [],
      segments: [],
      documents: [{ ...document, title }],
      variables: [{ name: 'v'.repeat(100), type: 'text', choices: [] }],
      coder: 'ana',
    };
    const edits = [
      setDocumentValue(state, { documentId: 'doc-1', name: 'v'.repeat(100), value: 'x'.repeat(VARIABLE_VALUE_MAX_CHARS) }),
      updateDocument(state, { documentId: 'doc-1', title: 'y'.repeat(DOCUMENT_TITLE_MAX_CHARS) }),
    ];
    for (const edit of edits) {
      expect(edit.label.length).toBeLessThanOrEqual(ACTION_LABEL_MAX_CHARS);
      expect(actionSchema.safeParse({ id: 'a', label: edit.label, at: '2026-01-01T00:00:00.000Z', changes: edit.changes }).success).toBe(true);
    }
  });

  it('shortens a label saved too long by an older version when the project loads', () => {
    const parsed = actionSchema.parse({ id: 'a', label: `Set v to ${'x'.repeat(600)}`, at: '2026-01-01T00:00:00.000Z', changes: [] });
    expect(parsed.label).toHaveLength(ACTION_LABEL_MAX_CHARS);
    expect(parsed.label.endsWith('…')).toBe(true);
  });
});
