import { eventually } from '../helpers/eventually.js';
import { expect } from '@open-wc/testing';
import type { CeopStats } from '../../src/ceop-stats.js';

interface CapturedWindow extends Window {
  __consoleProblems: string[];
}

/** Loads a demo page in an iframe, with console capture, and waits until every widget has settled. */
async function loadPage(path: string): Promise<{ frame: HTMLIFrameElement; win: CapturedWindow; widgets: CeopStats[] }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 600px; border: 0';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `${path}?capture-console`;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as CapturedWindow;
  await eventually(() => win.customElements.get('ceop-stats'), 'element defined');
  const widgets = [...frame.contentDocument!.querySelectorAll('ceop-stats')];
  const settled = (w: CeopStats) =>
    !!w.shadowRoot?.querySelector('[role="alert"], h2') && !w.shadowRoot.querySelector('[aria-busy="true"]');
  await eventually(() => widgets.every(settled), 'every widget rendered or explained');
  return { frame, win, widgets };
}

const alertsOf = (widgets: CeopStats[]) => widgets.map((w) => w.shadowRoot!.querySelector('[role="alert"] span')?.textContent ?? null);

describe('demo pages', () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => frame?.remove());

  it('index: every example renders, no console error, only the deliberate mistake warns', async () => {
    const page = await loadPage('/demo/index.html');
    frame = page.frame;
    expect(page.widgets.length).to.equal(9);
    const headings = page.widgets.map((w) => w.shadowRoot!.querySelector('h2')?.textContent);
    expect(headings[5], 'the Welsh example').to.equal('Arestiadau');
    const downloads = page.widgets[6]!.shadowRoot!;
    expect([...downloads.querySelectorAll('[part~="downloads"] button')].map((b) => b.textContent)).to.deep.equal([
      'Download data (CSV)',
      'Download image (PNG)',
    ]);
    expect(downloads.querySelector('[part~="source"]')!.textContent).to.contain('CEOP annual reviews, as reported in The Guardian');
    expect(page.widgets[7]!.shadowRoot!.querySelector('[part~="source"]'), 'no-source').to.equal(null);
    expect(alertsOf(page.widgets).filter(Boolean)).to.deep.equal([
      'metric="rescues" is not a measure in the data. Use children, arrests or networks.',
    ]);
    expect(page.win.__consoleProblems).to.deep.equal([
      'warn: <ceop-stats>: metric="rescues" is not a measure in the data. Use children, arrests or networks.',
    ]);
  });

  it('your own data: JSON file, inline JSON and table all render, with no console message', async () => {
    const page = await loadPage('/demo/data-in.html');
    frame = page.frame;
    expect(page.widgets.map((w) => w.shadowRoot!.querySelector('h2')?.textContent)).to.deep.equal([
      'Calls answered (example data)',
      'Referrals (example data)',
      'Cases',
    ]);
    expect(page.win.__consoleProblems).to.deep.equal([]);
  });

  it('the article used by the benchmark and Lighthouse: three widgets, no console message', async () => {
    const page = await loadPage('/demo/article.html');
    frame = page.frame;
    expect(page.widgets.map((w) => w.shadowRoot!.querySelector('h2')?.textContent)).to.deep.equal([
      'Children safeguarded or protected',
      'Arrests',
      'Offender networks dismantled or disrupted',
    ]);
    expect(page.win.__consoleProblems).to.deep.equal([]);
  });

  it('broken inputs: each widget explains itself; one warning each, no error', async () => {
    const page = await loadPage('/demo/broken.html');
    frame = page.frame;
    const alerts = alertsOf(page.widgets);
    expect(alerts.every(Boolean), JSON.stringify(alerts)).to.equal(true);
    expect(alerts[4]).to.equal('table row 3, cell 2 (Networks, 2007/08): "lots" is not a whole number');
    const warnings = page.win.__consoleProblems;
    expect(
      warnings.filter((p) => !p.startsWith('warn: <ceop-stats>:')),
      'other messages',
    ).to.deep.equal([]);
    expect(warnings).to.have.length(page.widgets.length);
  });

  it('embed code builder: the preview renders, no console message', async () => {
    const page = await loadPage('/demo/builder.html');
    frame = page.frame;
    expect(page.widgets.map((w) => w.shadowRoot!.querySelector('h2')?.textContent)).to.deep.equal(['Children safeguarded or protected']);
    expect(page.win.__consoleProblems).to.deep.equal([]);
  });
});
