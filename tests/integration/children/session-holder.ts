/**
 * A child process for the session tests: another program with its own project session, holding
 * the project in argv[2] open; says `ready`, and closes it when its standard input closes.
 */
import { writeSync } from 'node:fs';
import { ProjectSession } from '../../../electron/services/project-session';

async function main(): Promise<void> {
  const [folder, userData] = process.argv.slice(2);
  const session = await ProjectSession.start({ userData, bundledDocuments: null, backups: false, coder: 'holder' });
  await session.open(folder);
  writeSync(1, 'ready\n');
  process.stdin.resume();
  process.stdin.on('end', () => {
    void session.shutdown().then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  writeSync(2, `${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
