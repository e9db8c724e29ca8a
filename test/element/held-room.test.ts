import { expect, fixture, html } from '@open-wc/testing';
import type { CeopStats } from '../../src/ceop-stats.js';
import '../../src/ceop-stats.js';
import { shadow, watchLayoutShifts } from '../helpers/index.js';
import { eventually } from '../helpers/eventually.js';

/** Where a reader sees the parts that could move, in the page's pixels. */
function layout(el: CeopStats, after: HTMLElement) {
  const part = (name: string) => shadow(el).querySelector(`[part="${name}"]`)?.getBoundingClientRect();
  return {
    chartTop: shadow(el).querySelector('.chart-or-table')!.getBoundingClientRect().top,
    afterTop: after.getBoundingClientRect().top,
    summaryBottom: part('summary')?.bottom,
    toolbarTop: shadow(el).querySelector('.toolbar')?.getBoundingClientRect().top,
  };
}

/** The card's gap between its rows, as its styles give it (0.75 × the 16 px spacing). */
const CARD_GAP = 12;

/** A widget with `src` in a 360 px column with a paragraph after it, in its loading look; its data comes when `arrive` is called. */
async function loadingWidget(label: string, { belowTheFold = false } = {}) {
  const gate = Math.random().toString(36).slice(2);
  const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 360px; font: 16px/1.5 serif">
    ${belowTheFold ? html`<div style="height: 200vh"></div>` : ''}
    <ceop-stats no-animation src=${`/api/dataset.json?gate=${gate}&label=${encodeURIComponent(label)}`}></ceop-stats>
    <p>After the widget</p>
  </div>`);
  const el = wrapper.querySelector('ceop-stats')!;
  const after = wrapper.querySelector('p')!;
  await eventually(() => el.shadowRoot?.querySelector('.summary-placeholder'), 'the loading look');
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const arrive = async () => {
    await fetch(`/api/open?gate=${gate}`);
    // The summary is the data's: the render that replaced the loading look has run (the chart may be drawn later).
    await eventually(() => shadow(el).querySelector('[part="summary"]'), 'the data');
    await el.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  };
  return { wrapper, el, after, arrive };
}

describe('a widget whose data arrives in view', () => {
  it('keeps its chart, and the page after it, where the loading look had them when the texts are shorter', async () => {
    const { el, after, arrive } = await loadingWidget('Cases');
    const shifts = watchLayoutShifts();
    try {
      const loading = layout(el, after);
      await arrive();
      const loaded = layout(el, after);
      expect(shadow(el).querySelector('[part="heading"]')?.textContent).to.equal('Cases');
      expect(loaded.chartTop, 'the chart stays').to.be.closeTo(loading.chartTop, 0.5);
      expect(loaded.afterTop, 'the text after the widget stays').to.be.closeTo(loading.afterTop, 0.5);
      // The room is under the summary, which overlaps nothing.
      expect(loaded.toolbarTop! - loaded.summaryBottom!, 'room under the summary').to.be.greaterThan(CARD_GAP + 1);
      const total = shifts.total();
      if (total !== null) expect(total, 'layout shift').to.equal(0);
    } finally {
      shifts.stop();
    }
  });

  it('gives the room back when its width changes', async () => {
    const { wrapper, el, after, arrive } = await loadingWidget('Cases');
    await arrive();
    const held = layout(el, after);
    wrapper.style.width = '400px';
    await eventually(() => {
      const now = layout(el, after);
      return Math.abs(now.toolbarTop! - now.summaryBottom! - CARD_GAP) < 0.5;
    }, 'the summary and the toolbar one gap apart');
    expect(layout(el, after).chartTop, 'the chart is higher without the room').to.be.below(held.chartTop - 1);
  });

  it('gives the room back when the page is printed: paper has its own width', async () => {
    const { el, after, arrive } = await loadingWidget('Cases');
    await arrive();
    const gap = () => {
      const { toolbarTop, summaryBottom } = layout(el, after);
      return toolbarTop! - summaryBottom!;
    };
    expect(gap(), 'room under the summary').to.be.greaterThan(CARD_GAP + 1);
    window.dispatchEvent(new Event('beforeprint'));
    window.dispatchEvent(new Event('afterprint'));
    await el.updateComplete;
    expect(gap(), 'no room under the summary').to.be.closeTo(CARD_GAP, 0.5);
  });

  it('holds no room below the viewport, where nothing a reader sees would move', async () => {
    const { el, after, arrive } = await loadingWidget('Cases', { belowTheFold: true });
    await arrive();
    const loaded = layout(el, after);
    expect(loaded.toolbarTop! - loaded.summaryBottom!, 'no room under the summary').to.be.closeTo(CARD_GAP, 0.5);
  });

  it('holds no room when the texts are longer: the chart goes down to make way for them', async () => {
    const { el, after, arrive } = await loadingWidget(`Cases ${'reported to the centre by the public and by industry '.repeat(3)}`);
    const loading = layout(el, after);
    await arrive();
    const loaded = layout(el, after);
    expect(loaded.chartTop, 'the chart is lower').to.be.above(loading.chartTop + 1);
    expect(loaded.toolbarTop! - loaded.summaryBottom!, 'no room under the summary').to.be.closeTo(CARD_GAP, 0.5);
  });
});
