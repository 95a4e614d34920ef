/**
 * Project files as tests write and read them: the segments of a project file are rows under one
 * list of field names (shared/model/segment-rows.ts); tests build and look at segments as objects.
 */
import { SEGMENT_FIELDS, type SegmentRows } from '../../shared/model/segment-rows';

/** What a project file reads a missing field as (a field every segment must have has none). */
const READ_AS: Partial<Record<string, unknown>> = { memo: '', origin: 'manual' };

/** Segment objects as a project file holds them (a missing memo or origin written as what it is read as). */
export function segmentRowsOf(segments: ReadonlyArray<object>): SegmentRows {
  return {
    fields: [...SEGMENT_FIELDS],
    rows: segments.map((segment) => SEGMENT_FIELDS.map((field) => (segment as Record<string, unknown>)[field] ?? READ_AS[field] ?? null)),
  };
}

/** A project (its segments as objects) as its file holds it. */
export function inFileForm<T extends { segments: ReadonlyArray<object> }>(project: T): Omit<T, 'segments'> & { segments: SegmentRows } {
  return { ...project, segments: segmentRowsOf(project.segments) };
}

/** The segments of a project file as parsed, as objects keyed by the file's field names. */
export function segmentsInFile(json: { segments: SegmentRows }): Array<Record<string, unknown>> {
  const { fields, rows } = json.segments;
  return rows.map((row) => Object.fromEntries(fields.map((field, at) => [field, (row as unknown[])[at]])));
}
