import { describe, expect, it } from 'vitest';
import { checkedSegment, fieldCount, isTime } from '../../shared/model/segment-check';
import { utcTimeSchema } from '../../shared/model/fields';
import { segmentSchema } from '../../shared/model/segments';
import { checkProjectFile, checkProjectState, PROJECT_SCHEMA_VERSION } from '../../shared/model/project-schema';
import { checkedRow, segmentRow } from '../../shared/model/segment-rows';
import { MEMO_MAX_CHARS } from '../../shared/model/limits';
import type { CodedSegment } from '../../shared/model/segments';
import { inFileForm } from '../support/project-file';
import { segmentTableOf } from '../../shared/model/segment-table';
import { DEFAULT_CODES } from '../../shared/model/codebook';
import { codedSegment } from '../support/builders';

describe('the hand check of a project file', () => {
  it('takes a time exactly when the schema does, for the times the program writes and many near them', () => {
    const times = [
      '2026-01-31T12:00:00.000Z', '2026-02-28T23:59:59.999Z', '2024-02-29T00:00:00.000Z', '2026-02-29T00:00:00.000Z',
      '2026-04-31T00:00:00.000Z', '2026-13-01T00:00:00.000Z', '2026-00-10T00:00:00.000Z', '2026-01-00T00:00:00.000Z',
      '2026-01-10T24:00:00.000Z', '2026-01-10T23:60:00.000Z', '2026-01-10T23:00:60.000Z', '2026-01-10T23:00:00Z',
      '2026-01-10T23:00:00.5Z', '2026-01-10T23:00:00.000+00:00', '2026-01-10 23:00:00.000Z', '2026-01-10T23:00:00.000z',
      '2026-1-10T23:00:00.000Z', '２026-01-10T23:00:00.000Z', '2026-01-10T23:00:00.00aZ', '2026-01-10T23:00:00,000Z', '',
    ];
    // Every character of a written time changed to each of a few others.
    const written = '2026-11-05T07:08:09.123Z';
    for (let at = 0; at < written.length; at++) for (const c of '09-:.TZa ') times.push(written.slice(0, at) + c + written.slice(at + 1));
    for (const time of times) expect(isTime(time), time).toBe(utcTimeSchema.safeParse(time).success);
    expect(isTime(20260101)).toBe(false);
  });

  it('takes a segment only when the schema takes it as it is, and counts inherited fields so that they are refused', () => {
    const sound = codedSegment({ id: 's1', documentId: 'd', start: 2, end: 5 });
    expect(checkedSegment({ ...sound })).toEqual(segmentSchema.parse(sound));
    for (const fields of [{ end: 2 }, { start: -1 }, { start: 1.5 }, { codeId: 'A' }, { createdAt: '2026-02-30T00:00:00.000Z' }, { quote: null }, { extra: 1 }]) {
      const value = { ...sound, ...fields };
      if (checkedSegment(value) !== null) expect(segmentSchema.safeParse(value).success).toBe(true);
      else if (!('extra' in fields)) expect(segmentSchema.safeParse(value).success).toBe(false);
    }
    // An origin: either of the two, or none (read as coded by hand, as the schema reads it); never another.
    expect(checkedSegment({ ...sound, origin: 'suggestion' })).toEqual(segmentSchema.parse({ ...sound, origin: 'suggestion' }));
    const { origin: _origin, ...withoutOrigin } = sound;
    expect(checkedSegment({ ...withoutOrigin })).toEqual({ ...sound, origin: 'manual' });
    expect(segmentSchema.parse(withoutOrigin).origin).toBe('manual');
    expect(checkedSegment({ ...sound, origin: 'model' })).toBeNull();
    expect(segmentSchema.safeParse({ ...sound, origin: 'model' }).success).toBe(false);
    const inheriting = Object.assign(Object.create({ inherited: true }), sound) as object;
    expect(fieldCount(inheriting)).toBe(fieldCount(sound) + 1);
    expect(checkedSegment(inheriting)).toBeNull();
  });

  it('makes each row of a file its segment and indexes them; a doubtful segment is described by the schema, by its row', () => {
    const segments = [codedSegment({ id: 's1', documentId: 'd' }), codedSegment({ id: 's2', documentId: 'd', start: 3, end: 4, memo: 'a “note”' })];
    const project = {
      schemaVersion: PROJECT_SCHEMA_VERSION, projectId: 'p', name: 'P', createdAt: '2026-01-01T00:00:00.000Z', coder: 'ana',
      documents: [{ id: 'd', title: 't', file: 'd.txt', sha256: 'a'.repeat(64), byteLength: 5, length: 5, codePointLength: 5, addedAt: '2026-01-01T00:00:00.000Z' }],
      codes: DEFAULT_CODES, segments,
    };
    const checked = checkProjectFile(inFileForm(project));
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.project.segments).toEqual(segments);
    expect(segmentTableOf(checked.project)?.size).toBe(2);
    const twice = checkProjectFile(inFileForm({ ...project, segments: [...segments, { ...segments[0]! }] }));
    expect(twice).toEqual({ ok: false, reason: 'it is not a valid project file: segments.rows.2: duplicate segment id s1' });
    const bad = checkProjectFile(inFileForm({ ...project, segments: [segments[0]!, { ...segments[1]!, updatedAt: '2026-02-30T00:00:00.000Z' }] }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.reason).toMatch(/^it is not a valid project file: segments\.rows\.1\.updatedAt: /);
  });

  it('takes a row exactly when the schema takes the segment it holds', () => {
    const sound = codedSegment({ id: 's1', documentId: 'd', start: 2, end: 5 });
    expect(checkedRow(segmentRow(sound))).toEqual(segmentSchema.parse(sound));
    for (const fields of [{ end: 2 }, { start: -1 }, { start: 1.5 }, { codeId: 'A' }, { createdAt: '2026-02-30T00:00:00.000Z' }, { quote: null }, { memo: 'x'.repeat(MEMO_MAX_CHARS + 1) }]) {
      const value = { ...sound, ...fields } as CodedSegment;
      expect(checkedRow(segmentRow(value)) !== null, JSON.stringify(fields)).toBe(segmentSchema.safeParse(value).success);
    }
    expect(checkedRow([...segmentRow(sound), 'more'])).toBeNull();
    expect(checkedRow({ ...sound })).toBeNull();
  });

  it('checks a project held in memory (its segments as objects) in place, by the same rules', () => {
    const segments = [codedSegment({ id: 's1', documentId: 'd' })];
    const project = {
      schemaVersion: PROJECT_SCHEMA_VERSION, projectId: 'p', name: 'P', createdAt: '2026-01-01T00:00:00.000Z', coder: 'ana',
      documents: [{ id: 'd', title: 't', file: 'd.txt', sha256: 'a'.repeat(64), byteLength: 5, length: 5, codePointLength: 5, addedAt: '2026-01-01T00:00:00.000Z' }],
      codes: DEFAULT_CODES, segments,
    };
    const checked = checkProjectState(project);
    expect(checked.ok && checked.project.segments).toBe(segments);
    const bad = checkProjectState({ ...project, segments: [{ ...segments[0]!, end: 0 }] });
    expect(!bad.ok && bad.reason).toMatch(/^it is not a valid project file: segments\.0: /);
  });
});
