/** Dispatches one of the widget's events: bubbling and composed, so a listener on the page hears it through any shadow root. */
export function emit(host: HTMLElement, type: string, detail: unknown): void {
  host.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail }));
}
