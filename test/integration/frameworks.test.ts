import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { CeopStats, CeopStatsReadyDetail } from '../../src/ceop-stats.js';
import { CEOP_FIGURES } from '../../src/model/ceop-figures.js';
import { barHeights, canvasOf, counterValues, headingText, MARKER_STYLE, readBars, watchUncaughtErrors } from '../helpers/index.js';

/**
 * The README's "Embedding" snippets, run as written: the HTML ones in a page
 * of their own, the framework ones compiled by test/infra/readme-snippets-plugin.mjs
 * and mounted with the framework's own runtime.
 */

const TOTALS = ['1,038', '1,644', '394'];
const ARRESTS = CEOP_FIGURES.measures.find((m) => m.id === 'arrests')!.values as number[];

/** The first ```language block in the README section under `heading`. */
async function readmeBlock(heading: string, language: string): Promise<string> {
  const lines = (await (await fetch('/README.md')).text()).split('\n');
  const start = lines.findIndex((line) => /^#+ /.test(line) && line.replace(/^#+ /, '') === heading);
  if (start < 0) throw new Error(`README has no heading "${heading}"`);
  const level = /^#+/.exec(lines[start]!)![0].length;
  let end = lines.findIndex((line, i) => i > start && new RegExp(`^#{1,${level}} `).test(line));
  if (end < 0) end = lines.length;
  const match = new RegExp('^```' + language + '\\n([\\s\\S]*?)^```', 'm').exec(lines.slice(start + 1, end).join('\n'));
  if (!match?.[1]) throw new Error(`README has no ${language} block under "${heading}"`);
  return match[1];
}

/** What a reader sees of the arrests widget that every framework snippet renders. */
function expectArrestsWidget(el: CeopStats): void {
  expect(el.shadowRoot, 'the element upgraded').to.exist;
  expect(headingText(el)).to.equal('Arrests');
  // The framework passed the boolean attribute through...
  expect(el.hasAttribute('no-animation'), 'no-animation is set').to.equal(true);
  // ...and it took effect: at ready the counters already show their totals.
  expect(counterValues(el)).to.deep.equal(TOTALS);
  const heights = barHeights(readBars(canvasOf(el)));
  expect(heights).to.have.length(ARRESTS.length);
  heights.forEach((h, i) => expect(h / heights.at(-1)!).to.be.closeTo(ARRESTS[i]! / ARRESTS.at(-1)!, 0.02));
}

type Level = 'log' | 'warn' | 'error';

/**
 * Records console.log, warn and error while a snippet runs: its handler logs,
 * and nothing else should. Warnings and errors still reach the real console,
 * so the test runner's log shows them, and are reported to `onProblem`.
 */
function watchConsole(): {
  calls: Record<Level, unknown[][]>;
  onProblem: (listener?: (message: string) => void) => void;
  restore: () => void;
} {
  const calls: Record<Level, unknown[][]> = { log: [], warn: [], error: [] };
  const originals = { log: console.log, warn: console.warn, error: console.error };
  let problemListener: ((message: string) => void) | undefined;
  for (const level of ['log', 'warn', 'error'] as const) {
    console[level] = (...args: unknown[]) => {
      calls[level].push(args);
      if (level === 'log') return;
      originals[level](...args);
      problemListener?.(`console.${level}: ${args.map(String).join(' ')}`);
    };
  }
  return { calls, onProblem: (listener) => (problemListener = listener), restore: () => Object.assign(console, originals) };
}

interface Mounted {
  unmount: () => void | Promise<void>;
}

async function importSnippet<T>(framework: 'react' | 'vue' | 'svelte'): Promise<T> {
  const url = `/readme-snippet/${framework}.js`;
  return (await import(url)) as T;
}

describe('README embedding: HTML snippets', () => {
  interface SnippetWindow extends Window {
    ready: Promise<CeopStats>;
    problems: string[];
  }

  /*
   * Runs first in the page: records problems, resolves `ready` with the first
   * widget to draw (or rejects on a load error), and plays a reader who prefers
   * reduced motion, so counters and chart are final when ready fires.
   */
  const HARNESS = `<script>
    window.problems = [];
    for (const level of ['warn', 'error']) {
      const original = console[level].bind(console);
      console[level] = (...args) => { problems.push(level + ': ' + args.join(' ')); original(...args); };
    }
    const realMatchMedia = window.matchMedia.bind(window);
    window.matchMedia = (query) => query === '(prefers-reduced-motion: reduce)'
      ? Object.assign(new EventTarget(), { matches: true, media: query })
      : realMatchMedia(query);
    window.ready = new Promise((resolve, reject) => {
      document.addEventListener('ceop-stats-ready', (e) => resolve(e.target), { once: true });
      document.addEventListener('ceop-stats-error', (e) => reject(new Error(e.detail.message)));
      window.addEventListener('error', (e) => reject(new Error('load failed: ' + (e.message || e.target.src))), true);
    });
  </script>`;

  /** Loads `markup` as the body of a page of its own, so its script tag runs as it would for a reader. */
  async function renderPage(markup: string): Promise<{ el: CeopStats; doc: Document; win: SnippetWindow }> {
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width: 640px; height: 720px; border: 0';
    const loaded = new Promise<void>((resolve) => {
      frame.addEventListener('load', () => {
        if ((frame.contentWindow as SnippetWindow | null)?.ready) resolve();
      });
    });
    frame.srcdoc = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8">${HARNESS}</head><body style="margin: 0; ${MARKER_STYLE}">${markup}</body></html>`;
    wrapper.append(frame);
    await loaded;
    const win = frame.contentWindow as SnippetWindow;
    const el = await win.ready;
    return { el, doc: frame.contentDocument!, win };
  }

  /** Points the snippet's example script URL at dist/ as the test server serves it from another path, like a CDN. */
  function servedFromTestCdn(snippet: string): string {
    const scripts = [...snippet.matchAll(/src="(https:\/\/[^"]*\/)ceop-stats\.js"/g)];
    expect(scripts, 'one script loading ceop-stats.js from a folder URL').to.have.length(1);
    return snippet.replace(scripts[0]![1]!, '/cdn/v1/');
  }

  it('Plain HTML: the script from a copy of dist/ renders the arrests widget', async () => {
    const { el, win } = await renderPage(servedFromTestCdn(await readmeBlock('Plain HTML', 'html')));
    expect(el instanceof win.customElements.get('ceop-stats')!, 'upgraded by the page’s own script').to.equal(true);
    expect(headingText(el)).to.equal('Arrests');
    expect(counterValues(el)).to.deep.equal(TOTALS);
    expect(readBars(canvasOf(el))).to.have.length(ARRESTS.length);
    expect(win.problems).to.deep.equal([]);
  });

  it('WordPress: the pasted snippet (Custom HTML block) renders the networks widget', async () => {
    const { el, win } = await renderPage(servedFromTestCdn(await readmeBlock('WordPress', 'html')));
    expect(el instanceof win.customElements.get('ceop-stats')!, 'upgraded by the block’s own script').to.equal(true);
    expect(headingText(el)).to.equal('Offender networks dismantled or disrupted');
    expect(counterValues(el)).to.deep.equal(TOTALS);
    // Networks were not reported for the first two years: three bars.
    expect(readBars(canvasOf(el))).to.have.length(3);
    expect(win.problems).to.deep.equal([]);
  });

  it('CMS template: values filled in as the README says, quotes, < and & included, show as typed', async () => {
    const values: Record<string, string> = {
      ceop_stats_url: '/cdn/v1/ceop-stats.js',
      metric: 'arrests',
      heading: `Arrests "since 2006" <UK> & Wales' own`,
    };
    // What the escape filter of Jinja (markupsafe), Twig, Django and Liquid gives.
    const escape = (value: string) =>
      value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;');
    const template = await readmeBlock('A CMS template', 'html');
    const page = template.replace(/\{\{\s*(\w+)\s*(\|\s*escape\s*)?\}\}/g, (_placeholder, name: string, filter?: string) => {
      const value = values[name];
      if (value === undefined) throw new Error(`no example value for the placeholder {{ ${name} }}`);
      return filter ? escape(value) : value;
    });
    expect(page, 'every placeholder filled').not.to.include('{{');
    const { el, doc, win } = await renderPage(page);
    expect(doc.querySelectorAll('ceop-stats')).to.have.length(1);
    expect(headingText(el)).to.equal(values.heading);
    expect(counterValues(el)).to.deep.equal(TOTALS);
    expect(readBars(canvasOf(el))).to.have.length(ARRESTS.length);
    expect(win.problems).to.deep.equal([]);
  });
});

describe('README embedding: framework snippets', () => {
  let console_: ReturnType<typeof watchConsole>;
  let uncaught: ReturnType<typeof watchUncaughtErrors>;
  let mounted: Mounted | undefined;

  beforeEach(() => {
    console_ = watchConsole();
    uncaught = watchUncaughtErrors();
  });

  afterEach(async () => {
    await mounted?.unmount();
    mounted = undefined;
    console_.restore();
    uncaught.stop();
  });

  /**
   * Mounts a framework component in a fixture at the top of the page (so the
   * chart is drawn) and waits for its widget's ceop-stats-ready. Marker colours,
   * inherited through the shadow DOM, make the bars readable from pixels.
   */
  async function mountAndWaitForReady(
    mount: (target: HTMLElement) => Mounted,
  ): Promise<{ target: HTMLElement; el: CeopStats; detail: CeopStatsReadyDetail; mounted: Mounted }> {
    const target = await fixture<HTMLDivElement>(html`<div></div>`);
    target.setAttribute('style', `width: 600px; ${MARKER_STYLE}`);
    const ready = oneEvent(target, 'ceop-stats-ready');
    // A widget that will never be ready says so (an error event, a warning, an uncaught error): fail with that, not a timeout.
    const abort = new AbortController();
    const problem = new Promise<never>((_resolve, reject) => {
      const fail = (message: string) => reject(new Error(`before ceop-stats-ready: ${message}`));
      target.addEventListener('ceop-stats-error', (e) => fail(`ceop-stats-error: ${e.detail.message}`), { signal: abort.signal });
      window.addEventListener('error', (e) => fail(`uncaught: ${e.message}`), { signal: abort.signal });
      window.addEventListener('unhandledrejection', (e) => fail(`unhandled rejection: ${String(e.reason)}`), { signal: abort.signal });
      console_.onProblem(fail);
    });
    try {
      const app = mount(target);
      const event = (await Promise.race([ready, problem])) as CustomEvent<CeopStatsReadyDetail>;
      const el = target.querySelector('ceop-stats');
      expect(el, 'the component rendered a <ceop-stats>').to.exist;
      return { target, el: el!, detail: event.detail, mounted: app };
    } finally {
      abort.abort();
      console_.onProblem(undefined);
    }
  }

  /** The snippet's own handler ran, once, for this widget's ready event. */
  function expectLoggedOnce(detail: CeopStatsReadyDetail): void {
    expect(detail).to.deep.equal({ metric: 'arrests', years: CEOP_FIGURES.years });
    expect(
      console_.calls.log.filter((args) => args.includes(detail)),
      'the snippet logs the event detail once',
    ).to.have.length(1);
  }

  function expectNoProblems(): void {
    expect(console_.calls.warn, 'console.warn').to.deep.equal([]);
    expect(console_.calls.error, 'console.error').to.deep.equal([]);
    expect(uncaught.errors, 'uncaught errors').to.deep.equal([]);
  }

  async function expectCleanUnmount(target: HTMLElement, el: CeopStats, unmount: () => void | Promise<void>): Promise<void> {
    mounted = undefined;
    await unmount();
    expect(target.querySelector('ceop-stats')).to.equal(null);
    expect(el.isConnected).to.equal(false);
    expectNoProblems();
  }

  describe('React 19', () => {
    interface ReactRoot {
      render: (node: unknown) => void;
      unmount: () => void;
    }
    interface ReactSnippet {
      default: unknown;
      CeopStats: unknown;
      createElement: (type: unknown, props?: Record<string, unknown> | null, ...children: unknown[]) => unknown;
      useLayoutEffect: (effect: () => void, dependencies?: unknown[]) => void;
      createRoot: (container: Element) => ReactRoot;
      hydrateRoot: (container: Element, node: unknown, options?: { onRecoverableError?: (error: unknown) => void }) => ReactRoot;
      renderToString: (node: unknown) => string;
    }

    const mountReact = (react: ReactSnippet, element: unknown) => (target: HTMLElement) => {
      const root = react.createRoot(target);
      root.render(element);
      return (mounted = { unmount: () => root.unmount() });
    };

    it('renders the arrests widget without animation, and onceop-stats-ready runs the handler', async () => {
      const react = await importSnippet<ReactSnippet>('react');
      const { el, detail } = await mountAndWaitForReady(mountReact(react, react.createElement(react.default)));
      expectArrestsWidget(el);
      expectLoggedOnce(detail);
      expectNoProblems();
    });

    it('unmounting the component removes the widget without errors', async () => {
      const react = await importSnippet<ReactSnippet>('react');
      const { target, el, mounted: app } = await mountAndWaitForReady(mountReact(react, react.createElement(react.default)));
      await expectCleanUnmount(target, el, app.unmount);
    });

    /**
     * What a server-rendered page does: React's HTML is on the page, the
     * element upgrades and draws, and then React hydrates. `node()` is
     * rendered on the "server" and hydrated with a probe beside it, whose
     * layout effect says that the commit, and so the component's own
     * effects, are done.
     */
    async function serverRenderAndHydrate(react: ReactSnippet, node: () => unknown) {
      const target = await fixture<HTMLDivElement>(html`<div></div>`);
      target.setAttribute('style', `width: 600px; ${MARKER_STYLE}`);
      let committed!: () => void;
      const hydrated = new Promise<void>((resolve) => (committed = resolve));
      function Probe() {
        react.useLayoutEffect(() => committed(), []);
        return null;
      }
      const app = () => [react.createElement('div', { key: 'widget' }, node()), react.createElement(Probe, { key: 'probe' })];
      const serverHtml = react.renderToString(app());
      const drawn = oneEvent(target, 'ceop-stats-ready');
      target.innerHTML = serverHtml;
      const el = target.querySelector('ceop-stats')!;
      await drawn;
      const recoverable: unknown[] = [];
      const root = react.hydrateRoot(target, app(), { onRecoverableError: (error) => recoverable.push(error) });
      mounted = { unmount: () => root.unmount() };
      await hydrated;
      expect(target.querySelectorAll('ceop-stats'), 'one widget after hydration').to.have.length(1);
      expect(target.querySelector('ceop-stats'), 'hydration kept the server’s element').to.equal(el);
      expect(recoverable, 'hydration errors').to.deep.equal([]);
      return { target, el, serverHtml, root, app };
    }

    it('after a server render: the HTML has the options, hydration keeps the one widget, and the handler runs', async () => {
      const react = await importSnippet<ReactSnippet>('react');
      const { target, el, serverHtml } = await serverRenderAndHydrate(react, () => react.createElement(react.default));
      const parsed = new DOMParser().parseFromString(serverHtml, 'text/html').querySelector('ceop-stats')!;
      expect(parsed.getAttribute('metric'), 'metric in the server’s HTML').to.equal('arrests');
      expect(parsed.getAttribute('no-animation'), 'no-animation in the server’s HTML').to.equal('');
      expect(console_.calls.log, 'nothing heard before hydration').to.deep.equal([]);
      // The widget drew before React hydrated; its next render is heard by the handler.
      const next = oneEvent(target, 'ceop-stats-ready');
      el.setAttribute('highlight', 'latest');
      const { detail } = (await next) as CustomEvent<CeopStatsReadyDetail>;
      expectArrestsWidget(el);
      expectLoggedOnce(detail);
      expectNoProblems();
    });

    it('<CeopStats>: after hydration, new props reach the widget and onReady and onError get their events', async () => {
      const react = await importSnippet<ReactSnippet>('react');
      const heard: string[] = [];
      const props = (metric: string, highlight?: string) => ({
        metric,
        highlight,
        noAnimation: true,
        onReady: (event: CustomEvent<CeopStatsReadyDetail>) => heard.push(`ready ${event.detail.metric}`),
        onError: (event: CustomEvent<{ code: string }>) => heard.push(`error ${event.detail.code}`),
      });
      let current = props('arrests');
      const { el, root, app } = await serverRenderAndHydrate(react, () => react.createElement(react.CeopStats, current));
      const ready = oneEvent(el, 'ceop-stats-ready');
      current = props('networks');
      root.render(app());
      await ready;
      expect(el.getAttribute('metric')).to.equal('networks');
      expect(headingText(el)).to.equal('Offender networks dismantled or disrupted');
      const failed = oneEvent(el, 'ceop-stats-error');
      current = props('networks', 'max');
      root.render(app());
      await failed;
      expect(heard).to.deep.equal(['ready networks', 'error attribute']);
      expect(console_.calls.warn.map(String), 'the widget’s own warning').to.have.length(1);
      expect(console_.calls.error, 'console.error').to.deep.equal([]);
    });

    it('listens for the event under its exact name: onceop-stats-ready, not onCeopStatsReady', async () => {
      const react = await importSnippet<ReactSnippet>('react');
      const heard = { exact: 0, camelCase: 0 };
      const element = react.createElement('ceop-stats', {
        'no-animation': true,
        'onceop-stats-ready': () => heard.exact++,
        onCeopStatsReady: () => heard.camelCase++,
      });
      await mountAndWaitForReady(mountReact(react, element));
      // Both would run in the dispatch that the fixture's listener has just heard.
      expect(heard).to.deep.equal({ exact: 1, camelCase: 0 });
    });
  });

  describe('Vue 3', () => {
    interface VueSnippet {
      default: object;
      createApp: (component: object) => { mount: (container: Element) => unknown; unmount: () => void };
    }

    const mountVue = (vue: VueSnippet) => (target: HTMLElement) => {
      const app = vue.createApp(vue.default);
      app.mount(target);
      return (mounted = { unmount: () => app.unmount() });
    };

    // In development, Vue warns when a tag is neither a component nor marked as a custom element.
    it('renders the arrests widget without animation, and @ceop-stats-ready runs the handler, with no Vue warning', async () => {
      const vue = await importSnippet<VueSnippet>('vue');
      const { el, detail } = await mountAndWaitForReady(mountVue(vue));
      expectArrestsWidget(el);
      expectLoggedOnce(detail);
      expectNoProblems();
    });

    it('unmounting the app removes the widget without errors', async () => {
      const vue = await importSnippet<VueSnippet>('vue');
      const { target, el, mounted: app } = await mountAndWaitForReady(mountVue(vue));
      await expectCleanUnmount(target, el, app.unmount);
    });
  });

  describe('Svelte 5', () => {
    interface SvelteSnippet {
      default: unknown;
      mount: (component: unknown, options: { target: Element }) => Record<string, unknown>;
      unmount: (instance: Record<string, unknown>) => Promise<void>;
      compileWarnings: string[];
    }

    const mountSvelte = (svelte: SvelteSnippet) => (target: HTMLElement) => {
      const instance = svelte.mount(svelte.default, { target });
      return (mounted = { unmount: () => svelte.unmount(instance) });
    };

    it('compiles without warnings', async () => {
      const svelte = await importSnippet<SvelteSnippet>('svelte');
      expect(svelte.compileWarnings).to.deep.equal([]);
    });

    it('renders the arrests widget without animation, and onceop-stats-ready runs the handler', async () => {
      const svelte = await importSnippet<SvelteSnippet>('svelte');
      const { el, detail } = await mountAndWaitForReady(mountSvelte(svelte));
      expectArrestsWidget(el);
      expectLoggedOnce(detail);
      expectNoProblems();
    });

    it('unmounting the component removes the widget without errors', async () => {
      const svelte = await importSnippet<SvelteSnippet>('svelte');
      const { target, el, mounted: app } = await mountAndWaitForReady(mountSvelte(svelte));
      await expectCleanUnmount(target, el, app.unmount);
    });
  });
});
