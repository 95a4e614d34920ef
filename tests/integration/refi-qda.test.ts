/**
 * REFI-QDA exchange with real files: the .qdpx and .qdc we write are valid against the QDA-XML
 * schemas (xmllint), a project goes out and comes back with nothing lost, and bundles written by
 * other programs (CRLF counted as one or two characters, code points or UTF-16, positions that do
 * not match) are read with every segment on its text or reported by name.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/dispatch';
import type { ActionOutcome, ProjectImportOutcome } from '../../shared/ipc';
import { codePath } from '../../shared/model/codebook';
import { FIXTURE_TEXTS } from '../support/fixtures';
import { openProject, segmentInput, type OpenProject } from '../support/project';
import { tempFolder, textFolder } from '../support/temp';
import { value } from '../support/builders';

const SCHEMAS = new URL('../../../shared/refi-qda/', import.meta.url).pathname;

/** Runs xmllint --schema on a file; returns its exit status and what it said. */
function validate(file: string, schema: 'Project.xsd' | 'Codebook.xsd'): { status: number | null; output: string } {
  if (!existsSync(join(SCHEMAS, schema))) throw new Error(`The REFI-QDA schemas are expected in ${SCHEMAS} (the shared reference folder beside the project).`);
  const run = spawnSync('xmllint', ['--noout', '--schema', join(SCHEMAS, schema), file], { encoding: 'utf8' });
  if (run.error) throw new Error(`xmllint could not be run (install libxml2-utils): ${run.error.message}`);
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** A project with two coders, memos on segments and a document, nested codes and a variable. */
async function codedProject(): Promise<OpenProject> {
  const project = await openProject();
  const { store, handlers } = project;
  const parent = value<ActionOutcome>(await dispatch(handlers, 'addCode', { name: 'casualties', parentId: 'factual-claim', colour: '#882255' }));
  const parentId = parent.codes!.at(-1)!.id;
  const child = value<ActionOutcome>(await dispatch(handlers, 'addCode', { name: 'civilian <& "quoted">', parentId }));
  const childId = child.codes!.at(-1)!.id;
  await dispatch(handlers, 'updateCode', { id: 'opinion', patch: { definition: 'An evaluative statement.', example: 'This is a disgrace.' } });
  await dispatch(handlers, 'defineVariable', { name: 'outlet', type: 'choice', choices: ['A', 'B'] });
  await dispatch(handlers, 'defineVariable', { name: 'year', type: 'number', choices: [] });
  const [first, second] = store.overview().documents;
  const one = await store.openDocument(first.id);
  const two = await store.openDocument(second.id);
  await dispatch(handlers, 'setDocumentValue', { documentId: first.id, name: 'outlet', value: 'B' });
  await dispatch(handlers, 'setDocumentValue', { documentId: first.id, name: 'year', value: 2023 });
  await dispatch(handlers, 'updateDocument', { documentId: second.id, memo: 'Read twice; the\r\nsecond half is a reprint.' });
  const words = one.text.split(/\s+/).filter((w) => w.length > 6);
  const a = await store.addSegment(segmentInput(first.id, one.text, words[0], childId));
  await dispatch(handlers, 'setSegmentMemo', { segmentId: a.id, memo: 'Counted as civilian: see the\nsource.' });
  await store.addSegment(segmentInput(first.id, one.text, words[1], 'opinion'));
  await dispatch(handlers, 'setCoder', { name: 'Bea Example' });
  await store.addSegment(segmentInput(first.id, one.text, words[0], 'opinion'));
  const b = await store.addSegment(segmentInput(second.id, two.text, two.text.split(/\s+/).find((w) => w.length > 5)!, parentId));
  await dispatch(handlers, 'setSegmentMemo', { segmentId: b.id, memo: 'Bea’s memo ✓' });
  return project;
}

/** The project as plain facts, for comparing two projects. */
async function facts(project: OpenProject) {
  const { documents, codes, segments } = await project.store.dataset();
  const hashOf = new Map(documents.map(({ record }) => [record.id, record.sha256]));
  return {
    documents: documents.map(({ record }) => ({ sha256: record.sha256, title: record.title, memo: record.memo, values: record.values })).sort((x, y) => x.sha256.localeCompare(y.sha256)),
    codes: codes
      .map((c) => ({ path: codePath(codes, c.id), colour: c.colour.toUpperCase(), description: c.description, definition: c.definition, example: c.example }))
      .sort((x, y) => x.path.localeCompare(y.path)),
    segments: segments
      .map((s) => ({ id: s.id, document: hashOf.get(s.documentId), code: codePath(codes, s.codeId), start: s.start, end: s.end, quote: s.quote, coder: s.coder, memo: s.memo, createdAt: s.createdAt }))
      .sort((x, y) => x.id.localeCompare(y.id)),
    coders: [...new Set(segments.map((s) => s.coder))].sort(),
  };
}

describe('REFI-QDA export', () => {
  it('writes a .qdpx whose project.qde is valid against Project.xsd, with every source text in the bundle', async () => {
    const project = await codedProject();
    const exported = value<{ path: string; rows: number }>(await dispatch(project.handlers, 'exportDataset', { format: 'qdpx' }));
    expect(exported.path).toMatch(/\.qdpx$/);
    expect(exported.rows).toBe(4);
    const entries = unzipSync(await readFile(exported.path));
    const folder = await tempFolder();
    await writeFile(join(folder, 'project.qde'), entries['project.qde']);
    const check = validate(join(folder, 'project.qde'), 'Project.xsd');
    expect(check.output).toMatch(/validates/);
    expect(check.status).toBe(0);

    const xml = new TextDecoder().decode(entries['project.qde']);
    expect(xml).toContain('<User guid=');
    expect(xml).toContain('name="Bea Example"');
    expect(xml).toContain('color="#882255"');
    expect(xml).toMatch(/<Code [^>]*name="casualties"[^>]*>\s*<Code [^>]*name="civilian &lt;&amp; &quot;quoted&quot;&gt;"/);
    expect(xml).toContain('Counted as civilian: see the\nsource.');
    // Each document's text is in the bundle byte for byte.
    const { documents } = await project.store.dataset();
    const texts = Object.entries(entries).filter(([name]) => name.startsWith('sources/')).map(([, bytes]) => new TextDecoder().decode(bytes));
    expect(texts.sort()).toEqual(documents.map((d) => d.text).sort());
  });

  it('rejects nothing xmllint accepts: a file with a wrong element is reported invalid (the check can fail)', async () => {
    const folder = await tempFolder();
    await writeFile(join(folder, 'bad.qde'), '<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0" name="x"><Bogus/></Project>');
    expect(validate(join(folder, 'bad.qde'), 'Project.xsd').status).not.toBe(0);
  });

  it('writes a .qdc codebook valid against Codebook.xsd, and reads it back into another project', async () => {
    const project = await codedProject();
    const exported = value<{ path: string; rows: number }>(await dispatch(project.handlers, 'exportCodebook', { format: 'qdc' }));
    expect(exported.path).toMatch(/\.qdc$/);
    const check = validate(exported.path, 'Codebook.xsd');
    expect(check.output).toMatch(/validates/);
    expect(check.status).toBe(0);

    const other = await openProject();
    const imported = value<ActionOutcome>(await dispatch(other.handlers, 'importCodebookFile', { name: 'book.qdc', content: await readFile(exported.path, 'utf8') }));
    const paths = imported.codes!.map((c) => codePath(imported.codes!, c.id));
    expect(paths).toEqual(expect.arrayContaining(['factual claim / casualties', 'factual claim / casualties / civilian <& "quoted">']));
    const opinion = imported.codes!.find((c) => c.id === 'opinion')!;
    expect([opinion.definition, opinion.example]).toEqual(['An evaluative statement.', 'This is a disgrace.']);
    expect(imported.codes!.find((c) => c.name === 'casualties')!.colour).toBe('#882255');
  });
});

describe('REFI-QDA export of the hard cases', () => {
  it('is valid and exact on texts with emoji, combining marks, CRLF, a BOM and right-to-left text: Python finds every selection at its positions', async () => {
    const project = await openProject(undefined, await textFolder(FIXTURE_TEXTS));
    const { store, handlers } = project;
    for (const document of store.overview().documents) {
      const text = await store.text(document.id);
      // A passage per line, and one across a line break; a memo with characters XML cannot hold.
      const lines = [...text.matchAll(/[^\r\n]*\S[^\r\n]*/g)];
      for (const line of lines) await store.addSegment({ id: randomUUID(), documentId: document.id, codeId: 'opinion', start: line.index!, end: line.index! + line[0].length });
      if (lines.length > 1) {
        const made = await store.addSegment({ id: randomUUID(), documentId: document.id, codeId: 'factual-claim', start: lines[0].index!, end: lines[1].index! + lines[1][0].length });
        await dispatch(handlers, 'setSegmentMemo', { segmentId: made.id, memo: 'bell\u0007 and <tags> & "quotes"\r\nnext line' });
      }
    }
    const exported = value<{ path: string; rows: number }>(await dispatch(handlers, 'exportDataset', { format: 'qdpx' }));
    const folder = await tempFolder();
    execFileSync('python3', ['-c', 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', exported.path, folder]);
    const check = validate(join(folder, 'project.qde'), 'Project.xsd');
    expect(check.output).toMatch(/validates/);
    expect(check.status).toBe(0);
    // Python's own XML parser and string slicing (code points) read what we wrote.
    const script = [
      'import json, os, sys, xml.etree.ElementTree as ET',
      'ns = {"q": "urn:QDA-XML:project:1.0"}',
      'root = ET.parse(os.path.join(sys.argv[1], "project.qde")).getroot()',
      'out = []',
      'for source in root.iter("{urn:QDA-XML:project:1.0}TextSource"):',
      '    path = source.get("plainTextPath").replace("internal://", "")',
      '    text = open(os.path.join(sys.argv[1], "sources", path), encoding="utf-8", newline="").read()',
      '    for sel in source.findall("q:PlainTextSelection", ns):',
      '        start, end = int(sel.get("startPosition")), int(sel.get("endPosition"))',
      '        out.append([sel.get("guid"), text[start:end], sel.get("name")])',
      'notes = [n.find("q:PlainTextContent", ns).text for n in root.iter("{urn:QDA-XML:project:1.0}Note")]',
      'print(json.dumps({"selections": out, "notes": notes}))',
    ].join('\n');
    const read = JSON.parse(execFileSync('python3', ['-c', script, folder]).toString());
    expect(read.selections).toHaveLength(exported.rows);
    // Each selection's positions hold its segment's quote exactly; its name is the quote, or the
    // quote's beginning followed by an ellipsis when the quote is long.
    const quotes = new Map((await store.dataset()).segments.map((segment) => [segment.id, segment.quote]));
    const wrong = read.selections.filter(([guid, covered, name]: [string, string, string]) => {
      const quote = quotes.get(guid);
      const named = name === quote || (name.endsWith('…') && quote !== undefined && quote.startsWith(name.slice(0, -1)));
      return covered !== quote || !named;
    });
    expect(wrong).toEqual([]);
    expect(read.notes).toContain('bell and <tags> & "quotes"\r\nnext line');
  });
});

describe('REFI-QDA round trip', () => {
  it('a project with two coders, memos and nested codes comes back the same in a fresh project, and a second import adds nothing', async () => {
    const source = await codedProject();
    const exported = value<{ path: string }>(await dispatch(source.handlers, 'exportDataset', { format: 'qdpx' }));
    const data = (await readFile(exported.path)).toString('base64');

    const fresh = await openProject();
    const result = value<ProjectImportOutcome>(await dispatch(fresh.handlers, 'importProject', { name: 'coded.qdpx', data }));
    expect(result.outcome).not.toBeNull();
    expect(result.report[0]).toMatch(/4 coded segments by ana, Bea Example/);
    const before = await facts(source);
    const after = await facts(fresh);
    expect(after.documents).toEqual(before.documents);
    expect(after.codes).toEqual(before.codes);
    expect(after.segments).toEqual(before.segments);
    expect(after.coders).toEqual(['Bea Example', 'ana']);

    // Again: everything is already there.
    const again = value<ProjectImportOutcome>(await dispatch(fresh.handlers, 'importProject', { name: 'coded.qdpx', data }));
    expect(again.outcome).toBeNull();
    expect(again.report[0]).toMatch(/Nothing new/);
    expect((await facts(fresh)).segments).toHaveLength(4);

    // One undo takes the whole import back.
    const undone = value<ActionOutcome>(await dispatch(fresh.handlers, 'undo', {}));
    expect(undone.label).toMatch(/Import the REFI-QDA project/);
    expect((await fresh.store.dataset()).segments).toHaveLength(0);
  });
});

/** A .qdpx as another program might write it: one text source and its selections. */
function foreignBundle(text: string, selections: Array<{ name: string; start: number; end: number }>, options: { inline?: boolean } = {}) {
  const guid = (n: number) => `0000000${n}-aaaa-4bbb-8ccc-${String(n).padStart(12, '0')}`;
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Elsewhere" origin="Another program">
  <Users><User guid="${guid(1)}" name="Chen"/></Users>
  <CodeBook><Codes>
    <Code guid="${guid(2)}" name="Theme" isCodable="false" color="#c33">
      <Code guid="${guid(3)}" name="Sub theme" isCodable="true"/>
    </Code>
  </Codes></CodeBook>
  <Sources>
    <TextSource guid="${guid(4)}" name="Interview 1"${options.inline ? '' : ` plainTextPath="internal://${guid(4)}.txt"`}>
      ${options.inline ? `<PlainTextContent>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\r/g, '&#13;')}</PlainTextContent>` : ''}
      ${selections
        .map(
          (s, i) => `<PlainTextSelection guid="${guid(100 + i)}" name="${s.name.replace(/"/g, '&quot;')}" startPosition="${s.start}" endPosition="${s.end}" creatingUser="${guid(1)}">
        <Coding guid="${guid(200 + i)}" creatingUser="${guid(1)}"><CodeRef targetGUID="${guid(3)}"/></Coding>
      </PlainTextSelection>`,
        )
        .join('\n')}
    </TextSource>
  </Sources>
</Project>`;
  const files: Record<string, Uint8Array> = { 'project.qde': strToU8(xml) };
  if (!options.inline) files[`sources/${guid(4)}.txt`] = strToU8(text);
  return Buffer.from(zipSync(files)).toString('base64');
}

/** Positions of each phrase, counted with CRLF as one character and in code points. */
function countedPositions(text: string, phrase: string, crlf: 1 | 2) {
  const at = text.indexOf(phrase);
  const cp = (s: string) => [...(crlf === 1 ? s.replace(/\r\n/g, '\n') : s)].length;
  return { name: phrase, start: cp(text.slice(0, at)), end: cp(text.slice(0, at + phrase.length)) };
}

describe('REFI-QDA import from other programs', () => {
  const text = `${FIXTURE_TEXTS['crlf.txt']}\r\nRally 🇦🇲 today 😀!\r\nThey said: peace now\r\nLast line`;
  const phrases = ['Second, with "quotes"', 'Fourth = formula?', 'today 😀!', 'peace now', 'Last line'];

  for (const crlf of [2, 1] as const) {
    it(`places every segment on its text when positions count CRLF as ${crlf === 2 ? 'two characters' : 'one character'}`, async () => {
      const project = await openProject(undefined, await textFolder({ 'a.txt': 'Another text.' }));
      const data = foreignBundle(text, phrases.map((p) => countedPositions(text, p, crlf)));
      const result = value<ProjectImportOutcome>(await dispatch(project.handlers, 'importProject', { name: 'interview.qdpx', data }));
      const { segments, codes, documents } = await project.store.dataset();
      expect(documents.find((d) => d.record.title === 'Interview 1')!.text).toBe(text);
      expect(segments.map((s) => s.quote).sort()).toEqual([...phrases].sort());
      expect(segments.every((s) => s.coder === 'Chen' && codePath(codes, s.codeId) === 'Theme / Sub theme')).toBe(true);
      expect(result.report.join('\n')).toMatch(crlf === 2 ? /CRLF line ending counted as two characters/ : /CRLF line ending counted as one character/);
      expect(codes.find((c) => c.name === 'Theme')!.colour).toBe('#CC3333');
    });
  }

  it('reads UTF-16 positions (as .NET programs count) and inline text', async () => {
    const project = await openProject(undefined, await textFolder({ 'a.txt': 'Another text.' }));
    const selections = phrases.map((p) => ({ name: p, start: text.indexOf(p), end: text.indexOf(p) + p.length }));
    const data = foreignBundle(text, selections, { inline: true });
    const result = value<ProjectImportOutcome>(await dispatch(project.handlers, 'importProject', { name: 'inline.qdpx', data }));
    expect((await project.store.dataset()).segments.map((s) => s.quote).sort()).toEqual([...phrases].sort());
    expect(result.report.join('\n')).toMatch(/UTF-16 code units/);
  });

  it('reports by name a selection whose positions do not hold its text, and does not move it', async () => {
    const project = await openProject(undefined, await textFolder({ 'a.txt': 'Another text.' }));
    const good = phrases.slice(0, 3).map((p) => countedPositions(text, p, 2));
    const wrong = { name: 'peace now', start: good[0].start, end: good[0].start + 9 };
    const data = foreignBundle(text, [...good, wrong]);
    const result = value<ProjectImportOutcome>(await dispatch(project.handlers, 'importProject', { name: 'shifted.qdpx', data }));
    const report = result.report.join('\n');
    expect(report).toMatch(/“Interview 1”, left out: “peace now”: its positions \d+–\d+ hold “Second, w”, not its text/);
    expect(result.report[0]).toMatch(/3 coded segments by Chen; 1 left out/);
    expect((await project.store.dataset()).segments.map((s) => s.quote).sort()).toEqual(phrases.slice(0, 3).sort());
  });

  it('refuses a file that is not a REFI-QDA project, with a clear message, and changes nothing', async () => {
    const project = await openProject();
    const before = JSON.stringify(await project.store.dataset());
    const notZip = await dispatch(project.handlers, 'importProject', { name: 'notes.qdpx', data: Buffer.from('hello').toString('base64') });
    expect(notZip).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/neither a REFI-QDA project bundle/) } });
    const noQde = await dispatch(project.handlers, 'importProject', { name: 'empty.qdpx', data: Buffer.from(zipSync({ 'readme.txt': strToU8('x') })).toString('base64') });
    expect(noQde).toMatchObject({ ok: false, error: { message: expect.stringMatching(/holds no project\.qde/) } });
    const broken = await dispatch(project.handlers, 'importProject', { name: 'broken.qdpx', data: Buffer.from(zipSync({ 'project.qde': strToU8('<Project name="x"><Users>') })).toString('base64') });
    expect(broken).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not well-formed XML/) } });
    expect(JSON.stringify(await project.store.dataset())).toBe(before);
  });
});

describe('a codebook from a CSV table', () => {
  it('reads names, paths, parents, colours and the codebook entry; a second import changes nothing', async () => {
    const project = await openProject();
    const folder = await tempFolder();
    await mkdir(folder, { recursive: true });
    const csv = '\uFEFFCode,Parent,Color,Description,When to use\r\n' +
      'threat,,#882255,"Danger, named",A party is said to endanger another\r\n' +
      'military threat,threat,,,\r\n' +
      'opinion,,,,"Evaluations, not reports"\r\n';
    const imported = value<ActionOutcome>(await dispatch(project.handlers, 'importCodebookFile', { name: 'codes.csv', content: csv }));
    expect(imported.label).toBe('Import the codebook codes.csv (2 new, 1 updated)');
    const codes = imported.codes!;
    expect(codes.map((c) => codePath(codes, c.id))).toEqual(['factual claim', 'opinion', 'call to action', 'threat', 'threat / military threat']);
    expect(codes.find((c) => c.name === 'threat')).toMatchObject({ colour: '#882255', description: 'Danger, named', whenToUse: 'A party is said to endanger another' });
    expect(codes.find((c) => c.id === 'opinion')!.whenToUse).toBe('Evaluations, not reports');
    expect(await dispatch(project.handlers, 'importCodebookFile', { name: 'codes.csv', content: csv })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/already in the codebook/) } });

    // Our own CSV export reads back; python's csv reads it too.
    const exported = value<{ path: string }>(await dispatch(project.handlers, 'exportCodebook', { format: 'csv' }));
    const rows = JSON.parse(execFileSync('python3', ['-c', 'import csv,json,sys; print(json.dumps(list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))))', exported.path]).toString());
    expect(rows.map((r: Record<string, string>) => r.code_path)).toEqual(['factual claim', 'opinion', 'call to action', 'threat', 'threat / military threat']);
    const other = await openProject();
    const again = value<ActionOutcome>(await dispatch(other.handlers, 'importCodebookFile', { name: 'book.csv', content: await readFile(exported.path, 'utf8') }));
    expect(again.codes!.find((c) => c.name === 'military threat')!.parentId).toBe(again.codes!.find((c) => c.name === 'threat')!.id);
  });

  it('says which column is missing or which row is wrong', async () => {
    const project = await openProject();
    expect(await dispatch(project.handlers, 'importCodebookFile', { name: 'x.csv', content: 'label,colour\nx,#000000\n' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/needs a column “name”.*“label”, “colour”/) },
    });
    expect(await dispatch(project.handlers, 'importCodebookFile', { name: 'x.csv', content: 'name,colour\nx,blue\n' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/row 2: “blue” is not a colour/) },
    });
  });
});
