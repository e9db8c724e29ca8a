import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { CeopStats } from '../src/ceop-stats.js';
import '../src/ceop-stats.js';
import { counterValues, headingText } from './helpers.js';

/** Whether the widget has rendered anything yet. */
const rendered = (el: CeopStats) => (el.shadowRoot?.childElementCount ?? 0) > 0;

describe('many widgets at once keep the page responsive', () => {
  it('100 widgets added in one task render over several tasks, and every one renders', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 400px"></div>`);
    const widgets = Array.from({ length: 100 }, () => {
      const el = document.createElement('ceop-stats');
      el.noAnimation = true;
      return el;
    });
    wrapper.append(...widgets);
    // Queued after every widget's first update was asked for, so it runs once this task's updates have run or been put off.
    const renderedInFirstTask = await new Promise<number>((resolve) => queueMicrotask(() => resolve(widgets.filter(rendered).length)));
    expect(renderedInFirstTask, 'the first widgets render at once').to.be.greaterThan(0);
    expect(renderedInFirstTask, 'the rest wait for later tasks').to.be.lessThan(widgets.length);
    await waitUntil(() => widgets.every(rendered), 'every widget renders in the end', { timeout: 5000 });
    const last = widgets.at(-1)!;
    await last.updateComplete;
    expect(headingText(last)).to.equal('Children safeguarded or protected');
    expect(counterValues(last)).to.deep.equal(['1,038', '1,644', '394']);
  });
});
