// Injected by the test server into dist/embed.html, before the page's own
// script (an external file: the page's policy forbids inline script). Records
// policy violations, uncaught errors, console errors and warnings, and the
// widget's events, for test/integration/embed.test.ts to read through the frame.
window.__cspViolations = [];
window.__errors = [];
window.__console = [];
window.__events = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI || e.sample || 'inline'}`);
});
window.addEventListener('error', (e) => window.__errors.push(e.message || 'error'));
window.addEventListener('unhandledrejection', (e) => window.__errors.push(String(e.reason)));
for (const level of ['error', 'warn']) {
  const original = console[level].bind(console);
  console[level] = (...args) => {
    window.__console.push(`${level}: ${args.map(String).join(' ')}`);
    original(...args);
  };
}
for (const type of ['ceop-stats-ready', 'ceop-stats-error']) {
  document.addEventListener(type, (e) => window.__events.push({ type, detail: e.detail }));
}
