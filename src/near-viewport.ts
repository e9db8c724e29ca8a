/**
 * Tells when an element comes within one viewport of being visible, so work
 * for widgets far below the fold (loading the chart code, drawing) waits
 * until the reader scrolls towards them. One IntersectionObserver serves
 * every widget on the page.
 */
const callbacks = new Map<Element, () => void>();
let observer: IntersectionObserver | undefined;

function onIntersection(entries: IntersectionObserverEntry[]): void {
  for (const entry of entries) {
    if (!entry.isIntersecting) continue;
    const callback = callbacks.get(entry.target);
    callbacks.delete(entry.target);
    observer?.unobserve(entry.target);
    callback?.();
  }
}

/** Calls `callback` once, when `element` is within a viewport's height of the visible area. Returns a function that cancels. */
export function whenNearViewport(element: Element, callback: () => void): () => void {
  if (typeof IntersectionObserver === 'undefined') {
    callback();
    return () => undefined;
  }
  observer ??= new IntersectionObserver(onIntersection, { rootMargin: '100% 0px' });
  callbacks.set(element, callback);
  observer.observe(element);
  return () => {
    callbacks.delete(element);
    observer?.unobserve(element);
  };
}

/** Whether `element` is within a viewport's height of the visible area now (costs a layout). */
export function isNearViewport(element: Element): boolean {
  const { top, bottom } = element.getBoundingClientRect();
  const height = window.innerHeight;
  return bottom >= -height && top <= 2 * height;
}
