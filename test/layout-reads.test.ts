import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { CeopStats } from '../src/ceop-stats.js';
import '../src/ceop-stats.js';

type LayoutCount = { layouts: number; styleRecalcs: number } | false;
const layoutCount = () => executeServerCommand<LayoutCount, undefined>('layout-count');
async function counts(): Promise<{ layouts: number; styleRecalcs: number }> {
  const count = await layoutCount();
  if (!count) throw new Error('this engine does not count layouts');
  return count;
}

/** Draws 20 charts together, once the chart code is loaded; what the page's layouts and style recalculations cost meanwhile, and in how many frames. */
async function drawTwenty(): Promise<{ layouts: number; styleRecalcs: number; frames: number }> {
  // The chart code is loaded first, so only drawing is counted.
  const first = await fixture<CeopStats>(html`<ceop-stats no-animation></ceop-stats>`);
  await oneEvent(first, 'ceop-stats-ready');
  const wrapper = await fixture<HTMLDivElement>(html`<div style="display: grid; grid-template-columns: repeat(5, 200px)"></div>`);
  const widgets = Array.from({ length: 20 }, () => {
    const el = document.createElement('ceop-stats');
    el.noAnimation = true;
    return el;
  });
  let frames = 0;
  let counting = true;
  const countFrames = () => {
    frames += 1;
    if (counting) requestAnimationFrame(countFrames);
  };
  const before = await counts();
  requestAnimationFrame(countFrames);
  const drawn = Promise.all(widgets.map((el) => oneEvent(el, 'ceop-stats-ready')));
  wrapper.append(...widgets);
  await drawn;
  counting = false;
  const after = await counts();
  return { layouts: after.layouts - before.layouts, styleRecalcs: after.styleRecalcs - before.styleRecalcs, frames };
}

describe('drawing charts does not make the browser lay the page out to measure them', () => {
  it('20 charts drawn together: no layout but the frames’ own', async function () {
    this.timeout(30000);
    if (!(await layoutCount())) this.skip();
    const { layouts, frames } = await drawTwenty();
    // The browser lays the page out at most once in each frame, on its own. A chart that measured its box and its canvas
    // forced three or four layouts more as it was made (90 in all here); one made after another widget's canvas changed
    // size forced one as Chart.js set its first font (21). Now the page is laid out in a frame or two, and never by a chart.
    expect(layouts, `layouts while 20 charts were drawn, in ${frames} frames`).to.be.at.most(frames);
  });

  it('20 charts drawn together: Chart.js does not resize canvases already sized', async function () {
    this.timeout(30000);
    if (!(await layoutCount())) this.skip();
    const { styleRecalcs, frames } = await drawTwenty();
    // Chart.js set each canvas's width and height again as it started, to the numbers the widget had given them: attribute
    // changes that made the next chart's first text measurement recalculate the page's style (62 in 8 frames here). Now
    // 42 in 8: the frames' own and two for each chart, as each widget's update and its chart's first text meet.
    expect(styleRecalcs, `style recalculations while 20 charts were drawn, in ${frames} frames`).to.be.at.most(frames + 2 * 20);
  });
});
