import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  migrateJournalLine,
  migrateProjectJson,
  migrationPlan,
  PROJECT_MIGRATIONS,
  type JsonObject,
} from '../../shared/model/project-migrations';
import { checkProjectFile, PROJECT_SCHEMA_VERSION } from '../../shared/model/project-schema';

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
    const checked = checkProjectFile(migrated);
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

  it('plans the steps from the file’s version, refuses a newer one and knows no version it has no step from', () => {
    expect(migrationPlan(v1())).toMatchObject({ kind: 'older', from: 1, steps: [step(1)] });
    expect(migrationPlan({ schemaVersion: PROJECT_SCHEMA_VERSION })).toEqual({ kind: 'current' });
    const newer = JSON.parse(readFileSync(fixture('newer/project.json'), 'utf8')) as unknown;
    expect(migrationPlan(newer)).toEqual({ kind: 'newer', version: 3 });
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
