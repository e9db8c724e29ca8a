/**
 * Test-server plugin: an HTML page requested with ?capture-console gets a
 * first script that records uncaught errors and console.error/warn calls in
 * window.__consoleProblems, so a test can load a real page (the demo) in an
 * iframe and assert what it logged, in every engine.
 */
const capture = `<script>
  window.__consoleProblems = [];
  for (const level of ['error', 'warn']) {
    const original = console[level].bind(console);
    console[level] = (...args) => {
      window.__consoleProblems.push(level + ': ' + args.map(String).join(' '));
      original(...args);
    };
  }
  window.addEventListener('error', (e) => window.__consoleProblems.push('uncaught: ' + (e.message || e.target?.src || e.target?.href || e.type)), true);
  window.addEventListener('unhandledrejection', (e) => window.__consoleProblems.push('unhandled rejection: ' + e.reason));
</script>`;

export const captureConsolePlugin = {
  name: 'capture-console',
  transform(context) {
    if (context.response.is('html') && context.URL.searchParams.has('capture-console')) {
      return { body: String(context.body).replace(/<head>/i, `<head>${capture}`) };
    }
    return undefined;
  },
};
