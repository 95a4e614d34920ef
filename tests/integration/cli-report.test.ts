/**
 * The analysis report from the command line and through the contract: a real project, the page
 * read by xmllint's HTML parser and by Python's html.parser (each section's heading found, nothing
 * that runs or fetches), and its refusals.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORT_SECTIONS } from '../../shared/analysis/analysis-report';
import { dispatch } from '../../electron/handlers/handlers';
import { openProject, segmentInput } from '../support/project';
import { pythonWith, runPythonScript } from '../support/python';
import { tempFolder, textFolder } from '../support/temp';

const CLI = new URL('../../dist/electron/cli.cjs', import.meta.url).pathname;
const TEXT = 'Troops crossed the border at dawn 🙂.\r\n\r\nThe minister called it a shameful attack on the border villages.\n';
const ALL = { documentIds: null, coders: null, variable: null };

/** ana codes "Troops crossed the border" and "shameful attack"; bea codes "crossed the border" as opinion; a code named to break a page. */
async function project() {
  const opened = await openProject(undefined, await textFolder({ 'report.txt': TEXT, 'empty.txt': 'Nothing coded here.\n' }));
  const { store, handlers } = opened;
  const document = store.overview().documents.find((d) => d.title.startsWith('Troops'))!;
  await dispatch(handlers, 'defineVariable', { name: 'stance', type: 'choice', choices: ['pro', 'contra'] });
  await dispatch(handlers, 'setDocumentValue', { documentId: document.id, name: 'stance', value: 'pro' });
  await dispatch(handlers, 'updateCode', { id: 'opinion', patch: { name: 'opinion </table><script>alert(1)</script>', definition: 'A view & a <b>judgement</b>.' } });
  await store.addSegment(segmentInput(document.id, TEXT, 'Troops crossed the border'));
  await store.addSegment(segmentInput(document.id, TEXT, 'shameful attack', 'opinion'));
  await dispatch(handlers, 'setCoder', { name: 'bea' });
  await store.addSegment(segmentInput(document.id, TEXT, 'crossed the border', 'opinion'));
  await dispatch(handlers, 'setCoder', { name: 'ana' });
  return opened;
}

/** What Python's html.parser finds: the headings, the tags used, the attributes' names and any address. */
const READ_HTML = `
import json, sys
from html.parser import HTMLParser
class Reader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.headings, self.tags, self.attributes, self.current = [], set(), set(), None
    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        for name, value in attrs:
            self.attributes.add(name)
        if tag in ('h1', 'h2'):
            self.current = ''
    def handle_endtag(self, tag):
        if tag in ('h1', 'h2') and self.current is not None:
            self.headings.append(self.current)
            self.current = None
    def handle_data(self, data):
        if self.current is not None:
            self.current += data
reader = Reader()
reader.feed(open(sys.argv[1], encoding='utf-8').read())
print(json.dumps({'headings': reader.headings, 'tags': sorted(reader.tags), 'attributes': sorted(reader.attributes)}))
`;

describe('the analysis report', () => {
  it('is written by report --out, parses as HTML, and holds each section, the filter and the date', async () => {
    const { store, folder } = await project();
    await store.close();
    const out = join(await tempFolder(), 'report.html');
    const summary = JSON.parse(execFileSync('node', [CLI, 'report', '--project', folder, '--out', out, '--where', 'stance=pro', '--variable', 'stance']).toString());
    expect(summary).toMatchObject({ report: out, segments: 3, variable: 'stance', filter: { variable: { name: 'stance', values: ['pro'] } } });
    // xmllint's HTML parser reads it. It knows HTML 4's elements only, so it names each of HTML 5's
    // (main, section) and of inline SVG's that it meets; any other complaint (an end tag that does
    // not match, a broken entity, an attribute without quotes) would be a fault of the page.
    const lint = spawnSync('xmllint', ['--html', '--noout', out]);
    expect(lint.status).toBe(0);
    const complaints = lint.stderr.toString().split('\n').filter((line) => line.includes('parser error'));
    const unknownTags = new Set(complaints.map((line) => /Tag (\w+) invalid$/.exec(line)?.[1] ?? line));
    expect([...unknownTags].sort()).toEqual(['g', 'main', 'rect', 'section', 'svg', 'text']);
    const python = pythonWith('html.parser', 'python3', 'the analysis report test');
    const page = runPythonScript<{ headings: string[]; tags: string[]; attributes: string[] }>(python, READ_HTML, null, [out]);
    expect(page.headings).toEqual(['Analysis report', ...Object.values(REPORT_SECTIONS)]);
    expect(page.tags).not.toContain('script');
    expect(page.tags).not.toContain('link');
    expect(page.tags).not.toContain('img');
    expect(page.attributes.filter((name) => name.startsWith('on') || name === 'src' || name === 'href')).toEqual([]);
    const html = await readFile(out, 'utf8');
    expect(html).not.toMatch(/https?:/);
    expect(html).toContain('<dt>Document variable</dt><dd>stance is pro</dd>');
    expect(html).toMatch(/<dt>Made<\/dt><dd>\d{4}-\d\d-\d\dT/);
    expect(html).toContain('opinion &#60;/table&#62;&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain('A view &#38; a &#60;b&#62;judgement&#60;/b&#62;.');
    // Two coders' segments are counted: their agreement is given.
    expect(html).toContain('<dt>Coders</dt><dd>ana, bea</dd>');
  });

  it('refuses a variable the project lacks and an --out that is not a page; lists itself in the help', async () => {
    const { store, folder } = await project();
    await store.close();
    const fail = (...args: string[]) => {
      const result = spawnSync('node', [CLI, 'report', '--project', folder, ...args]);
      return [result.status, result.stderr.toString().trim()];
    };
    expect(fail('--out', 'x.csv')).toEqual([1, 'annotation-workbench: Give --out, the report to write: a file name ending in .html.']);
    const out = join(await tempFolder(), 'r.html');
    expect(fail('--out', out, '--variable', 'colour')).toEqual([1, 'annotation-workbench: There is no variable “colour” (variables: stance).']);
    expect(fail('--out', out, '--where', 'colour=red')[1]).toContain('There is no variable “colour”');
    expect(spawnSync('node', [CLI, '--help']).stdout.toString()).toMatch(/^ {2}report --out FILE\.html {5}the analysis report/m);
  });

  it('is written through the contract as a job, leaves out agreement with one coder, and refuses what the project lacks', async () => {
    const { store, handlers } = await project();
    const jobId = crypto.randomUUID();
    const answer = await dispatch(handlers, 'exportAnalysisReport', { filter: { ...ALL, coders: ['ana'] }, jobId });
    expect(answer).toMatchObject({ ok: true, value: { path: expect.stringMatching(/analysis-report-\d{4}-\d\d-\d\d\.html$/), rows: 2 } });
    const html = await readFile((answer as { value: { path: string } }).value.path, 'utf8');
    expect(html).toContain('only one coder&#39;s segments are counted (ana)');
    expect(await dispatch(handlers, 'exportAnalysisReport', { filter: ALL, variable: 'colour' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await dispatch(handlers, 'exportAnalysisReport', { filter: ALL, variable: '' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    await store.close();
  });
});
