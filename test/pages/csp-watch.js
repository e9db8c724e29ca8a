// Loaded first by csp.html (an external file: the page's policy forbids inline
// script). Records policy violations, uncaught errors and each widget's events.
window.__cspViolations = [];
window.__errors = [];
window.__events = {};
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI || e.sample || 'inline'}`);
});
window.addEventListener('error', (e) => window.__errors.push(e.message || 'error'));
window.addEventListener('unhandledrejection', (e) => window.__errors.push(String(e.reason)));
for (const type of ['ceop-stats-ready', 'ceop-stats-error']) {
  document.addEventListener(type, (e) => {
    window.__events[e.target.id] = type;
  });
}
