/**
 * dist/embed-resize.js, the host page's script for iframe embeds: sets each
 * embed iframe's height to the height its page posts. A message is followed
 * only from the window of an iframe on this page whose address has the
 * message's origin, so no other frame or window can resize anything.
 * A classic script (no module), so it can be pasted with `async` anywhere;
 * loading it twice is harmless. Loaded async, it may start after an embed has
 * posted its heights, so it asks every iframe on the page again; an embed
 * answers with its height, and any other frame ignores the question.
 */
import { EMBED_MESSAGE, EMBED_REQUEST, type EmbedSizeMessage } from './embed-message.js';

const MAX_HEIGHT = 10000;
const marker = '__ceopStatsEmbedResize';
const host = window as unknown as Record<string, unknown>;

if (!host[marker]) {
  host[marker] = true;
  window.addEventListener('message', (event: MessageEvent) => {
    const data = event.data as Partial<EmbedSizeMessage> | null;
    if (!data || data.type !== EMBED_MESSAGE || typeof data.height !== 'number') return;
    const height = Math.ceil(data.height);
    if (!(height > 0 && height <= MAX_HEIGHT)) return;
    for (const iframe of document.getElementsByTagName('iframe')) {
      if (iframe.contentWindow !== event.source) continue;
      let origin: string;
      try {
        origin = new URL(iframe.src, location.href).origin;
      } catch {
        return;
      }
      // Set through the CSSOM, which a host page's strict CSP allows (a style attribute it would not).
      if (origin === event.origin) iframe.style.height = `${height}px`;
      return;
    }
  });
  for (const iframe of document.getElementsByTagName('iframe')) iframe.contentWindow?.postMessage({ type: EMBED_REQUEST }, '*');
}
