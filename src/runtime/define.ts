/**
 * Registers a custom element once. A page may load our script twice (two
 * embeds pasted by two editors, or two URLs for one file); the first
 * definition wins and the second is a no-op, never an exception. Only the
 * "already defined" error is swallowed: anything else is a real problem.
 */
export function defineOnce(name: string, constructor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined' || customElements.get(name)) return;
  try {
    customElements.define(name, constructor);
  } catch (error) {
    if (!(error instanceof DOMException && error.name === 'NotSupportedError')) throw error;
  }
}
