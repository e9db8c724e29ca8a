/**
 * The test posts, saved through the REST API as each role the way the block
 * editor saves them (POST /wp/v2/posts with the raw content): the shortcode
 * (in a Shortcode block), the block, the README's snippet pasted into a
 * Custom HTML block, the README's table fallback in classic content
 * (no block markup, so wpautop and wptexturize run on it), and the same
 * table enclosed in the shortcode, in a Shortcode block and in classic content. A contributor
 * cannot publish: the post is saved pending, and an editor publishes it.
 * The same posts on a multisite network, as the main site's administrator.
 */
import { URLSearchParams } from 'node:url';

const BUNDLED_COUNTERS = ['1,038', '1,644', '394'];

// wptexturize would curl the apostrophe and make " - " an en dash.
const CAPTION = "CEOP's annual results - children safeguarded or protected";

const TABLE = `<table>
    <caption>${CAPTION}</caption>
    <thead><tr><th>Year</th><th data-metric="children">Children safeguarded or protected</th></tr></thead>
    <tbody>
      <tr><td>2006/07</td><td>76</td></tr>
      <tr><td>2007/08</td><td>131</td></tr>
      <tr><td>2008/09</td><td>139</td></tr>
      <tr><td>2009/10</td><td>278</td></tr>
      <tr><td>2010/11</td><td>414</td></tr>
    </tbody>
    <tfoot><tr><td>Total since April 2006</td><td>1,038</td></tr></tfoot>
  </table>`;

const README_TABLE = `<ceop-stats metric="children" no-animation>
  ${TABLE}
</ceop-stats>`;

// The editor's table: one measure, so one counter, its total.
const TABLE_FIGURES = { heading: 'Children safeguarded or protected', bars: 5, counters: ['1,038'], caption: CAPTION };

/** Each way in: the content as the editor saves it, and what the reader must see. */
function ways(home) {
  const script = `${home}wp-content/plugins/ceop-stats/dist/ceop-stats.js`;
  return {
    shortcode: {
      content: '<!-- wp:shortcode -->\n[ceop_stats metric="arrests" from="2008" no-animation]\n<!-- /wp:shortcode -->',
      expected: { heading: 'Arrests', bars: 3, counters: BUNDLED_COUNTERS },
    },
    block: {
      content: '<!-- wp:ceop-stats/chart {"metric":"networks","from":"2008","noAnimation":true} /-->',
      expected: { heading: 'Offender networks dismantled or disrupted', bars: 3, counters: BUNDLED_COUNTERS },
    },
    'pasted element': {
      content: `<!-- wp:html -->\n<script type="module" src="${script}"></script>\n<ceop-stats metric="children" no-animation></ceop-stats>\n<!-- /wp:html -->`,
      expected: { heading: 'Children safeguarded or protected', bars: 5, counters: BUNDLED_COUNTERS },
    },
    'element with child table, classic': { content: README_TABLE, expected: TABLE_FIGURES },
    // The Shortcode block runs wpautop on its text; classic content runs wpautop and wptexturize before shortcodes.
    'shortcode with child table': {
      content: `<!-- wp:shortcode -->\n[ceop_stats metric="children" no-animation]\n${TABLE}\n[/ceop_stats]\n<!-- /wp:shortcode -->`,
      expected: TABLE_FIGURES,
    },
    'shortcode with child table, classic': { content: `[ceop_stats metric="children" no-animation]\n${TABLE}\n[/ceop_stats]`, expected: TABLE_FIGURES },
  };
}

const ROLES = { single: ['administrator', 'editor', 'author', 'contributor'], network: ['administrator'] };

export async function wordpressPosts(server, rest) {
  const posts = [];
  for (const [site, roles] of Object.entries(ROLES)) {
    const { home, users } = server.sites[site];
    for (const role of roles) {
      const user = users[role];
      for (const [way, { content, expected }] of Object.entries(ways(home))) {
        const title = `${way} as ${role}`;
        const publishes = role !== 'contributor';
        let post = await rest(server, site, user, 'POST', '/wp/v2/posts', { title, content, status: publishes ? 'publish' : 'pending' });
        if (!publishes) post = await rest(server, site, users.editor, 'POST', `/wp/v2/posts/${post.id}`, { status: 'publish' });
        const stored = await rest(server, site, users.administrator, 'GET', `/wp/v2/posts/${post.id}?context=edit`);
        const link = new URL(post.link);
        posts.push({ site, role, way, url: link.pathname + link.search, expected, stored: stored.content.raw, unfilteredHtml: user.unfiltered_html, superAdmin: user.super_admin });
      }
    }
  }
  // oEmbed: this site's embed URL alone on a line, as an author pastes it; and a typo in a shortcode attribute.
  const { home, users } = server.sites.single;
  const embedUrl = `${home}?ceop_stats_embed=1&metric=arrests&no-animation`;
  const extras = {
    'embed URL (oEmbed)': { content: `<!-- wp:paragraph -->\n<p>Before.</p>\n<!-- /wp:paragraph -->\n\n${embedUrl}\n\n<!-- wp:paragraph -->\n<p>After.</p>\n<!-- /wp:paragraph -->`, expected: { heading: 'Arrests', bars: 5, counters: BUNDLED_COUNTERS, embedUrl } },
    'shortcode with an unknown attribute': { content: '<!-- wp:shortcode -->\n[ceop_stats metrc="arrests"]\n<!-- /wp:shortcode -->', expected: { notice: 'metrc' } },
  };
  for (const [way, { content, expected }] of Object.entries(extras)) {
    const post = await rest(server, 'single', users.author, 'POST', '/wp/v2/posts', { title: way, content, status: 'publish' });
    const link = new URL(post.link);
    posts.push({ site: 'single', role: 'author', way, url: link.pathname + link.search, expected, stored: content, unfilteredHtml: false, superAdmin: false });
  }
  // The single site's embed URL pasted on the network's site, another WordPress install (own tables, own plugin): oEmbed discovery.
  const network = server.sites.network;
  const content = `<!-- wp:paragraph -->\n<p>From another WordPress.</p>\n<!-- /wp:paragraph -->\n\n${embedUrl}\n`;
  const post = await rest(server, 'network', network.users.administrator, 'POST', '/wp/v2/posts', { title: 'embed URL of another WordPress', content, status: 'publish' });
  const link = new URL(post.link);
  posts.push({ site: 'network', role: 'administrator', way: 'embed URL of another WordPress (oEmbed discovery)', url: link.pathname + link.search, expected: { embedUrl, crossSite: true }, stored: content, unfilteredHtml: false, superAdmin: false });
  posts.push(...(await issue27Posts(server, rest)));
  return posts;
}

/** Over 1 MB: PCRE's default backtrack limit is 1,000,000 steps, one per character of a lazy `.*?`. */
const BIG = 1_100_000;

/** JSON of more than BIG bytes: rows of [year, value], its last row carrying `marker`. */
function bigJson(marker) {
  const rows = [];
  for (let length = 0, i = 0; length < BIG; i++) {
    const row = `[${2000 + (i % 20)},${i}]`;
    rows.push(row);
    length += row.length + 1;
  }
  return `{"rows":[${rows.join(',')}],"end":"${marker}"}`;
}

/** Plain text of more than BIG bytes, ending with `marker`. */
function bigText(marker) {
  return 'Ordinary words of a long report. '.repeat(Math.ceil(BIG / 33)) + marker;
}

/** What the tests need of a stored content too big to send to each browser whole: its length, start and end. */
function summary(raw) {
  return raw.length > 20000 ? `${raw.slice(0, 2000)}…${raw.slice(-2000)}` : raw;
}

/**
 * Issue #27: contents over 1 MB saved as author and contributor (read back whole through ?context=edit);
 * a widget holding over 1 MB, and an unclosed one followed by over 1 MB, shown; a contributor's bare
 * placeholder beside an author's widget in one REST list and one feed (found by the word in their titles,
 * newest first: the widget's post is an hour newer); embed URLs of other schemes than the site's, in [embed].
 */
async function issue27Posts(server, rest) {
  const { home, users } = server.sites.single;
  const posts = [];
  const save = async (role, way, content, expected, extra = {}) => {
    const publishes = role !== 'contributor';
    let post = await rest(server, 'single', users[role], 'POST', '/wp/v2/posts', { title: way, content, status: publishes ? 'publish' : 'pending', ...extra });
    if (!publishes) post = await rest(server, 'single', users.editor, 'POST', `/wp/v2/posts/${post.id}`, { status: 'publish' });
    const stored = (await rest(server, 'single', users.administrator, 'GET', `/wp/v2/posts/${post.id}?context=edit`)).content.raw;
    const link = new URL(post.link);
    posts.push({ site: 'single', role, way, id: post.id, url: link.pathname + link.search, expected, stored: summary(stored), storedLength: stored.length, unfilteredHtml: false, superAdmin: false });
  };
  for (const role of ['author', 'contributor']) {
    const json = bigJson(`json-end-${role}`);
    await save(role, `over 1 MB of JSON in a script after a paragraph, as ${role}`, `<p>Intro</p><script type="application/json">${json}</script><p>Outro ${role}</p>`, {
      saved: { start: '<p>Intro</p>', includes: [`json-end-${role}`], end: `<p>Outro ${role}</p>`, minLength: BIG },
    });
    await save(role, `over 1 MB after an unclosed JSON script, as ${role}`, `<p>Intro</p><script type="application/json">${bigText(`text-end-${role}`)}`, {
      saved: { start: '<p>Intro</p>', includes: [], end: `text-end-${role}`, minLength: BIG },
    });
    await save(role, `over 1 MB of JSON in a widget, as ${role}`, `<p>Intro</p><ceop-stats metric="children"><script type="application/json">${json}</script></ceop-stats><p>Outro ${role}</p>`, {
      saved: { start: '<p>Intro</p><ceop-stats metric="children"><script type="application/json">', includes: [`json-end-${role}`, '</script></ceop-stats>'], end: `<p>Outro ${role}</p>`, minLength: BIG },
    });
  }
  // The README's table, its body indented by over 1 MB of whitespace: the widget must still read it.
  const bigTable = TABLE.replace('<tbody>', `<tbody>${'\n        '.repeat(Math.ceil(BIG / 9))}`);
  await save('author', 'a widget holding over 1 MB', `<p>Before the widget.</p>\n<ceop-stats metric="children" no-animation>\n${bigTable}\n</ceop-stats>\n<p>After the widget, big-element-end.</p>`, {
    figures: { heading: TABLE_FIGURES.heading, bars: TABLE_FIGURES.bars, counters: TABLE_FIGURES.counters },
    text: 'big-element-end',
  });
  await save('author', 'an unclosed widget followed by over 1 MB', `<p>Before the widget.</p>\n<ceop-stats metric="arrests" no-animation>\n<p>${bigText('unclosed-end')}</p>`, { text: 'unclosed-end' });

  // The placeholder the plugin used between its the_content filters, typed by a contributor.
  const hourAgo = new Date(Date.now() - 3600_000).toISOString().slice(0, 19);
  await save('contributor', 'ceopforge: a bare placeholder', '<p>Forged by a contributor.</p><div data-ceop-stats-kept="0"></div>', { forged: true }, { date_gmt: hourAgo });
  await save('author', 'ceopforge: a widget', '<ceop-stats metric="children" no-animation></ceop-stats>', { forgeVictim: true });

  // The site's embed URL under other schemes: none is an embed.
  const hostAndPath = home.replace(/^http:\/\//, '');
  for (const scheme of ['javascript', 'file', 'gopher', 'https']) {
    const url = `${scheme}://${hostAndPath}?ceop_stats_embed=1&metric=arrests`;
    await save('author', `[embed] of a ${scheme} URL`, `<p>Before.</p>\n\n[embed]${url}[/embed]\n\n<p>After.</p>`, { refusedEmbed: url });
  }
  // URL attributes of other schemes than http(s), in the shortcode, the block and the block editor's server preview; https kept.
  await save('author', 'shortcode with URLs of other schemes', '<!-- wp:shortcode -->\n[ceop_stats metric="arrests" src="javascript:alert(1)" source-url="gopher://example.org/"]\n<!-- /wp:shortcode -->', { urlAttributes: {} });
  await save('author', 'block with URLs of other schemes', '<!-- wp:ceop-stats/chart {"metric":"arrests","src":"javascript:alert(1)","sourceUrl":"https://example.org/source"} /-->', { urlAttributes: { 'source-url': 'https://example.org/source' } });
  const preview = await rest(server, 'single', users.author, 'GET', `/wp/v2/block-renderer/ceop-stats/chart?context=edit&${new URLSearchParams({ 'attributes[src]': 'file:///etc/passwd', 'attributes[sourceUrl]': 'javascript:alert(1)', 'attributes[metric]': 'arrests' })}`);
  posts.push({ site: 'single', role: 'author', way: 'block-renderer with URLs of other schemes', url: '', expected: { urlAttributes: {}, rendered: preview.rendered }, stored: '', unfilteredHtml: false, superAdmin: false });
  return posts;
}
