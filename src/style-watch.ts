/**
 * Tells a widget when the page around it may have changed its colours,
 * direction or language, so the canvas (which cannot inherit CSS) is redrawn
 * and the texts follow: a change to the `style`, `class` or `dir` of the widget
 * itself, or to any attribute of `<html>` or `<body>`, where sites switch
 * their dark mode (`class="dark"`, `data-theme`, ...) and their language.
 * Checks are put off to the next frame and made once for every change in it,
 * because some pages touch `<body>` classes on every scroll.
 */
const listeners = new Set<() => void>();
let pageObserver: MutationObserver | undefined;
let frame: number | undefined;

function notifyAll(): void {
  frame ??= requestAnimationFrame(() => {
    frame = undefined;
    for (const listener of listeners) listener();
  });
}

/** Calls `onChange` (in a later frame) after such changes, until the returned function is called. */
export function watchStyle(host: Element, onChange: () => void): () => void {
  if (!pageObserver) {
    pageObserver = new MutationObserver(notifyAll);
    pageObserver.observe(document.documentElement, { attributes: true });
    // Typed as always there, but null in a document without a body yet.
    const body = document.body as HTMLElement | null;
    if (body) pageObserver.observe(body, { attributes: true });
  }
  let pending = false;
  const listener = () => {
    pending = false;
    onChange();
  };
  listeners.add(listener);
  const hostObserver = new MutationObserver(() => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      if (pending) listener();
    });
  });
  hostObserver.observe(host, { attributes: true, attributeFilter: ['style', 'class', 'dir', 'lang'] });
  return () => {
    pending = false;
    listeners.delete(listener);
    hostObserver.disconnect();
  };
}
