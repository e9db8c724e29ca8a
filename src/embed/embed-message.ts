/** The embed's own height message, shared by the page that posts it and the host script that follows it. */
export const EMBED_MESSAGE = 'ceop-stats:embed-size';

export interface EmbedSizeMessage {
  type: typeof EMBED_MESSAGE;
  /** The embed's `id` parameter, else its address without the hash: tells several embeds on one page apart. */
  id: string;
  /** The page's height in CSS pixels. */
  height: number;
}

/** What embed-resize.js sends each iframe when it starts: it may load after an embed has posted its heights, which is then asked again. */
export const EMBED_REQUEST = 'ceop-stats:embed-size-request';
