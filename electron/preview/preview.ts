/**
 * `npm run preview`: serves the app in a browser on 127.0.0.1, over the same handlers as the
 * desktop app, and prints the URL to open. Options: --project DIR, --exports DIR, --port N.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { saveIntoFolder } from '../services/export-folder';
import { createHandlers } from '../handlers/handlers';
import { defaultProjectFolder, userDataFolder } from '../services/paths';
import { startPreviewServer } from './preview-server';
import { ProjectStore } from '../project/project-store';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      project: { type: 'string' },
      exports: { type: 'string' },
      port: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log('Usage: npm run preview -- [--project DIR] [--exports DIR] [--port N]');
    return;
  }
  const appRoot = resolve(__dirname, '..', '..');
  const folder = resolve(values.project ?? defaultProjectFolder(userDataFolder()));
  const store = await ProjectStore.open({ folder, bundledDocuments: join(appRoot, 'documents') });
  const exportsFolder = resolve(values.exports ?? join(folder, 'exports'));
  const handlers = createHandlers({ store, chooseSavePath: saveIntoFolder(exportsFolder) });
  const server = await startPreviewServer({
    handlers,
    rendererFolder: join(appRoot, 'dist', 'renderer'),
    port: values.port ? Number(values.port) : 0,
  });
  console.log(`Annotation Workbench preview\n  project: ${folder}\n  exports: ${exportsFolder}`);
  for (const notice of store.notices) console.log(`  notice: ${notice}`);
  console.log(`\nOpen ${server.url}\n(only this machine can reach it; press Ctrl+C to stop)`);
  const stop = async () => {
    await server.close();
    await store.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(`Preview failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
