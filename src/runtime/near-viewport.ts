/**
 * Tells when an element is seen, or comes within one viewport of being seen,
 * so work for widgets far below the fold (loading the chart code, drawing,
 * counting up) waits until the reader scrolls towards them. One
 * IntersectionObserver per margin serves every widget on the page.
 */
type Watch = (element: Element, callback: () => void) => () => void;

function watcher(rootMargin: string): Watch {
  const callbacks = new Map<Element, () => void>();
  let observer: IntersectionObserver | undefined;
  const onIntersection = (entries: IntersectionObserverEntry[]) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      const callback = callbacks.get(entry.target);
      callbacks.delete(entry.target);
      observer?.unobserve(entry.target);
      callback?.();
    }
  };
  return (element, callback) => {
    if (typeof IntersectionObserver === 'undefined') {
      callback();
      return () => undefined;
    }
    observer ??= new IntersectionObserver(onIntersection, { rootMargin });
    callbacks.set(element, callback);
    observer.observe(element);
    return () => {
      callbacks.delete(element);
      observer?.unobserve(element);
    };
  };
}

/** Calls `callback` once, when `element` is within a viewport's height of the visible area. Returns a function that cancels. */
export const whenNearViewport = watcher('100% 0px');

/** Calls `callback` once, when some of `element` is visible. Returns a function that cancels. */
export const whenVisible = watcher('0px');

/** Whether `element` is within a viewport's height of the visible area now (costs a layout). */
function isNearViewport(element: Element): boolean {
  const { top, bottom } = element.getBoundingClientRect();
  const height = window.innerHeight;
  return bottom >= -height && top <= 2 * height;
}

/**
 * Set once an element is found far from the viewport, until the end of the
 * task: widgets connect in document order, so those after it are assumed
 * far too, and 50 widgets upgrading at once cost one or two layouts, not 50.
 */
let farWidgetConnected = false;

/** isNearViewport, but without a layout for an element that connects after a far one in the same task: that one is taken as far too. */
export function mayBeNearViewport(element: Element): boolean {
  if (farWidgetConnected) return false;
  const near = isNearViewport(element);
  if (!near) {
    farWidgetConnected = true;
    setTimeout(() => (farWidgetConnected = false));
  }
  return near;
}
