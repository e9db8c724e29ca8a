/**
 * The counters' count-up: it waits until the widget is first seen, then runs
 * once (1.5 s, every widget on one animation loop); without motion (the
 * `no-animation` attribute, or the reader's reduced-motion preference,
 * followed live) the counters show their final values at once, and on a
 * printed page (the element calls finish()).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { runCountUp } from '../runtime/animation-frames.js';
import { whenVisible } from '../runtime/near-viewport.js';
import { onServer } from '../runtime/server.js';

type Host = ReactiveControllerHost & HTMLElement & { noAnimation: boolean };

export class CountUpController implements ReactiveController {
  /** How far the counters have counted, 0 to 1: on the server, final, since the server's HTML is what a reader without JavaScript keeps. */
  progress = onServer ? 1 : 0;

  private readonly host: Host;
  /** Whether the reader prefers reduced motion now (the element's MediaController, which updates the host when it changes). */
  private readonly reducedMotion: () => boolean;
  private phase: 'idle' | 'waiting' | 'running' | 'done' = 'idle';
  /** Stops the wait to be seen, or the running count. */
  private cancel?: () => void;

  constructor(host: Host, reducedMotion: () => boolean) {
    this.host = host;
    this.reducedMotion = reducedMotion;
    host.addController(this);
  }

  /** Whether the widget may move: the chart animates by the same rule. */
  get motion(): boolean {
    return !this.host.noAnimation && !this.reducedMotion();
  }

  hostDisconnected(): void {
    if (this.phase === 'waiting') {
      // Not seen yet: wait again when it comes back.
      this.cancel?.();
      this.cancel = undefined;
      this.phase = 'idle';
    } else if (this.phase === 'running') this.finish();
  }

  /** Without motion the counters are final in this same update. */
  hostUpdate(): void {
    if (!this.motion && this.progress < 1) this.settle();
  }

  /** Counts up the first time the widget is on screen (once in its life); call after a render that shows counters. */
  start(): void {
    if (this.phase !== 'idle' || this.progress > 0) return;
    this.phase = 'waiting';
    this.cancel = whenVisible(this.host, () => {
      if (!this.motion) {
        this.finish();
        return;
      }
      this.phase = 'running';
      this.cancel = runCountUp((progress) => {
        this.progress = progress;
        if (progress >= 1) this.phase = 'done';
        this.host.requestUpdate();
      });
    });
  }

  /** Shows the final values now, in the next update. */
  readonly finish = (): void => {
    if (this.progress < 1) this.host.requestUpdate();
    this.settle();
  };

  private settle(): void {
    this.cancel?.();
    this.cancel = undefined;
    this.phase = 'done';
    this.progress = 1;
  }
}
