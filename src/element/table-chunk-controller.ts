/**
 * The table's chunk for one widget: its chunk, fetched after the chart's (see updated in the element) so that opening
 * the table or printing does not wait, and its styles adopted into the widget's shadow root. Without it (offline,
 * blocked) the chart, summary and counters still stand, and the table's place says so until the reader asks for the
 * table again. The widget then asks again: WebKit fetches the chunk again, while Chromium and Firefox keep a failed
 * module's failure until the page is reloaded, which the message says to do.
 */
import type { ReactiveControllerHost } from 'lit';
import { tableChunk } from './regions.js';
import { chartChunkSettled } from './chart-controller.js';

interface Parts {
  /** Whether the widget shows the table now (the reader chose it, or the page is being printed). */
  shown(): boolean;
  root(): ShadowRoot;
}

export class TableChunkController {
  /** The chunk failed to load the last time it was asked for. */
  failed = false;

  private readonly host: ReactiveControllerHost;
  private readonly parts: Parts;
  /** Settles when this widget has the chunk and its styles, or has failed to get them this time. */
  private loading?: Promise<void>;
  private prefetched = false;

  constructor(host: ReactiveControllerHost, parts: Parts) {
    this.host = host;
    this.parts = parts;
  }

  /** What an update that shows the table waits for: nothing once the chunk is here, or after a failure not yet asked again. */
  pending(): Promise<void> | undefined {
    return this.parts.shown() && !tableChunk.loaded && !this.failed ? this.load() : undefined;
  }

  /** The reader asked for the table: asked for now, not by the update, as one already waiting for its turn has decided not to wait for it. */
  ask(): void {
    if (!tableChunk.loaded) void this.load();
  }

  /** Fetched before the reader opens the table or prints, so neither waits; after the chart's chunk, which comes first. */
  prefetch(): void {
    if (this.prefetched) return;
    this.prefetched = true;
    void chartChunkSettled().then(() => this.load());
  }

  private load(): Promise<void> {
    this.failed = false;
    this.loading ??= tableChunk.load().then(
      ({ tableStyles }) => {
        const root = this.parts.root();
        if (tableStyles.styleSheet && !root.adoptedStyleSheets.includes(tableStyles.styleSheet)) {
          root.adoptedStyleSheets = [...root.adoptedStyleSheets, tableStyles.styleSheet];
        }
        this.settled();
      },
      (error: unknown) => {
        this.loading = undefined;
        this.failed = true;
        console.warn(`<ceop-stats>: the table code could not be loaded: ${String(error)}`);
        this.settled();
      },
    );
    return this.loading;
  }

  /** An update that renders the table waited for its chunk; one already under way when it was asked for renders again. */
  private settled(): void {
    if (this.parts.shown()) this.host.requestUpdate();
  }
}
