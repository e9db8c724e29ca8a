/**
 * Each of the element's reactive controllers on its own, in a minimal host
 * that adds just that controller and renders what it exposes: what a
 * controller promises its host, without <ceop-stats> around it.
 */
import { expect, fixture, html, nextFrame, oneEvent } from '@open-wc/testing';
import { Chart } from 'chart.js';
import { LitElement, css } from 'lit';
import { CEOP_FIGURES } from '../../src/model/ceop-figures.js';
import type { FetchOptions } from '../../src/model/attributes.js';
import { isValidLocale } from '../../src/model/format.js';
import { seriesOf } from '../../src/view/series.js';
import { parseOptions, type RawOptions } from '../../src/model/attributes.js';
import { ChartController, type ChartInput } from '../../src/element/chart-controller.js';
import { CountUpController } from '../../src/element/count-up-controller.js';
import { DataController } from '../../src/element/data-controller.js';
import { LanguageController } from '../../src/element/language-controller.js';
import { MediaController } from '../../src/element/media-controller.js';
import { messages } from '../../src/messages/en.js';
import { barHeights, failOnUncaughtErrors, FakeMediaQuery, readBars } from '../helpers/index.js';
import { eventually } from '../helpers/eventually.js';

/** Defines a host once per page, whatever the order tests run in. */
function define(tag: string, host: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, host);
}

/** A host created by script and attached to a fresh fixture, so a listener can be added before it connects. */
async function attach<T extends HTMLElement>(host: T, wrapper?: HTMLElement): Promise<T> {
  (wrapper ?? (await fixture<HTMLDivElement>(html`<div></div>`))).append(host);
  return host;
}

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';
const beforePrint = () => window.dispatchEvent(new Event('beforeprint'));
const afterPrint = () => window.dispatchEvent(new Event('afterprint'));

/** Sets `lang` on <html> for a test and puts back what was there. */
async function withPageLang(lang: string | null, body: () => Promise<void>): Promise<void> {
  const root = document.documentElement;
  const original = root.getAttribute('lang');
  try {
    if (lang === null) root.removeAttribute('lang');
    else root.setAttribute('lang', lang);
    await body();
  } finally {
    if (original === null) root.removeAttribute('lang');
    else root.setAttribute('lang', original);
  }
}

describe('controllers', () => {
  failOnUncaughtErrors();

  describe('LanguageController', () => {
    const TAG = 'test-language-host';
    class LanguageHost extends LitElement {
      declare locale?: string;
      readonly language = new LanguageController(this);
      /** The built-in text each render had: what the host shows as its language's texts come and go. */
      readonly shown: string[] = [];
      /** The widget settles its language at the start of every update. */
      protected override willUpdate(): void {
        this.language.resolve();
      }
      protected override render() {
        this.shown.push(this.language.messages?.showTable ?? '(no messages)');
        return html`<p lang=${this.language.locale}>${this.language.shownMessages.showTable}</p>`;
      }
    }
    define(TAG, LanguageHost);
    const create = (locale?: string) => {
      const host = new LanguageHost();
      if (locale !== undefined) host.locale = locale;
      return host;
    };

    // First in this file to ask for Welsh: the Welsh messages are fetched once per page, and only the first widget waits for it.
    it('for cy, has no messages until the Welsh ones arrive, then updates the host by itself', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="cy"></div>`);
      const host = await attach(create(), wrapper);
      await host.updateComplete;
      expect(host.language.locale).to.equal('cy');
      expect(host.language.messages).to.equal(undefined);
      expect(host.shown[0]).to.equal('(no messages)');
      await eventually(() => host.shown.includes('Dangos tabl'), 'the host renders the Welsh texts');
      expect(host.language.messages?.showTable).to.equal('Dangos tabl');
      expect(host.language.messages?.lang).to.equal('cy');
      expect(host.shadowRoot!.querySelector('p')!.textContent).to.equal('Dangos tabl');
    });

    it('has the English messages at once', async () => {
      const host = await attach(create('en-GB'));
      await host.updateComplete;
      expect(host.language.messages).to.equal(messages);
      expect(host.shown).to.deep.equal(['Show table']);
    });

    it("resolve() takes a valid locale property, else the nearest lang around the host, else the browser's language", async () => {
      await withPageLang(null, async () => {
        const wrapper = await fixture<HTMLDivElement>(html`<div lang="cy"><div></div></div>`);
        const host = await attach(create('de-AT'), wrapper.firstElementChild as HTMLElement);
        await host.updateComplete;
        expect(host.language.locale).to.equal('de-AT');
        host.locale = 'not a language tag';
        expect(host.language.resolve()).to.equal(true);
        expect(host.language.locale).to.equal('cy');
        // Away from any lang, on a page without one either.
        (await fixture<HTMLDivElement>(html`<div></div>`)).append(host);
        host.language.resolve();
        expect(host.language.pageLocale()).to.equal(navigator.language);
        // WebKit's MiniBrowser reports the POSIX "C", which is no language tag: then en-GB.
        expect(host.language.locale).to.equal(isValidLocale(navigator.language) ? navigator.language : 'en-GB');
      });
    });

    it('follows a change of lang on <html>', async () => {
      await withPageLang('en-GB', async () => {
        const host = await attach(create());
        await host.updateComplete;
        expect(host.language.locale).to.equal('en-GB');
        document.documentElement.setAttribute('lang', 'fr-CA');
        await eventually(
          () => host.shadowRoot!.querySelector('p')!.getAttribute('lang') === 'fr-CA',
          'the host updates with the new locale',
        );
        expect(host.language.locale).to.equal('fr-CA');
      });
    });

    it('no longer updates the host once it is removed', async () => {
      await withPageLang('en-GB', async () => {
        const removed = await attach(create());
        // Watches the same change: once it has updated, the removed host would have too.
        const witness = await attach(create());
        await Promise.all([removed.updateComplete, witness.updateComplete]);
        removed.remove();
        const renders = removed.shown.length;
        document.documentElement.setAttribute('lang', 'fr-CA');
        await eventually(() => witness.language.locale === 'fr-CA', 'the connected host follows the change');
        expect(removed.shown.length).to.equal(renders);
        expect(removed.language.locale).to.equal('en-GB');
        expect(removed.isUpdatePending).to.equal(false);
      });
    });
  });

  describe('CountUpController', () => {
    const TAG = 'test-count-up-host';
    class CountUpHost extends LitElement {
      static override styles = css`
        :host {
          display: block;
          height: 40px;
        }
      `;
      noAnimation = false;
      motionChanges = 0;
      // As <ceop-stats> wires them: the preference and printing come through the MediaController.
      readonly countUp = new CountUpController(this, () => this.media.reducedMotion);
      readonly media = new MediaController(this, {
        print: (printing) => {
          if (printing) this.countUp.finish();
        },
        preferences: () => this.motionChanges++,
      });
      /** The progress each render showed. */
      readonly shown: number[] = [];
      protected override render() {
        this.shown.push(this.countUp.progress);
        return html`<p>${this.countUp.progress}</p>`;
      }
    }
    define(TAG, CountUpHost);
    const create = (noAnimation = false) => {
      const host = new CountUpHost();
      host.noAnimation = noAnimation;
      return host;
    };

    /** Resolves with whether `element` is on screen, once the browser has first worked it out. */
    function firstIntersection(element: Element): Promise<boolean> {
      return new Promise((resolve) => {
        const observer = new IntersectionObserver((entries) => {
          observer.disconnect();
          resolve(entries[0]!.isIntersecting);
        });
        observer.observe(element);
      });
    }

    // Every test fakes the preference: the machine's own setting must not decide the outcome.
    it('waits while the host is far below the fold, and counts up to 1 once it is scrolled into view', async () => {
      const motion = new FakeMediaQuery(REDUCED_MOTION, false);
      try {
        const wrapper = await fixture<HTMLDivElement>(html`<div><div style="height: 300vh"></div></div>`);
        const host = await attach(create(), wrapper);
        await host.updateComplete;
        host.countUp.start();
        // The controller's observer was made first: by the time ours reports, it has heard the same thing.
        expect(await firstIntersection(host)).to.equal(false);
        // A count-up started by mistake would have moved within these frames.
        await nextFrame();
        await nextFrame();
        await nextFrame();
        expect(host.countUp.progress).to.equal(0);
        expect(host.shown).to.deep.equal([0]);
        host.scrollIntoView();
        await eventually(() => host.countUp.progress === 1, 'the count-up reaches 1');
        await host.updateComplete;
        expect(
          host.shown.some((progress) => progress > 0 && progress < 1),
          'renders on the way up',
        ).to.equal(true);
        expect(host.shadowRoot!.querySelector('p')!.textContent).to.equal('1');
      } finally {
        motion.restore();
        window.scrollTo(0, 0);
      }
    });

    // Without motion, from the attribute or the reader's preference (made before the host: the controller asks for it when created).
    for (const [why, noAnimation, reduced] of [
      ['noAnimation on the host', true, false],
      ['the reduced-motion preference', false, true],
    ] as const) {
      it(`with ${why}, is 1 from the first update`, async () => {
        const motion = new FakeMediaQuery(REDUCED_MOTION, reduced);
        try {
          const host = await attach(create(noAnimation));
          await host.updateComplete;
          expect(host.countUp.progress).to.equal(1);
          expect(host.countUp.motion).to.equal(false);
          expect(host.shown).to.deep.equal([1]);
        } finally {
          motion.restore();
        }
      });
    }

    it('beforeprint shows the final values', async () => {
      const motion = new FakeMediaQuery(REDUCED_MOTION, false);
      try {
        const host = await attach(create());
        await host.updateComplete;
        expect(host.countUp.progress).to.equal(0);
        beforePrint();
        expect(host.countUp.progress).to.equal(1);
        await host.updateComplete;
        expect(host.shown).to.deep.equal([0, 1]);
      } finally {
        afterPrint();
        motion.restore();
      }
    });

    it('calls its callback, and updates the host, when the reduced-motion preference changes', async () => {
      const motion = new FakeMediaQuery(REDUCED_MOTION, false);
      try {
        const host = await attach(create());
        await host.updateComplete;
        expect(host.countUp.motion).to.equal(true);
        motion.set(true);
        expect(host.motionChanges).to.equal(1);
        expect(host.countUp.motion).to.equal(false);
        expect(host.isUpdatePending).to.equal(true);
        await host.updateComplete;
        // Without motion the counters are final.
        expect(host.shown).to.deep.equal([0, 1]);
        motion.set(false);
        expect(host.motionChanges).to.equal(2);
      } finally {
        motion.restore();
      }
    });

    it('removes its media listener when the host is removed', async () => {
      const motion = new FakeMediaQuery(REDUCED_MOTION, false);
      try {
        const host = await attach(create());
        expect(motion.listeners).to.equal(1);
        host.remove();
        expect(motion.listeners).to.equal(0);
        motion.set(true);
        expect(host.motionChanges).to.equal(0);
      } finally {
        motion.restore();
      }
    });
  });

  describe('MediaController', () => {
    const TAG = 'test-media-host';
    class MediaHost extends LitElement {
      readonly calls: string[] = [];
      readonly media = new MediaController(this, {
        print: (printing) => this.calls.push(`print ${printing}`),
        preferences: () => this.calls.push('preferences'),
      });
      /** `printing` as each render saw it. */
      readonly shown: boolean[] = [];
      protected override render() {
        this.shown.push(this.media.printing);
        return html`<p>${this.media.printing ? 'print' : 'screen'}</p>`;
      }
    }
    define(TAG, MediaHost);

    it('follows beforeprint and afterprint, and the host renders each time', async () => {
      const host = await attach(new MediaHost());
      try {
        await host.updateComplete;
        expect(host.media.printing).to.equal(false);
        beforePrint();
        expect(host.media.printing).to.equal(true);
        await host.updateComplete;
        expect(host.shadowRoot!.querySelector('p')!.textContent).to.equal('print');
        afterPrint();
        expect(host.media.printing).to.equal(false);
        await host.updateComplete;
        expect(host.shown).to.deep.equal([false, true, false]);
        expect(host.calls).to.deep.equal(['print true', 'print false']);
      } finally {
        afterPrint();
      }
    });

    for (const query of [REDUCED_MOTION, '(forced-colors: active)', '(prefers-color-scheme: dark)']) {
      it(`calls back, and updates the host, when ${query} changes; one listener, removed with the host`, async () => {
        const preference = new FakeMediaQuery(query, false);
        try {
          const host = await attach(new MediaHost());
          await host.updateComplete;
          expect(preference.listeners).to.equal(1);
          preference.set(true);
          expect(host.calls).to.deep.equal(['preferences']);
          expect(host.isUpdatePending).to.equal(true);
          if (query === REDUCED_MOTION) expect(host.media.reducedMotion).to.equal(true);
          if (query === '(forced-colors: active)') expect(host.media.forcedColors).to.equal(true);
          host.remove();
          expect(preference.listeners).to.equal(0);
          preference.set(false);
          expect(host.calls).to.deep.equal(['preferences']);
        } finally {
          preference.restore();
        }
      });
    }

    it('stops listening once the host is removed', async () => {
      const host = await attach(new MediaHost());
      try {
        await host.updateComplete;
        host.remove();
        beforePrint();
        expect(host.media.printing).to.equal(false);
        expect(host.isUpdatePending).to.equal(false);
      } finally {
        afterPrint();
      }
    });
  });

  describe('ChartController', () => {
    const TAG = 'test-chart-host';
    const CHILDREN_YEARS = ['2006/07', '2007/08', '2008/09', '2009/10', '2010/11'];
    class ChartHost extends LitElement {
      /** Attributes as a page would write them. */
      raw: RawOptions = {};
      readonly chart = new ChartController(this, {
        canvas: () => this.renderRoot.querySelector('canvas') ?? undefined,
        palette: () => this.renderRoot.querySelector('.palette') ?? undefined,
        input: () => this.chartInput(),
        printing: () => false,
        forcedColors: () => false,
      });

      /** Shows other options: what changed is drawn after the next update. */
      show(raw: RawOptions): void {
        this.raw = raw;
        this.chart.invalidate();
        this.requestUpdate();
      }

      /** As <ceop-stats> builds it, over the bundled figures in English, without motion. */
      private chartInput(): ChartInput | undefined {
        const parsed = parseOptions(this.raw, CEOP_FIGURES, 'en-GB');
        if (!parsed.ok) return undefined;
        const series = seriesOf(parsed.value, CEOP_FIGURES, messages);
        return {
          series,
          messages,
          animate: false,
          ready: { metric: parsed.value.measure.id, years: series.labels },
        };
      }

      // The marker colours of test/helpers/index.ts, so readBars can tell plain bars from highlighted ones.
      protected override render() {
        return html`<div
          class="palette"
          style="--_bar: rgb(0,0,255); --_highlight: rgb(255,0,0); --_text: #000; --_muted: #080; --_grid: #fff; --_background: #fff; --_accent: #00f"
        >
          <div style="position:relative;height:200px;width:400px"><canvas></canvas></div>
        </div>`;
      }
    }
    define(TAG, ChartHost);

    /** A host drawn once, its ready event caught however soon it comes. */
    async function drawn(raw: RawOptions = {}, wrapper?: HTMLElement) {
      const host = new ChartHost();
      host.raw = raw;
      const ready = oneEvent(host, 'ceop-stats-ready');
      await attach(host, wrapper);
      const event = await ready;
      return { host, detail: event.detail as unknown, canvas: host.shadowRoot!.querySelector('canvas')! };
    }

    it('draws the bars and announces the drawing with ceop-stats-ready', async () => {
      const { host, detail, canvas } = await drawn();
      expect(detail).to.deep.equal({ metric: 'children', years: CHILDREN_YEARS });
      const bars = readBars(canvas);
      // Every children year is a record.
      expect(bars.map((bar) => bar.color)).to.deep.equal(['record', 'record', 'record', 'record', 'record']);
      // 76 to 414, earliest on the left.
      const heights = barHeights(bars);
      expect(heights).to.deep.equal([...heights].sort((a, b) => a - b));
      expect(host.chart.rtl).to.equal(false);
      expect(Chart.getChart(canvas)).to.not.equal(undefined);
    });

    it('draws again after invalidate() and an update', async () => {
      const { host, canvas } = await drawn();
      const ready = oneEvent(host, 'ceop-stats-ready');
      host.show({ metric: 'networks' });
      const event = await ready;
      expect(event.detail).to.deep.equal({ metric: 'networks', years: CHILDREN_YEARS });
      // 2006/07 and 2007/08 were not reported; 82 in 2008/09 is no record.
      expect(readBars(canvas).map((bar) => bar.color)).to.deep.equal(['bar', 'record', 'record']);
    });

    it('draws right to left inside dir="rtl", and says so', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div dir="rtl"></div>`);
      const { host, canvas } = await drawn({}, wrapper);
      expect(host.chart.rtl).to.equal(true);
      // The earliest year, the shortest bar, is on the right.
      const heights = barHeights(readBars(canvas));
      expect(heights).to.have.length(5);
      expect(heights).to.deep.equal([...heights].sort((a, b) => b - a));
    });

    it("redraw() draws with the palette's new colours", async () => {
      const { host, canvas } = await drawn({ highlight: 'none' });
      expect(readBars(canvas).map((bar) => bar.color)).to.deep.equal(['bar', 'bar', 'bar', 'bar', 'bar']);
      // Nothing watches a custom property inside the shadow root: only redraw() picks it up.
      host.shadowRoot!.querySelector<HTMLElement>('.palette')!.style.setProperty('--_bar', 'rgb(255, 0, 0)');
      host.chart.redraw();
      await eventually(() => readBars(canvas).filter((bar) => bar.color === 'record').length === 5, 'the bars are drawn in the new colour');
    });

    it('destroys the chart when the host is removed', async () => {
      const { host, canvas } = await drawn();
      expect(Chart.getChart(canvas)).to.not.equal(undefined);
      host.remove();
      expect(Chart.getChart(canvas)).to.equal(undefined);
    });
  });

  describe('DataController', () => {
    const TAG = 'test-data-host';
    class DataHost extends LitElement {
      readonly data = new DataController(this, () => 'en-GB');
      /** The status each render showed. */
      readonly shown: string[] = [];
      /** As <ceop-stats> does before its first render: no `src`, so the children or the bundled figures. */
      protected override willUpdate(): void {
        if (!this.hasUpdated) this.data.use(undefined);
      }
      protected override render() {
        this.shown.push(this.data.state.status);
        return html`<p>${this.data.state.status}</p>`;
      }
    }
    define(TAG, DataHost);
    const request = (query: string): FetchOptions => ({ url: `/api/dataset.json?${query}`, credentials: 'omit', timeout: 5000 });
    /** The dataset test/infra/test-api-plugin.mjs serves, and the table below holds. */
    const FIXTURE_YEARS = ['2001', '2002', '2003'];
    const FIXTURE_VALUES = [10, 5, 20];
    const ready = (host: DataHost) => (host.data.state.status === 'ready' ? host.data.state.dataset : undefined);

    // First in this file to need the code that reads tables: once it is loaded, a table is read at once.
    it("with a child table, is loading, then ready with the table's figures", async () => {
      const host = await fixture<DataHost>(html`<test-data-host>
        <table>
          <thead><tr><th>Year</th><th>Cases</th></tr></thead>
          <tbody><tr><th>2001</th><td>10</td></tr><tr><th>2002</th><td>5</td></tr><tr><th>2003</th><td>20</td></tr></tbody>
        </table>
      </test-data-host>`);
      expect(host.shown[0]).to.equal('loading');
      await eventually(() => ready(host), 'the table is read');
      const dataset = ready(host)!;
      expect(dataset.years).to.deep.equal(FIXTURE_YEARS);
      expect(dataset.measures.map((m) => [m.id, m.label, m.values])).to.deep.equal([['cases', 'Cases', FIXTURE_VALUES]]);
      await host.updateComplete;
      expect(host.shown).to.deep.equal(['loading', 'ready']);
    });

    it('with no children, is ready with the bundled figures', async () => {
      const host = await fixture<DataHost>(html`<test-data-host></test-data-host>`);
      expect(ready(host)).to.equal(CEOP_FIGURES);
      expect(host.shown).to.deep.equal(['ready']);
    });

    it('a bad table is an error with a schema problem', async () => {
      const host = await fixture<DataHost>(html`<test-data-host>
        <table><tr><th>Year</th><th>Cases</th></tr><tr><th>2001</th><td>lots</td></tr></table>
      </test-data-host>`);
      await eventually(() => host.data.state.status === 'error', 'the table is refused');
      const state = host.data.state;
      if (state.status !== 'error') throw new Error('expected an error');
      expect(state.problem.code).to.equal('schema');
      expect(state.problem.message).to.contain('"lots" is not a whole number');
    });

    it('use() with a request: loading, then ready with what the server sent', async () => {
      const host = await fixture<DataHost>(html`<test-data-host></test-data-host>`);
      host.data.use(request('delay=50'));
      expect(host.data.state.status).to.equal('loading');
      await eventually(() => ready(host)?.years[0] === '2001', 'the dataset arrives');
      const dataset = ready(host)!;
      expect(dataset.years).to.deep.equal(FIXTURE_YEARS);
      expect(dataset.measures.map((m) => [m.id, m.label, m.values])).to.deep.equal([['cases', 'Cases', FIXTURE_VALUES]]);
      expect(dataset.source).to.deep.equal({ label: 'Test fixture', url: 'https://example.org/fixture' });
      await host.updateComplete;
      expect(host.shown).to.deep.equal(['ready', 'loading', 'ready']);
    });

    it('never applies an answer that comes after the host was removed', async () => {
      const removed = await fixture<DataHost>(html`<test-data-host></test-data-host>`);
      const witness = await fixture<DataHost>(html`<test-data-host></test-data-host>`);
      removed.data.use(request('delay=300&label=Late'));
      await removed.updateComplete;
      removed.remove();
      // Asked for later, with the same delay: once its answer is here, the removed host's would have been too.
      witness.data.use(request('delay=300&label=Witness'));
      await eventually(() => ready(witness), 'the witness gets its answer');
      expect(removed.data.state.status).to.equal('loading');
      expect(removed.shown).to.deep.equal(['ready', 'loading']);
    });
  });
});
