import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { CeopStats } from '../../src/ceop-stats.js';
import '../../src/ceop-stats.js';
import { counterValues, headingText, shadow } from '../helpers/index.js';
import { eventually } from '../helpers/eventually.js';

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

/** Kept by the frame's first script: what the widget warned about, which a failure reports. */
const RECORD_WARNINGS = `<script>
  window.warnings = [];
  const warn = console.warn;
  console.warn = (...args) => { window.warnings.push(args.join(' ')); warn(...args); };
</script>`;

/** The frame's console warnings so far. */
const warnings = (frame: HTMLIFrameElement): string[] => {
  const recorded: unknown = frame.contentWindow && Reflect.get(frame.contentWindow, 'warnings');
  return Array.isArray(recorded) ? recorded.map(String) : [];
};

/**
 * A 700 px square frame showing `body`, a page of its own, until `test` has run in it with its widget rendered. A
 * failure says what the frame warned about.
 */
async function inFrame(body: string, test: (frame: HTMLIFrameElement, widget: CeopStats) => Promise<void> | void): Promise<void> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'position: fixed; top: 0; left: 0; width: 700px; height: 700px; border: 0';
  frame.srcdoc = `<!doctype html><html lang="en-GB"><body>${RECORD_WARNINGS}${body}</body></html>`;
  document.body.append(frame);
  try {
    const widget = () => frame.contentDocument?.querySelector<CeopStats>('ceop-stats');
    await eventually(() => widget()?.shadowRoot?.querySelector('h2'), 'widget rendered');
    await test(frame, widget()!);
  } catch (error) {
    if (error instanceof Error) error.message += `\nThe frame warned: ${JSON.stringify(warnings(frame))}`;
    throw error;
  } finally {
    frame.remove();
  }
}

/** The frame's fetches of the bundle's files, by file name (query strings kept). */
const bundleFetches = (frame: HTMLIFrameElement) =>
  (frame.contentWindow!.performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((entry) =>
    /\/ceop-stats[\w-]*\.js(\?|$)/.test(entry.name),
  );

describe('the built bundle: a loader that fetches the chunks a page needs side by side', () => {
  // /cdn/slow-element/ serves dist/ with the element's chunk a second late.
  const cdn = `http://127.0.0.1:${location.port}/cdn/slow-element/`;

  it('asks for the chart chunk beside the element chunk when a widget is in view, not once the element has arrived', async () => {
    await inFrame(
      `<script type="module" src="${cdn}ceop-stats.js"></script><ceop-stats no-animation></ceop-stats>`,
      async (frame, widget) => {
        await eventually(() => widget.shadowRoot!.querySelector('.chart-focus'), 'chart drawn');
        const fetches = () => bundleFetches(frame).map((entry) => entry.name.slice(cdn.length));
        await eventually(() => fetches().includes('ceop-stats-bar-chart.js'), 'chart chunk fetched');
        const element = bundleFetches(frame).find((entry) => entry.name.endsWith('/ceop-stats-element.js'));
        const chart = bundleFetches(frame).find((entry) => entry.name.endsWith('/ceop-stats-bar-chart.js'));
        if (!element || !chart) throw new Error(`not both chunks: ${fetches().join(' ')}`);
        expect(chart.startTime, 'the chart chunk was asked for before the element chunk had arrived').to.be.lessThan(element.responseEnd);
      },
    );
  });

  it('leaves the chart chunk alone when every widget is far below the fold', async () => {
    await inFrame(
      `<script type="module" src="${cdn}ceop-stats.js"></script><div style="height: 400vh"></div><ceop-stats no-animation></ceop-stats>`,
      (frame) => {
        const names = bundleFetches(frame).map((entry) => entry.name.slice(cdn.length));
        expect(names).to.include('ceop-stats-element.js');
        expect(names).to.not.include('ceop-stats-bar-chart.js');
        return Promise.resolve();
      },
    );
  });

  it('loaded with a query string, as WordPress adds ?ver=, fetches the loader once: no chunk imports it by its bare name', async () => {
    const body = `<script type="module" src="${cdn}ceop-stats.js?ver=0.1.0"></script>
      <ceop-stats no-animation src="${location.origin}/api/dataset.json"></ceop-stats>`;
    await inFrame(body, async (frame, widget) => {
      await eventually(() => widget.shadowRoot!.querySelector('.chart-focus'), 'chart drawn');
      widget.shadowRoot!.querySelector<HTMLButtonElement>('.toggle')!.click();
      await eventually(() => widget.shadowRoot!.querySelectorAll('table tbody tr').length === 3, 'table shown');
      const names = bundleFetches(frame).map((entry) => entry.name.slice(cdn.length));
      // The outside data's chunk and the table's import what they share from the element's chunk.
      expect(names).to.include.members(['ceop-stats-data-in.js', 'ceop-stats-data-table.js']);
      expect(names.filter((name) => name.startsWith('ceop-stats.js'))).to.deep.equal(['ceop-stats.js?ver=0.1.0']);
      expect(new Set(names).size, names.join(' ')).to.equal(names.length);
    });
  });
});

describe('the built bundle over a network that drops a chunk', () => {
  it('the table chunk: says so where the table goes; the chart is still there', async () => {
    // The table's chunk fails twice: when it is fetched ahead, and when the reader asks for the table (WebKit asks again).
    const cdn = `http://127.0.0.1:${location.port}/cdn/fails-data-table-${Math.random().toString(36).slice(2)}-2/`;
    await inFrame(
      `<script type="module" src="${cdn}ceop-stats.js"></script><ceop-stats no-animation></ceop-stats>`,
      async (frame, widget) => {
        const root = widget.shadowRoot!;
        const failedLoads = () => warnings(frame).filter((warning) => warning.includes('the table code could not be loaded')).length;
        await eventually(() => failedLoads() === 1, 'the table chunk fetched ahead, and failed');
        const toggle = root.querySelector<HTMLButtonElement>('.toggle')!;
        toggle.focus();
        toggle.click();
        await eventually(() => root.querySelector('[role="alert"]'), 'the failure said');
        expect(root.querySelector('[role="alert"]')!.textContent).to.equal('The table could not be loaded. Reload the page to try again.');
        expect(toggle.textContent.trim()).to.equal('Show chart');
        expect(root.activeElement).to.equal(toggle);
        expect(root.querySelector('table')).to.equal(null);
        expect(failedLoads(), 'asked for again when the table was').to.equal(2);

        toggle.click();
        await widget.updateComplete;
        expect(root.querySelector('[role="alert"]')).to.equal(null);
        expect(root.querySelector('.chart')!.hasAttribute('hidden')).to.equal(false);
        expect(root.querySelector('h2')!.textContent).to.equal('Children safeguarded or protected');
      },
    );
  });

  it('the chart chunk: says so in the chart box; the table and counters are still there', async () => {
    // Fails twice: the loader fetches it ahead, and the element asks for it (WebKit fetches a failed module again).
    const cdn = `http://127.0.0.1:${location.port}/cdn/fails-bar-chart-${Math.random().toString(36).slice(2)}-2/`;
    await inFrame(
      `<script type="module" src="${cdn}ceop-stats.js"></script><ceop-stats no-animation></ceop-stats>`,
      async (frame, widget) => {
        const root = widget.shadowRoot!;
        await eventually(() => root.querySelector('[role="alert"]'), 'the failure said');
        const alert = root.querySelector('[role="alert"]')!;
        expect(alert.textContent).to.equal('The chart could not be loaded. Show the table, or reload the page to try again.');
        const box = root.querySelector('.chart')!.getBoundingClientRect();
        const text = alert.getBoundingClientRect();
        expect(text.top >= box.top && text.bottom <= box.bottom, 'the message is in the chart box').to.equal(true);
        expect(root.querySelector('.chart-focus'), 'no chart to move through with the keys').to.equal(null);
        expect([...root.querySelectorAll('.counter-value')].map((value) => value.textContent)).to.deep.equal(['1,038', '1,644', '394']);
        expect(warnings(frame)).to.deep.equal(['<ceop-stats>: the chart code could not be loaded; the table view still works.']);

        root.querySelector<HTMLButtonElement>('.toggle')!.click();
        await eventually(() => root.querySelectorAll('table tbody tr').length === 5, 'the table');
      },
    );
  });
});

describe('the built bundle from another path and origin', () => {
  it('loads its chunks relative to its own URL, wherever it is served from', async () => {
    // The page is on localhost; the bundle comes from 127.0.0.1 (another origin) under /cdn/v1/ (another path).
    const cdn = `http://127.0.0.1:${location.port}/cdn/v1/`;
    const body = `<script type="module" src="${cdn}ceop-stats.js"></script>
      <ceop-stats no-animation src="${location.origin}/api/dataset.json"></ceop-stats>`;
    await inFrame(body, async (frame, widget) => {
      await eventually(() => widget.shadowRoot!.querySelector('.chart-focus'), 'widget rendered');
      const win = frame.contentWindow!;
      await eventually(
        () => win.performance.getEntriesByType('resource').some((entry) => entry.name.startsWith(`${cdn}ceop-stats-bar-chart.js`)),
        'chart chunk fetched from the CDN path',
      );
      expect(widget.shadowRoot!.querySelector('h2')!.textContent).to.equal('Cases');
      const chunks = win.performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((name) => name.endsWith('.js'));
      expect(
        chunks.every((name) => name.startsWith(cdn)),
        chunks.join(' '),
      ).to.equal(true);
    });
  });
});
