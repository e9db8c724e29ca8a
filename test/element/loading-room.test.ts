/**
 * The loading look holds the room of what it expects to show, worked out
 * from that data: as many counters as it has measures, its summary's lines,
 * its source line. A widget whose data is already known while its language's
 * texts load (the data is here, its messages are not) shows the loading look
 * first; when the texts come, nothing on the page moves and the card has no
 * room left over.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { CeopStats } from '../../src/ceop-stats.js';
import { CEOP_FIGURES } from '../../src/model/ceop-figures.js';
import type { Dataset } from '../../src/model/dataset.js';
import { messages as en } from '../../src/messages/en.js';
import { LANGUAGES } from '../../src/messages/index.js';
import { renderWidget, shadow, watchLayoutShifts } from '../helpers/index.js';
import { eventually } from '../helpers/eventually.js';

/** The card's padding, as its styles give it (the 16 px spacing). */
const PADDING = 16;

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** A language of its own for each widget (a language's messages are fetched once for the page): English texts, given when `release` is called. */
let languages = 0;
function slowLanguage(): { code: string; release: () => void } {
  const code = `q${'abcdefghijklmnopqrst'[languages++]!}`;
  let give: (() => void) | undefined;
  LANGUAGES[code] = () => new Promise((resolve) => (give = () => resolve({ messages: en })));
  return { code, release: () => give!() };
}

function ourData(labels: string[]): Dataset {
  return {
    years: ['2019/20', '2020/21', '2021/22'],
    measures: labels.map((label, i) => ({ id: `m${i}`, label, values: [120 * (i + 1), 1340 * (i + 1), 2210 * (i + 1)] })),
    totalLabel: 'since April 2019',
    source: { label: 'Our annual reports' },
  };
}

/** Where a reader sees what could move, and the room left at the card's end under its last line. */
function layout(el: CeopStats, after: HTMLElement) {
  const root = shadow(el);
  const card = root.querySelector('.card')!.getBoundingClientRect();
  const lastLine = root.querySelector('.source, .source-placeholder')!.getBoundingClientRect();
  return {
    chartTop: root.querySelector('.chart-or-table')!.getBoundingClientRect().top,
    afterTop: after.getBoundingClientRect().top,
    roomAtEnd: card.bottom - lastLine.bottom,
  };
}

/** A widget in a column of `width` with a paragraph after it, in its loading look and then drawn. */
async function loadingThenDrawn(width: number, data?: Dataset) {
  const { code, release } = slowLanguage();
  const wrapper = await fixture<HTMLDivElement>(html`<div style="width: ${width}px; font: 16px/1.5 sans-serif"></div>`);
  const el = document.createElement('ceop-stats');
  el.setAttribute('locale', code);
  el.setAttribute('no-animation', '');
  if (data) el.innerHTML = `<script type="application/json">${JSON.stringify(data)}</script>`;
  const after = document.createElement('p');
  after.textContent = 'After the widget';
  wrapper.append(el, after);
  await eventually(() => el.shadowRoot?.querySelector('.counters-placeholder'), 'the loading look');
  await nextFrame();
  const loading = layout(el, after);
  const shifts = watchLayoutShifts();
  try {
    const ready = oneEvent(el, 'ceop-stats-ready');
    release();
    await ready;
    await nextFrame();
    return { loading, drawn: layout(el, after), shift: shifts.total(), counters: shadow(el).querySelectorAll('.counter').length };
  } finally {
    shifts.stop();
    Reflect.deleteProperty(LANGUAGES, code);
  }
}

function expectSameRoom({ loading, drawn, shift }: Awaited<ReturnType<typeof loadingThenDrawn>>) {
  expect(drawn.chartTop, 'the chart stays').to.be.closeTo(loading.chartTop, 0.5);
  expect(drawn.afterTop, 'the text after the widget stays').to.be.closeTo(loading.afterTop, 0.5);
  expect(drawn.roomAtEnd, 'no room left over under the last line').to.be.closeTo(PADDING, 0.5);
  // Where the browser reports layout shifts (Chromium), the threshold of the page tests.
  if (shift !== null) expect(shift, 'layout shift').to.be.at.most(0.01);
}

describe('the loading look holds the room of the data it will show', () => {
  // The code that reads a widget's own JSON, loaded once, so the data is read at once and only the texts are late.
  before(async () => {
    const el = await renderWidget();
    el.innerHTML = `<script type="application/json">${JSON.stringify(ourData(['Warm-up']))}</script>`;
    await eventually(() => el.shadowRoot?.querySelector('h2')?.textContent.includes('Warm-up'), 'JSON read');
  });

  for (const width of [360, 640]) {
    it(`our data with four measures, at ${width} px: four counters' room`, async () => {
      const result = await loadingThenDrawn(width, ourData(['Referrals', 'Children safeguarded', 'Arrests', 'Networks disrupted']));
      expect(result.counters).to.equal(4);
      expectSameRoom(result);
    });

    it(`our data with one measure, at ${width} px: one counter's room, none left over`, async () => {
      const result = await loadingThenDrawn(width, ourData(['Referrals']));
      expect(result.counters).to.equal(1);
      expectSameRoom(result);
    });
  }

  it('a fourth measure in the bundled figures: the room follows, with no change to the styles', async () => {
    const measures = CEOP_FIGURES.measures;
    CEOP_FIGURES.measures = [...measures, { id: 'referrals', label: 'Reports to the centre', values: [4000, 5000, 6000, 7000, 8000] }];
    try {
      const result = await loadingThenDrawn(360);
      expect(result.counters).to.equal(4);
      expectSameRoom(result);
    } finally {
      CEOP_FIGURES.measures = measures;
    }
  });
});
