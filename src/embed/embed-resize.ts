/**
 * dist/embed-resize.js, the host page's script for iframe embeds: sets each
 * embed iframe's height to the height its page posts. A message is followed
 * only from the window of an iframe on this page whose address has the
 * message's origin, so no other frame or window can resize anything.
 * A classic script (no module), so it can be pasted with `async` anywhere;
 * loading it twice is harmless.
 */
import { EMBED_MESSAGE, type EmbedSizeMessage } from './embed-message.js';

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
}
