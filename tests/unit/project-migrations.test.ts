import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  migrateJournalLine,
  migrateProjectJson,
  migrationPlan,
  PROJECT_MIGRATIONS,
  type JsonObject,
} from '../../shared/model/project-migrations';
import { checkProjectFile, checkProjectState, PROJECT_SCHEMA_VERSION } from '../../shared/model/project-schema';

const fixture = (path: string) => new URL(`../fixtures/projects/${path}`, import.meta.url);
const v1 = (): JsonObject => JSON.parse(readFileSync(fixture('v1/project.json'), 'utf8')) as JsonObject;
const step = (from: number) => PROJECT_MIGRATIONS.find((s) => s.from === from)!;

describe('project migrations', () => {
  it('has one step per version, each to the next, ending at the version this program writes', () => {
    expect(PROJECT_MIGRATIONS.map((s) => [s.from, s.to])).toEqual(
      Array.from({ length: PROJECT_SCHEMA_VERSION - 1 }, (_, i) => [i + 1, i + 2]),
    );
  });

  it('v1 → v2 adds an empty description and changes nothing else', () => {
    const old = v1();
    expect(checkProjectFile(old).ok).toBe(false);
    const migrated = step(1).migrateProject(old);
    const { schemaVersion, description, ...rest } = migrated;
    expect(schemaVersion).toBe(2);
    expect(description).toBe('');
    const { schemaVersion: _v, ...oldRest } = old;
    expect(rest).toEqual(oldRest);
    expect(old).toEqual(v1()); // the input is left as it was
    const checked = checkProjectFile(step(4).migrateProject(step(3).migrateProject(step(2).migrateProject(migrated))));
    expect(checked.ok && checked.project.name).toBe('Council minutes 2020');
  });

  it('v1 → v2 keeps a description a version 1 file already holds', () => {
    expect(step(1).migrateProject({ ...v1(), description: 'Council records' }).description).toBe('Council records');
  });

  it('v1 → v2 leaves journal lines as they are (their steps did not change)', () => {
    const line = JSON.parse(readFileSync(fixture('v1/project.journal'), 'utf8')) as unknown;
    expect(step(1).migrateJournalLine(structuredClone(line))).toEqual(line);
    expect(migrateJournalLine(line, [step(1)])).toEqual(line);
  });

  it('v2 → v3 keeps the actions that can be undone with their before states only, and the undone ones with their after states only', () => {
    const v2 = step(1).migrateProject(v1());
    const segment = (v2.segments as JsonObject[])[0]!;
    const recoded = { ...segment, codeId: 'call-to-action' };
    const at = '2025-03-01T09:10:00.000Z';
    const old: JsonObject = {
      ...v2,
      segments: [recoded],
      history: {
        done: [
          { id: 'a1', label: 'Code it', at, changes: [{ kind: 'segment', id: segment.id, before: null, after: segment }] },
          { id: 'a2', label: 'Change it', at, changes: [{ kind: 'segment', id: segment.id, before: segment, after: recoded }] },
        ],
        undone: [{ id: 'a3', label: 'Order', at, changes: [{ kind: 'codeOrder', id: 'codebook', before: ['a'], after: ['b'] }] }],
      },
    };
    const copy = structuredClone(old);
    const migrated = step(2).migrateProject(old);
    expect(old).toEqual(copy); // the input is left as it was
    expect(migrated.schemaVersion).toBe(3);
    expect(migrated.history).toEqual({
      done: [
        { id: 'a1', label: 'Code it', at, changes: [{ kind: 'segment', id: segment.id, before: null }] },
        { id: 'a2', label: 'Change it', at, changes: [{ kind: 'segment', id: segment.id, before: segment }] },
      ],
      undone: [{ id: 'a3', label: 'Order', at, changes: [{ kind: 'codeOrder', id: 'codebook', after: ['b'] }] }],
    });
    const { history: _h, schemaVersion: _v, ...rest } = migrated;
    const { history: _oh, schemaVersion: _ov, ...oldRest } = old;
    expect(rest).toEqual(oldRest);
    expect(checkProjectFile(step(4).migrateProject(step(3).migrateProject(migrated)))).toMatchObject({ ok: true });
    // A file without a history still gets the schema's empty one.
    const { history: _none, ...withoutHistory } = v2;
    const bare = checkProjectFile(step(4).migrateProject(step(3).migrateProject(step(2).migrateProject(withoutHistory))));
    expect(bare.ok && bare.project.history).toEqual({ done: [], undone: [] });
  });

  it('v2 → v3 leaves journal lines as they are (a step done still carries the whole action)', () => {
    const line = JSON.parse(readFileSync(fixture('v1/project.journal'), 'utf8')) as unknown;
    expect(step(2).migrateJournalLine(structuredClone(line))).toEqual(line);
  });

  it('v3 → v4 keeps the segments as rows under their field names, and the project read is the same', () => {
    const v3 = step(2).migrateProject(step(1).migrateProject(v1()));
    const first = (v3.segments as JsonObject[])[0]!;
    const { memo: _memo, ...withoutMemo }: JsonObject = { ...first, id: 's-no-memo', start: 0, end: 3, quote: 'Ste' };
    const full: JsonObject = { ...first, id: 's-full', start: 4, end: 10, quote: '“quoted” – ü 🙂', memo: 'A memo with “quotes”,\na line break and 🙂.', updatedAt: '2026-02-03T04:05:06.789Z' };
    const old: JsonObject = {
      ...v3,
      segments: [first, withoutMemo, full],
      history: { done: [{ id: 'a1', label: 'Code “it”', at: '2025-03-01T09:10:00.000Z', changes: [{ kind: 'segment', id: 's-full', before: null }] }], undone: [] },
    };
    const copy = structuredClone(old);
    const migrated = step(3).migrateProject(old);
    expect(old).toEqual(copy); // the input is left as it was
    expect(migrated.schemaVersion).toBe(4);
    expect(migrated.segments).toEqual({
      fields: ['id', 'documentId', 'codeId', 'start', 'end', 'quote', 'coder', 'createdAt', 'updatedAt', 'memo'],
      rows: [first, { ...withoutMemo, memo: '' }, full].map((s) => [s.id, s.documentId, s.codeId, s.start, s.end, s.quote, s.coder, s.createdAt, s.updatedAt, s.memo]),
    });
    const { segments: _s, schemaVersion: _v, ...rest } = migrated;
    const { segments: _os, schemaVersion: _ov, ...oldRest } = old;
    expect(rest).toEqual(oldRest);
    // Read, it is the project version 3 held: every record the same, a missing memo the empty one
    // (and, after the next step, every segment coded by hand).
    const read = checkProjectFile(step(4).migrateProject(migrated));
    const before = checkProjectState({ ...old, schemaVersion: PROJECT_SCHEMA_VERSION });
    if (!read.ok || !before.ok) throw new Error('expected both to be read');
    expect(read.project.segments).toEqual([first, { ...withoutMemo, memo: '' }, full].map((s) => ({ ...s, origin: 'manual' })));
    expect({ ...read.project, segments: [...read.project.segments] }).toEqual({ ...before.project, segments: [...before.project.segments] });
  });

  it('v3 → v4 leaves a damaged segment in its row, and the check names its place', () => {
    const v3 = step(2).migrateProject(step(1).migrateProject(v1()));
    const [first] = v3.segments as JsonObject[];
    const toCurrent = (json: JsonObject) => step(4).migrateProject(step(3).migrateProject(json));
    const checked = checkProjectFile(toCurrent({ ...v3, segments: [first, { ...first!, id: 's2', start: '4' }, 'not a segment'] }));
    expect(!checked.ok && checked.reason).toBe('it is not a valid project file: segments.rows.2: expected a row (a list of 11 values)');
    const wrongType = checkProjectFile(toCurrent({ ...v3, segments: [first, { ...first!, id: 's2', start: '4' }] }));
    expect(!wrongType.ok && wrongType.reason).toMatch(/^it is not a valid project file: segments\.rows\.1\.start: /);
  });

  it('v3 → v4 leaves journal lines as they are (a step done still carries whole segments)', () => {
    const line = JSON.parse(readFileSync(fixture('v1/project.journal'), 'utf8')) as unknown;
    expect(step(3).migrateJournalLine(structuredClone(line))).toEqual(line);
  });

  it('v4 → v5 adds the origin to the fields and "manual" to every row, and the project read is the same, coded by hand', () => {
    const v4 = step(3).migrateProject(step(2).migrateProject(step(1).migrateProject(v1())));
    const segments = v4.segments as { fields: string[]; rows: unknown[][] };
    const second = [...segments.rows[0]!];
    second[0] = 's-second';
    const old: JsonObject = { ...v4, segments: { fields: segments.fields, rows: [segments.rows[0], second] } };
    const copy = structuredClone(old);
    const migrated = step(4).migrateProject(old);
    expect(old).toEqual(copy); // the input is left as it was
    expect(migrated.schemaVersion).toBe(5);
    expect(migrated.segments).toEqual({ fields: [...segments.fields, 'origin'], rows: [[...segments.rows[0]!, 'manual'], [...second, 'manual']] });
    const { segments: _s, schemaVersion: _v, ...rest } = migrated;
    const { segments: _os, schemaVersion: _ov, ...oldRest } = old;
    expect(rest).toEqual(oldRest);
    const read = checkProjectFile(migrated);
    if (!read.ok) throw new Error(read.reason);
    expect(read.project.segments.map((s) => [s.id, s.origin])).toEqual([
      ['7b0c1f3e-2d4a-4a8e-9c51-0f6e2b1d9a01', 'manual'],
      ['s-second', 'manual'],
    ]);
  });

  it('v4 → v5 leaves fields that already name the origin, and anything that is not rows, for the check', () => {
    const v4 = step(3).migrateProject(step(2).migrateProject(step(1).migrateProject(v1())));
    const named = { fields: ['id', 'origin'], rows: [['s1', 'suggestion']] };
    expect(step(4).migrateProject({ ...v4, segments: named }).segments).toEqual(named);
    expect(step(4).migrateProject({ ...v4, segments: 'none' }).segments).toBe('none');
    const damaged = step(4).migrateProject({ ...v4, segments: { fields: (v4.segments as JsonObject).fields, rows: ['not a row'] } });
    const checked = checkProjectFile(damaged);
    expect(!checked.ok && checked.reason).toBe('it is not a valid project file: segments.rows.0: expected a row (a list of 11 values)');
  });

  it('v4 → v5 leaves journal lines as they are: a whole segment without an origin reads as coded by hand', () => {
    const line = JSON.parse(readFileSync(fixture('v1/project.journal'), 'utf8')) as JsonObject;
    expect(step(4).migrateJournalLine(structuredClone(line))).toEqual(line);
  });

  it('plans the steps from the file’s version, refuses a newer one and knows no version it has no step from', () => {
    expect(migrationPlan(v1())).toMatchObject({ kind: 'older', from: 1, steps: [step(1), step(2), step(3), step(4)] });
    expect(migrationPlan({ schemaVersion: 2 })).toMatchObject({ kind: 'older', from: 2, steps: [step(2), step(3), step(4)] });
    expect(migrationPlan({ schemaVersion: 3 })).toMatchObject({ kind: 'older', from: 3, steps: [step(3), step(4)] });
    expect(migrationPlan({ schemaVersion: 4 })).toMatchObject({ kind: 'older', from: 4, steps: [step(4)] });
    expect(migrationPlan({ schemaVersion: PROJECT_SCHEMA_VERSION })).toEqual({ kind: 'current' });
    const newer = JSON.parse(readFileSync(fixture('newer/project.json'), 'utf8')) as unknown;
    expect(migrationPlan(newer)).toEqual({ kind: 'newer', version: PROJECT_SCHEMA_VERSION + 1 });
    expect(migrationPlan({ schemaVersion: 0 })).toEqual({ kind: 'unknown' });
    expect(migrationPlan({ schemaVersion: 1.5 })).toEqual({ kind: 'unknown' });
    expect(migrationPlan({ name: 'no version' })).toEqual({ kind: 'unknown' });
    expect(migrationPlan([1])).toEqual({ kind: 'unknown' });
  });

  it('runs the whole chain to a file this version reads', () => {
    const plan = migrationPlan(v1());
    if (plan.kind !== 'older') throw new Error('expected an older file');
    expect(checkProjectFile(migrateProjectJson(v1(), plan.steps)).ok).toBe(true);
  });
});
