import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { CeopStats, CeopStatsErrorDetail } from '../../src/ceop-stats.js';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/ceop-stats.js';
import { alertText, canvasOf, captureWarnings, countPixels, FakeMediaQuery, renderWidget, type Rgb, shadow } from '../helpers/index.js';
import { eventually } from '../helpers/eventually.js';

const RED: Rgb = [255, 0, 0];
const GREEN: Rgb = [0, 200, 0];
const LIGHT_BAR: Rgb = [0x74, 0x92, 0xc8];
const DARK_BAR: Rgb = [0x4a, 0x6a, 0xa0];

function pixelsOf(el: CeopStats, color: Rgb): number {
  const canvas = canvasOf(el);
  return countPixels(canvas, { x: 0, y: 0, w: canvas.width, h: canvas.height }, color, 2);
}

/** A plain widget with its own palette (no marker colours), chart drawn. */
async function plainWidget(attributes = 'highlight="none"', wrapperStyle = 'width: 600px'): Promise<CeopStats> {
  const wrapper = await fixture<HTMLDivElement>(html`<div style=${wrapperStyle}></div>`);
  wrapper.innerHTML = `<ceop-stats no-animation ${attributes}></ceop-stats>`;
  const el = wrapper.querySelector('ceop-stats')!;
  await oneEvent(el, 'ceop-stats-ready');
  return el;
}

function luminance([r, g, b]: number[]): number {
  const [R, G, B] = [r!, g!, b!].map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * R! + 0.7152 * G! + 0.0722 * B!;
}

function contrast(a: string, b: string): number {
  const parse = (c: string) => c.match(/\d+/g)!.slice(0, 3).map(Number);
  const [x, y] = [luminance(parse(a)), luminance(parse(b))].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

describe('theming: the chart follows the CSS around it', () => {
  it('theme="auto" follows the reader’s colour scheme live, chart included', async () => {
    const dark = new FakeMediaQuery('(prefers-color-scheme: dark)', false);
    const style = document.createElement('style');
    try {
      const el = await plainWidget('theme="auto" highlight="none"');
      await eventually(() => pixelsOf(el, LIGHT_BAR) > 1000, 'light bars');
      // The stand-in cannot switch the stylesheet's media query, so a rule nothing watches gives what a dark scheme would.
      style.textContent = `ceop-stats { --ceop-stats-bar-color: rgb(${DARK_BAR.join(',')}); }`;
      document.head.append(style);
      const ready = oneEvent(el, 'ceop-stats-ready');
      dark.set(true);
      await ready;
      expect(pixelsOf(el, DARK_BAR)).to.be.greaterThan(1000);
      expect(pixelsOf(el, LIGHT_BAR)).to.equal(0);
    } finally {
      dark.restore();
      style.remove();
    }
  });

  // The README says values match without regard to case or surrounding spaces: the styles must agree with the parser.
  for (const value of ['dark', 'Dark', ' dark ', 'DARK']) {
    it(`theme=${JSON.stringify(value)} draws the dark palette, card and chart`, async () => {
      const el = await plainWidget(`theme="${value}" highlight="none"`);
      expect(alertText(el)).to.equal(undefined);
      expect(pixelsOf(el, DARK_BAR)).to.be.greaterThan(1000);
      expect(pixelsOf(el, LIGHT_BAR)).to.equal(0);
      const card = shadow(el).querySelector('[part~="card"]')!;
      expect(luminance(getComputedStyle(card).backgroundColor.match(/\d+/g)!.map(Number))).to.be.below(0.05);
    });
  }

  for (const value of ['Light', ' LIGHT ']) {
    it(`theme=${JSON.stringify(value)} stays light on a reader's dark system (where the engine can emulate one)`, async function () {
      try {
        await emulateMedia({ colorScheme: 'dark' });
      } catch {
        // Only Chromium's protocol emulates a colour scheme for the stylesheet.
        this.skip();
      }
      try {
        const el = await plainWidget(`theme="${value}" highlight="none"`);
        expect(pixelsOf(el, LIGHT_BAR)).to.be.greaterThan(1000);
        const card = shadow(el).querySelector('[part~="card"]')!;
        expect(getComputedStyle(card).backgroundColor).to.equal('rgb(255, 255, 255)');
      } finally {
        await emulateMedia({ colorScheme: 'light' });
      }
    });
  }

  it('a custom property set on the element redraws the chart without any call', async () => {
    const el = await plainWidget();
    const ready = oneEvent(el, 'ceop-stats-ready');
    el.style.setProperty('--ceop-stats-bar-color', 'rgb(255, 0, 0)');
    await ready;
    expect(pixelsOf(el, RED)).to.be.greaterThan(1000);
    expect(pixelsOf(el, LIGHT_BAR)).to.equal(0);
  });

  it('a site’s dark-mode class on <html> redraws the chart', async () => {
    const style = document.createElement('style');
    style.textContent = 'html.site-dark ceop-stats { --ceop-stats-bar-color: rgb(0, 200, 0); }';
    document.head.append(style);
    try {
      const el = await plainWidget();
      const ready = oneEvent(el, 'ceop-stats-ready');
      document.documentElement.classList.add('site-dark');
      await ready;
      expect(pixelsOf(el, GREEN)).to.be.greaterThan(1000);
    } finally {
      document.documentElement.classList.remove('site-dark');
      style.remove();
    }
  });

  it('refresh() redraws after a change nothing reveals, such as a new stylesheet', async () => {
    const el = await plainWidget();
    const style = document.createElement('style');
    style.textContent = 'ceop-stats { --ceop-stats-bar-color: rgb(0, 200, 0); }';
    document.head.append(style);
    try {
      const ready = oneEvent(el, 'ceop-stats-ready');
      await el.refresh();
      await ready;
      expect(pixelsOf(el, GREEN)).to.be.greaterThan(1000);
      expect(pixelsOf(el, LIGHT_BAR)).to.equal(0);
    } finally {
      style.remove();
    }
  });

  it('every part can be styled from outside', async () => {
    const style = document.createElement('style');
    const parts = ['card', 'heading', 'summary', 'toggle', 'chart', 'counters', 'counter', 'source'];
    style.textContent = [...parts, 'table', 'alert'].map((p) => `ceop-stats::part(${p}) { outline: 3px dotted rgb(1, 2, 3); }`).join('\n');
    document.head.append(style);
    try {
      const el = await renderWidget();
      for (const part of parts) {
        const node = shadow(el).querySelector(`[part~="${part}"]`);
        expect(node, `part ${part}`).to.exist;
        expect(getComputedStyle(node!).outlineColor, `part ${part}`).to.equal('rgb(1, 2, 3)');
      }
      shadow(el).querySelector<HTMLButtonElement>('[part~="toggle"]')!.click();
      await el.updateComplete;
      expect(getComputedStyle(shadow(el).querySelector('[part~="table"]')!).outlineColor).to.equal('rgb(1, 2, 3)');
      el.setAttribute('metric', 'nonsense');
      await el.updateComplete;
      expect(getComputedStyle(shadow(el).querySelector('[part~="alert"]')!).outlineColor).to.equal('rgb(1, 2, 3)');
    } finally {
      style.remove();
    }
  });

  it('inherits the page’s font, and keeps readable colours on a dark page with no configuration', async () => {
    const el = await plainWidget('theme="light"', 'width: 600px; font-family: monospace; color: white; background: black');
    const heading = shadow(el).querySelector('[part~="heading"]')!;
    const card = shadow(el).querySelector('[part~="card"]')!;
    expect(getComputedStyle(heading).fontFamily).to.equal('monospace');
    expect(contrast(getComputedStyle(heading).color, getComputedStyle(card).backgroundColor)).to.be.greaterThan(4.5);
  });
});

describe('the source line', () => {
  const sourceLine = (el: CeopStats) => shadow(el).querySelector('[part~="source"]');

  it('shows the bundled data’s source with its link by default', async () => {
    const el = await renderWidget();
    expect(sourceLine(el)!.textContent.replace(/\s+/g, ' ').trim()).to.equal('Source: CEOP Annual Review 2010/11 (May 2011)');
    expect(sourceLine(el)!.querySelector('a')!.href).to.equal('https://www.theguardian.com/uk/2011/may/31/police-ceop-online-paedophiles');
  });

  it('source-label replaces the text and keeps the link; source-url replaces the link', async () => {
    const el = await renderWidget({ 'source-label': 'CEOP, via The Guardian' });
    const link = () => sourceLine(el)!.querySelector('a')!;
    expect(link().textContent).to.equal('CEOP, via The Guardian');
    expect(link().href).to.equal('https://www.theguardian.com/uk/2011/may/31/police-ceop-online-paedophiles');
    el.setAttribute('source-url', 'https://example.org/ceop');
    await el.updateComplete;
    expect(link().href).to.equal('https://example.org/ceop');
    expect(link().textContent).to.equal('CEOP, via The Guardian');
  });

  it('no-source hides the line, and removing it brings it back', async () => {
    const el = await renderWidget({ 'no-source': true });
    expect(sourceLine(el)).to.equal(null);
    el.noSource = false;
    await el.updateComplete;
    expect(sourceLine(el)).to.exist;
  });

  it('a source-url that is not http(s) is refused with a visible message and an event', async () => {
    const warnings = captureWarnings();
    try {
      const el = await renderWidget();
      const error = oneEvent(el, 'ceop-stats-error');
      el.setAttribute('source-url', 'javascript:alert(1)');
      const { detail } = (await error) as CustomEvent<CeopStatsErrorDetail>;
      expect(detail.code).to.equal('attribute');
      expect(alertText(el)).to.contain('source-url="javascript:alert(1)" is not an http or https URL');
      expect(shadow(el).querySelector('a[href^="javascript"]')).to.equal(null);
      expect(warnings.calls.flat().join(' ')).to.contain('source-url');
    } finally {
      warnings.restore();
    }
  });

  it('a dataset without a source shows the editor’s source-label, without a link', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 600px"></div>`);
    wrapper.innerHTML = `<ceop-stats no-animation source-label="Helpline records">
      <script type="application/json">{"years": ["2020/21", "2021/22"], "measures": [{"id": "calls", "label": "Calls", "values": [10, 12]}]}</script>
    </ceop-stats>`;
    const el = wrapper.querySelector('ceop-stats')!;
    await oneEvent(el, 'ceop-stats-ready');
    expect(sourceLine(el)!.textContent.replace(/\s+/g, ' ').trim()).to.equal('Source: Helpline records');
    expect(sourceLine(el)!.querySelector('a')).to.equal(null);
  });
});
