import { request } from 'node:http';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../electron/preview/preview-server';
import { openProject, type OpenProject } from '../support/project';
import { tempFolder } from '../support/temp';

let server: PreviewServer;
let project: OpenProject;

beforeAll(async () => {
  project = await openProject();
  const { handlers } = project;
  server = await startPreviewServer({
    handlers,
    rendererFolder: new URL('../../dist/renderer', import.meta.url).pathname,
  });
});
afterAll(() => server.close());

/** A raw HTTP request, so that Host and Origin can be set as an attacker would. */
function call(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const api = (name: string, headers: Record<string, string>, body = '{}') =>
  call(`/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('the preview server', () => {
  it('listens on 127.0.0.1 and prints a URL with the token in the fragment', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/#token=[\\w-]{20,}$`));
  });

  it('serves the renderer bundle with its CSP', async () => {
    const page = await call('/', { headers: { host: `127.0.0.1:${server.port}` } });
    expect(page.status).toBe(200);
    expect(page.body).toContain("default-src 'none'; script-src 'self'");
  });

  it('answers an operation for the right token', async () => {
    const result = await api('getProject', { host: `127.0.0.1:${server.port}`, 'x-workbench-token': server.token });
    expect(result.status).toBe(200);
    expect(JSON.parse(result.body)).toMatchObject({ ok: true, value: { documents: expect.any(Array) } });
  });

  it('refuses an operation without the token or with a wrong one', async () => {
    const host = { host: `127.0.0.1:${server.port}` };
    expect((await api('getProject', host)).status).toBe(403);
    expect((await api('getProject', { ...host, 'x-workbench-token': `${server.token}x` })).status).toBe(403);
  });

  it('refuses another Host (DNS rebinding) and another Origin (a web page)', async () => {
    const token = { 'x-workbench-token': server.token };
    expect((await api('getProject', { ...token, host: `evil.example:${server.port}` })).status).toBe(403);
    expect((await call('/', { headers: { host: 'evil.example' } })).status).toBe(403);
    const foreign = await api('getProject', { ...token, host: `127.0.0.1:${server.port}`, origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
  });

  it('answers malformed JSON and unknown operations with a clear error', async () => {
    const headers = { host: `127.0.0.1:${server.port}`, 'x-workbench-token': server.token };
    const bad = await api('addSegment', headers, '{not json');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const unknown = JSON.parse((await api('dropTables', headers)).body);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/no operation/) } });
  });

  it('serves nothing outside the bundle', async () => {
    const host = { host: `127.0.0.1:${server.port}` };
    expect((await call('/../../package.json', { headers: host })).status).toBe(404);
    expect((await call('/%2e%2e/%2e%2e/package.json', { headers: host })).status).toBe(404);
  });

  it('answers a malformed %-escape in the path with 400, not an internal error', async () => {
    const headers = { host: `127.0.0.1:${server.port}`, 'x-workbench-token': server.token };
    const file = await call('/assets/%E0%A4%A.js', { headers });
    expect(file.status).toBe(400);
    const operation = await api('get%ZZProject', headers);
    expect(operation.status).toBe(400);
    expect(JSON.parse(operation.body)).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/%-encoded/) } });
  });

  it('refuses a file larger than 50 MB in words, and goes on answering', async () => {
    const headers = { host: `127.0.0.1:${server.port}`, 'x-workbench-token': server.token };
    const data = Buffer.alloc(60 * 1024 * 1024, 'a').toString('base64');
    const large = await api('importDocument', headers, JSON.stringify({ name: 'large.txt', data }));
    expect(large.status).toBe(413);
    expect(JSON.parse(large.body)).toEqual({ ok: false, error: { code: 'invalid-input', message: 'The file is larger than 50 MB, the most that is imported.' } });
    expect((await api('getProject', headers)).status).toBe(200);
  });

  it('refuses bytes that are not valid base64 and adds nothing', async () => {
    const headers = { host: `127.0.0.1:${server.port}`, 'x-workbench-token': server.token };
    const before = project.store.overview().documents.length;
    for (const data of ['not base64 at all!', 'QUJDRA', 'QU=JD', 'QUJD\nRA==']) {
      const answer = JSON.parse((await api('importDocument', headers, JSON.stringify({ name: 'damaged.txt', data }))).body);
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining("the file's bytes are not valid base64") } });
    }
    const project2 = JSON.parse((await api('importProject', headers, JSON.stringify({ name: 'other.qdpx', data: 'UEsDBA=!' }))).body);
    expect(project2).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('base64') } });
    expect(project.store.overview().documents).toHaveLength(before);
    // Valid base64 still imports.
    const good = JSON.parse((await api('importDocument', headers, JSON.stringify({ name: 'fine.txt', data: Buffer.from('A fine text.').toString('base64') }))).body);
    expect(good).toMatchObject({ ok: true });
  });

  it('serves only regular files under the real renderer folder, never through a link', async () => {
    const base = await tempFolder();
    const renderer = join(base, 'renderer');
    await mkdir(join(renderer, 'assets'), { recursive: true });
    await writeFile(join(renderer, 'index.html'), '<!doctype html><title>page</title>');
    await writeFile(join(renderer, 'assets', 'app.js'), 'console.log(1);');
    const secrets = join(base, 'secrets');
    await mkdir(secrets);
    await writeFile(join(secrets, 'token.txt'), 'secret');
    await symlink(join(secrets, 'token.txt'), join(renderer, 'token.txt'));
    await symlink(secrets, join(renderer, 'linked'));
    await symlink(join(renderer, 'assets', 'app.js'), join(renderer, 'alias.js'));
    const linked = await startPreviewServer({ handlers: project.handlers, rendererFolder: renderer });
    try {
      const get = (path: string) =>
        new Promise<{ status: number; body: string }>((resolve, reject) => {
          const req = request({ host: '127.0.0.1', port: linked.port, path, headers: { host: `127.0.0.1:${linked.port}` } }, (res) => {
            let body = '';
            res.on('data', (chunk) => (body += chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          });
          req.on('error', reject);
          req.end();
        });
      expect((await get('/')).status).toBe(200);
      expect((await get('/assets/app.js')).status).toBe(200);
      for (const path of ['/token.txt', '/linked/token.txt', '/alias.js', '/assets']) {
        const answer = await get(path);
        expect(answer.status, path).toBe(404);
        expect(answer.body).not.toContain('secret');
      }
    } finally {
      await linked.close();
    }
  });

  it('closes only once the operations under way have ended, so that nothing writes to the project after', async () => {
    const { store, handlers } = await openProject();
    let entered!: () => void;
    const arrived = new Promise<void>((resolve) => (entered = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const events: string[] = [];
    const slow = await startPreviewServer({
      handlers: {
        ...handlers,
        updateDocument: async (input) => {
          entered();
          await gate;
          const result = await handlers.updateDocument(input);
          events.push('written');
          return result;
        },
      },
      rendererFolder: new URL('../../dist/renderer', import.meta.url).pathname,
    });
    const documentId = store.overview().documents[0].id;
    const memo = 'written while the server closes';
    const sent = request({
      host: '127.0.0.1',
      port: slow.port,
      path: '/api/updateDocument',
      method: 'POST',
      headers: { host: `127.0.0.1:${slow.port}`, 'x-workbench-token': slow.token, 'content-type': 'application/json' },
    });
    sent.on('error', () => undefined); // closing drops the connection before the answer
    sent.end(JSON.stringify({ documentId, memo }));
    await arrived;
    const closed = slow.close().then(() => events.push('closed'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events).toEqual([]);
    release();
    await closed;
    expect(events).toEqual(['written', 'closed']);
    expect(store.overview().documents[0]).toMatchObject({ memo });
  });
});
