/**
 * What a server render of the element needs that Lit's SSR does not give it.
 * Lit's SSR makes the element without its children (they are rendered after
 * its shadow root, and never given to it), so the server API reads them
 * (ceop-stats/server) and hands the result here for the one element it is
 * rendering; the data table that stands in the chart's box is the server
 * entry's too, so the browser's entry does not carry it. Only the server
 * writes and reads this: in the browser build every use is behind `isServer`
 * and goes.
 */
import type { DataState, ReadyView } from '../view/widget-view.js';

export const serverRender: {
  /** The data read from the content of the widget being rendered; undefined for none (the bundled figures, or `src`). */
  data?: DataState;
  /** What the chart's box holds on the server, where no chart is drawn: what a reader without JavaScript sees there. */
  chartStandIn?: (view: ReadyView) => unknown;
} = {};
