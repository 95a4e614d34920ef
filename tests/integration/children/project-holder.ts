/**
 * A child process for the lock test: opens the project in argv[2], says `ready`, and keeps it
 * open until its standard input closes (then closes the project) or it is killed.
 */
import { writeSync } from 'node:fs';
import { ProjectStore } from '../../../electron/project/project-store';

async function main(): Promise<void> {
  const [folder, bundledDocuments] = process.argv.slice(2);
  const store = await ProjectStore.open({ folder, bundledDocuments, coder: 'holder' });
  writeSync(1, 'ready\n');
  process.stdin.resume();
  process.stdin.on('end', () => {
    void store.close().then(() => {
      writeSync(1, 'closed\n');
      process.exit(0);
    });
  });
}

main().catch((error: unknown) => {
  writeSync(2, `${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
