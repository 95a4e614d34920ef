import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/handlers';
import { openProject, segmentInput } from '../support/project';

describe('document variables', () => {
  it('are typed, checked, exported as CSV columns, and removed as one undoable action', async () => {
    const project = await openProject();
    const { store, handlers } = project;
    const define = (name: string, type: string, choices: string[] = []) => dispatch(handlers, 'defineVariable', { name, type, choices });
    expect(await define('source', 'text')).toMatchObject({ ok: true });
    expect(await define('published', 'date')).toMatchObject({ ok: true });
    expect(await define('words', 'number')).toMatchObject({ ok: true });
    expect(await define('stance', 'choice', ['Armenian', 'Azerbaijani', ' Armenian ', ''])).toMatchObject({ ok: true });
    expect(store.overview().variables.find((v) => v.name === 'stance')?.choices).toEqual(['Armenian', 'Azerbaijani']);
    expect(await define('Source', 'text')).toMatchObject({ ok: false, error: { message: 'There is already a variable “Source”.' } });
    expect(await define('empty list', 'choice')).toMatchObject({ ok: false, error: { code: 'invalid-input' } });

    const [d0, d1] = store.overview().documents;
    const set = (documentId: string, name: string, value: string | number | null) => dispatch(handlers, 'setDocumentValue', { documentId, name, value });
    expect(await set(d0.id, 'source', 'Asbarez')).toMatchObject({ ok: true });
    expect(await set(d0.id, 'published', '2020-09-30')).toMatchObject({ ok: true });
    expect(await set(d0.id, 'words', '412')).toMatchObject({ ok: true });
    expect(await set(d0.id, 'stance', 'Armenian')).toMatchObject({ ok: true });
    expect(await set(d1.id, 'stance', 'Azerbaijani')).toMatchObject({ ok: true });
    expect(await set(d1.id, 'published', '2020-02-30')).toMatchObject({ ok: false, error: { message: '“2020-02-30” is not a date written as YYYY-MM-DD (published).' } });
    expect(await set(d1.id, 'words', 'many')).toMatchObject({ ok: false, error: { message: '“many” is not a number (words).' } });
    expect(await set(d1.id, 'stance', 'neutral')).toMatchObject({ ok: false, error: { message: '“neutral” is not one of “Armenian”, “Azerbaijani” (stance).' } });
    expect(store.overview().documents[0].values).toEqual({ source: 'Asbarez', published: '2020-09-30', words: 412, stance: 'Armenian' });

    const t0 = (await store.openDocument(d0.id)).text;
    const t1 = (await store.openDocument(d1.id)).text;
    await store.addSegment(segmentInput(d0.id, t0, 'WAR IN ARTSAKH'));
    await store.addSegment(segmentInput(d1.id, t1, 'Shelling by Azerbaijan'));
    const exported = (await dispatch(handlers, 'exportCsv', { flavour: 'standard' })) as { value: { path: string } };
    const rows = JSON.parse(
      execFileSync('python3', ['-c', 'import csv,json,sys; r=csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")); print(json.dumps({"columns": r.fieldnames, "rows": list(r)}))', exported.value.path]).toString(),
    );
    expect(rows.columns.slice(3, 9)).toEqual(['document_sha256', 'var_source', 'var_published', 'var_words', 'var_stance', 'segment_id']);
    expect(rows.rows.map((r: Record<string, string>) => [r.var_source, r.var_published, r.var_words, r.var_stance])).toEqual([
      ['Asbarez', '2020-09-30', '412', 'Armenian'],
      ['', '', '', 'Azerbaijani'],
    ]);

    // Removing a variable takes its values; one undo brings both back, after a restart too.
    await dispatch(handlers, 'removeVariable', { name: 'stance' });
    expect(store.overview().documents[1].values).toEqual({});
    const again = await openProject(project.folder);
    await dispatch(again.handlers, 'undo', {});
    expect(again.store.overview().variables.map((v) => v.name)).toEqual(['source', 'published', 'words', 'stance']);
    expect(again.store.overview().documents[1].values).toEqual({ stance: 'Azerbaijani' });
  });
});
