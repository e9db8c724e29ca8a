import { expect, fixture, html, nextFrame, oneEvent } from '@open-wc/testing';
import { Chart } from 'chart.js';
import type { CeopStats, CeopStatsErrorDetail } from '../../src/ceop-stats.js';
import {
  FakeMediaQuery,
  chartLabel,
  viewHidden,
  MARKER_STYLE,
  alertText,
  canvasOf,
  captureWarnings,
  counterSentences,
  counterValues,
  headingText,
  readBars,
  shadow,
  watchUncaughtErrors,
} from '../helpers/index.js';

type Outcome = { kind: 'ready' } | { kind: 'error'; detail: CeopStatsErrorDetail };

/** Mounts a widget set up by `setup` and waits for its first ready or error event. */
async function mount(setup: (el: CeopStats) => void = () => undefined): Promise<{ el: CeopStats; outcome: Outcome }> {
  const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 600px"></div>`);
  const el = document.createElement('ceop-stats');
  el.setAttribute('style', MARKER_STYLE);
  el.setAttribute('theme', 'light');
  el.noAnimation = true;
  setup(el);
  const outcome = nextOutcome(el);
  wrapper.append(el);
  return { el, outcome: await outcome };
}

function nextOutcome(el: CeopStats): Promise<Outcome> {
  return Promise.race([
    oneEvent(el, 'ceop-stats-ready').then((): Outcome => ({ kind: 'ready' })),
    oneEvent<CustomEvent<CeopStatsErrorDetail>>(el, 'ceop-stats-error').then((e): Outcome => ({ kind: 'error', detail: e.detail })),
  ]);
}

const json = (value: unknown) => JSON.stringify(value);
const inlineJson = (text: string) => (el: CeopStats) => {
  const script = document.createElement('script');
  script.type = 'application/json';
  script.textContent = text;
  el.append(script);
};

/** The brief's example: 2001: 10, 2002: 5, 2003: 20. */
const CASES = { years: ['2001', '2002', '2003'], measures: [{ id: 'cases', label: 'Cases', values: [10, 5, 20] }] };

function table(rows: string[][], foot?: string[]) {
  return (el: CeopStats) => {
    const t = document.createElement('table');
    const [head, ...body] = rows;
    const headRow = t.createTHead().insertRow();
    for (const cell of head!) headRow.appendChild(document.createElement('th')).textContent = cell;
    const tbody = t.createTBody();
    for (const row of body) {
      const tr = tbody.insertRow();
      for (const cell of row) tr.insertCell().textContent = cell;
    }
    if (foot) {
      const tr = t.createTFoot().insertRow();
      for (const cell of foot) tr.insertCell().textContent = cell;
    }
    el.append(t);
  };
}

describe('data in', () => {
  let uncaught: ReturnType<typeof watchUncaughtErrors>;
  let warnings: ReturnType<typeof captureWarnings>;
  beforeEach(() => {
    uncaught = watchUncaughtErrors();
    warnings = captureWarnings();
  });
  afterEach(() => {
    warnings.restore();
    uncaught.stop();
    expect(uncaught.errors, 'uncaught errors').to.deep.equal([]);
  });

  describe('src', () => {
    it('fetches a dataset: its bars, records, counter and source', async () => {
      const { el, outcome } = await mount((e) => (e.src = '/api/dataset.json'));
      expect(outcome.kind).to.equal('ready');
      expect(headingText(el)).to.equal('Cases');
      expect(readBars(canvasOf(el)).map((b) => b.color)).to.deep.equal(['record', 'bar', 'record']);
      expect(counterValues(el)).to.deep.equal(['35']);
      expect(counterSentences(el)).to.deep.equal(['35 Cases from 2001 to 2003']);
      expect(shadow(el).querySelector('.source')!.textContent).to.contain('Test fixture');
    });

    it('shows a loading state, at about the widget’s final size, until the data arrives', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 600px"></div>`);
      const el = document.createElement('ceop-stats');
      el.noAnimation = true;
      el.src = '/api/dataset.json?delay=300';
      const ready = oneEvent(el, 'ceop-stats-ready');
      wrapper.append(el);
      await el.updateComplete;
      const status = shadow(el).querySelector('[role="status"]');
      expect(status?.textContent).to.equal('Loading data…');
      const loading = el.getBoundingClientRect();
      expect(loading.width).to.equal(600);
      await ready;
      expect(shadow(el).querySelector('[role="status"]')).to.equal(null);
      const loaded = el.getBoundingClientRect();
      expect(loaded.width).to.equal(600);
      // The text to come has its place held: the height changes by less than two lines when the data arrives.
      expect(Math.abs(loaded.height - loading.height), `loading ${loading.height} px, loaded ${loaded.height} px`).to.be.below(40);
    });

    it('drops the older answer when src changes while a fetch is in flight', async () => {
      const signals: AbortSignal[] = [];
      const realFetch = window.fetch.bind(window);
      window.fetch = (input, init) => {
        if (init?.signal) signals.push(init.signal);
        return realFetch(input, init);
      };
      try {
        const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 600px"></div>`);
        const el = document.createElement('ceop-stats');
        el.src = '/api/dataset.json?delay=400&label=Old';
        wrapper.append(el);
        await el.updateComplete;
        const ready = oneEvent(el, 'ceop-stats-ready');
        el.src = '/api/dataset.json?label=New';
        await ready;
        expect(headingText(el)).to.equal('New');
        // Whatever the old request would have brought, it was cancelled and never shown.
        expect(signals[0]!.aborted).to.equal(true);
        await realFetch('/api/dataset.json?delay=400&label=Old');
        await nextFrame();
        expect(headingText(el)).to.equal('New');
      } finally {
        window.fetch = realFetch;
      }
    });

    it('sends no cookies unless credentials allows it', async () => {
      document.cookie = 'ceop-test=1; path=/';
      try {
        const omit = await mount((e) => (e.src = '/api/cookie'));
        expect(headingText(omit.el)).to.equal('no cookie');
        const sameOrigin = await mount((e) => {
          e.src = '/api/cookie';
          e.credentials = 'same-origin';
        });
        expect(headingText(sameOrigin.el)).to.equal('cookie sent');
      } finally {
        document.cookie = 'ceop-test=; path=/; max-age=0';
      }
    });

    it('a widget removed while fetching makes no error and no late render', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 600px"></div>`);
      const el = document.createElement('ceop-stats');
      el.src = '/api/dataset.json?delay=300&label=Late';
      const events: string[] = [];
      el.addEventListener('ceop-stats-ready', () => events.push('ready'));
      el.addEventListener('ceop-stats-error', () => events.push('error'));
      wrapper.append(el);
      await el.updateComplete;
      el.remove();
      await fetch('/api/dataset.json?delay=300&label=Late');
      await nextFrame();
      expect(events).to.deep.equal([]);
      expect(headingText(el)).to.equal(undefined);
      // Put back, it asks again and renders.
      const ready = oneEvent(el, 'ceop-stats-ready');
      wrapper.append(el);
      await ready;
      expect(headingText(el)).to.equal('Late');
    });
  });

  describe('inline JSON and the editor’s table', () => {
    it('reads a child <script type="application/json">', async () => {
      const { el, outcome } = await mount(inlineJson(json(CASES)));
      expect(outcome.kind).to.equal('ready');
      expect(headingText(el)).to.equal('Cases');
      expect(counterValues(el)).to.deep.equal(['35']);
    });

    it('reads a child table: 2001: 10, 2002: 5, 2003: 20 gives records in 2001 and 2003 and a counter of 35', async () => {
      const { el } = await mount(
        table([
          ['Year', 'Cases'],
          ['2001', '10'],
          ['2002', '5'],
          ['2003', '20'],
        ]),
      );
      expect(readBars(canvasOf(el)).map((b) => b.color)).to.deep.equal(['record', 'bar', 'record']);
      expect(counterValues(el)).to.deep.equal(['35']);
      expect(counterSentences(el)).to.deep.equal(['35 Cases in total']);
    });

    it('a table with several measures, thousands separators, n/r and totals; metric picks the column', async () => {
      const { el } = await mount((e) => {
        e.setAttribute('metric', 'networks');
        e.setAttribute('locale', 'en-GB');
        table(
          [
            ['Year', 'Arrests', 'Networks'],
            ['2006/07', '1,083', 'n/r'],
            ['2007/08', '1,297', '–'],
            ['2008/09', '1,334', '82'],
          ],
          ['Total', '3,714', '166'],
        )(e);
      });
      expect(headingText(el)).to.equal('Networks');
      expect(readBars(canvasOf(el)).map((b) => b.color)).to.deep.equal(['bar']);
      expect(counterValues(el)).to.deep.equal(['3,714', '166']);
    });

    it('a counter that can only sum the years reported says so', async () => {
      const { el } = await mount(
        table([
          ['Year', 'Volunteers'],
          ['2001', '1,200'],
          ['2002', 'n/r'],
          ['2003', '1,350'],
        ]),
      );
      expect(counterValues(el)).to.deep.equal(['2,550']);
      expect(counterSentences(el)).to.deep.equal(['2,550 Volunteers (years reported only) in total']);
    });

    it('follows edits to the table after the upgrade', async () => {
      const { el } = await mount(
        table([
          ['Year', 'Cases'],
          ['2001', '10'],
          ['2002', '5'],
        ]),
      );
      const ready = oneEvent(el, 'ceop-stats-ready');
      el.querySelector('tbody td:last-child')!.textContent = '7';
      await ready;
      // 2001 changed from 10 to 7: 7 + 5.
      expect(counterValues(el)).to.deep.equal(['12']);
    });

    it('precedence: src over inline JSON over table over the bundled figures', async () => {
      const { el } = await mount((e) => {
        table([
          ['Year', 'From the table'],
          ['2001', '1'],
        ])(e);
        inlineJson(json({ ...CASES, measures: [{ ...CASES.measures[0], label: 'From JSON' }] }))(e);
        e.src = '/api/dataset.json?label=From%20src';
      });
      expect(headingText(el)).to.equal('From src');
      let ready = oneEvent(el, 'ceop-stats-ready');
      el.removeAttribute('src');
      await ready;
      expect(headingText(el)).to.equal('From JSON');
      ready = oneEvent(el, 'ceop-stats-ready');
      el.querySelector('script')!.remove();
      await ready;
      expect(headingText(el)).to.equal('From the table');
      ready = oneEvent(el, 'ceop-stats-ready');
      el.querySelector('table')!.remove();
      await ready;
      expect(headingText(el)).to.equal('Children safeguarded or protected');
      expect(counterValues(el)).to.deep.equal(['1,038', '1,644', '394']);
    });

    it('many widgets on one page keep their own data', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 600px"></div>`);
      const widgets = ['A', 'B', 'C', 'D'].map((label, i) => {
        const el = document.createElement('ceop-stats');
        el.noAnimation = true;
        if (i % 2) el.src = `/api/dataset.json?label=${label}`;
        else inlineJson(json({ ...CASES, measures: [{ id: 'x', label, values: [i, i + 1, i + 2] }] }))(el);
        return el;
      });
      const ready = widgets.map((el) => oneEvent(el, 'ceop-stats-ready'));
      wrapper.append(...widgets);
      await Promise.all(ready);
      expect(widgets.map(headingText)).to.deep.equal(['A', 'B', 'C', 'D']);
      expect(widgets.map((el) => counterValues(el)[0])).to.deep.equal(['3', '35', '9', '35']);
    });
  });

  describe('problems, each named for the editor', () => {
    const cases: [string, (el: CeopStats) => void, CeopStatsErrorDetail['code'], string][] = [
      [
        'network failure',
        (e) => (e.src = 'http://127.0.0.1:9/data.json'),
        'fetch-failed',
        'src: could not fetch http://127.0.0.1:9/data.json',
      ],
      ['404', (e) => (e.src = '/api/status/404'), 'http-status', 'src: the server answered 404 Not Found for'],
      ['500', (e) => (e.src = '/api/status/500'), 'http-status', 'src: the server answered 500'],
      [
        'timeout',
        (e) => {
          e.src = '/api/dataset.json?delay=2000';
          e.timeout = '100';
        },
        'timeout',
        'src: no answer from',
      ],
      ['non-JSON answer', (e) => (e.src = '/api/not-json'), 'not-json', 'src: not JSON; it starts "<!doctype html><title>Not foun"'],
      [
        'JSON of the wrong shape',
        (e) => (e.src = '/api/json?body=[1,2,3]'),
        'schema',
        'src: expected an object with "years" and "measures"',
      ],
      [
        'negative',
        inlineJson(json({ ...CASES, measures: [{ id: 'cases', label: 'Cases', values: [10, -5, 20] }] })),
        'schema',
        'inline JSON: cases, 2002: -5 is negative',
      ],
      [
        'fractional',
        inlineJson(json({ ...CASES, measures: [{ id: 'cases', label: 'Cases', values: [10, 5.5, 20] }] })),
        'schema',
        'cases, 2002: 5.5 is not a whole number',
      ],
      [
        'Infinity',
        inlineJson('{"years":["2001"],"measures":[{"id":"a","label":"A","values":[1e999]}]}'),
        'schema',
        'a, 2001: Infinity is not a finite number',
      ],
      ['NaN', inlineJson('{"years":["2001"],"measures":[{"id":"a","label":"A","values":[NaN]}]}'), 'not-json', 'inline JSON: not JSON'],
      [
        'huge',
        inlineJson(json({ ...CASES, measures: [{ id: 'cases', label: 'Cases', values: [10, 5e12, 20] }] })),
        'schema',
        'is larger than 1000000000000',
      ],
      [
        'non-numeric',
        inlineJson(json({ ...CASES, measures: [{ id: 'networks', label: 'N', values: [10, 'lots', 20] }] })),
        'schema',
        'networks, 2002: "lots" is not a whole number',
      ],
      [
        'non-numeric table cell',
        table([
          ['Year', 'Networks'],
          ['2006/07', '3'],
          ['2007/08', 'lots'],
        ]),
        'schema',
        'table row 3, cell 2 (Networks, 2007/08): "lots" is not a whole number',
      ],
      ['duplicate years', inlineJson(json({ ...CASES, years: ['2001', '2001', '2003'] })), 'schema', 'year "2001" appears twice'],
      ['unsorted years', inlineJson(json({ ...CASES, years: ['2003', '2001', '2002'] })), 'schema', 'years must be in increasing order'],
      [
        'a measure with no values',
        inlineJson(json({ ...CASES, measures: [{ id: 'cases', label: 'Cases', values: [null, null, null] }] })),
        'schema',
        'cases: no year has a value',
      ],
      [
        'a total below its values',
        inlineJson(json({ ...CASES, measures: [{ id: 'cases', label: 'Cases', values: [10, null, 20], total: 25 }] })),
        'schema',
        'cases, total: 25 is less than the 30 of the years reported',
      ],
      ['0 years', inlineJson(json({ years: [], measures: [] })), 'schema', '"years" is empty'],
      [
        'a 10,000-character label',
        inlineJson(json({ ...CASES, measures: [{ id: 'cases', label: 'x'.repeat(10000), values: [1, 2, 3] }] })),
        'schema',
        'text is 10000 characters long; at most 200',
      ],
      ['an empty inline script', inlineJson(''), 'not-json', 'inline JSON: not JSON; it is empty'],
      ['an empty table', (e) => e.append(document.createElement('table')), 'schema', 'table'],
      ['a javascript: src', (e) => (e.src = 'javascript:alert(1)'), 'attribute', 'src="javascript:alert(1)" is not an http or https URL'],
      [
        'a javascript: source link',
        inlineJson(json({ ...CASES, source: { label: 'x', url: 'javascript:alert(1)' } })),
        'schema',
        'only http and https links are allowed',
      ],
      [
        'bad credentials',
        (e) => e.setAttribute('credentials', 'always'),
        'attribute',
        'credentials="always" is not allowed. Use omit, same-origin or include.',
      ],
      ['bad timeout', (e) => e.setAttribute('timeout', 'soon'), 'attribute', 'timeout="soon" is not allowed'],
      [
        'a metric the data lacks',
        (e) => {
          e.setAttribute('metric', 'children');
          inlineJson(json(CASES))(e);
        },
        'attribute',
        'metric="children" is not a measure in the data. Use cases.',
      ],
    ];

    for (const [name, setup, code, message] of cases) {
      it(`${name}: code ${code}, an alert, one warning, nothing half-drawn`, async () => {
        const { el, outcome } = await mount(setup);
        expect(outcome).to.have.property('kind', 'error');
        if (outcome.kind !== 'error') return;
        expect(outcome.detail.code).to.equal(code);
        expect(outcome.detail.message).to.contain(message);
        await el.updateComplete;
        expect(alertText(el)).to.contain(message);
        expect(warnings.calls).to.have.length(1);
        expect(viewHidden(el)).to.equal(true);
        expect(shadow(el).querySelector('.counters')).to.equal(null);
      });
    }

    it('200 years are drawn', async () => {
      const years = Array.from({ length: 200 }, (_, i) => String(1801 + i));
      const { el, outcome } = await mount(inlineJson(json({ years, measures: [{ id: 'a', label: 'A', values: years.map((_, i) => i) }] })));
      expect(outcome.kind).to.equal('ready');
      expect(chartLabel(el)).to.contain('1801 to 2000');
    });

    it('a later valid change recovers the widget', async () => {
      const { el, outcome } = await mount((e) => (e.src = '/api/status/404'));
      expect(outcome.kind).to.equal('error');
      const ready = oneEvent(el, 'ceop-stats-ready');
      el.src = '/api/dataset.json';
      await ready;
      expect(alertText(el)).to.equal(undefined);
      expect(readBars(canvasOf(el))).to.have.length(3);
    });
  });

  describe('host-page safety', () => {
    const payload = '<img src=x onerror="window.__ceopXss=1"><script>window.__ceopXss=2</script>';
    /** Year labels are at most 40 characters, so they get a shorter payload. */
    const yearPayload = '<img src=x onerror=alert(1)>';

    it('markup and script in every text field are shown as text, never run', async () => {
      const evil = {
        years: [`2001 ${yearPayload}`, `2002 ${yearPayload}`],
        totalLabel: payload,
        measures: [
          {
            id: 'cases',
            label: `Cases ${payload}`.slice(0, 190),
            values: [1, 2],
            notes: [{ text: payload, years: [`2001 ${yearPayload}`] }],
          },
        ],
        source: { label: payload, url: 'https://example.org/?q=<script>' },
      };
      for (const setup of [
        inlineJson(json(evil)),
        table([
          [payload, `Cases ${payload}`],
          [`2001 ${yearPayload}`, '1'],
          [`2002 ${yearPayload}`, '2'],
        ]),
        (e: CeopStats) => e.setAttribute('heading', payload),
      ]) {
        const { el, outcome } = await mount(setup);
        expect(outcome).to.deep.equal({ kind: 'ready' });
        expect(shadow(el).querySelectorAll('img, script')).to.have.length(0);
        expect(shadow(el).textContent).to.contain('<img src=x');
      }
      await nextFrame();
      expect((window as unknown as { __ceopXss?: number }).__ceopXss).to.equal(undefined);
    });

    it('500 attach/detach cycles leave no Chart instances and no listeners', async () => {
      const reducedMotion = new FakeMediaQuery('(prefers-reduced-motion: reduce)', false);
      const darkScheme = new FakeMediaQuery('(prefers-color-scheme: dark)', false);
      try {
        const { el } = await mount();
        const parent = el.parentElement!;
        for (let i = 0; i < 500; i++) {
          el.remove();
          parent.append(el);
          await el.updateComplete;
        }
        expect(Chart.getChart(canvasOf(el))).to.exist;
        expect([reducedMotion.listeners, darkScheme.listeners]).to.deep.equal([1, 1]);
        el.remove();
        expect(Object.keys(Chart.instances)).to.have.length(0);
        expect([reducedMotion.listeners, darkScheme.listeners]).to.deep.equal([0, 0]);
      } finally {
        reducedMotion.restore();
        darkScheme.restore();
      }
      // A bound, not a measure: 7-10 s alone in WebKitGTK, and past 30 s once in CI with three engines on two cores.
    }).timeout(90000);
  });
});
