/**
 * Test-server command `layout-count`, which only Chrome DevTools can answer:
 * how many times the test's page has been laid out so far
 * (Performance metrics). A test compares two readings to see what some work
 * cost, which no page script can observe. In other engines it returns false
 * and the test skips.
 */
function chromiumPage(session) {
  return session.browser.type === 'puppeteer' && session.browser.name === 'Chromium' ? session.browser.getPage?.(session.id) : undefined;
}

export const devtoolsPlugin = {
  name: 'devtools',
  async executeCommand({ command, session }) {
    if (command !== 'layout-count') return undefined;
    const page = chromiumPage(session);
    // Not null or undefined: the test runner takes those for a command no plugin knows.
    if (!page) return false;
    const metrics = await page.metrics();
    return { layouts: metrics.LayoutCount };
  },
};
