/**
 * Whether the page is being printed, for the parts of the render that differ
 * on paper (the table beneath the chart). The chart and the counters react
 * to printing themselves (a sharper bitmap, final values).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class PrintController implements ReactiveController {
  printing = false;

  private readonly host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('beforeprint', this.onBeforePrint);
    window.addEventListener('afterprint', this.onAfterPrint);
  }

  hostDisconnected(): void {
    window.removeEventListener('beforeprint', this.onBeforePrint);
    window.removeEventListener('afterprint', this.onAfterPrint);
  }

  private readonly onBeforePrint = (): void => {
    this.printing = true;
    this.host.requestUpdate();
  };

  private readonly onAfterPrint = (): void => {
    this.printing = false;
    this.host.requestUpdate();
  };
}
