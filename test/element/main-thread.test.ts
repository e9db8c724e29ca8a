import { expect, fixture, html } from '@open-wc/testing';
import type { CeopStats } from '../../src/ceop-stats.js';
import '../../src/ceop-stats.js';
import { counterValues, headingText } from '../helpers/index.js';
import { eventually } from '../helpers/eventually.js';

/** A column to put them in, and a hundred widgets not yet on the page. */
async function hundredWidgets(): Promise<{ wrapper: HTMLDivElement; widgets: CeopStats[] }> {
  const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 400px"></div>`);
  const widgets = Array.from({ length: 100 }, () => {
    const el = document.createElement('ceop-stats');
    el.noAnimation = true;
    return el;
  });
  return { wrapper, widgets };
}

/** Whether the widget has rendered anything yet. */
const rendered = (el: CeopStats) => (el.shadowRoot?.childElementCount ?? 0) > 0;

describe('many widgets at once keep the page responsive', () => {
  it('100 widgets added in one task render over several tasks, and every one renders', async function () {
    const { wrapper, widgets } = await hundredWidgets();
    wrapper.append(...widgets);
    // Queued after every widget's first update was asked for, so it runs once this task's updates have run or been put off.
    const renderedInFirstTask = await new Promise<number>((resolve) => queueMicrotask(() => resolve(widgets.filter(rendered).length)));
    expect(renderedInFirstTask, 'the first widgets render at once').to.be.greaterThan(0);
    expect(renderedInFirstTask, 'the rest wait for later tasks').to.be.lessThan(widgets.length);
    // A bound, not a measure: a hundred widgets one slice at a time, with frames between, on an engine starved by two others.
    await eventually(() => widgets.every(rendered), 'every widget renders in the end');
    const last = widgets.at(-1)!;
    await last.updateComplete;
    expect(headingText(last)).to.equal('Children safeguarded or protected');
    expect(counterValues(last)).to.deep.equal(['1,038', '1,644', '394']);
  });

  it('the widgets put off to later tasks are sliced too, not all woken into one task', async function () {
    const { wrapper, widgets } = await hundredWidgets();
    // The clock as the slices read it runs a millisecond per reading, so a slice holds the same number of renders on a
    // fast machine as on a slow one: by the real clock, a fast run fitted more than half of them into one 12 ms slice.
    let clock = performance.now();
    Object.defineProperty(performance, 'now', { value: () => (clock += 1), configurable: true });
    // A chain of tasks, one after another, each noting how many widgets had rendered by then.
    const counts: number[] = [];
    const done = new Promise<void>((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        counts.push(widgets.filter(rendered).length);
        if (counts.at(-1)! < widgets.length && counts.length < 20000) channel.port2.postMessage(null);
        else {
          channel.port1.close();
          resolve();
        }
      };
      channel.port2.postMessage(null);
    });
    try {
      wrapper.append(...widgets);
      await done;
    } finally {
      // Back to Performance.prototype.now.
      Reflect.deleteProperty(performance, 'now');
    }
    const perTask = counts.map((count, i) => count - (counts[i - 1] ?? 0));
    expect(counts.at(-1), 'every widget renders in the end').to.equal(widgets.length);
    expect(Math.max(...perTask.slice(1)), `widgets rendered per task: ${perTask.join(' ')}`).to.be.lessThan(widgets.length / 2);
  });
});
