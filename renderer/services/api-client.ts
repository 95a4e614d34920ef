/**
 * The page's way to the main process. In the desktop app the preload has put the typed bridge on
 * `window.workbench`. In the browser preview the same operations go over HTTP to the preview
 * server, with the per-run token taken from the URL fragment (and then removed from the address).
 */
import { operationNames, type WorkbenchApi, type WorkbenchBridge } from '../../shared/ipc';
import { fail } from '../../shared/ipc/result';
import { t } from '../i18n/i18n';
import { afterNextFrame } from './after-frame';

declare global {
  interface Window {
    workbench?: WorkbenchBridge;
  }
}

const TOKEN_KEY = 'workbench-preview-token';
/** The most bytes a request sent as the page goes away may carry and still outlive it (the browsers' limit is 64 KiB in all). */
const KEEPALIVE_LIMIT = 60_000;
/** True once the page is going away (its window closed or reloaded). */
let leaving = false;

function previewBridge(): WorkbenchBridge {
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  const token = sessionStorage.getItem(TOKEN_KEY) ?? '';
  const api = Object.fromEntries(
    operationNames.map((name) => [
      name,
      async (input: unknown) => {
        try {
          const body = JSON.stringify(input ?? {});
          const response = await fetch(`/api/${name}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-workbench-token': token },
            body,
            // Sent as the page goes away (see flushOnHide): kept alive past it, as far as the browser allows.
            keepalive: leaving && new TextEncoder().encode(body).length <= KEEPALIVE_LIMIT,
          });
          const type = response.headers.get('content-type') ?? '';
          if (!type.startsWith('application/json')) {
            return fail('internal', t('services.preview.answered', { status: response.status, answer: await response.text() }));
          }
          return await response.json();
        } catch (error) {
          return fail('unreachable', t('services.preview.unreachable', { reason: (error as Error).message }));
        }
      },
    ]),
  ) as unknown as WorkbenchApi;
  return { api, onCommand: () => () => undefined };
}

export const bridge: WorkbenchBridge = window.workbench ?? previewBridge();

/** The calls sent and not yet answered (a change of project waits for them: nothing typed is lost). */
const inFlight = new Set<Promise<unknown>>();

/** Calls waiting for the frame being drawn (see sendAfterFrame), in the order they were made. */
const waiting: Array<() => void> = [];

/** Sends the calls waiting for the frame, in order. */
function sendWaiting(): void {
  for (const send of waiting.splice(0)) send();
}

/**
 * Makes a call once the frame being drawn is on screen (starting a request costs milliseconds of
 * a key press's frame). Calls keep their order: any call made meanwhile sends the waiting ones first.
 */
export function sendAfterFrame<T>(call: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    waiting.push(() => call().then(resolve, reject));
    if (waiting.length === 1) afterNextFrame(sendWaiting);
  });
}

/** Each call of the bridge, counted while it is under way. */
function counted(raw: WorkbenchApi): WorkbenchApi {
  return Object.fromEntries(
    operationNames.map((name) => [
      name,
      (input: unknown) => {
        sendWaiting();
        const call = (raw[name] as (input: unknown) => Promise<unknown>)(input);
        inFlight.add(call);
        void call.finally(() => inFlight.delete(call)).catch(() => undefined);
        return call;
      },
    ]),
  ) as unknown as WorkbenchApi;
}

export const api: WorkbenchApi = counted(bridge.api);

/**
 * A change made in the last frame before the window closes is sent as the page goes away, rather
 * than after a frame that will never be drawn: nothing typed is lost with the window.
 */
function flushOnHide(): void {
  leaving = true;
  sendWaiting();
}
// (Where the page's services run under Node, there is no page to go away.)
if (typeof window.addEventListener === 'function') {
  window.addEventListener('pagehide', flushOnHide);
  window.addEventListener('pageshow', () => (leaving = false));
}

/** Resolves once every call sent so far (and any sent while waiting) has been answered. */
export async function callsSettled(): Promise<void> {
  sendWaiting();
  while (inFlight.size) await Promise.allSettled([...inFlight]);
}
/** True in the browser preview (no native menu: the page handles the menu's shortcuts itself). */
export const isPreview = !window.workbench;
