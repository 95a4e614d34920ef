/**
 * A child process for the backups test: opens the project in argv[2], starts its backups (a timer
 * of ten minutes), says `started`, and returns without closing anything. It exits by itself only
 * if the backups' timer does not keep it alive.
 */
import { writeSync } from 'node:fs';
import { ProjectStore } from '../../../electron/project/project-store';
import { ProjectBackups } from '../../../electron/services/project-backups';

async function main(): Promise<void> {
  const [folder, bundledDocuments] = process.argv.slice(2);
  const store = await ProjectStore.open({ folder: folder!, bundledDocuments: bundledDocuments!, coder: 'timer' });
  await new ProjectBackups(store).start();
  writeSync(1, 'started\n');
}

main().catch((error: unknown) => {
  writeSync(2, `${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
