import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { CeopStats } from '../src/ceop-stats.js';
import '../src/ceop-stats.js';
import { counterValues, headingText, shadow } from './helpers.js';

/** Whether the page has fetched a script whose URL contains `part`. */
const fetched = (part: string) => performance.getEntriesByType('resource').some((entry) => entry.name.includes(part));

// This file must run first in its page: it checks what was fetched before any chart was wanted.
describe('the chart code loads only when needed', () => {
  it('a widget far below the fold renders its text, but the chart code waits until it comes near', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><div style="height: 400vh"></div><ceop-stats no-animation></ceop-stats></div>`);
    const el = wrapper.querySelector<CeopStats>('ceop-stats')!;
    await el.updateComplete;
    // Heading, summary, counters and the chart's box are there at once.
    expect(headingText(el)).to.equal('Children safeguarded or protected');
    expect(shadow(el).querySelector('.summary')!.textContent).to.contain('414 in 2010/11');
    expect(counterValues(el)).to.deep.equal(['1,038', '1,644', '394']);
    expect(shadow(el).querySelector('.chart')!.getBoundingClientRect().height).to.be.greaterThan(100);
    expect(fetched('/src/chart/bar-chart.ts'), 'chart code fetched too early').to.equal(false);
    // The table view needs none of it.
    shadow(el).querySelector<HTMLButtonElement>('.toggle')!.click();
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('table tbody tr')).to.have.length(5);
    expect(fetched('/src/chart/bar-chart.ts')).to.equal(false);
    shadow(el).querySelector<HTMLButtonElement>('.toggle')!.click();

    const ready = oneEvent(el, 'ceop-stats-ready');
    el.scrollIntoView();
    await ready;
    expect(fetched('/src/chart/bar-chart.ts')).to.equal(true);
  });

  it('many widgets share one load of the chart code', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 400px"></div>`);
    const widgets = Array.from({ length: 5 }, () => {
      const el = document.createElement('ceop-stats');
      el.noAnimation = true;
      el.style.setProperty('--ceop-stats-chart-height', '60px');
      return el;
    });
    const ready = widgets.map((el) => oneEvent(el, 'ceop-stats-ready'));
    wrapper.append(...widgets);
    await Promise.all(ready);
    const loads = performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/src/chart/bar-chart.ts'));
    expect(loads).to.have.length(1);
  });

  it('the data-in code is fetched only for data from outside the bundle', async () => {
    expect(fetched('/src/data/data-in.ts')).to.equal(false);
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('ceop-stats');
    el.noAnimation = true;
    el.innerHTML = '<table><tr><th>Year</th><th>Cases</th></tr><tr><td>2001</td><td>3</td></tr></table>';
    const ready = oneEvent(el, 'ceop-stats-ready');
    wrapper.append(el);
    await ready;
    expect(headingText(el)).to.equal('Cases');
    expect(fetched('/src/data/data-in.ts')).to.equal(true);
  });
});

describe('the built bundle from another path and origin', () => {
  it('loads its chunks relative to its own URL, wherever it is served from', async () => {
    // The page is on localhost; the bundle comes from 127.0.0.1 (another origin) under /cdn/v1/ (another path).
    const cdn = `http://127.0.0.1:${location.port}/cdn/v1/`;
    const frame = document.createElement('iframe');
    frame.style.cssText = 'position: fixed; top: 0; left: 0; width: 700px; height: 700px; border: 0';
    frame.srcdoc = `<!doctype html><html lang="en-GB"><body>
      <script type="module" src="${cdn}ceop-stats.js"></script>
      <ceop-stats no-animation src="${location.origin}/api/dataset.json"></ceop-stats></body></html>`;
    document.body.append(frame);
    try {
      await waitUntil(
        () => frame.contentDocument?.querySelector('ceop-stats')?.shadowRoot?.querySelector('.chart-focus'),
        'widget rendered',
        { timeout: 8000 },
      );
      const win = frame.contentWindow!;
      await waitUntil(
        () => win.performance.getEntriesByType('resource').some((entry) => entry.name.startsWith(`${cdn}ceop-stats-bar-chart.js`)),
        'chart chunk fetched from the CDN path',
        { timeout: 8000 },
      );
      const widget = frame.contentDocument!.querySelector('ceop-stats')!;
      expect(widget.shadowRoot!.querySelector('h2')!.textContent).to.equal('Cases');
      const chunks = win.performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((name) => name.endsWith('.js'));
      expect(
        chunks.every((name) => name.startsWith(cdn)),
        chunks.join(' '),
      ).to.equal(true);
    } finally {
      frame.remove();
    }
  });
});
