/**
 * A child process for the bench: opens the project in argv[2] as the desktop app does (a session
 * of projects and the handler table over it), answers the calls the page makes at start (the
 * session, the project's overview, the first document), and prints one line of JSON with its
 * resident memory then: what the main process holds with that project open.
 */
import { writeSync } from 'node:fs';
import { createHandlers } from '../../../electron/handlers/handlers';
import { ProjectSession } from '../../../electron/services/project-session';

async function main(): Promise<void> {
  const [folder] = process.argv.slice(2);
  const started = performance.now();
  const session = await ProjectSession.start({ userData: null, bundledDocuments: null, backups: false });
  await session.open(folder!);
  const handlers = createHandlers({ session, chooseSavePath: async () => null });
  await handlers.getSession({} as never);
  const overview = (await handlers.getProject({} as never)) as { documents: Array<{ id: string }> };
  await handlers.openDocument({ documentId: overview.documents[0]!.id });
  const readyMs = performance.now() - started;
  // What stays held, once the garbage of opening is collected (as V8 does soon after in the app):
  // twice, since the buffers freed by the first collection are given back after it.
  for (let i = 0; i < 2; i++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    (globalThis as { gc?: () => void }).gc?.();
  }
  const memory = process.memoryUsage();
  writeSync(1, `${JSON.stringify({ ...memory, readyMs })}\n`);
  await session.shutdown();
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
