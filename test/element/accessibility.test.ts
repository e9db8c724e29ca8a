import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CeopStats } from '../../src/ceop-stats.js';
import {
  canvasOf,
  counterValues,
  countPixels,
  FakeMediaQuery,
  MARKERS,
  tooltipOf,
  readBars,
  renderWidget,
  shadow,
} from '../helpers/index.js';
import { eventually } from '../helpers/eventually.js';

function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, b] = color
      .match(/\d+(\.\d+)?/g)!
      .slice(0, 3)
      .map(Number)
      .map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Resolves a palette colour of the element to rgb() through a probe's computed colour, inside the card that holds the palette. */
function resolved(el: CeopStats, name: string): string {
  const probe = document.createElement('span');
  probe.style.color = `var(${name})`;
  shadow(el).querySelector('[part~="card"]')!.append(probe);
  const color = getComputedStyle(probe).color;
  probe.remove();
  return color;
}

const toggle = (el: CeopStats) => shadow(el).querySelector<HTMLButtonElement>('.toggle')!;
const liveRegion = (el: CeopStats) => shadow(el).querySelector('[aria-live="polite"]')!.textContent.trim();
const tableRows = (el: CeopStats) =>
  [...shadow(el).querySelectorAll('table tr')].map((tr) => [...tr.children].map((c) => c.textContent.trim()));

describe('accessibility', () => {
  describe('axe finds no violations', () => {
    // The default palettes, not the test marker colours: contrast is part of what axe checks.
    const plain = () => fixture<CeopStats>(html`<ceop-stats theme="light" no-animation metric="networks"></ceop-stats>`);

    it('in chart view', async () => {
      const el = await plain();
      await expect(el).to.be.accessible();
    });

    it('in table view', async () => {
      const el = await plain();
      toggle(el).click();
      await el.updateComplete;
      expect(shadow(el).querySelector('table')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('in the dark theme', async () => {
      const el = await fixture<CeopStats>(html`<ceop-stats theme="dark" no-animation></ceop-stats>`);
      await expect(el).to.be.accessible();
    });

    it('in the error state', async () => {
      const warn = console.warn;
      console.warn = () => undefined;
      try {
        const el = await fixture<CeopStats>(html`<ceop-stats metric="nope"></ceop-stats>`);
        expect(shadow(el).querySelector('[role="alert"]')).to.exist;
        await expect(el).to.be.accessible();
      } finally {
        console.warn = warn;
      }
    });

    it('in the loading state', async () => {
      const el = await fixture<CeopStats>(html`<ceop-stats src="/api/dataset.json?delay=500"></ceop-stats>`);
      expect(shadow(el).querySelector('[role="status"]')).to.exist;
      await expect(el).to.be.accessible();
    });
  });

  describe('summary', () => {
    it('the summary attribute replaces the generated sentence, as text, and describes the chart', async () => {
      const el = await renderWidget({ summary: 'Our own words <b>here</b>.' });
      const summary = shadow(el).querySelector('.summary')!;
      expect(summary.textContent).to.equal('Our own words <b>here</b>.');
      expect(summary.querySelector('b')).to.equal(null);
      expect(shadow(el).querySelector('.chart-focus')!.getAttribute('aria-describedby')).to.contain(summary.id);
    });

    it('follows the range and the locale', async () => {
      const el = await renderWidget({ metric: 'arrests', to: '2009', locale: 'de' });
      expect(
        shadow(el)
          .querySelector('.summary')!
          .textContent.replace(/\u00a0/g, ' '),
      ).to.equal('Arrests: 417 in 2009/10, a record for the fourth year in a row and 25 % more than in 2008/09. 1.644 since April 2006.');
    });
  });

  describe('data table', () => {
    it('has a caption, header scopes, formatted values, records, notes and the total', async () => {
      const el = await renderWidget({ metric: 'networks' });
      toggle(el).click();
      await el.updateComplete;
      const table = shadow(el).querySelector('table')!;
      expect(table.caption!.textContent.trim()).to.equal('Offender networks dismantled or disrupted');
      expect([...table.querySelectorAll('thead th')].map((th) => th.getAttribute('scope'))).to.deep.equal(['col', 'col', 'col', 'col']);
      expect([...table.querySelectorAll('tbody th')].every((th) => th.getAttribute('scope') === 'row')).to.equal(true);
      const rows = tableRows(el);
      expect(rows[0]).to.deep.equal(['Year', 'Offender networks dismantled or disrupted', 'Record', 'Note']);
      expect(rows[1]![1]).to.equal('Not reported');
      expect(rows[1]![3]).to.contain('84 networks in 2006/07 and 2007/08 together');
      expect(rows.slice(3, 6)).to.deep.equal([
        ['2008/09', '82', '', ''],
        ['2009/10', '96', 'Record', ''],
        ['2010/11', '132', 'Record', ''],
      ]);
      expect(rows[6]).to.deep.equal(['Total since April 2006', '394', '', '']);
    });

    it('agrees with the chart, the counters and the summary for every measure', async () => {
      for (const metric of ['children', 'arrests', 'networks']) {
        const el = await renderWidget({ metric, locale: 'de' });
        const bars = readBars(canvasOf(el));
        toggle(el).click();
        await el.updateComplete;
        const rows = tableRows(el).slice(1, -1);
        const records = rows.filter((r) => r[2] === 'Record').length;
        expect(
          bars.filter((b) => b.color === 'record'),
          metric,
        ).to.have.length(records);
        expect(bars, metric).to.have.length(rows.filter((r) => r[1] !== 'Not reported').length);
        const total = tableRows(el).at(-1)![1]!;
        expect(counterValues(el)).to.include(total);
        expect(shadow(el).querySelector('.summary')!.textContent).to.contain(`${total} since April 2006`);
      }
    });

    it('the toggle switches views, says what it will show, and keeps focus', async () => {
      const el = await renderWidget();
      const button = toggle(el);
      expect(button.textContent.trim()).to.equal('Show table');
      button.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(button.textContent.trim()).to.equal('Show chart');
      expect(shadow(el).querySelector<HTMLElement>('.chart')!.hidden).to.equal(true);
      expect(shadow(el).querySelector('table')).to.exist;
      expect(shadow(el).activeElement).to.equal(button);
      await sendKeys({ press: ' ' });
      await el.updateComplete;
      expect(button.textContent.trim()).to.equal('Show table');
      expect(shadow(el).querySelector('table')).to.equal(null);
      expect(shadow(el).activeElement).to.equal(button);
    });
  });

  describe('keyboard on the chart', () => {
    it('is one tab stop; arrows, Home and End walk the years, each announced once; Escape hides the tooltip', async () => {
      const el = await renderWidget({ metric: 'networks' });
      shadow(el).querySelector<HTMLElement>('.toggle')!.focus();
      await sendKeys({ press: 'Tab' });
      const focusable = shadow(el).querySelector('.chart-focus')!;
      expect(shadow(el).activeElement).to.equal(focusable);
      await sendKeys({ press: 'End' });
      await el.updateComplete;
      expect(liveRegion(el)).to.equal('2010/11: 132 offender networks dismantled or disrupted, record');
      expect(tooltipOf(el).title).to.deep.equal(['2010/11']);
      expect(tooltipOf(el).visible).to.equal(true);

      await sendKeys({ press: 'ArrowLeft' });
      await el.updateComplete;
      expect(liveRegion(el)).to.equal('2009/10: 96 offender networks dismantled or disrupted, record');

      await sendKeys({ press: 'Home' });
      await el.updateComplete;
      expect(liveRegion(el)).to.match(
        /^2006\/07: Offender networks dismantled or disrupted, not reported\. Not reported separately: 84 networks/,
      );
      expect(tooltipOf(el).title).to.deep.equal(['2006/07']);

      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(liveRegion(el)).to.equal('2008/09: 82 offender networks dismantled or disrupted');

      await sendKeys({ press: 'Escape' });
      await eventually(() => !tooltipOf(el).visible, 'tooltip hidden');
    });

    it('draws a focus ring around the chosen year', async () => {
      const el = await renderWidget({ highlight: 'none', style: '--ceop-stats-accent-color: rgb(255, 0, 255)' });
      const canvas = canvasOf(el);
      const whole = { x: 0, y: 0, w: canvas.width, h: canvas.height };
      expect(countPixels(canvas, whole, [255, 0, 255], 30)).to.equal(0);
      shadow(el).querySelector<HTMLElement>('.chart-focus')!.focus();
      await sendKeys({ press: 'Home' });
      await eventually(() => countPixels(canvas, whole, [255, 0, 255], 30) > 100, 'the focus ring drawn');
    });
  });

  describe('colour', () => {
    for (const theme of ['light', 'dark']) {
      it(`the ${theme} palette meets WCAG AA`, async () => {
        const el = await fixture<CeopStats>(html`<ceop-stats theme=${theme} no-animation></ceop-stats>`);
        const c = (name: string) => resolved(el, name);
        const background = c('--_background');
        expect(contrast(c('--_text'), background), 'text').to.be.at.least(4.5);
        expect(contrast(c('--_muted'), background), 'muted text').to.be.at.least(4.5);
        expect(contrast(c('--_accent'), background), 'focus ring').to.be.at.least(3);
        expect(contrast(c('--_bar'), background), 'bars').to.be.at.least(3);
        expect(contrast(c('--_highlight'), background), 'highlighted bars').to.be.at.least(3);
        expect(contrast(c('--_highlight'), c('--_bar')), 'highlighted against bar').to.be.at.least(3);
      });
    }

    it('under forced colours, record bars are hollow with a thick outline, not a colour alone', async () => {
      const forced = new FakeMediaQuery('(forced-colors: active)', true);
      try {
        const el = await renderWidget({ metric: 'networks' });
        const canvas = canvasOf(el);
        const [solid] = readBars(canvas);
        expect(solid!.color).to.equal('bar');
        // Along a row near the base, right of the solid 2008/09 bar: each record bar is
        // two sides in the record colour with the background between them.
        const y = solid!.bottom - 20;
        const row = canvas.getContext('2d')!.getImageData(0, y, canvas.width, 1).data;
        const isRecord = (x: number) => MARKERS.record.every((v, i) => Math.abs(row[x * 4 + i]! - v) <= 40);
        const runs: [number, number][] = [];
        for (let x = solid!.right + 1; x < canvas.width; x++) {
          if (!isRecord(x)) continue;
          const last = runs.at(-1);
          if (last && last[1] === x - 1) last[1] = x;
          else runs.push([x, x]);
        }
        expect(runs, JSON.stringify(runs)).to.have.length(4);
        const pairs: [[number, number], [number, number]][] = [
          [runs[0]!, runs[1]!],
          [runs[2]!, runs[3]!],
        ];
        for (const [left, right] of pairs) {
          const inside = { x: left[1] + 3, y: y - 10, w: right[0] - left[1] - 6, h: 20 };
          expect(inside.w, 'hollow').to.be.greaterThan(20);
          expect(countPixels(canvas, inside, MARKERS.record, 8), 'no fill inside').to.equal(0);
        }
      } finally {
        forced.restore();
      }
    });
  });

  describe('print', () => {
    it('prints final counters even if never scrolled into view, the table beneath the chart, and a sharper chart', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="width: 600px"><div style="height: 300vh"></div><ceop-stats></ceop-stats></div>`,
      );
      const el = wrapper.querySelector('ceop-stats')!;
      await el.updateComplete;
      expect(counterValues(el)).to.deep.equal(['0', '0', '0']);
      const canvas = canvasOf(el);
      window.dispatchEvent(new Event('beforeprint'));
      await el.updateComplete;
      // The chart may be drawn first for the print: its size is read from it then.
      const cssWidth = canvas.getBoundingClientRect().width;
      expect(cssWidth).to.be.closeTo(shadow(el).querySelector('.chart')!.getBoundingClientRect().width, 1);
      expect(counterValues(el)).to.deep.equal(['1,038', '1,644', '394']);
      expect(shadow(el).querySelector<HTMLElement>('.chart')!.hidden).to.equal(false);
      expect(shadow(el).querySelector('table')).to.exist;
      expect(canvas.width).to.be.closeTo(cssWidth * 3, 3);
      window.dispatchEvent(new Event('afterprint'));
      await el.updateComplete;
      expect(shadow(el).querySelector('table')).to.equal(null);
      expect(canvas.width).to.be.closeTo(cssWidth * devicePixelRatio, 3);
    });
  });

  describe('layout', () => {
    /** Loads a layout-shift page in a frame of the given size and brings each widget into view until all are drawn. */
    async function loadShiftPage(page: string, width: number, height: number) {
      const frame = document.createElement('iframe');
      frame.style.cssText = `width: ${width}px; height: ${height}px; border: 0`;
      const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      frame.src = page;
      document.body.append(frame);
      await loaded;
      const win = frame.contentWindow as Window & {
        __ready: number;
        __afterTopBefore: number;
        __layoutShift: number | null;
        __shifts: string[];
        __pageTop: () => number;
      };
      // Charts load as widgets come near the viewport: bring each into view in turn.
      const widgets = [...frame.contentDocument!.querySelectorAll('ceop-stats')];
      for (const [i, widget] of widgets.entries()) {
        widget.scrollIntoView();
        await eventually(() => win.__ready > i, `widget ${i + 1} ready`);
      }
      await new Promise((resolve) => win.requestAnimationFrame(resolve));
      const moved = Math.abs(win.__pageTop() - win.__afterTopBefore);
      const widgetsHeight = widgets.reduce((sum, w) => sum + w.getBoundingClientRect().height, 0);
      return { frame, win, moved, widgetsHeight };
    }

    for (const [width, height] of [
      [360, 640],
      [1280, 800],
    ] as const) {
      it(`widgets in the first screen at ${width} px: a whole-load layout shift of at most 0.01 with the README's snippet`, async () => {
        const { frame, win, moved, widgetsHeight } = await loadShiftPage('/test/pages/layout-shift.html', width, height);
        try {
          // Where the browser reports layout shifts (Chromium): every entry since the page started, summed.
          if (win.__layoutShift !== null)
            expect(win.__layoutShift, `layout shift at ${width} px: ${win.__shifts.join('; ')}`).to.be.at.most(0.01);
          // Everywhere: the room the snippet reserved is within a tenth of what the widgets took.
          expect(moved / widgetsHeight, `text after the widgets moved ${moved} px`).to.be.below(0.1);
        } finally {
          frame.remove();
        }
      });

      it(`widgets below the fold at ${width} px: no layout shift`, async () => {
        const { frame, win } = await loadShiftPage('/test/pages/layout-shift-below.html', width, height);
        try {
          if (win.__layoutShift !== null) expect(win.__layoutShift, win.__shifts.join('; ')).to.equal(0);
        } finally {
          frame.remove();
        }
      });
    }

    it('without JavaScript, the table inside the element is a readable table', async () => {
      const frame = document.createElement('iframe');
      frame.style.cssText = 'width: 700px; height: 600px; border: 0';
      frame.srcdoc = `<link rel="stylesheet" href="${new URL('/readme-snippet/reserve.css', location.href).href}">
        <ceop-stats><table><caption>Cases</caption><thead><tr><th>Year</th><th>Cases</th></tr></thead>
        <tbody><tr><td>2001</td><td>10</td></tr><tr><td>2002</td><td>5</td></tr></tbody></table></ceop-stats>`;
      const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      document.body.append(frame);
      try {
        await loaded;
        const table = frame.contentDocument!.querySelector('table')!;
        expect(table.getBoundingClientRect().height).to.be.greaterThan(40);
        expect([...table.rows[1]!.cells].map((cell) => cell.textContent)).to.deep.equal(['2001', '10']);
      } finally {
        frame.remove();
      }
    });
  });
});

describe('ready before an event listener is attached', () => {
  it('oneEvent helper sanity: a widget becomes ready', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('ceop-stats');
    el.noAnimation = true;
    const ready = oneEvent(el, 'ceop-stats-ready');
    wrapper.append(el);
    await ready;
  });
});
