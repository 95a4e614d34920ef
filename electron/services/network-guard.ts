/**
 * Cuts a worker thread off the network: the functions Node reaches the network with are replaced,
 * in this thread only, by ones that throw. The suggestions worker calls it before anything else,
 * so that what it learns from a researcher's texts cannot leave the machine, whatever a
 * dependency might try. (A worker thread has its own global object and its own copies of the
 * built-in modules: the main process keeps its network.)
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';

/** What a cut-off function throws. */
export class NetworkRefused extends Error {
  constructor(what: string) {
    super(`${what} was refused: this worker thread has no network access`);
    this.name = 'NetworkRefused';
  }
}

const refuse = (what: string) => () => {
  throw new NetworkRefused(what);
};

/** Replaces fetch, WebSocket, http(s).request/get, net.connect/createConnection, tls.connect and dns look-ups with functions that throw. */
export function cutNetwork(): void {
  const replace = (target: object, name: string, what: string) => Object.defineProperty(target, name, { value: refuse(what), writable: true, configurable: true });
  replace(globalThis, 'fetch', 'fetch');
  if ('WebSocket' in globalThis) replace(globalThis, 'WebSocket', 'WebSocket');
  for (const [module, label] of [[http, 'http'], [https, 'https']] as const) {
    replace(module, 'request', `${label}.request`);
    replace(module, 'get', `${label}.get`);
  }
  replace(net, 'connect', 'net.connect');
  replace(net, 'createConnection', 'net.createConnection');
  replace(tls, 'connect', 'tls.connect');
  for (const name of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) {
    replace(dns, name, `dns.${name}`);
    replace(dns.promises, name, `dns.promises.${name}`);
  }
}
