import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../shared/edits/changes';
import { codePath, DEFAULT_CODES, type Code } from '../../shared/model/codebook';
import { buildCoderFile, codebookVersion, coderFileJson, coderFileName, readCoderFile, type CoderFile } from '../../shared/exchange/coder-file';
import { planCoderMerge, type CoderMergeTarget } from '../../shared/exchange/coder-merge';
import { documentIdFor, type DocumentRecord } from '../../shared/model/documents';
import type { CodedSegment } from '../../shared/model/segments';
import { documentRecord } from '../support/builders';

const TEXTS = {
  war: 'The war entered its first week. Thousands of casualties 🕊 on both sides.\r\nIt must stop now.',
  shelling: 'Shelling began yesterday night. Today, hostilities continue. Shelling began again.',
};
const HASHES = { war: 'a'.repeat(64), shelling: 'b'.repeat(64) };
type DocumentName = keyof typeof TEXTS;

function record(name: DocumentName): DocumentRecord {
  const text = TEXTS[name];
  return documentRecord(documentIdFor(HASHES[name]), text, { title: `The ${name} text`, file: `${name}.txt`, sha256: HASHES[name] });
}

type Project = CoderMergeTarget & { projectId: string; codes: Code[]; segments: CodedSegment[]; documents: DocumentRecord[] };

function project(coder: string, documents: DocumentName[] = ['war', 'shelling']): Project {
  const records = documents.map(record);
  return {
    projectId: `project-of-${coder}`,
    coder,
    codes: DEFAULT_CODES.map((c) => ({ ...c })),
    documents: records,
    segments: [],
    texts: new Map(records.map((d, i) => [d.id, TEXTS[documents[i]!]])),
  };
}

let serial = 0;
/** Codes the words in a document, as `coder`, into the project. */
function code(p: Project, document: DocumentName, words: string, codeId = 'factual-claim', extra: Partial<CodedSegment> = {}): CodedSegment {
  const start = TEXTS[document].indexOf(words);
  if (start < 0) throw new Error(`"${words}" is not in ${document}`);
  const segment: CodedSegment = {
    id: `00000000-0000-4000-8000-${String(++serial).padStart(12, '0')}`,
    documentId: documentIdFor(HASHES[document]),
    codeId,
    start,
    end: start + words.length,
    quote: words,
    coder: p.coder,
    createdAt: '2026-02-01T10:00:00.000Z',
    updatedAt: '2026-02-01T10:00:00.000Z',
    memo: '',
    origin: 'manual',
    ...extra,
  };
  p.segments.push(segment);
  return segment;
}

function addCode(p: Project, id: string, name: string, parentId: string | null, fields: Partial<Code> = {}): Code {
  const added: Code = { id, name, colour: '#D55E00', description: '', definition: '', whenToUse: '', whenNotToUse: '', example: '', key: null, parentId, ...fields };
  p.codes.push(added);
  return added;
}

const NOW = '2026-03-01T12:00:00.000Z';
const options = { now: NOW, newCodeId: (ref: string, taken: ReadonlySet<string>) => (taken.has(ref) ? `${ref}-2` : ref) };

/** The coder file of a project, through JSON and the check, as another project reads it. */
function fileOf(p: Project, exportedAt = '2026-02-15T12:00:00.000Z'): CoderFile {
  const read = readCoderFile(coderFileJson(buildCoderFile(p, exportedAt)));
  if (!read.ok) throw new Error(read.reason);
  return read.file;
}

/** Plans the merge and applies it to the project; returns the plan. */
function merge(p: Project, file: CoderFile) {
  const plan = planCoderMerge(file, p, options);
  applyChanges(p, plan.changes, 'forward');
  return plan;
}

/** The segments as plain facts: documents by hash, codes by path. */
function facts(p: Project) {
  const hash = new Map(p.documents.map((d) => [d.id, d.sha256]));
  return p.segments
    .map((s) => ({ id: s.id, coder: s.coder, document: hash.get(s.documentId), code: codePath(p.codes, s.codeId), start: s.start, end: s.end, quote: s.quote, memo: s.memo, updatedAt: s.updatedAt }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

describe('writing a coder file', () => {
  it("holds only the current coder's segments, each with its document's hash and its code's path", () => {
    const p = project('ana');
    const casualties = addCode(p, 'c-casualties', 'casualties', 'factual-claim');
    code(p, 'war', 'Thousands of casualties 🕊', casualties.id, { memo: 'counted' });
    p.segments.push({ ...code(project('bea'), 'war', 'It must stop now.', 'call-to-action') });
    const file = fileOf(p);
    expect(file).toMatchObject({ format: 'annotation-workbench/coder-file', version: 1, coder: 'ana', projectId: 'project-of-ana' });
    expect(file.segments).toEqual([
      expect.objectContaining({ documentSha256: HASHES.war, codeId: 'c-casualties', codePath: 'factual claim / casualties', quote: 'Thousands of casualties 🕊', memo: 'counted' }),
    ]);
    expect(file.codebook.codes.find((c) => c.id === 'c-casualties')!.path).toBe('factual claim / casualties');
    expect(file.documents).toEqual([
      { sha256: HASHES.war, title: 'The war text', length: TEXTS.war.length },
      { sha256: HASHES.shelling, title: 'The shelling text', length: TEXTS.shelling.length },
    ]);
  });

  it('gives the codebook a version that ignores the order of codes and changes with any code', () => {
    const codes = DEFAULT_CODES.map((c) => ({ ...c }));
    expect(codebookVersion(codes)).toBe(codebookVersion([...codes].reverse()));
    expect(codebookVersion(codes)).toMatch(/^cb1-[0-9a-f]{16}$/);
    expect(codebookVersion(codes)).not.toBe(codebookVersion(codes.map((c) => (c.id === 'opinion' ? { ...c, name: 'view' } : c))));
  });

  it('names the file after the coder, safe in any file system', () => {
    expect(coderFileName('Bea  Example')).toBe('bea-example.coder.json');
    expect(coderFileName('Zoë/../Ünal')).toBe('zoë-ünal.coder.json');
    expect(coderFileName('***')).toBe('coder.coder.json');
  });
});

describe('reading a coder file', () => {
  const good = () => JSON.parse(coderFileJson(buildCoderFile((() => {
    const p = project('bea');
    code(p, 'war', 'first week');
    return p;
  })(), NOW))) as Record<string, unknown> & { segments: Array<Record<string, unknown>> };

  it('says why a file is not one, in words', () => {
    expect(readCoderFile('{"format": ')).toMatchObject({ ok: false, reason: expect.stringMatching(/^it is not JSON/) });
    expect(readCoderFile('{"format": "annotation-workbench/codebook"}')).toEqual({ ok: false, reason: 'it is not a coder file (it lacks "format": "annotation-workbench/coder-file")' });
    expect(readCoderFile(JSON.stringify({ ...good(), version: 2 }))).toMatchObject({ ok: false, reason: expect.stringContaining('newer version of Annotation Workbench (coder file version 2') });
    const unknownDocument = good();
    unknownDocument.segments[0]!.documentSha256 = 'c'.repeat(64);
    expect(readCoderFile(JSON.stringify(unknownDocument))).toMatchObject({ ok: false, reason: expect.stringContaining("segments.0: its document cccccccccccc… is not among the file's documents") });
    const beyond = good();
    beyond.segments[0]!.end = 10_000;
    expect(readCoderFile(JSON.stringify(beyond))).toMatchObject({ ok: false, reason: expect.stringContaining('segments.0: it ends at 10000, beyond the end of its document') });
    const noCoder = { ...good(), coder: '  ' };
    expect(readCoderFile(JSON.stringify(noCoder))).toMatchObject({ ok: false, reason: 'it is not a valid coder file: coder: names no coder' });
  });

  it('accepts a file that starts with a byte-order mark', () => {
    expect(readCoderFile(`\uFEFF${JSON.stringify(good())}`).ok).toBe(true);
  });
});

describe('merging a coder file', () => {
  it("refuses a file by the project's own coder", () => {
    const ana = project('ana');
    code(ana, 'war', 'first week');
    expect(() => planCoderMerge(fileOf(ana), project(' ana '), options)).toThrow(/holds the coding of “ana”, who is the coder of this project: a coder's own work is never replaced by a file/);
  });

  it("adds the file's segments with their ids, all attributed to the file's coder", () => {
    const bea = project('bea');
    const one = code(bea, 'war', 'first week', 'opinion', { memo: 'Bea’s memo' });
    const two = code(bea, 'shelling', 'hostilities continue');
    const ana = project('ana');
    const plan = merge(ana, fileOf(bea));
    expect(plan.counts).toMatchObject({ added: 2, updated: 0, removed: 0, leftOut: 0 });
    expect(plan.report[0]).toBe('Merged the coding of bea: 2 new segments.');
    expect(ana.segments).toEqual([one, two]);
    expect(ana.segments.every((s) => s.coder === 'bea')).toBe(true);
  });

  it('matches codes by id, then by path (filling empty entries), and adds the codes the project lacks under their parents', () => {
    const bea = project('bea');
    addCode(bea, 'c-irony', 'Irony', 'opinion', { definition: 'Saying the opposite.' });
    addCode(bea, 'c-sarcasm', 'sarcasm', 'c-irony', { key: '1' });
    code(bea, 'war', 'first week', 'c-sarcasm');
    code(bea, 'war', 'on both sides', 'c-irony');
    const ana = project('ana');
    const irony = addCode(ana, 'c-my-irony', 'irony', 'opinion');
    const plan = merge(ana, fileOf(bea));
    expect(plan.counts.codesAdded).toBe(1);
    expect(ana.codes.find((c) => c.id === 'c-my-irony')).toEqual({ ...irony, definition: 'Saying the opposite.' });
    const sarcasm = ana.codes.find((c) => c.name === 'sarcasm')!;
    expect([sarcasm.id, codePath(ana.codes, sarcasm.id), sarcasm.key]).toEqual(['c-sarcasm', 'opinion / irony / sarcasm', null]);
    expect(plan.report).toContain('The key 1 stays with “factual claim”; “opinion / Irony / sarcasm” was added without a key.');
    expect(facts(ana).map((s) => s.code)).toEqual(['opinion / irony / sarcasm', 'opinion / irony']);
    // The default codes are matched by id: none is added again.
    expect(ana.codes.filter((c) => c.name === 'opinion')).toHaveLength(1);
  });

  it("takes over a segment the file's coder changed later, and keeps one changed here later", () => {
    const bea = project('bea');
    const moved = code(bea, 'war', 'first week');
    const memo = code(bea, 'war', 'on both sides');
    const ana = project('ana');
    merge(ana, fileOf(bea));
    // Bea moves one segment; here someone edits the memo of the other after Bea's file was written.
    Object.assign(moved, { start: moved.start - 4, quote: `its ${moved.quote}`, updatedAt: '2026-02-10T00:00:00.000Z' });
    const here = ana.segments.find((s) => s.id === memo.id)!;
    ana.segments[ana.segments.indexOf(here)] = { ...here, memo: 'noted here', updatedAt: '2026-02-20T00:00:00.000Z' };
    Object.assign(memo, { memo: 'Bea’s note', updatedAt: '2026-02-12T00:00:00.000Z' });
    const plan = merge(ana, fileOf(bea, '2026-02-15T00:00:00.000Z'));
    expect(plan.counts).toMatchObject({ added: 0, updated: 1, keptHere: 1 });
    expect(ana.segments.find((s) => s.id === moved.id)).toEqual(moved);
    expect(ana.segments.find((s) => s.id === memo.id)!.memo).toBe('noted here');
    expect(plan.report).toContain(`“on both sides” (${memo.id}) in “The war text” was changed here after bea's last change to it: it stays as it is here.`);
  });

  it('removes the segments the file no longer holds, unless changed here after it was written or on a document it does not list', () => {
    const bea = project('bea', ['war', 'shelling']);
    const kept = code(bea, 'war', 'first week');
    const deleted = code(bea, 'war', 'on both sides');
    const editedHere = code(bea, 'war', 'It must stop now.');
    const otherDocument = code(bea, 'shelling', 'Today');
    const ana = project('ana');
    merge(ana, fileOf(bea));
    const here = ana.segments.find((s) => s.id === editedHere.id)!;
    ana.segments[ana.segments.indexOf(here)] = { ...here, memo: 'edited here', updatedAt: '2026-03-01T00:00:00.000Z' };
    // Bea deletes three segments and (in a project without the shelling text) writes a file again.
    const later = project('bea', ['war']);
    later.segments.push(kept);
    const plan = merge(ana, fileOf(later, '2026-02-20T00:00:00.000Z'));
    expect(plan.counts).toMatchObject({ removed: 1, keptHere: 1 });
    expect(plan.report[0]).toBe('Merged the coding of bea: 1 removed (deleted by bea).');
    expect(ana.segments.map((s) => s.id).sort()).toEqual([kept.id, editedHere.id, otherDocument.id].sort());
    expect(ana.segments.some((s) => s.id === deleted.id)).toBe(false);
  });

  it("never touches another coder's segments, not even one with the same id", () => {
    const bea = project('bea');
    const clash = code(bea, 'war', 'first week');
    const ana = project('ana');
    const own = code(ana, 'war', 'first week', 'opinion', { id: clash.id });
    const carl = { ...code(project('carl'), 'war', 'on both sides') };
    ana.segments.push(carl);
    const before = structuredClone(ana.segments);
    const plan = merge(ana, fileOf(bea));
    expect(ana.segments).toEqual(before);
    expect(plan.counts.leftOut).toBe(1);
    expect(plan.report).toContain(`“first week” (${clash.id}) in “The war text” was left out: its id is already taken by a segment of “ana” here.`);
    expect(own.coder).toBe('ana');
  });

  it('changes nothing when the same file is merged twice', () => {
    const bea = project('bea');
    addCode(bea, 'c-irony', 'irony', 'opinion');
    code(bea, 'war', 'first week', 'c-irony');
    const ana = project('ana');
    const file = fileOf(bea);
    expect(merge(ana, file).changes.length).toBeGreaterThan(0);
    const again = merge(ana, file);
    expect(again.changes).toEqual([]);
    expect(again.report[0]).toBe('Nothing new from bea: this project already holds their coding as the file has it.');
  });

  it('reports a document whose text differs (or is missing) by title, and merges none of its segments', () => {
    const bea = project('bea');
    code(bea, 'war', 'first week');
    code(bea, 'shelling', 'Today');
    code(bea, 'shelling', 'Shelling began');
    const ana = project('ana', ['war']);
    const plan = merge(ana, fileOf(bea));
    expect(plan.report).toContain('“The shelling text” differs from every document here, or is missing: its 2 segments by bea were not merged.');
    expect(plan.counts).toMatchObject({ added: 1, leftOut: 2 });
    expect(ana.documents).toHaveLength(1);
  });

  it('leaves out, by segment, one whose quote is not the text at its offsets here, and never shifts it', () => {
    const bea = project('bea');
    const good = code(bea, 'shelling', 'Today');
    const file = fileOf(bea);
    // The same words stand later in the text: a merge must not move the segment there.
    file.segments.push({ ...file.segments[0]!, id: '00000000-0000-4000-8000-999999999999', start: 0, end: 14, quote: 'Shelling began again' });
    const ana = project('ana');
    const plan = merge(ana, file);
    expect(plan.report).toContain('“Shelling began again” (00000000-0000-4000-8000-999999999999) in “The shelling text” was left out: the text at 0–14 here is not its quote.');
    expect(ana.segments).toEqual([good]);
  });

  it('warns when the file was written later than this computer’s clock, as “newer” depends on the clocks', () => {
    const bea = project('bea');
    code(bea, 'war', 'first week');
    const plan = planCoderMerge(fileOf(bea, '2026-03-02T12:00:00.000Z'), project('ana'), options);
    expect(plan.report[1]).toBe(`The file says it was written at 2026-03-02T12:00:00.000Z, later than this computer's clock (${NOW}): if the clocks differ, which change is newer may be misjudged.`);
  });

  it('ends with the same segments whichever coder merges the other first', () => {
    const ana = project('ana');
    const bea = project('bea');
    addCode(ana, 'c-casualties', 'casualties', 'factual-claim');
    addCode(bea, 'c-irony', 'irony', 'opinion');
    code(ana, 'war', 'Thousands of casualties 🕊', 'c-casualties', { memo: 'civilians?' });
    code(ana, 'war', 'first week');
    code(bea, 'war', 'first week', 'opinion');
    code(bea, 'war', 'casualties 🕊 on both sides', 'c-irony', { memo: 'Bea ✓' });
    code(bea, 'shelling', 'Shelling began yesterday night.');
    const anaFile = fileOf(ana);
    const beaFile = fileOf(bea);
    merge(ana, beaFile);
    merge(bea, anaFile);
    expect(facts(ana)).toEqual(facts(bea));
    expect(new Set(facts(ana).map((s) => s.coder))).toEqual(new Set(['ana', 'bea']));
    expect(facts(ana)).toHaveLength(5);
    // And again each way: nothing more to do.
    expect(planCoderMerge(fileOf(bea), ana, options).changes).toEqual([]);
    expect(planCoderMerge(fileOf(ana), bea, options).changes).toEqual([]);
  });
});
