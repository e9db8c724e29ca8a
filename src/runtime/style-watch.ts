/**
 * Tells widgets when the page around them may have changed their colours,
 * direction or language, so the canvas (which cannot inherit CSS) is redrawn
 * and the texts follow: a change to the `style`, `class`, `dir` or `lang` of
 * a widget, or to any attribute of `<html>` or `<body>`, where sites switch
 * their dark mode (`class="dark"`, `data-theme`, ...) and their language.
 * Every watching widget checks once, in the next frame, for every change in
 * it (some pages touch `<body>` classes on every scroll); a widget whose
 * colours, direction and language did not change does nothing.
 */
const listeners = new Set<() => void>();
let observer: MutationObserver | undefined;
let frame: number | undefined;

function notifyAll(): void {
  frame ??= requestAnimationFrame(() => {
    frame = undefined;
    for (const listener of listeners) listener();
  });
}

/** Calls `onChange` (in a later frame) after such changes, until the returned function is called. */
export function watchStyle(host: Element, onChange: () => void): () => void {
  if (!observer) {
    observer = new MutationObserver(notifyAll);
    observer.observe(document.documentElement, { attributes: true });
    // Typed as always there, but null in a document without a body yet.
    const body = document.body as HTMLElement | null;
    if (body) observer.observe(body, { attributes: true });
  }
  // A removed widget stays observed (an observer cannot drop one target), but it has no listener left and holds nothing.
  observer.observe(host, { attributes: true, attributeFilter: ['style', 'class', 'dir', 'lang'] });
  listeners.add(onChange);
  return () => {
    listeners.delete(onChange);
  };
}
