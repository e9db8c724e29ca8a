/**
 * WCAG 2.2 1.4.10 (Reflow) and 1.4.12 (Text spacing), as a reader on a phone
 * meets them: at every width from 280 px, with the page's own fonts, in every
 * configuration that makes the widget taller or its words longer, nothing is
 * cut off, overlapped or scrolled, the chart stays readable and every bar is
 * drawn. Read from what is rendered (see layout-check.ts).
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { CeopStats } from '../../src/ceop-stats.js';
import { layoutProblems } from '../helpers/layout-check.js';
import { failOnUncaughtErrors, MARKER_STYLE, renderWidget, shadow } from '../helpers/index.js';
import { eventually } from '../helpers/eventually.js';

export const WIDTHS = [280, 320, 360, 414, 600, 900, 1280];

const LONG_HEADING =
  'Children safeguarded or protected from sexual abuse and exploitation by the Child Exploitation and Online Protection Centre and its partners across the United Kingdom, year by year';
const LONG_SUMMARY =
  'Each bar is one year of the Child Exploitation and Online Protection Centre, from April to March. The figures are those published in its annual reviews and reported in the national press at the time; the centre counted a child as safeguarded or protected when its work led directly to the child being removed from harm, and did not publish a split of its figures by region or by the kind of offence.';

interface Configuration {
  attributes: Record<string, string | boolean>;
  /** Years with a value, so bars on the canvas. */
  bars: number;
  tableView?: boolean;
}

const CONFIGURATIONS: Record<string, Configuration> = {
  default: { attributes: {}, bars: 5 },
  'networks (notes) with downloads': { attributes: { metric: 'networks', downloads: true }, bars: 3 },
  'Welsh with downloads': { attributes: { locale: 'cy', downloads: true, metric: 'networks' }, bars: 3 },
  'a 200-character heading and a long summary': { attributes: { heading: LONG_HEADING.slice(0, 200), summary: LONG_SUMMARY }, bars: 5 },
  'right to left': { attributes: { dir: 'rtl' }, bars: 5 },
  'table view, networks, Welsh': { attributes: { metric: 'networks', locale: 'cy' }, bars: 3, tableView: true },
};

/** Text styles a widget inherits from the page around it. */
const PAGES: Record<string, string> = {
  'a plain page': 'font: 16px sans-serif',
  // As news sites set their article text (demo/article.css).
  'an article column': 'font: 19px/2.4 Georgia, serif; letter-spacing: 0.05em',
  // WCAG 1.4.12's text-spacing settings.
  'text spacing': 'font: 16px sans-serif; line-height: 1.5; letter-spacing: 0.12em; word-spacing: 0.16em',
};

async function showTable(el: CeopStats): Promise<void> {
  shadow(el).querySelector<HTMLButtonElement>('.toggle')!.click();
  await el.updateComplete;
}

describe('reflow: nothing is cut off, overlapped or scrolled', () => {
  failOnUncaughtErrors();
  // Loads the chart code once, so that widgets below the fold draw too.
  before(() => renderWidget());

  for (const [page, style] of Object.entries(PAGES)) {
    for (const width of WIDTHS) {
      it(`${page} at ${width} px`, async () => {
        const wrapper = await fixture<HTMLDivElement>(html`<div style="width: ${width}px; ${style}"></div>`);
        const problems: string[] = [];
        for (const [name, config] of Object.entries(CONFIGURATIONS)) {
          const el = document.createElement('ceop-stats');
          el.setAttribute('style', MARKER_STYLE);
          el.setAttribute('theme', 'light');
          el.setAttribute('no-animation', '');
          for (const [attribute, value] of Object.entries(config.attributes))
            el.setAttribute(attribute, value === true ? '' : String(value));
          const ready = oneEvent(el, 'ceop-stats-ready');
          wrapper.append(el);
          await ready;
          if (config.tableView) await showTable(el);
          problems.push(...layoutProblems(el, { bars: config.tableView ? undefined : config.bars }).map((p) => `${name}: ${p}`));
        }
        expect(problems).to.deep.equal([]);
      });
    }
  }
});

describe('reflow: demo/article.html', () => {
  for (const width of WIDTHS) {
    it(`at a ${width} px screen`, async () => {
      const frame = document.createElement('iframe');
      frame.style.cssText = `width: ${width}px; height: 800px; border: 0`;
      const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      frame.src = '/demo/article.html';
      document.body.append(frame);
      try {
        await loaded;
        const doc = frame.contentDocument!;
        // Marker colours, set as an editor would, so the bars can be counted.
        doc.head.insertAdjacentHTML('beforeend', `<style>ceop-stats { ${MARKER_STYLE}; --ceop-stats-grid-color: #fff }</style>`);
        const widgets = [...doc.querySelectorAll<CeopStats>('ceop-stats')];
        expect(widgets.length).to.equal(3);
        await eventually(() => frame.contentWindow!.customElements.get('ceop-stats'), 'defined');
        // All of them before any is scrolled to: the next widget down may draw while this one is in view, and an animation
        // still running then would be counted mid-way.
        for (const el of widgets) el.noAnimation = true;
        const problems: string[] = [];
        for (const el of widgets) {
          el.scrollIntoView();
          // Chart.js sizes the canvas's style when it draws it.
          await eventually(() => el.shadowRoot?.querySelector('canvas')?.style.width, 'chart drawn');
          // Redrawn without motion and with the marker colours. A drawing begun before they came (the loader may define the
          // element before the frame's load event) can still be finishing then; a real problem persists and is reported.
          await el.refresh();
          const bars = el.metric === 'networks' ? 3 : 5;
          await eventually(() => layoutProblems(el, { bars }).length === 0, '').catch(() => undefined);
          problems.push(...layoutProblems(el, { bars }).map((p) => `${el.metric}: ${p}`));
        }
        expect(problems).to.deep.equal([]);
      } finally {
        frame.remove();
      }
    });
  }
});
