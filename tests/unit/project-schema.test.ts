import { describe, expect, it } from 'vitest';
import { DEFAULT_CODES } from '../../shared/model/codebook';
import { checkProjectFile, PROJECT_SCHEMA_VERSION } from '../../shared/model/project-schema';
import { inFileForm } from '../support/project-file';

function validProject() {
  return {
    schemaVersion: PROJECT_SCHEMA_VERSION,
    projectId: 'p1',
    name: 'Study',
    createdAt: '2026-01-01T00:00:00.000Z',
    coder: 'ana',
    documents: [
      {
        id: 'doc-1',
        title: 'Title',
        file: 'a.txt',
        sha256: 'a'.repeat(64),
        byteLength: 10,
        length: 10,
        codePointLength: 10,
        addedAt: '2026-01-01T00:00:00.000Z',
      },
    ],
    codes: DEFAULT_CODES.map((c) => ({ ...c })),
    segments: [
      {
        id: 's1',
        documentId: 'doc-1',
        codeId: 'opinion',
        start: 0,
        end: 4,
        quote: 'abcd',
        coder: 'ana',
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
      },
    ],
  };
}

describe('checkProjectFile', () => {
  it('accepts a well-formed project', () => {
    expect(checkProjectFile(inFileForm(validProject()))).toMatchObject({ ok: true });
  });

  it('rejects a file without a schema version', () => {
    const { schemaVersion: _drop, ...rest } = validProject();
    expect(checkProjectFile(inFileForm(rest))).toMatchObject({ ok: false });
  });

  it('rejects a project written by a newer version, saying so', () => {
    const result = checkProjectFile(inFileForm({ ...validProject(), schemaVersion: PROJECT_SCHEMA_VERSION + 1 }));
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.reason).toMatch(/newer version/);
  });

  it('rejects a segment that points at an unknown code or document', () => {
    const project = validProject();
    project.segments[0].codeId = 'no-such-code';
    project.segments[0].documentId = 'doc-2';
    const result = checkProjectFile(inFileForm(project));
    expect(!result.ok && result.reason).toMatch(/unknown document doc-2.*unknown code no-such-code/);
  });

  it('rejects a segment that ends before it starts, and names where', () => {
    const project = validProject();
    project.segments[0].end = 0;
    const result = checkProjectFile(inFileForm(project));
    expect(!result.ok && result.reason).toMatch(/segments\.rows\.0/);
  });

  it('rejects wrong types and malformed hashes', () => {
    const project = validProject();
    (project.documents[0] as { sha256: string }).sha256 = 'xyz';
    (project.segments[0] as unknown as { start: string }).start = '0';
    expect(checkProjectFile(inFileForm(project))).toMatchObject({ ok: false });
    expect(checkProjectFile(null)).toMatchObject({ ok: false });
    expect(checkProjectFile([])).toMatchObject({ ok: false });
  });

  it('rejects duplicate segment ids', () => {
    const project = validProject();
    project.segments.push({ ...project.segments[0] });
    const result = checkProjectFile(inFileForm(project));
    expect(!result.ok && result.reason).toMatch(/duplicate segment id s1/);
  });
});

describe('checkProjectFile on the quick path and the schema alike', () => {
  it('reads a segment without a memo with an empty one, without an origin as coded by hand, and drops a field it does not know', () => {
    const project = validProject();
    project.segments.push({ ...validProject().segments[0], id: 's2', memo: 'noted' } as (typeof project.segments)[0]);
    const file = inFileForm(project);
    // Rows written without a memo and an origin, and with a field of another program after the others.
    const fields = [...file.segments.fields.filter((field) => field !== 'memo' && field !== 'origin'), 'extra'];
    const rows = project.segments.map((segment) => [...fields.slice(0, -1).map((field) => segment[field as keyof typeof segment]), 'from elsewhere']);
    const result = checkProjectFile({ ...file, segments: { fields, rows } });
    expect(result.ok && result.project.segments).toEqual([
      { ...validProject().segments[0], memo: '', origin: 'manual' },
      { ...validProject().segments[0], id: 's2', memo: '', origin: 'manual' },
    ]);
  });

  it('reads documents as the schema does: missing memo, source and values filled, a source and values kept, a bad value named', () => {
    const project = validProject();
    const [plain] = project.documents;
    const source = { name: 'a.docx', sha256: 'b'.repeat(64), format: 'docx', encoding: null };
    project.documents.push({ ...plain!, id: 'doc-2', file: 'b.txt', source, values: { outlet: 'council', year: 2020, none: null }, memo: 'kept' } as never);
    project.documents.push({ ...plain!, id: 'doc-3', file: 'c.txt', extra: 'dropped' } as never);
    const result = checkProjectFile(inFileForm(project));
    expect(result.ok && result.project.documents).toEqual([
      { ...plain, memo: '', source: null, values: {} },
      { ...plain, id: 'doc-2', file: 'b.txt', source, values: { outlet: 'council', year: 2020, none: null }, memo: 'kept' },
      { ...plain, id: 'doc-3', file: 'c.txt', memo: '', source: null, values: {} },
    ]);
    (project.documents[1] as unknown as { values: Record<string, unknown> }).values.outlet = 'x'.repeat(10_001);
    const bad = checkProjectFile(inFileForm(project));
    expect(!bad.ok && bad.reason).toMatch(/documents\.1\.values\.outlet/);
  });

  it('reads rows whose fields come in another order by their names', () => {
    const project = validProject();
    const fields = ['quote', 'origin', 'id', 'documentId', 'codeId', 'start', 'end', 'coder', 'createdAt', 'updatedAt', 'memo'];
    const segment = { ...project.segments[0], memo: 'a note', origin: 'suggestion' };
    const result = checkProjectFile({ ...project, segments: { fields, rows: [fields.map((field) => segment[field as keyof typeof segment])] } });
    expect(result.ok && result.project.segments).toEqual([segment]);
  });

  it('names a field every segment has that the list of field names leaves out, once, not in each row', () => {
    const project = validProject();
    const fields = ['id', 'documentId', 'codeId', 'start', 'end', 'quote', 'createdAt', 'updatedAt'];
    const rows = project.segments.map((segment) => fields.map((field) => segment[field as keyof typeof segment]));
    expect(checkProjectFile({ ...project, segments: { fields, rows } })).toEqual({
      ok: false,
      reason: 'it is not a valid project file: segments.fields: lacks "coder" (every segment has it)',
    });
  });

  it('names the row, the field and the segment of a row that is damaged', () => {
    const file = inFileForm(validProject());
    file.segments.rows.push(['s2', 'doc-1', 'opinion', 7, 'nine', 'efg', 'ana', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '', 'manual']);
    const wrongType = checkProjectFile(file);
    expect(!wrongType.ok && wrongType.reason).toMatch(/^it is not a valid project file: segments\.rows\.1\.end: .*number/);
    file.segments.rows[1] = ['s2', 'doc-1', 'opinion', 7, 9, 'efg'];
    expect(checkProjectFile(file)).toEqual({
      ok: false,
      reason:
        'it is not a valid project file: segments.rows.1 (segment s2): expected 11 values (id, documentId, codeId, start, end, quote, coder, createdAt, updatedAt, memo, origin), found 6',
    });
    file.segments.rows[1] = { id: 's2' } as never;
    expect(checkProjectFile(file)).toEqual({ ok: false, reason: 'it is not a valid project file: segments.rows.1: expected a row (a list of 11 values)' });
    expect(checkProjectFile({ ...validProject() })).toEqual({
      ok: false,
      reason: 'it is not a valid project file: segments: expected a list of field names and a list of rows ({ "fields": [...], "rows": [...] })',
    });
  });

  it('reads a segment accepted from a suggestion as such, and names an origin it does not know', () => {
    const file = inFileForm(validProject());
    const at = file.segments.fields.indexOf('origin');
    (file.segments.rows[0] as unknown[])[at] = 'suggestion';
    const read = checkProjectFile(file);
    expect(read.ok && read.project.segments.map((s) => s.origin)).toEqual(['suggestion']);
    (file.segments.rows[0] as unknown[])[at] = 'model';
    const bad = checkProjectFile(file);
    expect(!bad.ok && bad.reason).toMatch(/^it is not a valid project file: segments\.rows\.0\.origin: /);
  });

  it('reads a history of segment actions and of other records, and names a bad change in it', () => {
    const project = { ...validProject(), history: { done: [], undone: [] } as { done: unknown[]; undone: unknown[] } };
    const segment = { ...validProject().segments[0], memo: '' };
    const at = '2026-01-02T00:00:00.000Z';
    project.history.done.push({ id: 'a1', label: 'Code it', at, changes: [{ kind: 'segment', id: 's1', before: null }] });
    project.history.done.push({ id: 'a2', label: 'Order', at, changes: [{ kind: 'codeOrder', id: 'codebook', before: ['opinion'] }] });
    project.history.undone.push({ id: 'a3', label: 'Change it', at, changes: [{ kind: 'segment', id: 's1', after: segment }] });
    const result = checkProjectFile(inFileForm(project));
    expect(result.ok && result.project.history).toEqual(project.history);
    project.history.undone.push({ id: 'a4', label: 'Bad', at, changes: [{ kind: 'segment', id: 's1', after: { ...segment, end: 0 } }] });
    const bad = checkProjectFile(inFileForm(project));
    expect(!bad.ok && bad.reason).toMatch(/history\.undone\.1\.changes\.0\.after/);
  });
});
