/**
 * `ceop-stats/react`: <CeopStats> for React 19, and <ceop-stats> typed in
 * JSX. Importing it defines the element in the browser.
 *
 * The component writes the element's options as attributes, so a server
 * render (Next.js, React's renderToString) puts them in the HTML and the
 * widget shows the right measure from its first paint; in the browser React
 * 19 sets them as it sets any custom element's. `onReady` and `onError` are
 * listeners that the component adds itself: React 19 does not attach a custom
 * element's `on…` props when it hydrates server-rendered HTML
 * (facebook/react#35446), so `onceop-stats-ready` on the bare tag is missed
 * after a server render, and these are not.
 *
 * Not `@lit/react`'s createComponent: it sets the element's properties only in
 * a layout effect, so a server render without `@lit-labs/ssr-react` (whose
 * Next.js plugin supports Next.js 13 to 15) writes a bare `<ceop-stats>`, and
 * the widget first draws its default measure, then the one asked for.
 * @module
 */
import {
  createElement,
  useCallback,
  useLayoutEffect,
  useRef,
  type DetailedHTMLProps,
  type HTMLAttributes,
  type ReactElement,
  type Ref,
} from 'react';
import { CeopStats as CeopStatsElement } from './ceop-stats-element.js';
import { ATTRIBUTE_NAMES } from './frameworks/names.js';
import type { CeopStatsAttributes, CeopStatsEventAttributes, CeopStatsEventMap, CeopStatsOptions } from './frameworks/types.js';
import { defineOnce } from './runtime/define.js';
import { onServer } from './runtime/server.js';

export type { CeopStatsErrorDetail, CeopStatsReadyDetail } from './ceop-stats-element.js';
export type { CeopStatsAttributes, CeopStatsEventMap, CeopStatsOptions } from './frameworks/types.js';
export { CeopStatsElement };

/** Props of <CeopStats>: the element's options by property name, its events, and any HTML attribute. */
export interface CeopStatsProps extends CeopStatsOptions, Omit<HTMLAttributes<CeopStatsElement>, 'onError'> {
  /** Called with `ceop-stats-ready`: the chart is drawn and the counters mounted. */
  onReady?: (event: CeopStatsEventMap['ceop-stats-ready']) => void;
  /** Called with `ceop-stats-error`: the widget shows the same message in an alert. */
  onError?: (event: CeopStatsEventMap['ceop-stats-error']) => void;
  /** The element itself. */
  ref?: Ref<CeopStatsElement>;
}

/** The bare `<ceop-stats>` in JSX: attributes by their HTML names, and listeners as React 19 names them. */
type CeopStatsJsxAttributes = DetailedHTMLProps<HTMLAttributes<CeopStatsElement>, CeopStatsElement> &
  CeopStatsAttributes &
  CeopStatsEventAttributes;

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- React's JSX types live in this namespace.
  namespace JSX {
    interface IntrinsicElements {
      'ceop-stats': CeopStatsJsxAttributes;
    }
  }
}

if (!onServer) defineOnce('ceop-stats', CeopStatsElement);

const isOption = (name: string): name is keyof typeof ATTRIBUTE_NAMES => Object.hasOwn(ATTRIBUTE_NAMES, name);

/**
 * `<ceop-stats>` as a React component: `<CeopStats metric="arrests" noAnimation onReady={…} />`.
 * Children are the widget's data, as in HTML: a `<table>` or a `<script type="application/json">`.
 */
export function CeopStats({ onReady, onError, ref, ...props }: CeopStatsProps): ReactElement {
  const element = useRef<CeopStatsElement | null>(null);
  const listeners = useRef({ onReady, onError });
  useLayoutEffect(() => {
    listeners.current = { onReady, onError };
  });
  // Added once, before the first paint after mounting or hydrating; they call whichever props are current.
  useLayoutEffect(() => {
    const target = element.current;
    if (!target) return undefined;
    const ready = (event: CeopStatsEventMap['ceop-stats-ready']) => listeners.current.onReady?.(event);
    const error = (event: CeopStatsEventMap['ceop-stats-error']) => listeners.current.onError?.(event);
    target.addEventListener('ceop-stats-ready', ready);
    target.addEventListener('ceop-stats-error', error);
    return () => {
      target.removeEventListener('ceop-stats-ready', ready);
      target.removeEventListener('ceop-stats-error', error);
    };
  }, []);

  const attributes: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(props)) {
    if (!isOption(name)) attributes[name] = value;
    // A false boolean is an absent attribute, as in HTML.
    else if (value !== undefined && value !== null && value !== false) attributes[ATTRIBUTE_NAMES[name]] = value;
  }
  // The same callback while `ref` stays the same, so React does not detach and attach it again on every render.
  const setRef = useCallback(
    (node: CeopStatsElement | null) => {
      element.current = node;
      if (typeof ref === 'function') return ref(node);
      if (ref) ref.current = node;
      return undefined;
    },
    [ref],
  );
  // The element renders into its shadow root, which React does not see: only its attributes could differ from the server's.
  return createElement('ceop-stats', { ...attributes, ref: setRef, suppressHydrationWarning: true });
}
