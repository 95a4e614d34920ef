// The built preview started with `--root DIR` (`npm run preview -- --root DIR`): it starts on the
// start screen, makes and opens projects only below DIR, and at its next start opens the project
// open when it stopped (or the start screen again after Close project).
import { spawn, type ChildProcess } from 'node:child_process';
import { lstat, readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../support/temp';

const PREVIEW = new URL('../../dist/electron/preview.cjs', import.meta.url).pathname;

interface RunningPreview {
  call(name: string, input: unknown): Promise<{ ok: boolean; value?: any; error?: { code: string; message: string } }>;
  stop(): Promise<void>;
}

async function startPreview(root: string): Promise<RunningPreview> {
  const preview: ChildProcess = spawn(process.execPath, [PREVIEW, '--root', root], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<URL>((resolve, reject) => {
    let out = '';
    preview.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const printed = /Open (http\S+)/.exec(out);
      if (printed) resolve(new URL(printed[1]!));
    });
    preview.on('exit', (code) => reject(new Error(`the preview exited (${code}): ${out}`)));
  });
  const token = url.hash.replace('#token=', '');
  return {
    call: (name, input) =>
      fetch(new URL(`/api/${name}`, url), { method: 'POST', headers: { 'content-type': 'application/json', 'x-workbench-token': token }, body: JSON.stringify(input) }).then((response) =>
        response.json(),
      ),
    stop: () =>
      new Promise<void>((resolve) => {
        preview.once('exit', () => resolve());
        preview.kill('SIGTERM');
      }),
  };
}

describe('the preview with a root folder', () => {
  it('starts on the start screen, makes projects below the root only, and opens the last project at its next start', async () => {
    const root = join(await tempFolder(), 'studies');
    let preview = await startPreview(root);
    try {
      const first = await preview.call('getSession', {});
      expect(first).toMatchObject({ ok: true, value: { project: null, recent: [], chooser: 'places', sampleAvailable: true } });
      // Nothing but the project operations work without a project.
      expect(await preview.call('getProject', {})).toMatchObject({ ok: false, error: { code: 'no-project' } });

      const made = await preview.call('newProject', { name: 'Media study', description: '', withSample: true, place: 'media' });
      expect(made).toMatchObject({ ok: true, value: { project: { name: 'Media study', folder: join(root, 'media') } } });
      expect((await readdir(join(root, 'media', 'documents'))).length).toBe(5);
      expect(await preview.call('listPlaces', {})).toMatchObject({ ok: true, value: { available: true, entries: [{ name: 'media', kind: 'project' }] } });
      // A name that leads out of the root is refused, and nothing is made.
      for (const place of ['..', '../elsewhere', '/tmp/elsewhere']) {
        expect(await preview.call('newProject', { name: 'Away', description: '', withSample: false, place })).toMatchObject({ ok: false });
        expect(await preview.call('openProject', { from: 'place', name: place })).toMatchObject({ ok: false });
      }
      await expect(lstat(join(root, '..', 'elsewhere'))).rejects.toThrow();
      // An archive is saved into the root, where Open project lists it; other exports go to the exports folder.
      const archived = await preview.call('archiveProject', {});
      expect(archived.ok).toBe(true);
      expect(dirname(archived.value.path)).toBe(root);
      expect(basename(archived.value.path)).toMatch(/^Media study \d{4}-\d{2}-\d{2}\.awbproj$/);
      const places = await preview.call('listPlaces', {});
      expect(places.value.entries.filter((entry: { kind: string }) => entry.kind === 'archive')).toHaveLength(1);
      const csv = await preview.call('exportCsv', { flavour: 'standard' });
      expect(csv).toMatchObject({ ok: true, value: { path: expect.stringContaining(join(root, 'exports')) } });
    } finally {
      await preview.stop();
    }

    // The next start opens the project open when the preview stopped.
    preview = await startPreview(root);
    try {
      expect(await preview.call('getSession', {})).toMatchObject({ ok: true, value: { project: { name: 'Media study' }, recent: [{ name: 'Media study', missing: false }] } });
      expect(await preview.call('closeProject', {})).toMatchObject({ ok: true, value: { project: null } });
    } finally {
      await preview.stop();
    }

    // After Close project, the start screen again, with the project in the recent list.
    preview = await startPreview(root);
    try {
      expect(await preview.call('getSession', {})).toMatchObject({ ok: true, value: { project: null, recent: [{ name: 'Media study' }] } });
    } finally {
      await preview.stop();
    }
  });
});
