// Makes sure what the test suites need beyond npm is on the machine: Debian's Chromium for the
// end-to-end tests and python3 for reading the exports. As root on Debian it installs Chromium;
// elsewhere it says what to install and stops.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

if (!existsSync(chromium)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && has('apt-get')) {
    console.log(`Chromium is missing at ${chromium}: installing Debian's chromium package…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  } else {
    console.error(
      `The end-to-end tests need Chromium at ${chromium}.\n` +
        "Install it (on Debian or Ubuntu: sudo apt-get install chromium), or set CHROMIUM_PATH to a Chromium or Chrome binary.",
    );
    process.exit(1);
  }
}
if (!has('python3')) {
  console.error('The tests read the exports with python3; install python3 and run npm test again.');
  process.exit(1);
}
