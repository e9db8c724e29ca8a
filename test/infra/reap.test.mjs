/**
 * scripts/reap.mjs finds what a run left behind by the mark in its
 * environment, even a process whose parent has gone (re-parented to PID 1,
 * as a Firefox ESR of one CI run was), and leaves this process, its
 * ancestors and unmarked processes alone.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { test } from 'node:test';
import { reap, running as alive } from '../../scripts/reap.mjs';

test('kills an orphan that carries the mark, and nothing that does not', async () => {
  const mark = `CEOP_STATS_REAP_TEST=${process.pid}`;
  // A shell that starts a sleep in the background and exits at once: the sleep is an orphan, its parent PID 1.
  const orphan = Number(
    execFileSync('sh', ['-c', 'sleep 300 > /dev/null 2>&1 & echo $!'], {
      env: { ...process.env, CEOP_STATS_REAP_TEST: String(process.pid) },
      encoding: 'utf8',
    }),
  );
  const unmarked = spawn('sleep', ['300'], { stdio: 'ignore' });
  try {
    assert.ok(alive(orphan), 'the orphan runs');
    const killed = reap(mark);
    assert.deepEqual(killed, [{ pid: orphan, name: 'sleep' }]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(alive(orphan), false, 'the orphan is gone');
    assert.ok(alive(unmarked.pid), 'an unmarked process is left alone');
    assert.ok(alive(process.pid));
  } finally {
    unmarked.kill();
    if (alive(orphan)) process.kill(orphan, 'SIGKILL');
  }
});
