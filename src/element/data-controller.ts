/**
 * Where the widget's data comes from, in order of precedence: `src` (fetched
 * JSON), a child <script type="application/json">, a child <table>, else the
 * bundled CEOP figures. A Lit reactive controller: it tells the host to
 * update whenever the data or its loading state changes, and it watches the
 * light DOM so an editor's table or JSON can change after the upgrade.
 *
 * Not @lit/task, measured: @lit/task 1.0.3 is 980 bytes gzip (minified, lit
 * external), and this controller is in the first paint of every page, most
 * of which show the bundled figures and never fetch. What it would take over
 * is the request key and abort bookkeeping of load(), which is 486 bytes
 * minified in all, fetching included; the rest it does not do (reading the children as they change, the server's
 * path, aborting when the widget leaves the page and asking again when it
 * returns: a Task has no hostDisconnected).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CEOP_FIGURES } from '../model/ceop-figures.js';
import type { Dataset } from '../model/dataset.js';
import type { FetchOptions } from '../model/attributes.js';
import { type Result, problemOf } from '../model/result.js';
import type { DataState } from '../view/widget-view.js';
import { lazyChunk } from '../runtime/lazy-chunk.js';
import { strayData } from '../data/stray-data.js';
import { serverRender } from './server-render.js';
import { onServer } from '../runtime/server.js';

type DataIn = typeof import('../data/data-in.js');
/** The chunk for data from outside the bundle, loaded only when some widget has such data. */
const dataIn = lazyChunk(() => import('../data/data-in.js'));

/** The chunk for data from outside the bundle, if a widget on the page has needed it: its data is late, and may arrive in view. */
export const loadedDataIn = (): DataIn | undefined => dataIn.loaded;

/** The state a parse or a fetch leads to. */
function stateOf(result: Result<Dataset>): DataState {
  return result.ok ? { status: 'ready', dataset: result.value } : { status: 'error', problem: problemOf(result) };
}

type Host = ReactiveControllerHost & HTMLElement;

export class DataController implements ReactiveController {
  state: DataState = { status: 'loading' };

  private readonly host: Host;
  private readonly locale: () => string;
  private request?: FetchOptions;
  /** Identifies the request whose answer `state` holds or awaits. */
  private requestKey?: string;
  private inFlight?: AbortController;
  private children?: MutationObserver;
  /** Counts reads of the children, so that a slower, older read is not applied. */
  private childrenRead = 0;

  /** @param locale the locale a table's numbers are written in. */
  constructor(host: Host, locale: () => string) {
    this.host = host;
    this.locale = locale;
    host.addController(this);
  }

  hostConnected(): void {
    this.children = new MutationObserver(() => {
      if (!this.request) this.readChildren();
    });
    this.children.observe(this.host, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['type', 'data-metric'],
    });
  }

  hostDisconnected(): void {
    this.children?.disconnect();
    this.children = undefined;
    if (this.inFlight) {
      // A removed widget must not render a late answer; on return it asks again.
      this.inFlight.abort();
      this.inFlight = undefined;
      this.requestKey = undefined;
    }
  }

  /**
   * Chooses the source: the request `src` asks for, or undefined to read the
   * children or fall back to the bundled figures. Cheap to call again with the
   * same request: a dataset already fetched is kept.
   */
  use(request: FetchOptions | undefined): void {
    this.request = request;
    if (onServer) {
      // Nothing is fetched on the server: `src` keeps its loading look; the children are what the server API read from them.
      this.state = request ? { status: 'loading' } : (serverRender.data ?? { status: 'ready', dataset: CEOP_FIGURES });
      return;
    }
    if (!request) {
      this.inFlight?.abort();
      this.inFlight = undefined;
      this.requestKey = undefined;
      this.readChildren();
      return;
    }
    const key = `${request.url} ${request.credentials} ${request.timeout}`;
    if (key !== this.requestKey) void this.load(request, key);
  }

  /** Before a server-rendered widget's first render: the chunk its data needs, so that render shows the figures the server did, not the loading look. */
  preload(): Promise<unknown> | undefined {
    const hasData = this.host.querySelector(':scope > script[type="application/json"], :scope > table');
    return hasData && !dataIn.loaded ? dataIn.load().catch(() => undefined) : undefined;
  }

  private async load(request: FetchOptions, key: string): Promise<void> {
    this.inFlight?.abort();
    const controller = new AbortController();
    this.inFlight = controller;
    this.requestKey = key;
    this.setState({ status: 'loading' });
    let chunk: DataIn;
    try {
      chunk = await dataIn.load();
    } catch {
      if (controller === this.inFlight) {
        this.inFlight = undefined;
        this.setState({ status: 'error', problem: { code: 'fetch-failed', message: 'src: the code that loads data could not be loaded' } });
      }
      return;
    }
    if (controller !== this.inFlight) return;
    const { fetchDataset } = chunk;
    const result = await fetchDataset(request, controller.signal);
    if (!result || controller !== this.inFlight) return;
    this.inFlight = undefined;
    this.setState(stateOf(result));
  }

  private readChildren(): void {
    const read = ++this.childrenRead;
    const script = this.host.querySelector(':scope > script[type="application/json"]');
    const table = this.host.querySelector<HTMLTableElement>(':scope > table');
    const stray = script || table ? undefined : strayData(this.host);
    if (!script && !table && !stray) {
      this.setState({ status: 'ready', dataset: CEOP_FIGURES });
      return;
    }
    const apply = ({ datasetFromJson, readTable, strayDataMessage }: DataIn) => {
      if (read !== this.childrenRead || this.request) return;
      if (script) this.setState(stateOf(datasetFromJson(script.textContent, 'inline JSON')));
      else if (table) this.setState(stateOf(readTable(table, this.locale())));
      else if (stray) this.setState({ status: 'error', problem: { code: 'schema', message: strayDataMessage(stray) } });
    };
    if (dataIn.loaded) {
      apply(dataIn.loaded);
      return;
    }
    if (this.state.status !== 'loading') this.setState({ status: 'loading' });
    dataIn.load().then(apply, () => {
      if (read === this.childrenRead) {
        this.setState({
          status: 'error',
          problem: { code: 'fetch-failed', message: 'the code that reads inline JSON and tables could not be loaded' },
        });
      }
    });
  }

  private setState(state: DataState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}
