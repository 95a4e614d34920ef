import { execFileSync, spawnSync } from 'node:child_process';
import { readdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openProject, segmentInput } from '../support/project';
import { BUNDLED_DOCUMENTS, tempFolder } from '../support/temp';

const CLI = new URL('../../dist/electron/cli.cjs', import.meta.url).pathname;

async function codedProject(): Promise<string> {
  const { store, folder } = await openProject();
  const document = store.overview().documents[4];
  const { text } = await store.openDocument(document.id);
  await store.addSegment(segmentInput(document.id, text, 'Anarchist Voices'));
  await store.addSegment({ ...segmentInput(document.id, text, 'Nagorno-Karabakh', 'opinion'), origin: 'suggestion' });
  await store.close();
  return folder;
}

describe('the command line', () => {
  it('exports the project from a shell script, and reports counts as JSON', async () => {
    const project = await codedProject();
    const out = await tempFolder();
    const script = join(out, 'pipeline.sh');
    await writeFile(
      script,
      [
        'set -euo pipefail',
        `cli() { node "${CLI}" "$@" --project "${project}"; }`,
        `cli export --format csv --out "${out}/segments.csv"`,
        `cli export --format wide --out "${out}/wide.csv"`,
        `cli export --format jsonl --out "${out}/spans.jsonl"`,
        `cli stats > "${out}/stats.json"`,
        `python3 -c 'import csv,sys; rows=list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8"))); print(sorted((r["text"], r["origin"]) for r in rows))' "${out}/segments.csv"`,
        `python3 -c 'import csv,sys; rows=list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8"))); print(len(rows), sorted(r["text"] for r in rows))' "${out}/segments.csv"`,
      ].join('\n'),
    );
    const printed = execFileSync('bash', [script]).toString();
    expect(printed.trim().split('\n').at(-1)).toBe("2 ['Anarchist Voices', 'Nagorno-Karabakh']");
    expect(printed.trim().split('\n').at(-2)).toBe("[('Anarchist Voices', 'manual'), ('Nagorno-Karabakh', 'suggestion')]");
    const stats = JSON.parse(execFileSync('cat', [join(out, 'stats.json')]).toString());
    expect(stats).toMatchObject({ documents: 5, segments: 2, codes: [{ id: 'factual-claim', segments: 1 }, { id: 'opinion', segments: 1 }, { id: 'call-to-action', segments: 0 }] });
    // An accepted suggestion is the segment of the coder who accepted it, and counted apart by its origin.
    expect(stats).toMatchObject({ coders: { ana: 2 }, origins: { manual: 1, suggestion: 1 } });
  });

  it('lists documents and imports texts', async () => {
    const project = await codedProject();
    const text = join(await tempFolder(), 'interview.txt');
    await writeFile(text, 'An interview, imported from the command line.');
    const imported = JSON.parse(execFileSync('node', [CLI, 'import', text, '--project', project]).toString());
    expect(imported[0]).toMatchObject({ file: text, outcome: { label: 'Import “interview.txt”' } });
    const list = JSON.parse(execFileSync('node', [CLI, 'list', '--project', project]).toString());
    expect(list.map((d: { title: string }) => d.title)).toContain('An interview, imported from the command line.');
  });

  it('exports a REFI-QDA project that xmllint validates, and imports it into another project', async () => {
    const project = await codedProject();
    const other = await openProject();
    await other.store.close();
    const out = await tempFolder();
    const schemas = new URL('../../../shared/refi-qda/', import.meta.url).pathname;
    const script = join(out, 'exchange.sh');
    await writeFile(
      script,
      [
        'set -euo pipefail',
        `node "${CLI}" export --format qdpx --out "${out}/project.qdpx" --project "${project}" > /dev/null`,
        `node "${CLI}" export --format qdc --out "${out}/codebook.qdc" --project "${project}" > /dev/null`,
        `cd "${out}" && python3 -c 'import zipfile; zipfile.ZipFile("project.qdpx").extract("project.qde")'`,
        `xmllint --noout --schema "${schemas}Project.xsd" "${out}/project.qde"`,
        `xmllint --noout --schema "${schemas}Codebook.xsd" "${out}/codebook.qdc"`,
        `node "${CLI}" import "${out}/project.qdpx" --project "${other.folder}"`,
      ].join('\n'),
    );
    const run = spawnSync('bash', [script]);
    expect(run.stderr.toString()).toMatch(/project\.qde validates[\s\S]*codebook\.qdc validates/);
    expect(run.status).toBe(0);
    const [imported] = JSON.parse(run.stdout.toString());
    expect(imported.report[0]).toBe('Imported 0 documents, 0 new codes and 2 coded segments by ana.');
    const stats = JSON.parse(execFileSync('node', [CLI, 'stats', '--project', other.folder]).toString());
    expect(stats).toMatchObject({ segments: 2, coders: { ana: 2 } });
  });

  it('refuses a text larger than 50 MB in words, and imports the rest of the batch', async () => {
    const project = await codedProject();
    const folder = await tempFolder();
    const large = join(folder, 'large.txt');
    // A sparse file: 60 MB of length without 60 MB written.
    await writeFile(large, '');
    await truncate(large, 60 * 1024 * 1024);
    const small = join(folder, 'small.txt');
    await writeFile(small, 'A short text after a large one.');
    const imported = JSON.parse(execFileSync('node', [CLI, 'import', large, small, '--project', project]).toString());
    expect(imported[0]).toEqual({ file: large, error: 'large.txt is larger than 50 MB, the most that is imported.' });
    expect(imported[1]).toMatchObject({ file: small, outcome: { label: 'Import “small.txt”' } });
  });

  it('exits non-zero with a clear message on a missing project or an unknown format', async () => {
    const missing = spawnSync('node', [CLI, 'list', '--project', join(await tempFolder(), 'none')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr.toString()).toMatch(/There is no project in .*none \(no project\.json\)/);
    const project = await codedProject();
    const unknown = spawnSync('node', [CLI, 'export', '--format', 'xml', '--out', '/tmp/x', '--project', project]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr.toString()).toContain('Give --format as one of csv, excel, wide, jsonl, xlsx, datapackage, qdpx, codebook, qdc, codebook-csv, coder-file (not “xml”).');
    const command = spawnSync('node', [CLI, 'frobnicate']);
    expect(command.status).toBe(1);
    expect(command.stderr.toString()).toContain('There is no command “frobnicate”');
  });

  it('starts a project from nothing with init, which the other commands then open', async () => {
    const project = join(await tempFolder(), 'study', 'project');
    const made = JSON.parse(execFileSync('node', [CLI, 'init', '--project', project, '--coder', 'Ana']).toString());
    expect(made).toMatchObject({ project, coder: 'Ana', documents: [] });
    expect(JSON.parse(execFileSync('node', [CLI, 'list', '--project', project]).toString())).toEqual([]);
    // A pipeline goes on from there: import a text, code nothing yet, export.
    const text = join(await tempFolder(), 'interview.txt');
    await writeFile(text, 'The first interview of the study.');
    execFileSync('node', [CLI, 'import', text, '--project', project]);
    const list = JSON.parse(execFileSync('node', [CLI, 'list', '--project', project]).toString());
    expect(list.map((d: { title: string }) => d.title)).toEqual(['The first interview of the study.']);
    const out = join(await tempFolder(), 'wide.csv');
    execFileSync('node', [CLI, 'export', '--format', 'wide', '--out', out, '--project', project]);
    expect((await readFile(out, 'utf8')).split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('brings the five bundled texts byte for byte with init --sample', async () => {
    const project = join(await tempFolder(), 'sample');
    const made = JSON.parse(execFileSync('node', [CLI, 'init', '--sample', '--project', project]).toString());
    expect(made.documents).toHaveLength(5);
    const bundled = (await readdir(BUNDLED_DOCUMENTS)).filter((name) => name.endsWith('.txt')).sort();
    expect((await readdir(join(project, 'documents'))).sort()).toEqual(bundled);
    for (const name of bundled) expect(await readFile(join(project, 'documents', name))).toEqual(await readFile(join(BUNDLED_DOCUMENTS, name)));
    const stats = JSON.parse(execFileSync('node', [CLI, 'stats', '--project', project]).toString());
    expect(stats).toMatchObject({ documents: 5, segments: 0 });
  });

  it('refuses init in a folder that already holds a project, and leaves that project as it was', async () => {
    const project = await codedProject();
    const before = await readFile(join(project, 'project.json'));
    const again = spawnSync('node', [CLI, 'init', '--sample', '--project', project]);
    expect(again.status).toBe(1);
    expect(again.stderr.toString()).toContain(`There is already a project in ${project} (project.json); it was left as it is. Choose a folder without one.`);
    expect(again.stdout.toString()).toBe('');
    expect(await readFile(join(project, 'project.json'))).toEqual(before);
    const help = spawnSync('node', [CLI, '--help']).stdout.toString();
    expect(help).toMatch(/^ {2}init \[--sample\] \[--coder NAME\]\n\s+make a new, empty project in --project DIR/m);
  });
});
