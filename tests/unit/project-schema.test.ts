import { describe, expect, it } from 'vitest';
import { DEFAULT_CODES } from '../../shared/model/codebook';
import { checkProjectFile, PROJECT_SCHEMA_VERSION } from '../../shared/model/project-schema';

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
    expect(checkProjectFile(validProject())).toMatchObject({ ok: true });
  });

  it('rejects a file without a schema version', () => {
    const { schemaVersion: _drop, ...rest } = validProject();
    expect(checkProjectFile(rest)).toMatchObject({ ok: false });
  });

  it('rejects a project written by a newer version, saying so', () => {
    const result = checkProjectFile({ ...validProject(), schemaVersion: PROJECT_SCHEMA_VERSION + 1 });
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.reason).toMatch(/newer version/);
  });

  it('rejects a segment that points at an unknown code or document', () => {
    const project = validProject();
    project.segments[0].codeId = 'no-such-code';
    project.segments[0].documentId = 'doc-2';
    const result = checkProjectFile(project);
    expect(!result.ok && result.reason).toMatch(/unknown document doc-2.*unknown code no-such-code/);
  });

  it('rejects a segment that ends before it starts, and names where', () => {
    const project = validProject();
    project.segments[0].end = 0;
    const result = checkProjectFile(project);
    expect(!result.ok && result.reason).toMatch(/segments\.0/);
  });

  it('rejects wrong types and malformed hashes', () => {
    const project = validProject();
    (project.documents[0] as { sha256: string }).sha256 = 'xyz';
    (project.segments[0] as unknown as { start: string }).start = '0';
    expect(checkProjectFile(project)).toMatchObject({ ok: false });
    expect(checkProjectFile(null)).toMatchObject({ ok: false });
    expect(checkProjectFile([])).toMatchObject({ ok: false });
  });

  it('rejects duplicate segment ids', () => {
    const project = validProject();
    project.segments.push({ ...project.segments[0] });
    const result = checkProjectFile(project);
    expect(!result.ok && result.reason).toMatch(/duplicate segment id s1/);
  });
});

describe('checkProjectFile on the quick path and the schema alike', () => {
  it('reads a segment without a memo with an empty one, and drops a field it does not know', () => {
    const project = validProject();
    (project.segments[0] as Record<string, unknown>).extra = 'from elsewhere';
    project.segments.push({ ...validProject().segments[0], id: 's2', memo: 'noted' } as (typeof project.segments)[0]);
    const result = checkProjectFile(project);
    expect(result.ok && result.project.segments).toEqual([
      { ...validProject().segments[0], memo: '' },
      { ...validProject().segments[0], id: 's2', memo: 'noted' },
    ]);
  });

  it('reads a history of segment actions and of other records, and names a bad change in it', () => {
    const project = { ...validProject(), history: { done: [], undone: [] } as { done: unknown[]; undone: unknown[] } };
    const segment = { ...validProject().segments[0], memo: '' };
    const at = '2026-01-02T00:00:00.000Z';
    project.history.done.push({ id: 'a1', label: 'Code it', at, changes: [{ kind: 'segment', id: 's1', before: null }] });
    project.history.done.push({ id: 'a2', label: 'Order', at, changes: [{ kind: 'codeOrder', id: 'codebook', before: ['opinion'] }] });
    project.history.undone.push({ id: 'a3', label: 'Change it', at, changes: [{ kind: 'segment', id: 's1', after: segment }] });
    const result = checkProjectFile(project);
    expect(result.ok && result.project.history).toEqual(project.history);
    project.history.undone.push({ id: 'a4', label: 'Bad', at, changes: [{ kind: 'segment', id: 's1', after: { ...segment, end: 0 } }] });
    const bad = checkProjectFile(project);
    expect(!bad.ok && bad.reason).toMatch(/history\.undone\.1\.changes\.0\.after/);
  });
});
