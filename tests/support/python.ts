/**
 * Python for reading the exports back and cross-checking the statistics: finding an interpreter
 * that can import a module (Debian's python3-nltk, python3-openpyxl), and running one script that
 * reads JSON on stdin and prints JSON.
 */
import { spawnSync } from 'node:child_process';

/**
 * The first of python3 and /usr/bin/python3 that can import `module`. Otherwise throws, saying to
 * install Debian's `debianPackage`; `check` names the test that needs it ("the agreement cross-check").
 */
export function pythonWith(module: string, debianPackage: string, check: string): string {
  for (const python of ['python3', '/usr/bin/python3']) {
    if (spawnSync(python, ['-c', `import ${module}`]).status === 0) return python;
  }
  throw new Error(
    `No python3 with ${module} (tried python3 and /usr/bin/python3): install Debian's ${debianPackage} (apt-get install ${debianPackage}) to run ${check}.`,
  );
}

/** The first python3 that can import NLTK (see `pythonWith`). */
export function pythonWithNltk(check: string): string {
  return pythonWith('nltk', 'python3-nltk', check);
}

/**
 * Runs `script` with `python`, `input` as JSON on its stdin and `args` as its arguments, and returns
 * what it prints, parsed as JSON. Throws with Python's stderr when the script fails.
 */
export function runPythonScript<T>(python: string, script: string, input: unknown, args: readonly string[] = []): T {
  const run = spawnSync(python, ['-c', script, ...args], {
    input: JSON.stringify(input),
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`${python} failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}

/**
 * Runs `script` with the python of `pythonWithNltk(check)` (see `runPythonScript`). Throws with
 * Python's stderr when the script fails.
 */
export function runNltkScript<T>(script: string, input: unknown, check: string): T {
  return runPythonScript<T>(pythonWithNltk(check), script, input);
}
