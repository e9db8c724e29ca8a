import { waitUntil } from '@open-wc/testing';

/** Under the test timeout of web-test-runner.config.mjs (60 s). */
const EVENTUALLY_MS = 45000;

/**
 * Waits for `predicate` to hold, for as long as a starved engine on a busy machine may need: a test waits for the event
 * it means, not for a time it guesses. The bound is only there to fail with `message` before the test's own timeout,
 * which would say nothing of what was awaited.
 */
export function eventually(predicate: () => unknown, message: string): Promise<void> {
  return waitUntil(predicate, message, { timeout: EVENTUALLY_MS });
}
