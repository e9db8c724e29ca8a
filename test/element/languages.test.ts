import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { Chart } from 'chart.js';
import type { CeopStats } from '../../src/ceop-stats.js';
import { CEOP_FIGURES } from '../../src/model/ceop-figures.js';
import type { Dataset } from '../../src/model/dataset.js';
import { messages as cy } from '../../src/messages/cy.js';
import { type Change, type LatestFacts, type Messages, messages as en } from '../../src/messages/en.js';
import { LANGUAGES, messagesFor } from '../../src/messages/index.js';
import { summarize } from '../../src/view/summary.js';
import {
  MARKER_STYLE,
  barHeights,
  canvasOf,
  captureWarnings,
  chartLabel,
  counterSentences,
  counterValues,
  headingText,
  readBars,
  renderWidget,
  shadow,
  failOnUncaughtErrors,
  tooltipOf,
} from '../helpers/index.js';

const CHILDREN_CY = 'Plant a ddiogelwyd neu a amddiffynnwyd';
const ARRESTS_CY = 'Arestiadau';
const NETWORKS_CY = 'Rhwydweithiau troseddwyr a chwalwyd neu yr amharwyd arnynt';

/** Numbers as Intl formats them for Welsh, so a widget that formats for another locale is caught. */
const cyNumber = (value: number) => new Intl.NumberFormat('cy').format(value);

const summaryText = (el: CeopStats) => shadow(el).querySelector('.summary')?.textContent.trim();
const toggle = (el: CeopStats) => shadow(el).querySelector<HTMLButtonElement>('.toggle')!;
const counterLabels = (el: CeopStats) => [...shadow(el).querySelectorAll('.counter-label')].map((n) => n.textContent.trim());
const liveRegion = (el: CeopStats) => shadow(el).querySelector('[aria-live="polite"]')!.textContent.trim();
const tableRows = (el: CeopStats) =>
  [...shadow(el).querySelectorAll('table tr')].map((tr) => [...tr.children].map((c) => c.textContent.trim()));
const sourceText = (el: CeopStats) => shadow(el).querySelector('.source')?.textContent.replace(/\s+/g, ' ').trim();

/** Opens the table view and gives its rows. */
async function openTable(el: CeopStats): Promise<string[][]> {
  toggle(el).click();
  await el.updateComplete;
  return tableRows(el);
}

/** Chooses a year with the keyboard and gives the tooltip shown for it. */
async function keyboardTooltip(el: CeopStats, key: string): Promise<{ title: string[]; lines: string[] }> {
  shadow(el).querySelector<HTMLElement>('.chart-focus')!.focus();
  await sendKeys({ press: key });
  await el.updateComplete;
  return tooltipOf(el);
}

/** A widget on the marker colours inside a wrapper with the given attributes (lang, dir), once its chart is drawn. */
async function widgetIn(wrapperAttributes: Record<string, string>, attributes: Record<string, string> = {}): Promise<CeopStats> {
  const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 600px"></div>`);
  for (const [name, value] of Object.entries(wrapperAttributes)) wrapper.setAttribute(name, value);
  const el = document.createElement('ceop-stats');
  el.setAttribute('style', MARKER_STYLE);
  el.setAttribute('theme', 'light');
  el.setAttribute('no-animation', '');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  const ready = oneEvent(el, 'ceop-stats-ready');
  wrapper.append(el);
  await ready;
  return el;
}

failOnUncaughtErrors();

describe('languages: Welsh with locale="cy"', () => {
  it('heading, summary, toggle, chart label and keys, source and the content language are Welsh', async () => {
    const el = await renderWidget({ locale: 'cy' });
    expect(headingText(el)).to.equal(CHILDREN_CY);
    expect(summaryText(el)).to.equal(
      `${CHILDREN_CY}: ${cyNumber(414)} yn 2010/11, record am y bumed flwyddyn yn olynol a chynnydd o 49% ers 2009/10. ` +
        `${cyNumber(1038)} ers mis Ebrill 2006.`,
    );
    expect(toggle(el).textContent.trim()).to.equal('Dangos tabl');
    expect(chartLabel(el)).to.equal(`Siart bar: ${CHILDREN_CY} fesul blwyddyn, o 2006/07 i 2010/11.`);
    expect(shadow(el).querySelector('.chart-focus')!.getAttribute('aria-roledescription')).to.equal('siart');
    expect(shadow(el).getElementById('keys')!.textContent).to.equal("Defnyddiwch y bysellau saeth chwith a de i symud drwy'r blynyddoedd.");
    expect(sourceText(el)).to.equal('Ffynhonnell: Adolygiad Blynyddol CEOP 2010/11 (Mai 2011)');
    // Screen readers pick their Welsh voice from it, even on an English page.
    expect(shadow(el).querySelector('.card')!.getAttribute('lang')).to.equal('cy');
  });

  it('counters: Welsh labels, Welsh sentences for screen readers, numbers formatted for cy', async () => {
    const el = await renderWidget({ locale: 'cy' });
    expect(counterValues(el)).to.deep.equal([cyNumber(1038), cyNumber(1644), cyNumber(394)]);
    expect(counterLabels(el)).to.deep.equal([CHILDREN_CY, ARRESTS_CY, NETWORKS_CY]);
    expect(counterSentences(el)).to.deep.equal([
      `${CHILDREN_CY}: ${cyNumber(1038)} ers mis Ebrill 2006`,
      `${ARRESTS_CY}: ${cyNumber(1644)} ers mis Ebrill 2006`,
      `${NETWORKS_CY}: ${cyNumber(394)} ers mis Ebrill 2006`,
    ]);
  });

  it('the table: caption, headers, not-reported cells, the Welsh note and the total row', async () => {
    const el = await renderWidget({ locale: 'cy', metric: 'networks' });
    const rows = await openTable(el);
    expect(toggle(el).textContent.trim()).to.equal('Dangos siart');
    expect(shadow(el).querySelector('caption')!.textContent.trim()).to.equal(NETWORKS_CY);
    expect(rows[0]).to.deep.equal(['Blwyddyn', NETWORKS_CY, 'Record', 'Nodyn']);
    expect(rows[1]![1]).to.equal('Heb ei adrodd');
    expect(rows[1]![3]).to.equal(
      "Heb ei adrodd ar wahân: 84 o rwydweithiau yn 2006/07 a 2007/08 gyda'i gilydd (166 ers 2006 llai 82 yn 2008/09); " +
        'ni chyhoeddwyd y rhaniad rhwng y ddwy flynedd.',
    );
    expect(rows[5]).to.deep.equal(['2010/11', cyNumber(132), 'Record', '']);
    expect(rows[6]).to.deep.equal(['Cyfanswm ers mis Ebrill 2006', cyNumber(394), '', '']);
  });

  it('tooltips and keyboard announcements', async () => {
    const el = await renderWidget({ locale: 'cy', metric: 'networks' });
    const latest = await keyboardTooltip(el, 'End');
    expect(latest.title).to.deep.equal(['2010/11']);
    expect(latest.lines).to.deep.equal([`${NETWORKS_CY}: ${cyNumber(132)}`, 'Record: yr uchaf hyd yma']);
    expect(liveRegion(el)).to.equal(`2010/11: ${NETWORKS_CY}, ${cyNumber(132)}, record`);
    const missing = await keyboardTooltip(el, 'Home');
    expect(missing.lines[0]).to.equal('Heb ei adrodd');
    expect(missing.lines[1]).to.match(/^Heb ei adrodd ar wahân: 84 o rwydweithiau/);
    expect(liveRegion(el)).to.match(new RegExp(`^2006/07: ${NETWORKS_CY}, heb ei adrodd\\. Heb ei adrodd ar wahân`));
  });

  it('the heading, summary and source-label attributes still win', async () => {
    const el = await renderWidget({ locale: 'cy', heading: 'Ein pennawd', summary: 'Ein crynodeb ni.', 'source-label': 'Ein ffynhonnell' });
    expect(headingText(el)).to.equal('Ein pennawd');
    expect(summaryText(el)).to.equal('Ein crynodeb ni.');
    expect(sourceText(el)).to.equal('Ffynhonnell: Ein ffynhonnell');
    // The rest is still Welsh.
    expect(counterLabels(el)[0]).to.equal(CHILDREN_CY);
    await openTable(el);
    expect(shadow(el).querySelector('caption')!.textContent.trim()).to.equal('Ein pennawd');
  });

  it("an editor's own data keeps its own labels; only the built-in words are Welsh", async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 600px"></div>`);
    const el = document.createElement('ceop-stats');
    el.setAttribute('locale', 'cy');
    el.setAttribute('no-animation', '');
    el.innerHTML = '<table><tr><th>Year</th><th>Calls</th></tr><tr><td>2001</td><td>10</td></tr><tr><td>2002</td><td>20</td></tr></table>';
    const ready = oneEvent(el, 'ceop-stats-ready');
    wrapper.append(el);
    await ready;
    expect(headingText(el)).to.equal('Calls');
    expect(summaryText(el)).to.equal('Calls: 20 yn 2002, record am yr ail flwyddyn yn olynol a chynnydd o 100% ers 2001. 30 i gyd.');
    expect(counterSentences(el)).to.deep.equal(['Calls: 30 i gyd']);
  });
});

describe("languages: the page's language", () => {
  it('<html lang="cy"> makes a widget without locale Welsh', async () => {
    const root = document.documentElement;
    const before = root.getAttribute('lang');
    root.setAttribute('lang', 'cy');
    try {
      const el = await widgetIn({});
      expect(headingText(el)).to.equal(CHILDREN_CY);
      expect(toggle(el).textContent.trim()).to.equal('Dangos tabl');
      expect(counterLabels(el)).to.deep.equal([CHILDREN_CY, ARRESTS_CY, NETWORKS_CY]);
    } finally {
      if (before === null) root.removeAttribute('lang');
      else root.setAttribute('lang', before);
    }
  });

  it('an ancestor with lang="cy-GB" does too', async () => {
    const el = await widgetIn({ lang: 'cy-GB' }, { metric: 'arrests' });
    expect(headingText(el)).to.equal(ARRESTS_CY);
    expect(summaryText(el)).to.equal(
      `${ARRESTS_CY}: ${cyNumber(513)} yn 2010/11, record am y bumed flwyddyn yn olynol a chynnydd o 23% ers 2009/10. ${cyNumber(1644)} ers mis Ebrill 2006.`,
    );
    expect(counterSentences(el)[1]).to.equal(`${ARRESTS_CY}: ${cyNumber(1644)} ers mis Ebrill 2006`);
  });

  it('the locale attribute wins over the page: locale="en-GB" in a Welsh page is English', async () => {
    const el = await widgetIn({ lang: 'cy' }, { locale: 'en-GB' });
    expect(headingText(el)).to.equal('Children safeguarded or protected');
    expect(shadow(el).querySelector('.card')!.getAttribute('lang')).to.equal('en');
  });
});

describe('languages: fallback and switching', () => {
  it('a language without messages of its own (de) gets English texts with German numbers', async () => {
    const el = await renderWidget({ locale: 'de' });
    expect(headingText(el)).to.equal('Children safeguarded or protected');
    expect(toggle(el).textContent.trim()).to.equal('Show table');
    expect(counterValues(el)).to.deep.equal(['1.038', '1.644', '394']);
    expect(counterSentences(el)[0]).to.equal('1.038 Children safeguarded or protected since April 2006');
    expect(summaryText(el)!.replace(/\u00a0/g, ' ')).to.equal(
      'Children safeguarded or protected: 414 in 2010/11, a record for the fifth year in a row and 49 % more than in 2009/10. 1.038 since April 2006.',
    );
    // The texts are English, whatever the page says.
    expect(shadow(el).querySelector('.card')!.getAttribute('lang')).to.equal('en');
  });

  it('switching locale live re-renders in the new language, and back', async () => {
    const el = await renderWidget({ metric: 'arrests' });
    expect(headingText(el)).to.equal('Arrests');
    let ready = oneEvent(el, 'ceop-stats-ready');
    el.setAttribute('locale', 'cy');
    await ready;
    expect(headingText(el)).to.equal(ARRESTS_CY);
    expect(toggle(el).textContent.trim()).to.equal('Dangos tabl');
    expect(counterLabels(el)).to.deep.equal([CHILDREN_CY, ARRESTS_CY, NETWORKS_CY]);
    ready = oneEvent(el, 'ceop-stats-ready');
    el.locale = 'de';
    await ready;
    expect(headingText(el)).to.equal('Arrests');
    expect(counterValues(el)).to.deep.equal(['1.038', '1.644', '394']);
    expect(summaryText(el)).to.match(/^Arrests: 513 in 2010\/11/);
  });

  describe("a language's messages still loading, or failing to", () => {
    afterEach(() => {
      delete LANGUAGES.qq;
      delete LANGUAGES.zz;
    });

    it('keeps the loading look until its messages are here, then renders in its language', async () => {
      let release!: () => void;
      LANGUAGES.qq = () => new Promise((resolve) => (release = () => resolve({ messages: cy })));
      const el = await fixture<CeopStats>(html`<ceop-stats locale="qq" no-animation></ceop-stats>`);
      await el.updateComplete;
      const root = shadow(el);
      expect(root.querySelector('.card')!.getAttribute('aria-busy')).to.equal('true');
      expect(root.querySelector('[role="status"]')).to.exist;
      // Nothing in English meanwhile: no heading, summary, toggle or counters yet.
      expect(headingText(el)).to.equal(undefined);
      expect(root.querySelector('.summary, .toggle, .counters')).to.equal(null);
      expect(root.querySelector('.counters-placeholder')).to.exist;
      const ready = oneEvent(el, 'ceop-stats-ready');
      release();
      await ready;
      expect(headingText(el)).to.equal(CHILDREN_CY);
      expect(root.querySelector('[role="status"]')).to.equal(null);
      expect(root.querySelector('.card')!.getAttribute('aria-busy')).to.equal('false');
    });

    it('messages that cannot be loaded leaves English, with one warning for the page', async () => {
      LANGUAGES.zz = () => Promise.reject(new Error('offline'));
      const warnings = captureWarnings();
      try {
        const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 600px"></div>`);
        const widgets = [0, 1].map(() => {
          const el = document.createElement('ceop-stats');
          el.setAttribute('locale', 'zz');
          el.setAttribute('no-animation', '');
          return el;
        });
        const ready = widgets.map((el) => oneEvent(el, 'ceop-stats-ready'));
        wrapper.append(...widgets);
        await Promise.all(ready);
        for (const el of widgets) expect(headingText(el)).to.equal('Children safeguarded or protected');
        const ours = warnings.calls.filter((args) => String(args[0]).startsWith('<ceop-stats>:'));
        expect(ours.map((args) => String(args[0]))).to.deep.equal([
          '<ceop-stats>: the texts for "zz" could not be loaded; showing English.',
        ]);
      } finally {
        warnings.restore();
      }
    });
  });
});

describe('languages: the messages', () => {
  type FunctionKey = { [K in keyof Messages]: Messages[K] extends (...args: never[]) => unknown ? K : never }[keyof Messages];
  const facts = (extra: Partial<LatestFacts>): LatestFacts => ({ label: 'Calls', value: '20', year: '2002', ...extra });
  const more: Change = { kind: 'more', year: '2001', percent: '100%' };
  /** Arguments each sentence is tried with. Typed by the contract: a new function in Messages fails to compile until it is listed here. */
  const SAMPLES: { [K in FunctionKey]: Parameters<Messages[K]>[] } = {
    chartName: [
      ['Calls', '2001', '2002'],
      ['Calls', '2001', '2001'],
    ],
    valueLine: [['Calls', '20']],
    announcement: [
      ['2002', 'Calls', '20', true],
      ['2002', 'Calls', undefined, false],
    ],
    partialLabel: [['Calls']],
    counterSentence: [
      ['30', 'Calls', 'since 2001'],
      ['30', 'Calls', undefined],
    ],
    totalRow: [
      [undefined, false],
      ['since 2001', false],
      [undefined, true],
    ],
    notReportedIn: [['2004']],
    noneReported: [['Calls']],
    latestValue: [
      [facts({})],
      [facts({ record: { streak: 1, since: '2002' } })],
      [facts({ record: { streak: 5, since: '1998' }, change: more })],
      [facts({ record: { streak: 40, since: '1963' }, change: { kind: 'same', year: '2001' } })],
      [facts({ change: { kind: 'fewer', year: '2001', percent: '25%' } })],
      [facts({ change: { kind: 'up-from-zero', year: '2001' } })],
    ],
    // Not with a totalLabel: "30 since 2001." is all data, the same in any language.
    totalSentence: [
      ['30', undefined, false],
      ['30', undefined, true],
    ],
  };
  /** Where Welsh says just what English says. */
  const SAME_IN_WELSH = new Set<keyof Messages>(['record', 'valueLine', 'bundled']);

  it('every registered language loads and has the keys of English, of the same kinds', async () => {
    expect(Object.keys(LANGUAGES)).to.include('cy');
    for (const [language, load] of Object.entries(LANGUAGES)) {
      const { messages } = await load();
      expect(Object.keys(messages).sort(), language).to.deep.equal(Object.keys(en).sort());
      for (const key of Object.keys(en) as (keyof Messages)[]) {
        expect(typeof messages[key], `${language}.${key}`).to.equal(key === 'bundled' ? 'function' : typeof en[key]);
      }
    }
  });

  it('no Welsh text is empty, and none is the English one where Welsh differs', () => {
    for (const key of Object.keys(en) as (keyof Messages)[]) {
      const english = en[key];
      const welsh = cy[key];
      if (typeof english === 'string') {
        expect(welsh, key).to.be.a('string').and.not.equal('');
        if (!SAME_IN_WELSH.has(key)) expect(welsh, key).to.not.equal(english);
      }
    }
    for (const key of Object.keys(SAMPLES) as FunctionKey[]) {
      for (const args of SAMPLES[key]) {
        const call = (messages: Messages) => (messages[key] as (...a: unknown[]) => string)(...args);
        const welsh = call(cy);
        expect(welsh, `${key}(${JSON.stringify(args)})`)
          .to.be.a('string')
          .and.match(/\S/);
        if (!SAME_IN_WELSH.has(key)) expect(welsh, `${key}(${JSON.stringify(args)})`).to.not.equal(call(en));
      }
    }
  });

  it('the bundled figures in Welsh: every label, note, total label and the source, and nothing else changed', () => {
    expect(en.bundled).to.equal(null);
    const english = structuredClone(CEOP_FIGURES);
    const welsh = cy.bundled!(CEOP_FIGURES);
    expect(CEOP_FIGURES, 'the bundled figures are left as they are').to.deep.equal(english);
    expect(welsh.measures.map((m) => m.label)).to.deep.equal([CHILDREN_CY, ARRESTS_CY, NETWORKS_CY]);
    expect(welsh.totalLabel).to.equal('ers mis Ebrill 2006');
    english.measures.forEach((measure, i) => {
      const translated = welsh.measures[i]!;
      expect(translated.id).to.equal(measure.id);
      expect(translated.values).to.deep.equal(measure.values);
      expect(translated.total).to.equal(measure.total);
      (measure.notes ?? []).forEach((note, j) => {
        const text = translated.notes![j]!.text;
        expect(text, `note ${note.id}`).to.be.a('string').and.not.equal('');
        expect(text).to.not.equal(note.text);
        expect(translated.notes![j]!.years).to.deep.equal(note.years);
      });
    });
    expect(welsh.source!.label).to.not.equal(english.source!.label);
    expect(welsh.source!.url).to.equal(english.source!.url);
    expect(welsh.years).to.deep.equal(english.years);
  });

  it('the registry: English for languages without messages of its own, by language subtag', async () => {
    expect(messagesFor('en-GB')).to.equal(en);
    expect(messagesFor('de')).to.equal(en);
    // Not a key of the registry, though "tostring" is a well-formed language tag.
    expect(messagesFor('toString')).to.equal(en);
    expect(await messagesFor('CY-gb')).to.equal(cy);
    expect(messagesFor('cy')).to.equal(cy);
  });
});

describe('languages: Welsh grammar of the summary', () => {
  const welsh = (dataset: Dataset, last: number) => summarize({ dataset, measure: dataset.measures[0]!, last, locale: 'cy', messages: cy });

  it('a lone record, a fall, the same value and a rise from zero', () => {
    const dataset: Dataset = {
      years: ['2001', '2002', '2003', '2004', '2005'],
      measures: [{ id: 'a', label: 'Achosion', values: [0, 5, 5, 4, 9] }],
    };
    expect(welsh(dataset, 1)).to.equal('Achosion: 5 yn 2002, record am yr ail flwyddyn yn olynol ac i fyny o 0 yn 2001. 23 i gyd.');
    expect(welsh(dataset, 2)).to.equal('Achosion: 5 yn 2003, yr un nifer ag yn 2002. 23 i gyd.');
    expect(welsh(dataset, 3)).to.equal('Achosion: 4 yn 2004, gostyngiad o 20% ers 2003. 23 i gyd.');
    expect(welsh(dataset, 4)).to.equal('Achosion: 9 yn 2005, record a chynnydd o 125% ers 2004. 23 i gyd.');
  });

  it('a gap at the end, none reported, and a partial total', () => {
    const dataset: Dataset = { years: ['2001', '2002', '2003'], measures: [{ id: 'a', label: 'Achosion', values: [null, 10, null] }] };
    expect(welsh(dataset, 2)).to.equal('Heb ei adrodd yn 2003. Achosion: 10 yn 2002. 10 yn y blynyddoedd a adroddwyd.');
    expect(welsh(dataset, 0)).to.equal('Achosion: heb ei adrodd yn y blynyddoedd a ddangosir. 10 yn y blynyddoedd a adroddwyd.');
  });

  it('ordinals of "blwyddyn" (feminine, soft-mutated), and past the twentieth the year the run began', () => {
    const streakOf = (n: number) => {
      const years = Array.from({ length: n }, (_, i) => String(1980 + i));
      const dataset: Dataset = { years, measures: [{ id: 'a', label: 'A', values: years.map((_, i) => i + 1) }] };
      return /record (.*?)(?: a chynnydd|\.)/.exec(welsh(dataset, n - 1))![1];
    };
    expect([3, 4, 5, 10, 11, 15, 19, 20].map(streakOf)).to.deep.equal([
      'am y drydedd flwyddyn yn olynol',
      'am y bedwaredd flwyddyn yn olynol',
      'am y bumed flwyddyn yn olynol',
      'am y ddegfed flwyddyn yn olynol',
      'am yr unfed flwyddyn ar ddeg yn olynol',
      'am y bymthegfed flwyddyn yn olynol',
      'am y bedwaredd flwyddyn ar bymtheg yn olynol',
      'am yr ugeinfed flwyddyn yn olynol',
    ]);
    expect(streakOf(25)).to.equal('bob blwyddyn ers 1980');
  });
});

describe('languages: right to left', () => {
  it('with dir="rtl" on a wrapper: counters, toggle and text run right to left', async () => {
    const el = await widgetIn({ dir: 'rtl' });
    const root = shadow(el);
    const [first, second] = [...root.querySelectorAll('.counter')].map((c) => c.getBoundingClientRect());
    expect(first!.left, 'first counter right of the second').to.be.greaterThan(second!.right - 1);
    const card = root.querySelector('.card')!.getBoundingClientRect();
    const button = toggle(el).getBoundingClientRect();
    expect(button.left - card.left, 'toggle at the left end').to.be.lessThan(card.right - button.right);
    // The heading's text starts at the right edge.
    const range = document.createRange();
    range.selectNodeContents(root.querySelector('h2')!);
    const text = range.getBoundingClientRect();
    expect(card.right - text.right, 'heading at the right').to.be.lessThan(text.left - card.left);
    expect(getComputedStyle(root.querySelector('.source')!).textAlign).to.be.oneOf(['start', 'right']);
  });

  it('the chart: the first year on the right, the value axis on the right', async () => {
    const el = await widgetIn({ dir: 'rtl' });
    const heights = barHeights(readBars(canvasOf(el)));
    expect(heights).to.have.length(5);
    // 76, 131, 139, 278, 414 from right to left: the tallest (2010/11) is on the left.
    for (let i = 1; i < heights.length; i++) expect(heights[i - 1]!, `bar ${i}`).to.be.greaterThan(heights[i]!);
    expect(Chart.getChart(canvasOf(el))!.scales.y!.position).to.equal('right');
  });

  it('a page switching <html dir> and <html lang> after the widget has drawn gets it mirrored and in the new language', async () => {
    const root = document.documentElement;
    const [lang, dir] = [root.getAttribute('lang'), root.getAttribute('dir')];
    try {
      root.setAttribute('lang', 'en-GB');
      const el = await renderWidget();
      expect(barHeights(readBars(canvasOf(el)))[0]).to.be.lessThan(barHeights(readBars(canvasOf(el)))[4]!);
      let ready = oneEvent(el, 'ceop-stats-ready');
      root.setAttribute('dir', 'rtl');
      await ready;
      expect(barHeights(readBars(canvasOf(el)))[0], 'first year on the right').to.be.greaterThan(barHeights(readBars(canvasOf(el)))[4]!);
      ready = oneEvent(el, 'ceop-stats-ready');
      root.setAttribute('lang', 'cy');
      await ready;
      expect(headingText(el)).to.equal(CHILDREN_CY);
      expect(counterValues(el)).to.deep.equal([cyNumber(1038), cyNumber(1644), cyNumber(394)]);
    } finally {
      if (lang === null) root.removeAttribute('lang');
      else root.setAttribute('lang', lang);
      if (dir === null) root.removeAttribute('dir');
      else root.setAttribute('dir', dir);
    }
  });

  it('dir="rtl" on the element itself does the same', async () => {
    const el = await renderWidget({ dir: 'rtl' });
    const bars = readBars(canvasOf(el));
    expect(barHeights(bars)[0]).to.be.greaterThan(barHeights(bars)[4]!);
  });

  it('Left goes to the later year, Right to the earlier, and the tooltip is over the bar chosen', async () => {
    const el = await widgetIn({ dir: 'rtl' });
    const canvas = canvasOf(el);
    const bars = readBars(canvas);
    let tip = await keyboardTooltip(el, 'ArrowLeft');
    expect(tip.title, 'from none, Left starts at the first year').to.deep.equal(['2006/07']);
    expect(liveRegion(el)).to.equal('2006/07: 76 children safeguarded or protected, record');
    const scale = canvas.width / canvas.getBoundingClientRect().width;
    expect(tooltipOf(el).caretX, 'tooltip over the rightmost bar').to.be.closeTo(bars[4]!.centre, 4 * scale);
    tip = await keyboardTooltip(el, 'ArrowLeft');
    expect(tip.title).to.deep.equal(['2007/08']);
    expect(liveRegion(el)).to.equal('2007/08: 131 children safeguarded or protected, record');
    tip = await keyboardTooltip(el, 'ArrowRight');
    expect(tip.title).to.deep.equal(['2006/07']);
  });

  it('left to right, the arrows keep their usual direction', async () => {
    const el = await widgetIn({ dir: 'ltr' });
    const heights = barHeights(readBars(canvasOf(el)));
    expect(heights[0]).to.be.lessThan(heights[4]!);
    const tip = await keyboardTooltip(el, 'ArrowLeft');
    expect(tip.title, 'from none, Left starts at the last year').to.deep.equal(['2010/11']);
  });

  it('axe finds no violation right to left, in Welsh', async () => {
    // The default palettes, not the marker colours: contrast is part of what axe checks.
    const wrapper = await fixture<HTMLDivElement>(html`<div dir="rtl" lang="cy"></div>`);
    const el = document.createElement('ceop-stats');
    for (const [name, value] of [
      ['theme', 'light'],
      ['no-animation', ''],
      ['metric', 'networks'],
    ])
      el.setAttribute(name!, value!);
    const ready = oneEvent(el, 'ceop-stats-ready');
    wrapper.append(el);
    await ready;
    expect(headingText(el)).to.equal(NETWORKS_CY);
    await expect(el).to.be.accessible();
    toggle(el).click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});
