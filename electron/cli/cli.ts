/**
 * `annotation-workbench`: the project's data from a shell script, over the same services as the
 * app, for reproducible pipelines. Output is JSON on stdout; messages go to stderr; the exit code
 * says what happened (0 done, 1 wrong usage, 2 no readable project, 3 a file could not be written
 * or read). The words are read in arguments.ts, the commands are in commands.ts.
 */
import { join, resolve } from 'node:path';
import { defaultProjectFolder, userDataFolder } from '../services/paths';
import { checkCall, CliError, EXIT, HELP, parseCommandLine } from './arguments';
import { runOnProject } from './commands';
import { init } from './commands/init';
import { restore } from './commands/restore';

/** The bundled texts, beside the built CLI (dist/electron/cli.cjs). */
const BUNDLED_DOCUMENTS = join(__dirname, '..', '..', 'documents');

async function main(argv: string[]): Promise<unknown> {
  const { values, positionals } = parseCommandLine(argv);
  const [command, ...files] = positionals;
  if (values.help || !command) {
    console.log(HELP);
    if (!command && !values.help) throw new CliError(EXIT.usage, 'Name a command.');
    return undefined;
  }
  checkCall(command, values, files);
  const folder = resolve(values.project ?? defaultProjectFolder(userDataFolder()));
  if (command === 'init') return init(folder, values.sample === true ? BUNDLED_DOCUMENTS : null, values.coder);
  if (command === 'restore') return restore(resolve(files[0]!), resolve(values.into!));
  return runOnProject(command, folder, BUNDLED_DOCUMENTS, values, files, values.out ? resolve(values.out) : null);
}

main(process.argv.slice(2)).then(
  (output) => {
    if (output !== undefined) process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  },
  (error: unknown) => {
    process.stderr.write(`annotation-workbench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = error instanceof CliError ? error.exitCode : EXIT.file;
  },
);
