/**
 * A server-rendered widget (ceop-stats/server, through test/infra/ssr-plugin.mjs)
 * taken over by the page's script: with Lit's hydrate support and the element
 * from the package's modules, and with the self-contained bundle alone. Each
 * page records from its first frame what a reader sees (counters, toolbar,
 * cards), the layout shifts, the ready event and console errors.
 */
import { expect } from '@open-wc/testing';
import { eventually } from '../helpers/eventually.js';

interface PageRecord {
  counters: string[];
  toggles: string[];
  cards: number[];
  shifts: number;
  ready: { metric: string; years: string[] }[];
  errors: string[];
}

interface Loaded {
  frame: HTMLIFrameElement;
  record: PageRecord;
  root: ShadowRoot;
}

const frames: HTMLIFrameElement[] = [];
afterEach(() => frames.splice(0).forEach((frame) => frame.remove()));

/** Opens the server-rendered page, and waits for the chart drawn into the server's box. */
async function open(client: 'bundle' | 'hydrate', attributes: Record<string, string | boolean> = {}, content = ''): Promise<Loaded> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 600px; height: 1200px; border: 0';
  const query = new URLSearchParams({ client, attrs: JSON.stringify(attributes), content });
  frame.src = `/ssr/page.html?${query}`;
  frames.push(frame);
  document.body.append(frame);
  const win = (): (Window & { record?: PageRecord }) | null => frame.contentWindow;
  await eventually(() => win()?.record?.ready.length, 'the widget is ready');
  const root = frame.contentDocument!.querySelector('ceop-stats')!.shadowRoot!;
  // Frames go on after the chart is drawn: a count-up or a second render would show in them.
  await new Promise((resolve) => setTimeout(resolve, 300));
  return { frame, record: win()!.record!, root };
}

const text = (node: Element | null | undefined) => node?.textContent.replace(/\s+/g, ' ').trim();

function expectTakenOver({ record, root }: Loaded, counters: string) {
  expect(root.querySelectorAll('.card').length, 'one card').to.equal(1);
  expect([...new Set(record.cards)], 'one card in every frame').to.deep.equal([1]);
  expect(record.counters, 'the counters, from the first frame on').to.deep.equal([counters]);
  const canvas = root.querySelector<HTMLCanvasElement>('.chart canvas');
  expect(canvas, 'the chart is drawn into the box').to.exist;
  expect(canvas!.width).to.be.greaterThan(0);
  expect(root.querySelector('.chart .table-wrap'), "the server's table has made way").to.equal(null);
  expect(record.ready.length, 'ready fired once').to.equal(1);
  expect(record.errors, 'no console error').to.deep.equal([]);
  // PerformanceObserver's layout-shift is Chromium's: elsewhere the sum stays 0.
  expect(record.shifts, 'layout shift from first paint to the chart drawn').to.be.at.most(0.01);
}

describe('a server-rendered widget', () => {
  it("with Lit's hydrate support: one card, counters final from the first frame, the chart drawn, no shift", async () => {
    const page = await open('hydrate', { metric: 'arrests' });
    expectTakenOver(page, '1,038 / 1,644 / 394');
    expect(text(page.root.querySelector('.heading'))).to.equal('Arrests');
    expect(text(page.root.querySelector('.summary'))).to.match(/1,644 since April 2006/);
    expect(page.record.ready[0]!.metric).to.equal('arrests');
  });

  it('with the bundle alone, no hydrate support: one card, never a second', async () => {
    const page = await open('bundle', { heading: 'Our heading' });
    expectTakenOver(page, '1,038 / 1,644 / 394');
    expect(text(page.root.querySelector('.heading'))).to.equal('Our heading');
    expect(page.frame.contentDocument!.querySelector('ceop-stats')!.getBoundingClientRect().height).to.be.lessThan(700);
  });

  it("with the editor's table: the editor's figures in every frame, never the bundled ones", async () => {
    const table =
      '<table><thead><tr><th>Year</th><th>Referrals</th></tr></thead><tbody><tr><td>2019/20</td><td>1,234</td></tr><tr><td>2020/21</td><td>2,345</td></tr></tbody></table>';
    const page = await open('bundle', {}, table);
    expectTakenOver(page, '3,579');
    expect(text(page.root.querySelector('.heading'))).to.equal('Referrals');
  });

  it('in Welsh: Welsh texts in every frame, never English or the loading look', async () => {
    const page = await open('hydrate', { locale: 'cy' });
    expectTakenOver(page, '1,038 / 1,644 / 394');
    expect(page.record.toggles).to.deep.equal(['Dangos tabl']);
  });
});
