import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../electron/services/preview-server';
import { openProject } from '../support/project';

let server: PreviewServer;

beforeAll(async () => {
  const { handlers } = await openProject();
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
