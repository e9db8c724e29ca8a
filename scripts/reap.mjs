/**
 * Ends every process a run left behind. A run marks its processes with an
 * environment variable (NAME=VALUE), which every process they start inherits:
 * browsers, their content processes, drivers, Xvfb, MariaDB, php. A process
 * whose parent has gone is re-parented to PID 1, so no process tree finds it
 * (a Firefox ESR of one CI run was still running 54 minutes after it ended);
 * its environment still names the run.
 *
 *   node scripts/reap.mjs NAME=VALUE [--quiet]    kills them and says which (--quiet: nothing when there were none)
 */
import { readFileSync, readdirSync } from 'node:fs';
import { argv } from 'node:process';

/** The state and parent of a process ("pid (comm) state ppid ...": comm may hold spaces and parentheses). */
function statOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const [state, parent] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state, parent: Number(parent) };
  } catch {
    return { state: 'gone', parent: 0 };
  }
}

/** Whether a process is still running: a zombie has ended, and only waits for its parent to collect it. */
export function running(pid) {
  const { state } = statOf(pid);
  return state !== 'gone' && state !== 'Z' && state !== 'X';
}

/** This process and its ancestors: they carry the mark too, and are not left over. */
function ourselves() {
  const own = new Set();
  for (let pid = process.pid; pid > 1; pid = statOf(pid).parent) own.add(pid);
  return own;
}

/** Kills the processes marked `mark` (NAME=VALUE) other than this one and its ancestors; returns what it killed. */
export function reap(mark) {
  const own = ourselves();
  const killed = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || own.has(pid) || !running(pid)) continue;
    let environ;
    let name;
    try {
      environ = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
      name = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    } catch {
      continue; // gone, or not ours to read
    }
    if (!environ.includes(mark)) continue;
    try {
      process.kill(pid, 'SIGKILL');
      killed.push({ pid, name });
    } catch {
      // it ended on its own
    }
  }
  return killed;
}

if (import.meta.url === `file://${argv[1]}`) {
  const mark = argv[2];
  if (!mark?.includes('=')) {
    console.error('usage: node scripts/reap.mjs NAME=VALUE [--quiet]');
    process.exit(2);
  }
  const killed = reap(mark);
  if (killed.length === 0 && argv.includes('--quiet')) process.exit(0);
  console.log(
    killed.length === 0
      ? 'Left running: nothing'
      : `Left running, now killed: ${killed.map(({ pid, name }) => `${name} (${pid})`).join(', ')}`,
  );
}
