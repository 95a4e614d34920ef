// Makes sure what the test suites need beyond npm is on the machine: Debian's Chromium for the
// end-to-end tests, python3 (with NLTK and openpyxl) for reading the exports and cross-checking the
// agreement figures, SciPy and pandas for recomputing the analysis tables and tests, and xmllint for validating REFI-QDA files against their schemas. As root on
// Debian it installs what is missing; elsewhere it says what to install and stops.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const pythonWith = (module) =>
  ['python3', '/usr/bin/python3'].some((python) => spawnSync(python, ['-c', `import ${module}`]).status === 0);

const needs = () => [
  !existsSync(chromium) && 'chromium',
  !has('python3') && 'python3',
  !has('xmllint') && 'libxml2-utils',
  !pythonWith('nltk') && 'python3-nltk',
  !pythonWith('openpyxl') && 'python3-openpyxl',
  !pythonWith('scipy') && 'python3-scipy',
  !pythonWith('pandas') && 'python3-pandas',
].filter(Boolean);

let missing = needs();
if (missing.length) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && has('apt-get')) {
    console.log(`Installing Debian packages the tests need: ${missing.join(' ')}…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
    missing = needs();
  }
  if (missing.length) {
    console.error(
      `The tests need these Debian packages (or their equivalents): ${missing.join(', ')}.\n` +
        `Install them (on Debian or Ubuntu: sudo apt-get install ${missing.join(' ')}), or set CHROMIUM_PATH to a Chromium or Chrome binary, and run npm test again.`,
    );
    process.exit(1);
  }
}
