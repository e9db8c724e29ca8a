/** A media query a test can switch, for print, reduced motion and forced colours. */

/**
 * Stands in for the browser's answer to one media query, so a test can turn a
 * reader preference (reduced motion, dark scheme) on and off in every engine:
 * only Chromium lets a test runner emulate media features.
 */
export class FakeMediaQuery extends EventTarget {
  /** The fakes not yet restored, by query: whatever the order they are restored in, the real matchMedia comes back with the last. */
  static readonly #active = new Map<string, FakeMediaQuery>();
  static readonly #original = Object.getOwnPropertyDescriptor(window, 'matchMedia')!;
  static readonly #real = window.matchMedia.bind(window);
  matches: boolean;
  readonly media: string;
  #listeners = 0;

  constructor(media: string, matches: boolean) {
    super();
    this.media = media;
    this.matches = matches;
    FakeMediaQuery.#active.set(media, this);
    window.matchMedia = (query: string) =>
      (FakeMediaQuery.#active.get(query) as unknown as MediaQueryList | undefined) ?? FakeMediaQuery.#real(query);
  }

  /** Listeners the widget has added and not removed. */
  get listeners(): number {
    return this.#listeners;
  }

  override addEventListener(...args: Parameters<EventTarget['addEventListener']>): void {
    this.#listeners++;
    super.addEventListener(...args);
  }

  override removeEventListener(...args: Parameters<EventTarget['removeEventListener']>): void {
    this.#listeners--;
    super.removeEventListener(...args);
  }

  set(matches: boolean): void {
    this.matches = matches;
    this.dispatchEvent(new Event('change'));
  }

  restore(): void {
    FakeMediaQuery.#active.delete(this.media);
    if (FakeMediaQuery.#active.size === 0) Object.defineProperty(window, 'matchMedia', FakeMediaQuery.#original);
  }
}
