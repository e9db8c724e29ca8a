import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { CeopStats } from '../../src/ceop-stats.js';
import '../../src/ceop-stats.js';

type LayoutCount = { layouts: number } | false;
const layoutCount = () => executeServerCommand<LayoutCount, undefined>('layout-count');
async function layouts(): Promise<number> {
  const count = await layoutCount();
  if (!count) throw new Error('this engine does not count layouts');
  return count.layouts;
}

/** A grid for 20 widgets, and the widgets, not yet on the page; the chart code is loaded first, so only drawing is measured. */
async function twentyWidgets(): Promise<{ wrapper: HTMLDivElement; widgets: CeopStats[] }> {
  const first = await fixture<CeopStats>(html`<ceop-stats no-animation></ceop-stats>`);
  await oneEvent(first, 'ceop-stats-ready');
  const wrapper = await fixture<HTMLDivElement>(html`<div style="display: grid; grid-template-columns: repeat(5, 200px)"></div>`);
  const widgets = Array.from({ length: 20 }, () => {
    const el = document.createElement('ceop-stats');
    el.noAnimation = true;
    return el;
  });
  return { wrapper, widgets };
}

describe('drawing charts does not make the browser lay the page out to measure them', () => {
  it('20 charts drawn together: no layout but the frames’ own', async function () {
    if (!(await layoutCount())) this.skip();
    const { wrapper, widgets } = await twentyWidgets();
    let frames = 0;
    let counting = true;
    const countFrames = () => {
      frames += 1;
      if (counting) requestAnimationFrame(countFrames);
    };
    // Frames are counted over the whole window in which layouts are, the two reads of the count included: each read is
    // a round trip to the test server, during which the page goes on drawing frames (and laying them out) on a slow machine.
    requestAnimationFrame(countFrames);
    const before = await layouts();
    const drawn = Promise.all(widgets.map((el) => oneEvent(el, 'ceop-stats-ready')));
    wrapper.append(...widgets);
    await drawn;
    const after = await layouts();
    counting = false;
    // The browser lays the page out at most once in each frame, on its own. A chart that measured its box and its canvas
    // forced three or four layouts more as it was made (90 in all here); one made after another widget's canvas changed
    // size forced one as Chart.js set its first font (21). Now the page is laid out in a frame or two, and never by a chart.
    expect(after - before, `layouts while 20 charts were drawn, in ${frames} frames`).to.be.at.most(frames);
  });
});
