import { expect, waitUntil } from '@open-wc/testing';
import type { CeopStats } from '../src/ceop-stats.js';
import { MARKER_STYLE, canvasOf, counterValues, headingText, readBars } from './helpers.js';

/**
 * The WordPress plugin in a real WordPress 6.1 (test/wordpress/): posts saved
 * through the REST API as each role, each page opened as a reader does,
 * same-origin through the test server, so the widget's figures are read
 * from its DOM and canvas. Skipped, with the reason, where WordPress is not
 * installed, unless REQUIRE_WORDPRESS=1.
 */
interface WatchedWindow extends Window {
  __cspViolations?: string[];
  __errors?: string[];
  __console?: string[];
}

interface Post {
  site: 'single' | 'network';
  role: string;
  way: string;
  url: string;
  stored: string;
  unfilteredHtml: boolean;
  superAdmin: boolean;
  expected: { heading?: string; bars?: number; counters?: string[]; notice?: string; embedUrl?: string };
}

let posts: Post[] = [];
let skipped: string | undefined;

const frames: HTMLIFrameElement[] = [];

async function open(url: string): Promise<{ frame: HTMLIFrameElement; win: WatchedWindow; doc: Document }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 900px; height: 1400px; border: 0';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = url;
  document.body.append(frame);
  frames.push(frame);
  await loaded;
  return { frame, win: frame.contentWindow as WatchedWindow, doc: frame.contentDocument! };
}

/** Waits for the widget to be drawn, then counts its bars from the canvas in marker colours. */
async function figures(el: CeopStats, expectedBars: number): Promise<{ heading: string | undefined; bars: number; counters: string[] }> {
  await waitUntil(
    () => headingText(el) && counterValues(el).length > 0,
    `widget rendered: ${el.shadowRoot?.textContent.replace(/\s+/g, ' ').slice(0, 300)}`,
    { timeout: 15000 },
  );
  el.setAttribute('theme', 'light');
  for (const rule of MARKER_STYLE.split(';')) {
    const [name, value] = rule.split(':');
    el.style.setProperty(name!.trim(), value!.trim());
  }
  el.scrollIntoView();
  await el.refresh();
  await waitUntil(
    () => readBars(canvasOf(el)).length === expectedBars,
    `${expectedBars} bars drawn, saw ${readBars(canvasOf(el)).length}`,
    { timeout: 15000 },
  );
  return { heading: headingText(el), bars: readBars(canvasOf(el)).length, counters: counterValues(el) };
}

describe('WordPress plugin in WordPress 6.1 (posts saved through the REST API as each role)', function () {
  this.timeout(120000);

  before(async function () {
    const response = await fetch('/api/wordpress');
    const answer = (await response.json()) as { posts?: Post[]; skipped?: string; error?: string };
    if (answer.error) throw new Error(`WordPress could not be started: ${answer.error}`);
    if (!response.ok) throw new Error(answer.skipped ?? `/api/wordpress answered ${response.status}`);
    skipped = answer.skipped;
    posts = answer.posts ?? [];
  });

  afterEach(() => {
    for (const frame of frames.splice(0)) frame.remove();
  });

  it("every role's post, in every way in, shows the widget with the right figures and no console error", async function () {
    if (skipped) this.skip();
    const table: string[] = [];
    const failures: string[] = [];
    for (const post of posts.filter((p) => p.expected.bars !== undefined && !p.expected.embedUrl)) {
      const { win, doc } = await open(post.url);
      const where = `${post.site} ${post.role}, ${post.way}`;
      const el = doc.querySelector<CeopStats>('.entry-content ceop-stats');
      if (!el) {
        failures.push(`${where}: no <ceop-stats> on the page; stored content: ${post.stored.slice(0, 200)}`);
        table.push(`${where}: missing`);
        continue;
      }
      let seen;
      try {
        seen = await figures(el, post.expected.bars!);
      } catch (error) {
        const alert = el.shadowRoot?.querySelector('[role="alert"]')?.textContent.replace(/\s+/g, ' ').trim();
        failures.push(
          `${where}: ${alert ? `alert "${alert}"` : `${String(error)}; it shows "${el.shadowRoot?.textContent.replace(/\s+/g, ' ').trim().slice(0, 200)}"`}`,
        );
        table.push(`${where}: ${alert ? 'alert' : 'not drawn'}`);
        continue;
      }
      table.push(`${where}: ${seen.bars} bars, counters ${seen.counters.join(' ')}`);
      const expected = { heading: post.expected.heading, bars: post.expected.bars, counters: post.expected.counters };
      if (JSON.stringify(seen) !== JSON.stringify(expected))
        failures.push(`${where}: saw ${JSON.stringify(seen)}, expected ${JSON.stringify(expected)}`);
      const problems = [...(win.__errors ?? []), ...(win.__console ?? [])];
      if (problems.length) failures.push(`${where}: console ${JSON.stringify(problems)}`);
    }
    console.log(`WordPress, role × way in:\n${table.join('\n')}`);
    expect(
      posts.filter((p) => p.site === 'network' && p.role === 'administrator')[0]?.superAdmin,
      "the network's site administrator is not a super admin",
    ).to.equal(false);
    expect(posts.filter((p) => p.site === 'network')[0]?.unfilteredHtml, 'so kses filters their posts').to.equal(false);
    expect(failures).to.deep.equal([]);
    expect(table).to.have.length(20);
  });

  it('kses keeps the element and its table for an author, and the module loads once, as type=module, only on pages with a widget', async function () {
    if (skipped) this.skip();
    const author = posts.find((p) => p.role === 'author' && p.way === 'element with child table, classic')!;
    expect(author.stored).to.contain('<ceop-stats metric="children" no-animation>');
    expect(author.stored).to.contain('<th data-metric="children">');
    const pasted = posts.find((p) => p.role === 'author' && p.way === 'pasted element')!;
    // An author's script tag is removed; the plugin loads the module instead.
    expect(pasted.stored).to.not.contain('<script');
    const { doc } = await open(pasted.url);
    const modules = [...doc.querySelectorAll('script[src*="ceop-stats/dist/ceop-stats.js"]')];
    expect(modules.map((s) => s.getAttribute('type'))).to.deep.equal(['module']);
    const home = await open('/wordpress/?s=nothing-here');
    expect(home.doc.querySelector('script[src*="ceop-stats/dist/"]'), 'no widget, no module').to.equal(null);
  });

  it('a shortcode attribute the element does not know shows a visible notice, not the default figures', async function () {
    if (skipped) this.skip();
    const post = posts.find((p) => p.expected.notice)!;
    const { doc } = await open(post.url);
    const notice = doc.querySelector('.entry-content [role="alert"]');
    expect(notice?.textContent).to.contain('"metrc"');
    expect(notice?.textContent).to.contain('metric, from, to');
    expect(doc.querySelector('.entry-content ceop-stats')).to.equal(null);
  });

  it('answers oEmbed for its embed URLs, and a pasted embed URL becomes the iframe, sized to its widget', async function () {
    if (skipped) this.skip();
    const post = posts.find((p) => p.expected.embedUrl)!;
    const embedUrl = post.expected.embedUrl!;
    const endpoint = `/wordpress/?rest_route=${encodeURIComponent('/ceop-stats/v1/oembed')}&url=${encodeURIComponent(embedUrl)}`;
    const oembed = (await (await fetch(endpoint)).json()) as { type: string; version: string; html: string; height: number };
    expect(oembed.type).to.equal('rich');
    expect(oembed.version).to.equal('1.0');
    const parsed = new DOMParser().parseFromString(oembed.html, 'text/html');
    expect(parsed.querySelector('iframe')!.getAttribute('src')).to.equal(embedUrl);
    // The & of the URL is escaped in the HTML (esc_url writes &#038;).
    expect(oembed.html).to.match(/ceop_stats_embed=1&(amp|#038);metric=arrests/);
    expect(oembed.html).to.not.contain('&metric');
    const other = await fetch(
      `/wordpress/?rest_route=${encodeURIComponent('/ceop-stats/v1/oembed')}&url=${encodeURIComponent('https://example.org/?ceop_stats_embed=1')}`,
    );
    expect(other.status).to.equal(404);

    // The embed page links to its oEmbed endpoint, for other sites' discovery.
    const page = await open(new URL(embedUrl).pathname + new URL(embedUrl).search);
    const discovery = page.doc.querySelector('link[type="application/json+oembed"]')!;
    expect(new URL(discovery.getAttribute('href')!).searchParams.get('url')).to.equal(embedUrl);

    const { doc } = await open(post.url);
    const iframe = doc.querySelector<HTMLIFrameElement>('.entry-content iframe.ceop-stats-embed');
    expect(iframe, 'the URL became our iframe').to.exist;
    expect(iframe!.src).to.equal(embedUrl);
    // A lazy iframe loads when it comes near the viewport, as it does for a reader scrolling to it.
    iframe!.scrollIntoView();
    await waitUntil(() => iframe!.contentDocument?.querySelector('ceop-stats'), 'the embed shows a widget', { timeout: 15000 });
    const el = iframe!.contentDocument!.querySelector<CeopStats>('ceop-stats')!;
    const seen = await figures(el, 5);
    expect(seen).to.deep.equal({ heading: 'Arrests', bars: 5, counters: ['1,038', '1,644', '394'] });
    const body = () => Math.ceil(iframe!.contentDocument!.body.getBoundingClientRect().height);
    await waitUntil(() => iframe!.style.height === `${body()}px`, `the iframe follows its page: ${iframe!.style.height} vs ${body()}`, {
      timeout: 15000,
    });
    const inner = iframe!.contentWindow as WatchedWindow;
    expect(inner.__cspViolations ?? []).to.deep.equal([]);
    expect(inner.__errors ?? []).to.deep.equal([]);
  });
});
