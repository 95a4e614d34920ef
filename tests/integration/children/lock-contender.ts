/**
 * A child process for the lock race test: waits for a line on standard input (so that several
 * start at the same moment), then tries to take the lock of the project in argv[2] and prints
 * `locked` or `refused <message>`. It keeps the lock until it is killed.
 */
import { writeSync } from 'node:fs';
import { lockProject } from '../../../electron/project/project-lock';

process.stdin.once('data', () => {
  lockProject(process.argv[2], new Date()).then(
    () => writeSync(1, 'locked\n'),
    (error: unknown) => writeSync(1, `refused ${error instanceof Error ? error.message : String(error)}\n`),
  );
});
writeSync(1, 'waiting\n');
