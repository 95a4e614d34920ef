// Preloaded into a child process (node --require): on exit, it prints the process's peak resident
// memory (VmHWM, Linux) to stderr, so that a test can bound what an import took.
const { readFileSync } = require('node:fs');

process.on('exit', () => {
  const peak = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  process.stderr.write(`peak-rss-kib ${peak ? peak[1] : 'unknown'}\n`);
});
