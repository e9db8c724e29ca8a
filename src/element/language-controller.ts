/**
 * The widget's language: the `locale` attribute, else the nearest `lang` on
 * the page, else the browser's. It holds the messages (built-in texts) for
 * that locale (English at once; any other language fetched once for the
 * page, during which there is none and the widget keeps its loading look),
 * and follows a site that switches `lang` on `<html>`, `<body>` or the
 * element, as a new `locale` attribute would be followed.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type Messages, messages as en } from '../messages/en.js';
import { messagesFor } from '../messages/index.js';
import { watchStyle } from '../runtime/style-watch.js';
import { resolveLocale } from '../model/attributes.js';
import { onServer } from '../runtime/server.js';

type Host = ReactiveControllerHost & HTMLElement & { locale?: unknown };

export class LanguageController implements ReactiveController {
  /** The locale in use, as of the last `resolve()`. */
  locale = 'en-GB';
  /** Its messages, or undefined while they are fetched. */
  messages: Messages | undefined = en;

  private readonly host: Host;
  private stopWatching?: () => void;

  constructor(host: Host) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.stopWatching = watchStyle(this.host, () => {
      if (this.currentLocale() !== this.locale) this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.stopWatching?.();
    this.stopWatching = undefined;
  }

  /** The texts to render with: English while the locale's messages load, when only the loading look shows. */
  get shownMessages(): Messages {
    return this.messages ?? en;
  }

  /** The page's language around the widget; a server does not know it (the server API's README section says to give `locale`). */
  pageLocale(): string {
    if (onServer) return 'en-GB';
    return this.host.closest('[lang]')?.getAttribute('lang') || navigator.language || 'en-GB';
  }

  currentLocale(): string {
    return resolveLocale(this.host.locale, this.pageLocale());
  }

  /** Before a server-rendered widget's first render: its language's texts, so that render shows them, as the server did. */
  preload(): Promise<unknown> | undefined {
    const found = messagesFor(this.currentLocale());
    return found instanceof Promise ? found : undefined;
  }

  /** Settles the locale and its messages for this update; true when either changed. Messages still on their way update the host when they come. */
  resolve(): boolean {
    const locale = this.currentLocale();
    const found = messagesFor(locale);
    const messages = found instanceof Promise ? undefined : found;
    if (found instanceof Promise) void found.then(() => this.host.requestUpdate());
    const changed = locale !== this.locale || messages !== this.messages;
    this.locale = locale;
    this.messages = messages;
    return changed;
  }
}
