/**
 * The app:// scheme: the page and its assets come from the built renderer folder and nowhere
 * else. Nothing is fetched from the network; a path with a malformed %-escape is a bad request,
 * and one that leads out of the folder (by `..`, an encoded slash, a link) or names another host
 * is not found.
 */
import { realpath } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { decodedPath, servedFile } from '../preview/served-file';

/** The scheme's name, and its one host (the page's origin is app://workbench). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'workbench';

/**
 * Declares app:// a standard, secure scheme (so the page has an origin and the fetch API); must
 * run before the app is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** The handler of app:// requests, serving the files inside `rendererFolder` only. */
export function appRequestHandler(rendererFolder: string): (request: Request) => Promise<Response> {
  // Links are resolved once, so that a file's real path can be compared with the folder's.
  const rootOnce = realpath(rendererFolder);
  return async (request) => {
    const { host, pathname } = new URL(request.url);
    const relative = pathname === '/' ? 'index.html' : decodedPath(pathname.slice(1));
    if (relative === null) return new Response('Bad request', { status: 400 });
    const file = host === APP_HOST ? await servedFile(await rootOnce, relative) : null;
    if (file === null) return new Response('Not found', { status: 404 });
    return net.fetch(pathToFileURL(file).toString());
  };
}

/** Serves app:// from the renderer folder (after the app is ready). */
export function serveRenderer(rendererFolder: string): void {
  protocol.handle(APP_SCHEME, appRequestHandler(rendererFolder));
}
