import { expect } from '@open-wc/testing';
import type { CeopStats } from '../../src/ceop-stats.js';
import { alertText, canvasOf, counterValues, headingText, MARKER_STYLE, readBars, shadow } from '../helpers/index.js';
import { eventually } from '../helpers/eventually.js';

/**
 * The iframe embed (dist/embed.html, served by the test server with the
 * README's strict CSP and a watcher script first) and the host script
 * dist/embed-resize.js, loaded into this test page as a host page would.
 */
interface EmbedWindow extends Window {
  __cspViolations: string[];
  __errors: string[];
  __console: string[];
  __events: { type: string; detail: { code?: string; message?: string; metric?: string; years?: string[] } }[];
}

const EMBED = '/dist/embed.html';
const frames: HTMLIFrameElement[] = [];

async function loadResizer(): Promise<void> {
  if (document.querySelector('script[data-test-resizer]')) return;
  const script = document.createElement('script');
  script.src = '/dist/embed-resize.js';
  script.dataset.testResizer = '';
  const loaded = new Promise((resolve, reject) => {
    script.addEventListener('load', resolve);
    script.addEventListener('error', () => reject(new Error('dist/embed-resize.js did not load (is dist/ built?)')));
  });
  document.head.append(script);
  await loaded;
}

/** An iframe as the builder's "Iframe code" makes it, at this width. */
async function embed(query: string, width = 600): Promise<{ frame: HTMLIFrameElement; win: EmbedWindow }> {
  const frame = document.createElement('iframe');
  frame.title = 'CEOP annual results';
  frame.width = String(width);
  frame.height = '300';
  frame.style.border = '0';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `${EMBED}${query}`;
  document.body.append(frame);
  frames.push(frame);
  await loaded;
  return { frame, win: frame.contentWindow as EmbedWindow };
}

const widgetOf = (win: Window) => win.document.querySelector<CeopStats>('ceop-stats');
const bodyHeight = (win: Window) => Math.ceil(win.document.body.getBoundingClientRect().height);
const frameHeight = (frame: HTMLIFrameElement) => frame.style.height;

async function ready(win: EmbedWindow): Promise<CeopStats> {
  await eventually(() => win.__events.some((e) => e.type === 'ceop-stats-ready'), 'the embedded widget drew its chart');
  return widgetOf(win)!;
}

/** The height messages a frame posted to this page, as they arrived. */
function recordMessages(): { from: (frame: HTMLIFrameElement) => unknown[]; stop: () => void } {
  const heard: { source: MessageEventSource | null; data: unknown }[] = [];
  const listener = (event: MessageEvent) => heard.push({ source: event.source, data: event.data });
  window.addEventListener('message', listener);
  return {
    from: (frame) => heard.filter((m) => m.source === frame.contentWindow).map((m) => m.data),
    stop: () => window.removeEventListener('message', listener),
  };
}

describe('iframe embed (dist/embed.html and dist/embed-resize.js)', function () {
  afterEach(() => {
    for (const frame of frames.splice(0)) frame.remove();
  });

  it("the query string configures the widget with the element's attribute names, under the strict CSP", async () => {
    const response = await fetch(EMBED);
    expect(response.headers.get('content-security-policy')).to.contain("script-src 'self'");
    const { win } = await embed('?metric=arrests&from=2008&theme=dark&locale=cy&no-animation');
    const el = await ready(win);
    // The element reflects its defaults (credentials, highlight, timeout) too; these are the query's.
    expect([...el.attributes].map((a) => `${a.name}=${a.value}`)).to.include.members([
      'from=2008',
      'locale=cy',
      'metric=arrests',
      'no-animation=',
      'theme=dark',
    ]);
    expect(headingText(el)).to.equal('Arestiadau');
    expect(counterValues(el)).to.deep.equal(['1,038', '1,644', '394']);
    // Marker colours through the CSSOM (the page's policy allows it), to count the bars from the canvas.
    el.setAttribute('theme', 'light');
    for (const rule of MARKER_STYLE.split(';')) {
      const [name, value] = rule.split(':');
      el.style.setProperty(name!.trim(), value!.trim());
    }
    await el.refresh();
    await eventually(() => readBars(canvasOf(el)).length === 3, `three bars for 2008/09 to 2010/11, saw ${readBars(canvasOf(el)).length}`);
    expect(readBars(canvasOf(el)).map((bar) => bar.color)).to.deep.equal(['record', 'record', 'record']);
    expect(win.__cspViolations).to.deep.equal([]);
    expect(win.__errors).to.deep.equal([]);
    expect(win.__console).to.deep.equal([]);
  });

  it("a bad value gets the element's own alert and warning; an unknown name or a repeated one gets the same kind of alert", async () => {
    const bad = await embed('?metric=nope&no-animation');
    await eventually(() => bad.win.__events.length > 0, 'the widget reported');
    expect(bad.win.__events.map((e) => `${e.type} ${e.detail.code}`)).to.deep.equal(['ceop-stats-error attribute']);
    expect(alertText(widgetOf(bad.win)!)).to.contain('metric="nope" is not a measure in the data');
    expect(bad.win.__console).to.have.length(1);

    const unknown = await embed('?metrc=arrests');
    await eventually(() => unknown.win.document.querySelector('[role="alert"]'), 'an alert for the unknown parameter');
    const alert = unknown.win.document.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('"metrc"');
    expect(alert.textContent).to.contain('metric, from, to');
    // No widget, so no figures other than those asked for.
    expect(widgetOf(unknown.win)).to.equal(null);
    expect(unknown.win.__console).to.have.length(1);
    expect(unknown.win.__console[0]).to.match(/^warn: <ceop-stats> embed: .*metrc/);

    const twice = await embed('?metric=arrests&metric=children');
    await eventually(() => twice.win.document.querySelector('[role="alert"]'), 'an alert for the repeated parameter');
    expect(twice.win.document.querySelector('[role="alert"]')!.textContent).to.contain('gives "metric" twice');
    for (const { win } of [bad, unknown, twice]) {
      expect(win.__cspViolations).to.deep.equal([]);
      expect(win.__errors).to.deep.equal([]);
    }
  });

  it("posts its height in our format, AMP's and WordPress's, and embed-resize.js follows it through a table view and a resize", async () => {
    await loadResizer();
    const messages = recordMessages();
    try {
      const { frame, win } = await embed('?metric=networks&no-animation&id=first#?secret=Abc123xyz', 600);
      const el = await ready(win);
      await eventually(
        () => frameHeight(frame) === `${bodyHeight(win)}px`,
        `iframe follows the page: ${frameHeight(frame)} vs ${bodyHeight(win)}`,
      );
      const chartHeight = bodyHeight(win);
      // The page is as tall as the widget's content, more than the iframe's initial 300px.
      expect(chartHeight).to.be.greaterThan(300);
      const posted = messages.from(frame);
      expect(posted).to.deep.include({ type: 'ceop-stats:embed-size', id: 'first', height: chartHeight });
      expect(posted).to.deep.include({ sentinel: 'amp', type: 'embed-size', height: chartHeight });
      expect(posted).to.deep.include({ secret: 'Abc123xyz', message: 'height', value: chartHeight });

      // The table view has another height: the iframe follows.
      shadow(el).querySelector<HTMLButtonElement>('.toggle')!.click();
      await eventually(
        () => bodyHeight(win) !== chartHeight && frameHeight(frame) === `${bodyHeight(win)}px`,
        `iframe follows the table view: ${frameHeight(frame)} vs ${bodyHeight(win)}`,
      );
      expect(shadow(el).querySelector('table')).to.exist;

      // A narrow iframe lays the widget out for a phone (text on more lines, the table's years as blocks): another height, followed.
      const tableHeight = bodyHeight(win);
      frame.width = '280';
      await eventually(
        () => bodyHeight(win) !== tableHeight && frameHeight(frame) === `${bodyHeight(win)}px`,
        `iframe follows a resize: ${frameHeight(frame)} vs ${bodyHeight(win)}`,
      );
      expect(win.__cspViolations).to.deep.equal([]);
      expect(win.__errors).to.deep.equal([]);
    } finally {
      messages.stop();
    }
  });

  it('answers wp-embed.js\'s "ready" with its height again, for the secret it was given only', async () => {
    const messages = recordMessages();
    try {
      const { frame, win } = await embed('?metric=arrests&no-animation#?secret=Ready42', 600);
      await ready(win);
      await eventually(() => messages.from(frame).some((m) => (m as { value?: number }).value === bodyHeight(win)), 'the first heights');
      const count = () => messages.from(frame).length;
      const before = count();
      // A wrong secret first, then the right one: messages arrive in order, so one answer means the first went unanswered.
      frame.contentWindow!.postMessage({ message: 'ready', secret: 'Other1' }, '*');
      frame.contentWindow!.postMessage({ message: 'ready', secret: 'Ready42' }, '*');
      await eventually(() => count() > before, 'an answer to "ready"');
      expect(messages.from(frame).slice(before)).to.deep.equal([{ secret: 'Ready42', message: 'height', value: bodyHeight(win) }]);
    } finally {
      messages.stop();
    }
  });

  it('embed-resize.js loaded after the embed has posted its heights still sizes the iframe: it asks, and the embed answers', async () => {
    // A host page of its own, which gets embed-resize.js only once its embed has drawn and posted.
    const host = document.createElement('iframe');
    host.style.cssText = 'width: 700px; height: 900px; border: 0';
    const hostLoaded = new Promise((resolve) => host.addEventListener('load', resolve, { once: true }));
    host.srcdoc = `<!doctype html><body style="margin: 0"><iframe src="${new URL(EMBED, location.href).href}?metric=arrests&no-animation" width="600" height="300" style="border: 0"></iframe></body>`;
    document.body.append(host);
    frames.push(host);
    await hostLoaded;
    const hostDoc = host.contentDocument!;
    const inner = hostDoc.querySelector('iframe')!;
    await eventually(() => (inner.contentWindow as EmbedWindow | null)?.__events, 'the embed page runs');
    const win = inner.contentWindow as EmbedWindow;
    await ready(win);
    expect(frameHeight(inner)).to.equal('');
    const script = hostDoc.createElement('script');
    script.src = '/dist/embed-resize.js';
    hostDoc.head.append(script);
    await eventually(
      () => frameHeight(inner) === `${bodyHeight(win)}px`,
      `sized by the late script: ${frameHeight(inner)} vs ${bodyHeight(win)}`,
    );
  });

  it('two embeds on one page are told apart, and a message from another window or origin is ignored', async () => {
    await loadResizer();
    const messages = recordMessages();
    try {
      const one = await embed('?metric=children&no-animation', 600);
      const two = await embed('?metric=children&no-animation', 280);
      await ready(one.win);
      await ready(two.win);
      await eventually(
        () => frameHeight(one.frame) === `${bodyHeight(one.win)}px` && frameHeight(two.frame) === `${bodyHeight(two.win)}px`,
        "each iframe has its own page's height",
      );
      expect(bodyHeight(two.win)).to.not.equal(bodyHeight(one.win));
      const ids = [one.frame, two.frame].map((frame) => (messages.from(frame)[0] as { id: string }).id);
      expect(ids[0]).to.equal(new URL(one.frame.src).href);

      // This page posting to itself is no iframe's window: nothing changes.
      const before = frameHeight(one.frame);
      const heardOwn = new Promise((resolve) => window.addEventListener('message', resolve, { once: true }));
      window.postMessage({ type: 'ceop-stats:embed-size', id: ids[0], height: 50 }, '*');
      await heardOwn;
      expect(frameHeight(one.frame)).to.equal(before);

      // A frame whose page is now on another origin than its src says: its messages are ignored.
      const other = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
      const moved = new Promise((resolve) => two.frame.addEventListener('load', resolve, { once: true }));
      const heightBefore = frameHeight(two.frame);
      two.frame.contentWindow!.location.href = `${location.protocol}//${other}:${location.port}${EMBED}?metric=arrests&no-animation&heading=${'Long '.repeat(60)}`;
      await moved;
      await eventually(
        () =>
          messages
            .from(two.frame)
            .some(
              (m) =>
                (m as { type?: string; height?: number }).type === 'ceop-stats:embed-size' &&
                `${(m as { height: number }).height}px` !== heightBefore,
            ),
        'the moved frame posted a new height',
      );
      expect(frameHeight(two.frame)).to.equal(heightBefore);
    } finally {
      messages.stop();
    }
  });
});
