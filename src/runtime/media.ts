import { onServer } from './server.js';

/**
 * A media query, as matchMedia gives it in a browser. A server has no reader
 * and no matchMedia: there the query matches nothing (full colours, motion
 * allowed), which a server render never uses beyond the element's
 * constructor; the listeners are added only when the element connects, in
 * the browser.
 */
export const media = (query: string): MediaQueryList => (onServer ? ({ matches: false } as MediaQueryList) : matchMedia(query));
