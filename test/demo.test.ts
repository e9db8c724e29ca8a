import { expect, waitUntil } from '@open-wc/testing';

interface CapturedWindow extends Window {
  __consoleProblems: string[];
}

/** Loads a page of ours in an iframe, with console capture, and waits for its widgets. */
async function loadPage(path: string): Promise<{ frame: HTMLIFrameElement; win: CapturedWindow; doc: Document }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 600px; border: 0';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `${path}?capture-console`;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as CapturedWindow;
  const doc = frame.contentDocument!;
  await waitUntil(() => win.customElements.get('ceop-stats'), 'element defined', { timeout: 10000 });
  return { frame, win, doc };
}

describe('demo page', () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => frame?.remove());

  it('renders every example, logs no error, and only the broken example warns', async () => {
    const page = await loadPage('/demo/index.html');
    frame = page.frame;
    const widgets = [...page.doc.querySelectorAll('ceop-stats')];
    expect(widgets.length).to.be.at.least(7);
    for (const widget of widgets) {
      await (widget as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
    }
    const alerts = widgets.filter((w) => w.shadowRoot?.querySelector('[role="alert"]'));
    expect(alerts.map((w) => w.getAttribute('metric'))).to.deep.equal(['rescues']);
    for (const widget of widgets) {
      if (alerts.includes(widget)) continue;
      expect(widget.shadowRoot?.querySelector('h2')?.textContent, widget.outerHTML).to.not.be.empty;
    }
    expect(page.win.__consoleProblems).to.deep.equal([
      'warn: <ceop-stats>: metric="rescues" is not a measure in the data. Use children, arrests or networks.',
    ]);
  });
});
