/**
 * Python for the cross-checks against NLTK (Debian's python3-nltk): finding an interpreter that
 * can import it, and running one script that reads JSON on stdin and prints JSON.
 */
import { spawnSync } from 'node:child_process';

/**
 * The first of python3 and /usr/bin/python3 that can import NLTK. Otherwise throws, saying how to
 * install it; `check` names the test that needs it ("the agreement cross-check").
 */
export function pythonWithNltk(check: string): string {
  for (const python of ['python3', '/usr/bin/python3']) {
    if (spawnSync(python, ['-c', 'import nltk']).status === 0) return python;
  }
  throw new Error(
    `No python3 with NLTK (tried python3 and /usr/bin/python3): install Debian's python3-nltk (apt-get install python3-nltk) to run ${check}.`,
  );
}

/**
 * Runs `script` with the python of `pythonWithNltk(check)`, `input` as JSON on its stdin, and
 * returns what it prints, parsed as JSON. Throws with Python's stderr when the script fails.
 */
export function runNltkScript<T>(script: string, input: unknown, check: string): T {
  const run = spawnSync(pythonWithNltk(check), ['-c', script], {
    input: JSON.stringify(input),
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`NLTK failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}
