/**
 * The preview server: the same renderer bundle and the same handler table as the app, served over
 * HTTP on 127.0.0.1 for machines where Electron cannot start (a lab server over an SSH tunnel, a
 * container, CI). It answers only on the loopback address, only to requests whose Host (and
 * Origin, when sent) name that address, and runs an operation only for a caller that presents the
 * random per-run token given in the printed URL.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, realpath } from 'node:fs/promises';
import { extname, normalize } from 'node:path';
import { fail } from '../../shared/ipc/result';
import { IMPORT_MAX_BYTES } from '../../shared/exchange/file-kinds';
import { dispatch, type Handlers } from '../handlers/dispatch';
import { decodedPath, servedFile } from './served-file';

export const TOKEN_HEADER = 'x-workbench-token';
/** Large enough for an imported file (50 MB, base64-encoded). */
const MAX_BODY_BYTES = 72 * 1024 * 1024;
/** Past this, a body too large is no longer read to its end (so the caller can get the answer) but cut off. */
const MAX_DRAINED_BYTES = 4 * MAX_BODY_BYTES;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

export interface PreviewServerOptions {
  handlers: Handlers;
  /** The built renderer (index.html and assets). */
  rendererFolder: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed token (tests); a random one by default. */
  token?: string;
}

export interface PreviewServer {
  /** The URL to open, token included (in the fragment, so it is never sent in a request line). */
  url: string;
  origin: string;
  port: number;
  token: string;
  /** Stops listening, drops the connections and resolves once the operations under way have ended. */
  close(): Promise<void>;
}

function send(response: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  response.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-resource-policy': 'same-origin',
  });
  response.end(body);
}

function sameToken(given: string | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A request body larger than the server takes in. */
class BodyTooLarge extends Error {}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    // The rest is read and dropped, so that the caller, still sending, gets the answer.
    if (size > MAX_BODY_BYTES) {
      chunks.length = 0;
      if (size > MAX_DRAINED_BYTES) request.destroy();
      continue;
    }
    chunks.push(chunk as Buffer);
  }
  if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
  return Buffer.concat(chunks).toString('utf8');
}

/** Why a body was refused as too large, in words: only an imported file makes one so large. */
function tooLargeMessage(operation: string): string {
  const limit = `${IMPORT_MAX_BYTES.document / 1024 / 1024} MB`;
  return /^import/.test(operation)
    ? `The file is larger than ${limit}, the most that is imported.`
    : `The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB, the most the preview takes in.`;
}

export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  // Files are served from the real folder, so that a link inside it cannot lead out of it.
  const root = await realpath(normalize(options.rendererFolder));
  let allowedHosts: Set<string> = new Set();
  let allowedOrigins: Set<string> = new Set();

  // The requests being answered, so that closing waits for operations already under way: once
  // close() resolves, nothing the server started still writes to the project.
  const answering = new Set<Promise<void>>();
  const server = createServer((request, response) => {
    const answer = handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, `Internal error: ${(error as Error).message}`);
      else response.destroy();
    });
    answering.add(answer);
    void answer.finally(() => answering.delete(answer));
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // A page on another site that resolves its own name to 127.0.0.1 (DNS rebinding) sends its own Host.
    if (!allowedHosts.has(request.headers.host ?? '')) return send(response, 403, 'Forbidden host.');
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/')) {
      if (request.method !== 'POST') return send(response, 405, 'Use POST.');
      const origin = request.headers.origin;
      if (origin !== undefined && !allowedOrigins.has(origin)) return send(response, 403, 'Forbidden origin.');
      if (!sameToken(request.headers[TOKEN_HEADER] as string | undefined, token)) {
        return send(response, 403, JSON.stringify(fail('forbidden', 'Missing or wrong preview token.')), 'application/json');
      }
      const operation = decodedPath(url.pathname.slice(5));
      if (operation === null) {
        request.resume();
        return send(response, 400, JSON.stringify(fail('invalid-input', 'The operation name in the URL is not properly %-encoded.')), 'application/json');
      }
      let input: unknown;
      try {
        const body = await readBody(request);
        input = body ? JSON.parse(body) : {};
      } catch (error) {
        if (error instanceof BodyTooLarge) return send(response, 413, JSON.stringify(fail('invalid-input', tooLargeMessage(operation))), 'application/json');
        const result = fail('invalid-input', `The request body is not valid JSON: ${(error as Error).message}`);
        return send(response, 400, JSON.stringify(result), 'application/json');
      }
      const result = await dispatch(options.handlers, operation, input);
      return send(response, 200, JSON.stringify(result), 'application/json; charset=utf-8');
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'Method not allowed.');
    const relative = url.pathname === '/' ? 'index.html' : decodedPath(url.pathname.slice(1));
    if (relative === null) return send(response, 400, 'Bad request: the path is not properly %-encoded.');
    const file = await servedFile(root, relative);
    if (!file) return send(response, 404, 'Not found.');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return send(response, 404, 'Not found.');
    }
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the preview server has no port');
  const port = address.port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  allowedOrigins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await Promise.all(answering);
    },
  };
}
