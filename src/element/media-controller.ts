/**
 * The reader's medium and preferences, for one widget: whether the page is
 * being printed, and whether the reader prefers reduced motion, dark colours
 * or forced colours. One listener of each kind per widget while it is
 * connected; the parts that follow them (the chart, the count-up, the held
 * room) are told through the callbacks the element gives, and the host
 * updates after each. On a server nothing matches (see runtime/media.ts) and
 * nothing is listened to.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { media } from '../runtime/media.js';

export interface MediaCallbacks {
  /** The page is about to be printed (true), or has been (false); the host updates next. */
  print(printing: boolean): void;
  /** Reduced motion, the colour scheme or forced colours changed; the host updates next. */
  preferences(): void;
}

export class MediaController implements ReactiveController {
  printing = false;

  private readonly host: ReactiveControllerHost;
  private readonly callbacks: MediaCallbacks;
  private readonly reducedMotionQuery = media('(prefers-reduced-motion: reduce)');
  private readonly forcedColorsQuery = media('(forced-colors: active)');
  private readonly queries = [this.reducedMotionQuery, this.forcedColorsQuery, media('(prefers-color-scheme: dark)')];

  constructor(host: ReactiveControllerHost, callbacks: MediaCallbacks) {
    this.host = host;
    this.callbacks = callbacks;
    host.addController(this);
  }

  get reducedMotion(): boolean {
    return this.reducedMotionQuery.matches;
  }

  get forcedColors(): boolean {
    return this.forcedColorsQuery.matches;
  }

  hostConnected(): void {
    window.addEventListener('beforeprint', this.onBeforePrint);
    window.addEventListener('afterprint', this.onAfterPrint);
    for (const query of this.queries) query.addEventListener('change', this.onPreferences);
  }

  hostDisconnected(): void {
    window.removeEventListener('beforeprint', this.onBeforePrint);
    window.removeEventListener('afterprint', this.onAfterPrint);
    for (const query of this.queries) query.removeEventListener('change', this.onPreferences);
  }

  private readonly onBeforePrint = (): void => this.print(true);
  private readonly onAfterPrint = (): void => this.print(false);

  private print(printing: boolean): void {
    this.printing = printing;
    this.callbacks.print(printing);
    this.host.requestUpdate();
  }

  private readonly onPreferences = (): void => {
    this.callbacks.preferences();
    this.host.requestUpdate();
  };
}
