/**
 * The widget follows every way its width changes after it has drawn: the
 * window, a script setting its width, a sidebar opening beside it, a change
 * inside another component's shadow root, a resize while the table was shown;
 * and a printed page, A4 portrait and landscape. After each, the chart fits
 * its box again and nothing is cut off or overlapping (layout-check.ts).
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { CeopStats } from '../../src/ceop-stats.js';
import { layoutProblems } from '../helpers/layout-check.js';
import { canvasOf, failOnUncaughtErrors, MARKER_STYLE, renderWidget, shadow } from '../helpers/index.js';
import { eventually } from '../helpers/eventually.js';

/** Waits until the chart has been redrawn to its box's new width (Chart.js resizes in a later frame). */
async function chartFitsItsBox(el: CeopStats): Promise<void> {
  const box = () => shadow(el).querySelector('[part~="chart"]')!.getBoundingClientRect();
  await eventually(() => {
    const canvas = canvasOf(el).getBoundingClientRect();
    return Math.abs(canvas.width - box().width) <= 1 && Math.abs(canvas.height - box().height) <= 1;
  }, 'the chart fits its box again');
  await new Promise((resolve) => requestAnimationFrame(resolve));
}

function newWidget(): CeopStats {
  const el = document.createElement('ceop-stats');
  el.setAttribute('style', MARKER_STYLE);
  el.setAttribute('theme', 'light');
  el.setAttribute('no-animation', '');
  return el;
}

describe('resizes are followed', () => {
  failOnUncaughtErrors();
  before(() => renderWidget());

  it('the window: a frame narrowed from 900 to 320 px and widened again', async () => {
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width: 900px; height: 900px; border: 0';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.srcdoc = `<!doctype html><body style="margin: 0"><script type="module" src="/dist/ceop-stats.js"></script>
      <ceop-stats no-animation style="${MARKER_STYLE}"></ceop-stats></body>`;
    document.body.append(frame);
    try {
      await loaded;
      const el = frame.contentDocument!.querySelector<CeopStats>('ceop-stats')!;
      // Its bars, not its canvas's size: the canvas is sized as soon as its box is laid out, and the chart code can come
      // later (a busy machine made this test narrow the frame before any bar was drawn).
      await eventually(() => el.shadowRoot?.querySelector('canvas') && layoutProblems(el, { bars: 5 }).length === 0, 'chart drawn');
      await chartFitsItsBox(el);
      for (const width of [320, 900]) {
        frame.style.width = `${width}px`;
        await eventually(() => Math.abs(el.getBoundingClientRect().width - width) < 1, 'the widget takes the new width');
        await chartFitsItsBox(el);
        expect(layoutProblems(el, { bars: 5 }), `at ${width} px`).to.deep.equal([]);
      }
    } finally {
      frame.remove();
    }
  });

  it('its own width, set by a script', async () => {
    const el = await renderWidget();
    for (const width of ['300px', '700px', '45%']) {
      el.style.width = width;
      await chartFitsItsBox(el);
      expect(layoutProblems(el, { bars: 5 }), width).to.deep.equal([]);
    }
  });

  it('a sidebar opening beside it', async () => {
    const row = await fixture<HTMLDivElement>(
      html`<div style="display: flex; width: 800px"><aside style="flex: none; width: 0"></aside><main style="flex: 1; min-width: 0"></main></div>`,
    );
    const el = newWidget();
    const ready = oneEvent(el, 'ceop-stats-ready');
    row.querySelector('main')!.append(el);
    await ready;
    row.querySelector('aside')!.style.width = '420px';
    await chartFitsItsBox(el);
    expect(el.getBoundingClientRect().width).to.be.closeTo(380, 1);
    expect(layoutProblems(el, { bars: 5 })).to.deep.equal([]);
  });

  it('inside another component’s shadow root, when that component changes its column', async () => {
    if (!customElements.get('test-column-shell')) {
      customElements.define(
        'test-column-shell',
        class extends HTMLElement {
          constructor() {
            super();
            this.attachShadow({ mode: 'open' }).innerHTML = '<div class="column" style="width: 700px"></div>';
          }
        },
      );
    }
    const shell = await fixture<HTMLElement>(html`<test-column-shell></test-column-shell>`);
    const column = shell.shadowRoot!.querySelector<HTMLElement>('.column')!;
    const el = newWidget();
    const ready = oneEvent(el, 'ceop-stats-ready');
    column.append(el);
    await ready;
    for (const width of [340, 600]) {
      column.style.width = `${width}px`;
      await chartFitsItsBox(el);
      expect(layoutProblems(el, { bars: 5 }), `at ${width} px`).to.deep.equal([]);
    }
  });

  it('a resize while the table was shown: the chart fits when it comes back', async () => {
    const el = await renderWidget();
    const toggle = shadow(el).querySelector<HTMLButtonElement>('.toggle')!;
    toggle.click();
    await el.updateComplete;
    el.parentElement!.style.width = '340px';
    await new Promise((resolve) => requestAnimationFrame(resolve));
    toggle.click();
    await el.updateComplete;
    await chartFitsItsBox(el);
    expect(layoutProblems(el, { bars: 5 })).to.deep.equal([]);
  });
});

describe('print', () => {
  failOnUncaughtErrors();
  before(() => renderWidget());

  // An A4 page's printable width in CSS pixels, with 1 cm margins: 190 mm and 277 mm at 96 dpi.
  for (const [page, width] of [
    ['A4 portrait', 718],
    ['A4 landscape', 1047],
  ] as const) {
    it(`${page}: chart, table and counters, nothing cut off`, async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: ${width}px"></div>`);
      const el = newWidget();
      el.setAttribute('metric', 'networks');
      el.setAttribute('downloads', '');
      const ready = oneEvent(el, 'ceop-stats-ready');
      wrapper.append(el);
      await ready;
      // Print styles where the engine can emulate print media (Chromium); the print state everywhere.
      const printMedia = await emulateMedia({ media: 'print' }).then(
        () => true,
        () => false,
      );
      try {
        window.dispatchEvent(new Event('beforeprint'));
        await el.updateComplete;
        await chartFitsItsBox(el);
        expect(shadow(el).querySelector('table'), 'the table beneath the chart').to.exist;
        expect(layoutProblems(el, { bars: 3 })).to.deep.equal([]);
        if (printMedia)
          expect(getComputedStyle(shadow(el).querySelector('[part~="downloads"]')!).display, 'no buttons on paper').to.equal('none');
      } finally {
        window.dispatchEvent(new Event('afterprint'));
        if (printMedia) await emulateMedia({ media: 'screen' });
      }
    });
  }
});
