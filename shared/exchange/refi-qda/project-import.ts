/**
 * REFI-QDA import, second half: what a read `project.qde` means for our project, as one action.
 * Codes are matched by path or added; each selection is placed in its document's exact text
 * (positions.ts), one coded segment per coding, with its coder and memo; document memos and
 * variable values fill what is empty. Everything that could not be taken over is said in the
 * report, by name. Importing the same file twice adds nothing the second time.
 */
import type { Change } from '../../model/changes';
import type { Code } from '../../model/codebook';
import { mergeCodebook, type IncomingCode } from '../codebook-merge';
import type { DocumentRecord } from '../../model/documents';
import { checkValue, type VariableDefinition, type VariableValue } from '../../model/variables';
import type { CodedSegment } from '../../model/segments';
import { describeCounting, placeSelections } from './positions';
import { isPlainGuid, type QdeCode, type QdeProject, type QdeSource } from './qde-reader';
import { splitCodeDescription } from './qde-writer';

/** A source of the file with the document that holds its text (already in the project or new). */
export interface ResolvedSource {
  source: QdeSource;
  document: DocumentRecord;
  text: string;
  isNew: boolean;
}

export interface ImportTarget {
  codes: readonly Code[];
  /** Where the project's segments are (what an import must not add again, and the ids taken). */
  segments: ReadonlyArray<Pick<CodedSegment, 'id' | 'documentId' | 'codeId' | 'start' | 'end' | 'coder'>>;
  variables: readonly VariableDefinition[];
}

export interface ImportPlan {
  changes: Change[];
  report: string[];
  counts: { documents: number; codes: number; segments: number; leftOut: number; coders: string[] };
}

/** REFI-QDA codes as incoming codes (their description split into our codebook fields). */
export function incomingCodes(codes: readonly QdeCode[]): IncomingCode[] {
  return codes.map((code) => ({
    ref: code.guid,
    name: code.name,
    colour: code.colour,
    ...splitCodeDescription(code.description),
    key: null,
    children: incomingCodes(code.children),
  }));
}

const CANONICAL_TIME = /^(\d{4})-(\d\d)-(\d\d)T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A time as ISO 8601 in UTC (as we write them), or the fallback when it is not a time. */
const isoOr = (value: string | null, fallback: string) => {
  // Most times are already written so (ours always are): only a real day of a real month needs checking.
  if (value && CANONICAL_TIME.test(value)) {
    // Digits at fixed places (see CANONICAL_TIME), read without a match's array and strings.
    const digit = (i: number) => value.charCodeAt(i) - 0x30;
    const year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
    const month = digit(5) * 10 + digit(6);
    const day = digit(8) * 10 + digit(9);
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    if (month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && !leap ? 28 : DAYS_IN_MONTH[month - 1]!)) return value;
  }
  const time = value ? Date.parse(value) : NaN;
  return Number.isFinite(time) ? new Date(time).toISOString() : fallback;
};

/** Offsets below this fit two to a number exactly (2^26 each: texts of up to 64 M characters). */
const PLACE_LIMIT = 2 ** 26;

/**
 * Which places (document, code, coder, start and end) hold a segment: kept by document, code and
 * coder, each holding its start and end as one number, so that 100,000 segments need no key
 * string each.
 */
class PlaceSet {
  private readonly groups = new Map<string, Map<string, Map<string, Set<number | string>>>>();

  /** Adds a place; false when it was already there. */
  add(documentId: string, codeId: string, coder: string, start: number, end: number): boolean {
    let byCode = this.groups.get(documentId);
    if (!byCode) this.groups.set(documentId, (byCode = new Map()));
    let byCoder = byCode.get(codeId);
    if (!byCoder) byCode.set(codeId, (byCoder = new Map()));
    let places = byCoder.get(coder);
    if (!places) byCoder.set(coder, (places = new Set()));
    const key = start >= 0 && end >= 0 && start < PLACE_LIMIT && end < PLACE_LIMIT ? start * PLACE_LIMIT + end : `${start}:${end}`;
    if (places.has(key)) return false;
    places.add(key);
    return true;
  }
}

/** A UUID that can be a segment's id: plain, of a version 1 to 8 and of RFC 9562's variant. */
const isSegmentUuid = (id: string) => isPlainGuid(id) && id.charCodeAt(14) >= 0x31 && id.charCodeAt(14) <= 0x38 && '89ab'.includes(id[19]!);

/** Plans the import of a read project into ours, given where each source's text is. */
export function planProjectImport(
  qde: QdeProject,
  sources: readonly ResolvedSource[],
  target: ImportTarget,
  options: { now: string; newCodeId: (ref: string, taken: ReadonlySet<string>) => string; newSegmentId: () => string },
): ImportPlan {
  const report: string[] = [];
  const merged = mergeCodebook(target.codes, incomingCodes(qde.codes), { mode: 'fill', newId: options.newCodeId });
  report.push(...merged.notes);
  const changes: Change[] = [...merged.changes];
  const notes = (guids: readonly string[]) => guids.map((g) => qde.notes.get(g)?.text.trim() ?? '').filter(Boolean).join('\n\n');
  const coderName = (guid: string | null) => (guid && qde.users.get(guid)) || (guid ? guid : null);
  const coders = new Set<string>();

  // Variables: those we lack are added; a value goes to a document that has none for it.
  const variables = [...target.variables];
  const variableByGuid = new Map<string, VariableDefinition>();
  for (const variable of qde.variables) {
    if (!variable.name) continue;
    let ours = variables.find((v) => v.name === variable.name);
    if (!ours) {
      const choices = /^One of: /.test(variable.description) ? variable.description.slice(8).split(' | ').map((c) => c.trim()).filter(Boolean) : [];
      const type: VariableDefinition['type'] =
        variable.type === 'Integer' || variable.type === 'Float' ? 'number' : variable.type === 'Date' ? 'date' : choices.length ? 'choice' : 'text';
      ours = { name: variable.name.slice(0, 100), type, choices };
      variables.push(ours);
    }
    variableByGuid.set(variable.guid, ours);
  }
  if (variables.length !== target.variables.length) {
    changes.push({ kind: 'variables', id: 'variables', before: [...target.variables], after: variables });
  }

  const existing = new PlaceSet();
  for (const s of target.segments) existing.add(s.documentId, s.codeId, s.coder, s.start, s.end);
  const takenIds = new Set(target.segments.map((s) => s.id));
  let segmentCount = 0;
  let leftOut = 0;
  let documentCount = 0;
  for (const { source, document, text, isNew } of sources) {
    // The document: new, or the one that already holds this text (its memo and values filled where empty).
    let record: DocumentRecord = { ...document, values: { ...document.values } };
    const memo = notes(source.noteGuids);
    if (memo && !record.memo) record.memo = memo;
    else if (memo && record.memo.trim() !== memo) report.push(`“${record.title}” already has a memo; the memo in the file was not taken over.`);
    for (const { variableGuid, value } of source.values) {
      const variable = variableByGuid.get(variableGuid);
      if (!variable || value === null || record.values[variable.name] !== undefined) continue;
      try {
        const checked = checkValue(variable, typeof value === 'boolean' ? String(value) : (value as VariableValue));
        if (checked !== null) record.values[variable.name] = checked;
      } catch (error) {
        report.push(`“${record.title}”: the value ${JSON.stringify(value)} of ${variable.name} was not taken over (${(error as Error).message})`);
      }
    }
    if (isNew) {
      changes.push({ kind: 'document', id: record.id, before: null, after: record });
      documentCount++;
    } else if (JSON.stringify(record) !== JSON.stringify(document)) {
      changes.push({ kind: 'document', id: record.id, before: document, after: record });
    } else record = document;

    const placement = placeSelections(text, source.selections);
    const problems: string[] = [];
    let placed = 0;
    const addSegment = (range: { start: number; end: number }, coding: QdeSource['codings'][number], base: { guid: string; creatingUser: string | null; created: string | null; modified: string | null; noteGuids: string[] }, label: () => string) => {
      const codeId = merged.codeIds.get(coding.codeGuid);
      if (!codeId) {
        problems.push(`${label()}: its code (${coding.codeGuid}) is not in the file's codebook`);
        leftOut++;
        return;
      }
      const coder = coderName(coding.creatingUser ?? base.creatingUser ?? qde.creatingUser) ?? 'unknown coder';
      if (!existing.add(record.id, codeId, coder, range.start, range.end)) return;
      let id = base.guid;
      if (!isSegmentUuid(id) || takenIds.has(id)) id = options.newSegmentId();
      takenIds.add(id);
      const createdAt = isoOr(coding.created ?? base.created, options.now);
      const segment: CodedSegment = {
        id,
        documentId: record.id,
        codeId,
        start: range.start,
        end: range.end,
        quote: text.slice(range.start, range.end),
        coder,
        createdAt,
        updatedAt: isoOr(base.modified, createdAt),
        memo: base.noteGuids.length || coding.noteGuids.length ? notes([...base.noteGuids, ...coding.noteGuids]) : '',
        // The REFI-QDA standard has no place for how a coding was made: an imported one was coded by hand.
        origin: 'manual',
      };
      coders.add(coder);
      changes.push({ kind: 'segment', id, before: null, after: segment });
      segmentCount++;
      placed++;
    };
    source.selections.forEach((selection, i) => {
      const { range, problem } = placement.selections[i]!;
      const label = () => `“${selection.name.trim() || selection.guid}”`;
      if (!range) {
        problems.push(`${label()}: ${problem}`);
        leftOut += Math.max(1, selection.codings.length);
        return;
      }
      for (const coding of selection.codings) addSegment(range, coding, selection, label);
    });
    if (source.codings.length) {
      const start = text.search(/\S/u);
      const end = text.trimEnd().length;
      if (start >= 0) for (const coding of source.codings) addSegment({ start, end }, coding, { guid: coding.guid, creatingUser: null, created: coding.created, modified: null, noteGuids: [] }, () => 'the coding of the whole document');
    }
    if (source.selections.length) {
      const how = placement.checked
        ? `positions read as ${describeCounting(placement.counting)}, checked against the selections' text`
        : `positions read as ${describeCounting(placement.counting)}; the selections carry no text to check them against`;
      report.push(`“${record.title}”: ${placed} segment${placed === 1 ? '' : 's'} placed (${how}).`);
    }
    for (const problem of problems) report.push(`“${record.title}”, left out: ${problem}.`);
  }
  for (const { kind, name } of qde.leftOut) report.push(`Left out the ${kind} source “${name}”: only text sources can be coded here.`);
  return {
    changes,
    report,
    counts: { documents: documentCount, codes: merged.added, segments: segmentCount, leftOut, coders: [...coders].sort((a, b) => a.localeCompare(b)) },
  };
}
