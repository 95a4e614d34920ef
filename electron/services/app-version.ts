/**
 * The program's version, as package.json names it, for what the program writes about itself (the
 * manifest of a project archive). The file sits two folders above this code both in the sources
 * (electron/services/) and in the build (dist/electron/), in the packaged app as well.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

let known: string | null = null;

/** The version of Annotation Workbench that runs ('unknown' when its package.json cannot be read). */
export function appVersion(): string {
  if (known === null) {
    try {
      const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      known = manifest.name === 'annotation-workbench' && typeof manifest.version === 'string' ? manifest.version : 'unknown';
    } catch {
      known = 'unknown';
    }
  }
  return known;
}
