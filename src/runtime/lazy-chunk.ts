/**
 * A chunk of code fetched by dynamic import on first need, once for every
 * widget on the page. After it has loaded, `loaded` gives it without waiting
 * a turn; a failed load (offline, blocked) may be tried again.
 */
export interface LazyChunk<T> {
  /** The module, once loaded. */
  readonly loaded: T | undefined;
  /** Whether a load has been asked for and has not failed. */
  readonly requested: boolean;
  load(): Promise<T>;
}

export function lazyChunk<T>(importer: () => Promise<T>): LazyChunk<T> {
  let loaded: T | undefined;
  let loading: Promise<T> | undefined;
  return {
    get loaded() {
      return loaded;
    },
    get requested() {
      return loading !== undefined;
    },
    load() {
      loading ??= importer().then(
        (code) => (loaded = code),
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      );
      return loading;
    },
  };
}
