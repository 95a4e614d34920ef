// Starts the built app in Electron (`npm start` runs it after the build). Electron's program is
// found by the electron package's own path logic, as its `electron` command finds it (including
// its ELECTRON_OVERRIDE_DIST_PATH). Where the program was never downloaded (an install with
// ELECTRON_SKIP_BINARY_DOWNLOAD=1, or without a network), it says so in one sentence, with the
// fix and the browser preview that works meanwhile, instead of the package's stack trace.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { constants as osConstants } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const appFolder = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Electron's program, or null when the electron package has none installed. */
function electronProgram() {
  try {
    const program = createRequire(join(appFolder, 'package.json'))('electron');
    return typeof program === 'string' && existsSync(program) ? program : null;
  } catch {
    // The package throws "Electron failed to install correctly…" when its dist/ was never made.
    return null;
  }
}

const program = electronProgram();
if (program === null) {
  console.error(
    "Annotation Workbench cannot start: Electron's program is not installed (node_modules/electron has no dist/ folder); " +
      'on a machine with a network, run `npm rebuild electron` (without ELECTRON_SKIP_BINARY_DOWNLOAD set) to download it, ' +
      'and meanwhile `npm run preview` opens the same app in a browser.',
  );
  process.exit(1);
}

// Ctrl+C and a terminating signal reach the app, which then closes its project as it quits. The
// handlers are in place before the program starts, so that no signal can end this launcher alone
// and leave the app running without it.
let electron = null;
let running = true;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    // Before the program is started there is nothing to hand the signal to: end as it asks.
    if (electron === null) process.exit(128 + osConstants.signals[signal]);
    if (running) electron.kill(signal);
  });
}
electron = spawn(program, [appFolder, ...process.argv.slice(2)], { stdio: 'inherit', windowsHide: false });
electron.on('error', (error) => {
  console.error(`Annotation Workbench cannot start: Electron's program (${program}) could not be run: ${error.message}`);
  process.exit(1);
});
electron.on('close', (code, signal) => {
  running = false;
  if (signal !== null) {
    // Ended by a signal: end the same way, so that whoever started us sees it.
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
    return;
  }
  process.exit(code ?? 1);
});
