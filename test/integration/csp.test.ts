import { eventually } from '../helpers/eventually.js';
import { expect } from '@open-wc/testing';

interface WatchedWindow extends Window {
  __cspViolations: string[];
  __errors: string[];
  __events: Record<string, string>;
}

const PAGE = '/test/pages/csp.html';

/** The test page, loaded in a frame of the size of a desktop column. */
async function openPage(): Promise<HTMLIFrameElement> {
  const page = document.createElement('iframe');
  page.style.cssText = 'width: 800px; height: 600px; border: 0';
  const loaded = new Promise((resolve) => page.addEventListener('load', resolve, { once: true }));
  page.src = PAGE;
  document.body.append(page);
  await loaded;
  return page;
}

describe('under a strict Content-Security-Policy with Trusted Types', () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => frame?.remove());

  it('the test page is really served with the policy', async () => {
    const response = await fetch(PAGE);
    expect(response.headers.get('content-security-policy')).to.equal(
      "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'",
    );
  });

  it('every way in renders with zero violations, and the bad attribute shows its alert', async () => {
    frame = await openPage();
    const win = frame.contentWindow as WatchedWindow;
    const ids = ['bundled', 'animated', 'inline', 'table', 'src', 'broken'];
    // Charts load as widgets come near the viewport: bring each into view in turn.
    for (const id of ids) {
      frame.contentDocument!.getElementById(id)!.scrollIntoView();
      await eventually(() => id in win.__events, `${id} reported`);
    }
    expect(win.__events).to.deep.equal({
      bundled: 'ceop-stats-ready',
      animated: 'ceop-stats-ready',
      inline: 'ceop-stats-ready',
      table: 'ceop-stats-ready',
      src: 'ceop-stats-ready',
      broken: 'ceop-stats-error',
    });
    expect(win.__errors).to.deep.equal([]);
    expect(win.__cspViolations).to.deep.equal([]);

    // The watcher does see violations: an image from another origin is one.
    const image = frame.contentDocument!.createElement('img');
    image.src = 'https://example.invalid/pixel.png';
    frame.contentDocument!.body.append(image);
    await eventually(() => win.__cspViolations.length > 0, 'the blocked image is reported');
  });

  it("the built chart chunk's tooltip gets its minified styles: placed over the chart, in the palette's colours", async () => {
    frame = await openPage();
    const win = frame.contentWindow as WatchedWindow;
    await eventually(() => 'bundled' in win.__events, 'bundled drawn');
    const root = frame.contentDocument!.getElementById('bundled')!.shadowRoot!;
    const focus = root.querySelector<HTMLElement>('.chart-focus')!;
    focus.focus();
    focus.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true, composed: true }));
    await eventually(() => root.querySelector('[part~="tooltip"]:not([hidden])'), 'tooltip shown');
    const tip = root.querySelector<HTMLElement>('[part~="tooltip"]')!;
    const style = win.getComputedStyle(tip);
    expect(style.position).to.equal('absolute');
    const card = win.getComputedStyle(root.querySelector('.card')!);
    expect(style.backgroundColor).to.equal(card.color);
    expect(style.color).to.equal(card.backgroundColor);
    const box = root.querySelector('.chart')!.getBoundingClientRect();
    const rect = tip.getBoundingClientRect();
    expect(rect.left >= box.left && rect.right <= box.right && rect.top >= box.top && rect.bottom <= box.bottom).to.equal(true);
    expect(win.__cspViolations).to.deep.equal([]);
  });
});
