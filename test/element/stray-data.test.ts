import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { CeopStats, CeopStatsErrorDetail, CeopStatsReadyDetail } from '../../src/ceop-stats.js';
import { alertText, captureWarnings, counterValues, failOnUncaughtErrors, viewHidden } from '../helpers/index.js';

/**
 * The README's table fallback after WordPress's wpautop: the browser closes
 * the element at the first </p>, and its table lands after it. The widget
 * must say so, never draw the bundled figures over the editor's table.
 */
const EDITORS_TABLE = `<table>
  <thead><tr><th>Year</th><th data-metric="children">Children safeguarded or protected</th></tr></thead>
  <tbody><tr><td>2006/07</td><td>1</td></tr><tr><td>2007/08</td><td>2</td></tr></tbody>
</table>`;

/** Parses the markup as a page would (the HTML parser, whose </p> closes the element) and waits for the widget's first report. */
async function render(
  markup: string,
): Promise<{ el: CeopStats; event: CustomEvent<CeopStatsErrorDetail> | CustomEvent<CeopStatsReadyDetail> }> {
  const container = await fixture<HTMLDivElement>(html`<div style="width: 600px"></div>`);
  const reported = Promise.race([oneEvent(container, 'ceop-stats-error'), oneEvent(container, 'ceop-stats-ready')]);
  // The fragment parser closes <p> as the page's parser does.
  container.innerHTML = markup;
  const event = (await reported) as CustomEvent<CeopStatsErrorDetail> | CustomEvent<CeopStatsReadyDetail>;
  return { el: container.querySelector('ceop-stats')!, event };
}

describe('data pushed out of the element by automatic paragraphs (wpautop)', () => {
  failOnUncaughtErrors();
  let warnings: ReturnType<typeof captureWarnings>;
  beforeEach(() => (warnings = captureWarnings()));
  afterEach(() => warnings.restore());

  const pushedOut = {
    'wpautop output, table': `<p><ceop-stats metric="children" no-animation></p>${EDITORS_TABLE}<p></ceop-stats></p>`,
    'wpautop output with a line break left in the element': `<p><ceop-stats metric="children" no-animation><br />\n</p>\n${EDITORS_TABLE}\n<p></ceop-stats></p>`,
    'wpautop output, inline JSON': `<p><ceop-stats no-animation></p><script type="application/json">{"years":["2001"],"measures":[{"id":"a","label":"A","values":[1]}]}</script><p></ceop-stats></p>`,
  };
  for (const [name, markup] of Object.entries(pushedOut)) {
    it(`${name}: a visible schema error, a warning, and no bundled figures`, async () => {
      const { el, event } = await render(markup);
      expect(event.type).to.equal('ceop-stats-error');
      expect((event as CustomEvent<CeopStatsErrorDetail>).detail.code).to.equal('schema');
      expect(el.parentElement!.localName, 'the browser did close the element in the paragraph').to.equal('p');
      const text = alertText(el)!;
      expect(text).to.match(/(table|JSON) after this widget is outside it/);
      expect(text).to.contain('[ceop_stats] shortcode');
      expect(viewHidden(el)).to.equal(true);
      expect(counterValues(el), 'no counters of the bundled figures').to.deep.equal([]);
      expect(warnings.calls.map((call) => String(call[0]))).to.deep.equal([
        `<ceop-stats>: ${(event as CustomEvent<CeopStatsErrorDetail>).detail.message}`,
      ]);
    });
  }

  it('a widget with its table inside, as in a Custom HTML block, reads the table', async () => {
    const { el, event } = await render(`<ceop-stats metric="children" no-animation>${EDITORS_TABLE}</ceop-stats>`);
    expect(event.type).to.equal('ceop-stats-ready');
    expect(counterValues(el)).to.deep.equal(['3']);
  });

  it('an empty widget in a paragraph followed by text, or beside a table outside any paragraph, shows the bundled figures', async () => {
    const followedByText = await render('<p><ceop-stats no-animation></p><p>More text.</p>');
    expect(followedByText.event.type).to.equal('ceop-stats-ready');
    expect(counterValues(followedByText.el)).to.deep.equal(['1,038', '1,644', '394']);
    const besideTable = await render(`<div><ceop-stats no-animation></ceop-stats>${EDITORS_TABLE}</div>`);
    expect(besideTable.event.type).to.equal('ceop-stats-ready');
    expect(warnings.calls).to.deep.equal([]);
  });
});
