/**
 * The page inside the iframe embed (dist/embed.html): one <ceop-stats>
 * configured by the query string, with the element's attribute names
 * (`?metric=arrests&from=2008&theme=dark`). Bad values are the element's to
 * report, in its own alert. The page posts its height to the parent whenever
 * it changes, in the formats the resizers in the wild understand.
 *
 * Built to dist/embed.js, which imports the element's chunk beside it. Under
 * the strict CSP of the README it needs nothing inline: the page's only
 * script and style are files, and the DOM is built without HTML strings.
 */
import '../ceop-stats.js';
import { EMBED_MESSAGE, EMBED_REQUEST, type EmbedSizeMessage } from './embed-message.js';

const TAG = 'ceop-stats';

/** Parameters of the embed itself, not attributes of the element: the message id, and the WordPress plugin's embed URL marker. */
const EMBED_PARAMETERS = new Set(['id', 'ceop_stats_embed']);

export type EmbedConfig = { ok: true; attributes: [string, string][] } | { ok: false; message: string };

/**
 * The element's attributes from a query string, by allow-list. A name the
 * element does not know, or one given twice, is a problem: an editor's typo
 * (`metrc=arrests`) must not quietly show the default measure.
 */
export function embedConfig(query: string, known: readonly string[]): EmbedConfig {
  const attributes: [string, string][] = [];
  const seen = new Set<string>();
  for (const [rawName, value] of new URLSearchParams(query)) {
    const name = rawName.trim().toLowerCase();
    if (EMBED_PARAMETERS.has(name)) continue;
    if (!known.includes(name)) {
      const shown = name.length > 40 ? `${name.slice(0, 39)}…` : name;
      return {
        ok: false,
        message: `the embed's address has a parameter "${shown}" that the widget does not know. Use ${known.join(', ')}.`,
      };
    }
    if (seen.has(name)) return { ok: false, message: `the embed's address gives "${name}" twice. Give each parameter once.` };
    seen.add(name);
    attributes.push([name, value]);
  }
  return { ok: true, attributes };
}

/** The WordPress embed protocol's secret, from a hash such as `#?secret=abc123`. */
export function wordpressSecret(hash: string): string | undefined {
  const secret = new URLSearchParams(hash.replace(/^#\??/, '')).get('secret');
  return secret && /^[a-zA-Z0-9]{1,64}$/.test(secret) ? secret : undefined;
}

/** WordPress's embed protocol's height message. */
function wordpressHeight(height: number, secret: string): unknown {
  return { secret, message: 'height', value: height };
}

/** The messages one height is posted as: ours, AMP's, and WordPress's when the page was given a secret. */
export function heightMessages(height: number, id: string, secret: string | undefined): unknown[] {
  const own: EmbedSizeMessage = { type: EMBED_MESSAGE, id, height };
  const messages: unknown[] = [own, { sentinel: 'amp', type: 'embed-size', height }];
  if (secret) messages.push(wordpressHeight(height, secret));
  return messages;
}

function showProblem(message: string): void {
  const alert = document.createElement('div');
  alert.className = 'embed-alert';
  alert.setAttribute('role', 'alert');
  const title = document.createElement('strong');
  title.textContent = 'The chart cannot be shown';
  const text = document.createElement('span');
  text.textContent = message;
  alert.append(title, text);
  document.body.append(alert);
  console.warn(`<ceop-stats> embed: ${message}`);
}

function postHeights(): void {
  if (window.parent === window) return;
  const params = new URLSearchParams(location.search);
  const id = params.get('id') ?? location.href.replace(/#.*$/, '');
  const secret = wordpressSecret(location.hash);
  let posted = -1;
  const post = (): void => {
    // The body has no margin: its box is the page's height, whatever the widget shows.
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === posted) return;
    posted = height;
    // A height is not a secret; resizers check the message's source and origin themselves.
    for (const message of heightMessages(height, id, secret)) window.parent.postMessage(message, '*');
  };
  new ResizeObserver(post).observe(document.body);
  // Another WordPress hides the iframe (clipped to nothing) until its first message, and a browser does not
  // render a hidden cross-origin frame, so no ResizeObserver reports until then: the first heights are posted
  // without one.
  post();
  addEventListener('load', post);
  // The host's script may load after our first heights were posted (embed-resize.js is pasted async, wp-embed.js comes
  // late): each asks the iframes when it starts, and is told again.
  addEventListener('message', (event: MessageEvent<unknown>) => {
    if (event.source !== window.parent) return;
    if (isResizerRequest(event.data)) {
      posted = -1;
      post();
    } else if (secret && isWordpressReady(event.data, secret)) window.parent.postMessage(wordpressHeight(posted, secret), '*');
  });
}

/** embed-resize.js's question to the iframes on its page. */
function isResizerRequest(data: unknown): boolean {
  return typeof data === 'object' && data !== null && Reflect.get(data, 'type') === EMBED_REQUEST;
}

/** WordPress's `{ message: 'ready', secret }`, sent by wp-embed.js to the iframes it sizes. */
function isWordpressReady(data: unknown, secret: string): boolean {
  return typeof data === 'object' && data !== null && Reflect.get(data, 'message') === 'ready' && Reflect.get(data, 'secret') === secret;
}

function start(): void {
  // Lit lists every reactive attribute there: the element's own allow-list, not a copy of it.
  const element = customElements.get(TAG);
  const observed: unknown = element ? Reflect.get(element, 'observedAttributes') : undefined;
  const known = Array.isArray(observed) ? observed.map(String) : [];
  const config = embedConfig(location.search, known);
  if (config.ok) {
    const widget = document.createElement(TAG);
    for (const [name, value] of config.attributes) widget.setAttribute(name, value);
    document.body.append(widget);
  } else {
    showProblem(config.message);
  }
  postHeights();
}

start();
