/**
 * Test-server command `server-log`: prints a line from a test in the test
 * runner's own output at once, with the browser's name. The browser's console
 * reaches that output only when its test file ends, so a line a test must not
 * lose if its engine crashes (the fuzz test's seed, to replay the cases that
 * ran into the crash) goes this way too.
 */
export const serverLogPlugin = {
  name: 'server-log',
  executeCommand({ command, payload, session }) {
    if (command !== 'server-log') return undefined;
    console.log(`[${session.browser.name}] ${String(payload)}`);
    // Not null or undefined: the test runner takes those for a command no plugin knows.
    return true;
  },
};
