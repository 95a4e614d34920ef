/**
 * `npm run preview`: serves the app in a browser on 127.0.0.1, over the same handlers as the
 * desktop app, and prints the URL to open. Options: --root DIR, --project DIR, --exports DIR, --port N.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { saveIntoFolder } from '../services/export-folder';
import type { ChooseSavePath } from '../handlers/handlers';
import { createHandlers } from '../handlers/handlers';
import { mkdir } from 'node:fs/promises';
import { defaultProjectFolder, userDataFolder } from '../services/paths';
import { ARCHIVE_EXTENSION, placesBelow } from '../services/project-places';
import { ProjectSession } from '../services/project-session';
import { SharedFolders } from '../services/shared-folders';
import { startPreviewServer } from './preview-server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      project: { type: 'string' },
      root: { type: 'string' },
      exports: { type: 'string' },
      port: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log('Usage: npm run preview -- [--root DIR] [--project DIR] [--exports DIR] [--port N]\n  --root: the folder below which the page may create and open projects (default: the projects folder of the user data)\n  --project: a project opened at the start (made from the bundled texts if the folder holds none)');
    return;
  }
  const appRoot = resolve(__dirname, '..', '..');
  const root = resolve(values.root ?? join(userDataFolder(), 'projects'));
  await mkdir(root, { recursive: true });
  const places = placesBelow(root);
  const session = await ProjectSession.start({ userData: root, bundledDocuments: join(appRoot, 'documents'), chooser: places });
  if (values.project) await session.openGiven(resolve(values.project));
  else if (session.recent.lastOpen) await session.openLast();
  else if (!values.root) await session.openGiven(defaultProjectFolder(userDataFolder()));
  const exportsFolder = resolve(values.exports ?? join(root, 'exports'));
  const sharedFolders = await SharedFolders.load(root);
  for (const notice of sharedFolders.notices) session.tell(notice);
  // Archives go into the root itself, where Open project lists them; every other file into the exports folder.
  const saveExport = saveIntoFolder(exportsFolder);
  const saveArchive = saveIntoFolder(root);
  const chooseSavePath: ChooseSavePath = (name, kind) => (kind.extensions.includes(ARCHIVE_EXTENSION.slice(1)) ? saveArchive(name, kind) : saveExport(name, kind));
  // The page chooses a coders' shared folder by its name below the root, never by a path.
  const handlers = createHandlers({ session, chooseSavePath, folderBelow: (name) => places.folderBelow(name), sharedFolders });
  const server = await startPreviewServer({
    handlers,
    rendererFolder: join(appRoot, 'dist', 'renderer'),
    port: values.port ? Number(values.port) : 0,
  });
  console.log(`Annotation Workbench preview\n  projects below: ${root}\n  open: ${session.store?.folder ?? '(none: the start screen)'}\n  exports: ${exportsFolder}`);
  for (const notice of [...(session.store?.notices ?? []), ...(await session.state()).notices]) console.log(`  notice: ${notice}`);
  console.log(`\nOpen ${server.url}\n(only this machine can reach it; press Ctrl+C to stop)`);
  const stop = async () => {
    await server.close();
    await session.shutdown();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(`Preview failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
